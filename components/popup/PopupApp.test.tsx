import { resolve } from 'node:path';
import { render, type VNode } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { translatorFromCatalog } from '@/lib/i18n/catalog';
import { loadCatalog } from '@/lib/i18n/load-catalog';
import { DEFAULT_SETTINGS, type PopupSettings } from '@/lib/settings/settings';
import type { StrengthResult } from '@/lib/strength';
import { PopupApp, type PopupAppProps } from './PopupApp';
import type { PageActions, PageStatus } from './types';

const catalog = loadCatalog(resolve(__dirname, '../../locales'));
const fr = translatorFromCatalog(catalog, 'fr');

// A predictable stand-in for lib/generate: compliant, distinct passwords that say which settings made them.
function fakeGenerate() {
  let n = 0;
  return vi.fn((s: PopupSettings) => {
    n += 1;
    const password =
      s.mode === 'memorable'
        ? `Cheval-Lune-${n}${'x'.repeat(s.words)}`
        : `Ab3@${'k'.repeat(s.length - 5)}${n}`;
    return {
      password,
      entropyBits: 55.4,
      hints: [{ char: '-', key: 'popup_title', params: [] as string[] }],
    };
  });
}

const strong: StrengthResult = {
  score: 4,
  guessesLog10: 16,
  warning: null,
  suggestions: [],
  truncated: false,
};

function pageActions(
  status: PageStatus,
): PageActions & { [K in keyof PageActions]: ReturnType<typeof vi.fn> } {
  return {
    status: vi.fn(async () => status),
    fill: vi.fn(async () => 'filled' as const),
    startGuide: vi.fn(async () => 'started' as const),
  };
}

let root: HTMLDivElement;

// Inside act() effects run before it returns; outside, Preact defers them to the next animation frame.
async function mount(el: VNode) {
  await act(() => {
    render(el, root);
  });
}

async function flush() {
  await act(async () => {
    await new Promise((r) => setTimeout(r, 0));
  });
}

