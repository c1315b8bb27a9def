import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script module, typed by its use here
import * as kit from '../../scripts/store-listing.mjs';

const root = resolve(import.meta.dirname, '../..');
const store = join(root, 'store');
const listing = JSON.parse(readFileSync(join(store, 'listing.json'), 'utf8'));
const langs = ['fr', 'en'] as const;

/** Width and height from a PNG's IHDR chunk; throws on anything that is not a PNG. */
function pngSize(path: string): { width: number; height: number } {
  const bytes = readFileSync(path);
  expect(bytes.subarray(0, 8).toString('hex'), `${path} is a PNG`).toBe('89504e470d0a1a0a');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('store kit', () => {
  it('has the listing in French and English, nothing else and nothing less', () => {
    expect(Object.keys(listing.languages).sort()).toEqual([...langs].sort());
  });

  it.each(langs)('keeps every field of the %s listing within the stores’ limits', (lang) => {
    const l = listing.languages[lang];
    expect(kit.length(l.name)).toBeLessThanOrEqual(kit.LIMITS.name);
    expect(kit.length(l.chromeSummary)).toBeLessThanOrEqual(kit.LIMITS.chromeSummary);
    expect(kit.length(l.amoSummary)).toBeLessThanOrEqual(kit.LIMITS.amoSummary);
    expect(kit.length(l.description.join('\n'))).toBeLessThanOrEqual(kit.LIMITS.description);
    expect(kit.length(l.singlePurpose)).toBeLessThanOrEqual(kit.LIMITS.singlePurpose);
    for (const why of Object.values<string>(l.permissions)) {
      expect(why.trim()).not.toBe('');
      expect(kit.length(why)).toBeLessThanOrEqual(kit.LIMITS.justification);
    }
    for (const answer of Object.values<string>(l.dataUsage)) expect(answer.trim()).not.toBe('');
    expect(l.remoteCode.trim()).not.toBe('');
  });

  it('justifies the same permissions in both languages', () => {
    expect(Object.keys(listing.languages.fr.permissions).sort()).toEqual(
      Object.keys(listing.languages.en.permissions).sort(),
    );
  });

  it('names the extension as its manifest does, so the store and the toolbar agree', () => {
    const catalog = JSON.parse(readFileSync(join(root, 'locales/extension.json'), 'utf8'));
    for (const lang of langs) expect(listing.languages[lang].name).toBe(catalog.extName[lang]);
  });

  it.each(langs)('has at least 3 screenshots of exactly 1280 × 800 in %s', (lang) => {
    expect(listing.screenshots.length).toBeGreaterThanOrEqual(3);
    for (const shot of listing.screenshots) {
      expect(shot.caption[lang]?.trim()).toBeTruthy();
      expect(pngSize(join(store, 'images', lang, shot.file))).toEqual(kit.SCREENSHOT_SIZE);
    }
  });

  it('has the small promo tile at exactly 440 × 280 and the icon at 128 × 128', () => {
    expect(pngSize(join(store, 'images/small-promo-tile.png'))).toEqual(kit.PROMO_TILE_SIZE);
    expect(pngSize(join(store, 'images/icon-128.png'))).toEqual({
      width: kit.ICON_SIZE,
      height: kit.ICON_SIZE,
    });
  });

  it.each(langs)('store/listing.%s.md is what listing.json says (npm run store:assets)', (lang) => {
    expect(readFileSync(join(store, `listing.${lang}.md`), 'utf8')).toBe(kit.renderListing(listing, lang));
  });

  it('links the privacy policy, which exists in both languages', () => {
    const policy = join(root, listing.privacyPolicy);
    expect(existsSync(policy)).toBe(true);
    const text = readFileSync(policy, 'utf8');
    expect(text).toMatch(/^## Français$/m);
    expect(text).toMatch(/^## English$/m);
  });

  it('counts characters as the stores’ forms do (code points, not UTF-16 units)', () => {
    const tooLong = 'é'.repeat(kit.LIMITS.chromeSummary + 1);
    expect(kit.length(tooLong)).toBe(kit.LIMITS.chromeSummary + 1);
    expect(kit.length('😀')).toBe(1);
  });
});
