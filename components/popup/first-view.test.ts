import { resolve } from 'node:path';
import { h, hydrate, render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { isolatingTranslate, type Lang, translatorFromCatalog } from '@/lib/i18n/catalog';
import { loadCatalog } from '@/lib/i18n/load-catalog';
import { DEFAULT_SETTINGS, LENGTH_RANGE, type PopupSettings, WORDS_RANGE } from '@/lib/settings/parse';
import { holdClicks, paintFirstView } from './first-view';
import { PopupApp, type PopupAppProps } from './PopupApp';
import type { PopupPassword } from './types';

const catalog = loadCatalog(resolve(__dirname, '../../locales'));

function translator(lang: Lang) {
  return isolatingTranslate(translatorFromCatalog(catalog, lang), lang);
}

function props(lang: Lang, settings: PopupSettings, first: PopupPassword): PopupAppProps {
  return {
    t: translator(lang),
    lang,
    initialSettings: settings,
    initialPassword: first,
    onSettingsChange: vi.fn(),
    generate: vi.fn(() => ({ password: 'Autre-Mot-123', entropyBits: 50, hints: [] })),
    loadStrength: () => new Promise(() => {}),
    copy: vi.fn(async () => {}),
    page: {
      status: () => new Promise(() => {}),
      fill: async () => 'failed' as const,
      startGuide: async () => 'not-allowed' as const,
    },
    print: vi.fn(),
    now: () => new Date(2025, 10, 29),
  };
}

/**
 * Everything hydration and the eye depend on: each node's type, attributes (in order), text, and the
 * form state Preact sets as properties (`checked`, `value`, `disabled`, which the markup does not show).
 */
function describeTree(node: Node): unknown {
  if (node.nodeType === Node.TEXT_NODE) return { text: (node as Text).data };
  const el = node as HTMLElement;
  const out: Record<string, unknown> = {
    tag: el.localName,
    attrs: Array.from(el.attributes)
      .filter((a) => a.name !== 'style')
      .map((a) => `${a.name}=${a.value}`),
    // The first view writes each inline style as one attribute, Preact property by property: the same
    // declarations, serialised differently.
    style: Array.from({ length: el.style.length }, (_, i) => el.style.item(i)).map(
      (name) => `${name}: ${el.style.getPropertyValue(name)}`,
    ),
    styled: el.hasAttribute('style'),
    children: Array.from(el.childNodes).map(describeTree),
  };
  if (el instanceof HTMLInputElement) Object.assign(out, { checked: el.checked, value: el.value });
  if (el instanceof HTMLSelectElement) out.value = el.value;
  if (el instanceof HTMLButtonElement) out.disabled = el.disabled;
  return out;
}

const roots: HTMLElement[] = [];
function newRoot() {
  const root = document.createElement('div');
  document.body.append(root);
  roots.push(root);
  return root;
}
afterEach(() => {
  for (const root of roots.splice(0)) {
    render(null, root);
    root.remove();
  }
});

const FIRST: PopupPassword = { password: 'Girafe-Tulipe-Ô-472 x', entropyBits: 51.5, hints: [] };

const SETTINGS: PopupSettings[] = [
  { ...DEFAULT_SETTINGS },
  { ...DEFAULT_SETTINGS, words: WORDS_RANGE.max, azertyEasy: false },
  { ...DEFAULT_SETTINGS, mode: 'random', length: LENGTH_RANGE.min, avoidLookAlikes: true },
  { ...DEFAULT_SETTINGS, mode: 'random', length: 23, azertyEasy: false, avoidLookAlikes: false },
];

describe('paintFirstView', () => {
  for (const lang of ['fr', 'en', 'ar'] as const)
    for (const settings of SETTINGS)
      it(`paints what PopupApp's first render holds (${lang}, ${JSON.stringify(settings)})`, () => {
        const painted = newRoot();
        paintFirstView(painted, { t: translator(lang), settings, password: FIRST.password });
        const rendered = newRoot();
        // Outside `act`, Preact runs effects only after a frame: this is the first render alone.
        render(h(PopupApp, props(lang, settings, FIRST)), rendered);
        const withoutStyles = (root: HTMLElement) => root.innerHTML.replace(/ style="[^"]*"/g, '');
        expect(withoutStyles(painted)).toBe(withoutStyles(rendered));
        expect(describeTree(painted)).toEqual(describeTree(rendered));
      });

  it('is taken over in place: hydration keeps every node, the password and the focus', async () => {
    const root = newRoot();
    const settings = { ...DEFAULT_SETTINGS };
    paintFirstView(root, { t: translator('fr'), settings, password: FIRST.password });
    const before = Array.from(root.querySelectorAll('*'));
    const shown = root.querySelector('[data-testid="password"]');
    (root.querySelector('[data-action="copy"]') as HTMLButtonElement).focus();
    const p = props('fr', settings, FIRST);

    hydrate(h(PopupApp, p), root);

    expect(p.generate).not.toHaveBeenCalled();
    // Same nodes (the later frame then adds the checklist and the strength panel around them).
    for (const el of before) expect(root.contains(el)).toBe(true);
    expect(root.querySelectorAll('[data-testid="password"]')).toHaveLength(1);
    expect(root.querySelector('[data-testid="password"]')).toBe(shown);
    expect(shown?.textContent).toBe(FIRST.password);
    expect(document.activeElement?.getAttribute('data-action')).toBe('copy');
    expect(root.querySelector('[data-testid="announce"]')?.textContent).toBe('');

    // The buttons are live: "generate another" replaces the text of the same element and announces it.
    await act(() => {
      (root.querySelector('[data-action="generate"]') as HTMLButtonElement).click();
    });
    expect(p.generate).toHaveBeenCalledTimes(1);
    expect(root.querySelector('[data-testid="password"]')?.textContent).toBe('Autre-Mot-123');
    expect(root.querySelector('[data-testid="announce"]')?.textContent).toContain('Autre-Mot-123');
  });

  it('keeps the clicks made before the takeover, and the full popup replays them', async () => {
    const root = newRoot();
    const settings = { ...DEFAULT_SETTINGS };
    paintFirstView(root, { t: translator('fr'), settings, password: FIRST.password });
    const release = holdClicks(root);
    const random = root.querySelector<HTMLInputElement>('[data-mode="random"]');
    random?.click();
    (root.querySelector('[data-action="generate"]') as HTMLButtonElement).click();
    // Nothing happened yet: no behaviour to run, and the radio kept its state.
    expect(random?.checked).toBe(false);
    expect(root.querySelector('[data-testid="password"]')?.textContent).toBe(FIRST.password);

    const p = props('fr', settings, FIRST);
    hydrate(h(PopupApp, p), root);
    const held = release();
    expect(held.map((el) => el.dataset.mode ?? el.dataset.action)).toEqual(['random', 'generate']);
    await act(() => {
      for (const control of held) control.click();
    });
    expect(p.onSettingsChange).toHaveBeenCalledWith({ ...settings, mode: 'random' });
    expect(random?.checked).toBe(true);
    expect(p.generate).toHaveBeenCalledTimes(2);
    // Released: a later click is the popup's own, once.
    await act(() => {
      (root.querySelector('[data-action="generate"]') as HTMLButtonElement).click();
    });
    expect(p.generate).toHaveBeenCalledTimes(3);
  });
});