describe('PopupApp', () => {
  let props: PopupAppProps;
  beforeEach(() => {
    root = document.createElement('div');
    document.body.append(root);
    props = {
      t: fr,
      lang: 'fr',
      initialSettings: { ...DEFAULT_SETTINGS },
      onSettingsChange: vi.fn(),
      generate: fakeGenerate(),
      loadStrength: vi.fn(async () => () => strong),
      copy: vi.fn(async () => {}),
      page: pageActions(null),
      print: vi.fn(),
      now: () => new Date(2025, 10, 29),
    };
  });
  afterEach(() => {
    render(null, root);
    root.remove();
  });

  const $ = <T extends Element = HTMLElement>(sel: string) => root.querySelector<T & HTMLElement>(sel);
  const password = () => $('[data-testid="password"]')?.textContent;

  it('shows a memorable password straight away, in French', async () => {
    await mount(<PopupApp {...props} />);
    expect(password()).toBe('Cheval-Lune-1xxxx');
    expect($<HTMLInputElement>('[data-mode="memorable"]')?.checked).toBe(true);
    expect(root.textContent).toContain('Facile à retenir');
    expect($('[data-testid="announce"]')?.textContent).toBe('');
    await flush();
  });

  it('paints the password, its actions and the options first, the rest (print card included) a frame later', async () => {
    // Outside act(), as in the browser: Preact runs effects only after the next animation frame.
    render(<PopupApp {...props} />, root);
    expect(password()).toBe('Cheval-Lune-1xxxx');
    for (const sel of [
      '[data-action="generate"]',
      '[data-action="copy"]',
      'details.popup__options',
      '[data-action="print"]',
    ])
      expect($(sel), sel).not.toBeNull();
    // The print card is never on screen: the first frame need not build it.
    for (const sel of [
      '.popup__checks',
      '.popup__strength',
      '[data-testid="typing-hints"]',
      '[data-testid="print-card"]',
    ])
      expect($(sel), sel).toBeNull();
    await vi.waitFor(() => expect($('.popup__checks')).not.toBeNull());
    expect($('.popup__strength')).not.toBeNull();
    expect($('[data-testid="typing-hints"]')).not.toBeNull();
    expect($('[data-testid="print-card"]')?.textContent).toContain('29 novembre 2025');
    await flush();
  });

  it('makes a new password on "Nouveau" and announces it politely', async () => {
    await mount(<PopupApp {...props} />);
    await act(() => $('[data-action="generate"]')?.click());
    expect(password()).toBe('Cheval-Lune-2xxxx');
    const live = $('[data-testid="announce"]');
    expect(live?.getAttribute('aria-live')).toBe('polite');
    expect(live?.textContent).toBe('Nouveau mot de passe : Cheval-Lune-2xxxx');
    await flush();
  });

  it('switches mode, persists the choice and shows the random options', async () => {
    await mount(<PopupApp {...props} />);
    await act(() => $('[data-mode="random"]')?.click());
    expect(props.onSettingsChange).toHaveBeenLastCalledWith({ ...DEFAULT_SETTINGS, mode: 'random' });
    expect(password()).toMatch(/^Ab3@k+2$/);
    expect($('[data-option="length"]')).not.toBeNull();
    expect($('[data-option="avoidLookAlikes"]')).not.toBeNull();
    expect($('[data-option="words"]')).toBeNull();
    await flush();
  });

  it('never hands a password to onSettingsChange', async () => {
    await mount(<PopupApp {...props} />);
    await act(() => {
      const box = $<HTMLInputElement>('[data-option="azertyEasy"]');
      box?.click();
    });
    const saved = JSON.stringify(vi.mocked(props.onSettingsChange).mock.calls);
    expect(saved).toContain('"azertyEasy":false');
    expect(saved).not.toContain('Cheval');
    await flush();
  });

  it('copies and says the password stays in the clipboard', async () => {
    await mount(<PopupApp {...props} />);
    await act(async () => $('[data-action="copy"]')?.click());
    expect(props.copy).toHaveBeenCalledWith('Cheval-Lune-1xxxx');
    expect(root.textContent).toContain(
      "Il reste dans le presse-papiers jusqu'à ce que vous copiiez autre chose",
    );
    await flush();
  });

  it('says so when copying fails', async () => {
    props.copy = vi.fn(async () => {
      throw new Error('denied');
    });
    await mount(<PopupApp {...props} />);
    await act(async () => $('[data-action="copy"]')?.click());
    expect(root.textContent).toContain("La copie n'a pas marché");
  });

  it('shows the ENEJ checklist, the strength in words and the bits', async () => {
    await mount(<PopupApp {...props} />);
    await flush();
    expect(root.querySelectorAll('.sesame-checklist [data-rule]').length).toBe(6);
    expect(root.textContent?.toLowerCase()).toContain('très solide');
    expect($('[data-testid="entropy"]')?.textContent).toBe('≈ 55 bits de hasard');
    expect($('[data-testid="typing-hints"]')).not.toBeNull();
  });

  it('offers to fill an ENEJ page and reports it', async () => {
    const page = pageActions({ kind: 'change-password', canFill: true });
    await mount(<PopupApp {...props} page={page} />);
    await flush();
    expect($('[data-action="guide"]')).toBeNull();
    await act(async () => $('[data-action="fill"]')?.click());
    await flush();
    expect(page.fill).toHaveBeenCalledWith('Cheval-Lune-1xxxx');
    expect(root.textContent).toContain("C'est rempli");
  });

  it('offers the guide elsewhere and reports a refusal', async () => {
    const page = pageActions(null);
    page.startGuide.mockResolvedValue('not-allowed');
    await mount(<PopupApp {...props} page={page} />);
    await flush();
    expect($('[data-action="fill"]')).toBeNull();
    await act(async () => $('[data-action="guide"]')?.click());
    await flush();
    expect(page.startGuide).toHaveBeenCalledTimes(1);
    expect(root.textContent).toContain('Sésame ne peut pas aider sur cette page');
  });

  it('shows no page action until the page has answered', async () => {
    const page = pageActions(null);
    page.status.mockReturnValue(new Promise(() => {}));
    await mount(<PopupApp {...props} page={page} />);
    expect($('[data-action="guide"]')).toBeNull();
    expect($('[data-action="fill"]')).toBeNull();
    expect($('[data-page-state="checking"]')).not.toBeNull();
  });

  it('has a print-only card with the password, the date and where it is used', async () => {
    await mount(<PopupApp {...props} />);
    const card = $('[data-testid="print-card"]');
    expect(card?.querySelector('[data-testid="print-password"]')?.textContent).toBe('Cheval-Lune-1xxxx');
    expect(card?.textContent).toContain('29 novembre 2025');
    expect(card?.textContent).toContain('Pronote');
    expect(card?.textContent).toContain('pas dans le cartable');
    await act(() => $('[data-action="print"]')?.click());
    expect(props.print).toHaveBeenCalledTimes(1);
    await flush();
  });

  it('reports a generator failure instead of crashing', async () => {
    props.generate = () => {
      throw new Error('cannot');
    };
    await mount(<PopupApp {...props} />);
    expect($('[data-testid="password"]')).toBeNull();
    expect(root.textContent).toContain('Impossible de créer un mot de passe');
    await flush();
  });

  it('keeps working when the strength estimator cannot load', async () => {
    props.loadStrength = () => Promise.reject(new Error('chunk'));
    await mount(<PopupApp {...props} />);
    await flush();
    expect(root.textContent).toContain('Solidité : impossible à mesurer ici.');
  });

  it('speaks English with an English translator', async () => {
    await mount(<PopupApp {...props} t={translatorFromCatalog(catalog, 'en')} lang="en" />);
    expect(root.textContent).toContain('Easy to remember');
    expect($('[data-action="generate"]')?.textContent).toBe('New one');
    expect($('[data-testid="print-card"]')?.textContent).toContain('November 29, 2025');
    await flush();
  });
});
