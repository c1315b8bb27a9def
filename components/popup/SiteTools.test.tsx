import { resolve } from 'node:path';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { translatorFromCatalog } from '@/lib/i18n/catalog';
import { loadCatalog } from '@/lib/i18n/load-catalog';
import { SiteTools, type SiteToolsProps } from './SiteTools';
import type { PageActions, RememberOutcome, SiteActions } from './types';

const fr = translatorFromCatalog(loadCatalog(resolve(__dirname, '../../locales')), 'fr');
const SITE = 'https://ent.example.fr/*';

function fakeSites(initial: string[] = []) {
  const list = [...initial];
  return {
    list: vi.fn(async () => [...list]),
    remember: vi.fn(async (p: string): Promise<RememberOutcome> => {
      list.push(p);
      return 'remembered';
    }),
    forget: vi.fn(async (p: string) => {
      list.splice(list.indexOf(p), 1);
    }),
  } satisfies SiteActions;
}

function fakePage(pattern: string | null = SITE) {
  return {
    status: vi.fn(async () => null),
    fill: vi.fn(async () => 'filled' as const),
    startGuide: vi.fn(async () => 'started' as const),
    diagnostic: vi.fn(async () => 'host: ent.example.fr\ndetection: none'),
    sitePattern: vi.fn(async () => pattern),
  } satisfies PageActions;
}

let root: HTMLDivElement;
const $ = (sel: string) => root.querySelector<HTMLElement>(sel);

async function mount(props: Partial<SiteToolsProps>) {
  const all: SiteToolsProps = {
    t: fr,
    page: fakePage(),
    sites: fakeSites(),
    checked: true,
    status: null,
    guideOutcome: null,
    copy: vi.fn(async () => {}),
    ...props,
  };
  await act(async () => {
    render(<SiteTools {...all} />, root);
  });
  await flush();
  return all;
}

async function flush() {
  await act(async () => {
    await new Promise((r) => setTimeout(r, 0));
  });
}

describe('SiteTools', () => {
  beforeEach(() => {
    root = document.createElement('div');
    document.body.append(root);
  });
  afterEach(() => {
    render(null, root);
    root.remove();
  });

  it('offers "Toujours aider sur ce site" only once the guide runs on a remember-able page', async () => {
    await mount({ guideOutcome: null });
    expect($('[data-action="remember-site"]')).toBeNull();
    render(null, root);
    await mount({ guideOutcome: 'started' });
    expect($('[data-action="remember-site"]')?.textContent).toBe('Toujours aider sur ce site');
    expect($('[data-action="remember-site"]')?.dataset.site).toBe('ent.example.fr');
    expect(root.textContent).toContain('pour ce site seulement');
    render(null, root);
    await mount({ guideOutcome: 'started', page: fakePage(null) });
    expect($('[data-action="remember-site"]')).toBeNull();
    render(null, root);
    await mount({ guideOutcome: 'started', sites: undefined });
    expect($('[data-action="remember-site"]')).toBeNull();
  });

  it('remembers from the click itself, then lists the site with "Oublier ce site"', async () => {
    const sites = fakeSites();
    await mount({ guideOutcome: 'started', sites });
    // The request leaves inside the click handler, before any await (a browser rule for permissions).
    act(() => $('[data-action="remember-site"]')?.click());
    expect(sites.remember).toHaveBeenCalledWith(SITE);
    await flush();
    expect($('[data-site-notice]')?.dataset.siteNotice).toBe('popup_remember_done');
    expect(root.textContent).toContain("le guide s'ouvrira tout seul sur ent.example.fr");
    expect($('[data-action="remember-site"]')).toBeNull();
    const forget = $('li[data-site="ent.example.fr"] [data-action="forget-site"]');
    expect(forget?.getAttribute('aria-label')).toBe('Oublier le site ent.example.fr');
    await act(async () => forget?.click());
    await flush();
    expect(sites.forget).toHaveBeenCalledWith(SITE);
    expect($('[data-action="forget-site"]')).toBeNull();
    expect($('[data-site-notice]')?.dataset.siteNotice).toBe('popup_forget_done');
  });

  it('says so when the family refuses, or the browser fails', async () => {
    const sites = fakeSites();
    sites.remember.mockResolvedValueOnce('refused');
    await mount({ guideOutcome: 'started', sites });
    await act(async () => $('[data-action="remember-site"]')?.click());
    await flush();
    expect($('[data-site-notice]')?.dataset.siteNotice).toBe('popup_remember_refused');
    sites.remember.mockRejectedValueOnce(new Error('boom'));
    await act(async () => $('[data-action="remember-site"]')?.click());
    await flush();
    expect($('[data-site-notice]')?.dataset.siteNotice).toBe('popup_remember_failed');
  });

  it('lists remembered sites on any page', async () => {
    await mount({ sites: fakeSites(['https://a.example/*', 'https://b.example/*']), page: fakePage(null) });
    expect([...root.querySelectorAll('li')].map((li) => li.dataset.site)).toEqual(['a.example', 'b.example']);
    expect(root.textContent).toContain('Sites où Sésame aide toujours');
  });

  it('offers the diagnostic where the guide did not appear, shows and copies the text', async () => {
    const copy = vi.fn(async () => {});
    await mount({ status: { kind: 'change-password', canFill: true }, copy });
    expect($('[data-action="copy-diagnostic"]')).toBeNull();
    render(null, root);
    const page = fakePage();
    await mount({ status: { kind: 'none', canFill: false }, copy, page });
    await act(async () => $('[data-action="copy-diagnostic"]')?.click());
    await flush();
    const text = (root.querySelector('[data-testid="diagnostic"]') as HTMLTextAreaElement).value;
    expect(text).toBe('host: ent.example.fr\ndetection: none');
    expect(copy).toHaveBeenCalledWith(text);
    expect($('[data-diagnostic-notice]')?.dataset.diagnosticNotice).toBe('popup_diagnostic_copied');
  });

  it('after "Aider sur cette page" found no form, and when copying or reading fails', async () => {
    const page = fakePage();
    const copy = vi.fn(async () => {
      throw new Error('denied');
    });
    await mount({ guideOutcome: 'no-form', copy, page });
    await act(async () => $('[data-action="copy-diagnostic"]')?.click());
    await flush();
    expect($('[data-diagnostic-notice]')?.dataset.diagnosticNotice).toBe('popup_diagnostic_copy_failed');
    expect($('[data-testid="diagnostic"]')).not.toBeNull();
    page.diagnostic.mockResolvedValueOnce(null as unknown as string);
    await act(async () => $('[data-action="copy-diagnostic"]')?.click());
    await flush();
    expect($('[data-diagnostic-notice]')?.dataset.diagnosticNotice).toBe('popup_diagnostic_failed');
    expect($('[data-testid="diagnostic"]')).toBeNull();
  });
});
