import { describe, expect, it } from 'vitest';
import { isAndroid, PANEL_QUERY, popupView, viewFromAddress } from './view';

const FIREFOX_ANDROID = 'Mozilla/5.0 (Android 14; Mobile; rv:142.0) Gecko/142.0 Firefox/142.0';
const FIREFOX_LINUX = 'Mozilla/5.0 (X11; Linux x86_64; rv:153.0) Gecko/20100101 Firefox/153.0';
const CHROME_WINDOWS =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36';

describe('popupView', () => {
  it('gives the desktop toolbar popup its fixed width', () => {
    expect(popupView({ inPopupViews: true, userAgent: FIREFOX_LINUX })).toBe('panel');
    expect(popupView({ inPopupViews: true, userAgent: CHROME_WINDOWS })).toBe('panel');
  });

  it('lets a tab follow the window', () => {
    expect(popupView({ inPopupViews: false, userAgent: CHROME_WINDOWS })).toBe('page');
  });

  it('treats Firefox for Android as a full page even when it lists the popup view', () => {
    expect(popupView({ inPopupViews: true, userAgent: FIREFOX_ANDROID })).toBe('page');
    expect(popupView({ inPopupViews: null, userAgent: FIREFOX_ANDROID })).toBe('page');
  });

  it('keeps the panel width on a desktop when the browser cannot say', () => {
    expect(popupView({ inPopupViews: null, userAgent: FIREFOX_LINUX })).toBe('panel');
  });

  it('recognises Android by its own token only', () => {
    expect(isAndroid(FIREFOX_ANDROID)).toBe(true);
    expect(isAndroid(FIREFOX_LINUX)).toBe(false);
    expect(isAndroid('Mozilla/5.0 (X11; Linux x86_64) AndroidStudio-like')).toBe(false);
  });

  it('reads the toolbar panel from the address the manifest gives it, and Android stays a page', () => {
    expect(viewFromAddress(`?${PANEL_QUERY}`, FIREFOX_LINUX)).toBe('panel');
    expect(viewFromAddress('', FIREFOX_LINUX)).toBe('page');
    expect(viewFromAddress('?view=page', FIREFOX_LINUX)).toBe('page');
    expect(viewFromAddress(`?${PANEL_QUERY}`, FIREFOX_ANDROID)).toBe('page');
  });
});
