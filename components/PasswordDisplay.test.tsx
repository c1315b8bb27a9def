import { resolve } from 'node:path';
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { translatorFromCatalog } from '@/lib/i18n/catalog';
import { loadCatalog } from '@/lib/i18n/load-catalog';
import { charKind, PasswordDisplay } from './PasswordDisplay';

const t = translatorFromCatalog(loadCatalog(resolve(__dirname, '../locales')), 'fr');

describe('PasswordDisplay', () => {
  let root: HTMLDivElement;
  beforeEach(() => {
    root = document.createElement('div');
    document.body.append(root);
  });
  afterEach(() => {
    render(null, root);
    root.remove();
  });

  it('shows the password as its exact text, one span per character, marked by kind', () => {
    render(<PasswordDisplay password="Ab0O1lI-x" t={t} />, root);
    const el = root.querySelector('[data-testid="password"]');
    expect(el?.textContent).toBe('Ab0O1lI-x');
    const kinds = [...(el?.querySelectorAll('span') ?? [])].map((s) => s.className);
    expect(kinds).toEqual([
      'pw-char pw-upper',
      'pw-char pw-lower',
      'pw-char pw-digit',
      'pw-char pw-upper',
      'pw-char pw-digit',
      'pw-char pw-lower',
      'pw-char pw-upper',
      'pw-char pw-special',
      'pw-char pw-lower',
    ]);
  });

  it('marks digits and specials by shape, not only colour', () => {
    render(<PasswordDisplay password="a1!" t={t} />, root);
    const digit = root.querySelector<HTMLElement>('.pw-digit');
    const special = root.querySelector<HTMLElement>('.pw-special');
    expect(digit?.style.textDecoration).toContain('underline');
    expect(special?.style.outline).toContain('solid');
    expect(root.textContent).toContain('Chiffres soulignés');
  });

  it('uses a font with a slashed zero', () => {
    render(<PasswordDisplay password="0O" t={t} />, root);
    const el = root.querySelector<HTMLElement>('[data-testid="password"]');
    expect(el?.style.fontVariantNumeric).toBe('slashed-zero');
    expect(el?.style.fontFamily).toContain('monospace');
  });

  it('keeps emoji and lone surrogates whole and survives 10,000 characters', () => {
    render(<PasswordDisplay password={'é😀\uD800x'} t={t} />, root);
    const spans = root.querySelectorAll('[data-testid="password"] span');
    expect(spans.length).toBe(4);
    expect(spans[1]?.textContent).toBe('😀');
    expect(spans[0]?.className).toBe('pw-char pw-other');
    const long = 'a'.repeat(10_000);
    render(<PasswordDisplay password={long} t={t} />, root);
    expect(root.querySelector('[data-testid="password"]')?.textContent?.length).toBe(10_000);
  });

  it('hides the characters on request and offers copy and show buttons', () => {
    const onCopy = vi.fn();
    const onToggle = vi.fn();
    render(
      <PasswordDisplay password="Secret1!" t={t} hidden onCopy={onCopy} onToggleHidden={onToggle} />,
      root,
    );
    const el = root.querySelector('[data-testid="password"]');
    expect(el?.textContent).toBe('••••••••');
    expect(root.textContent).not.toContain('Secret1!');
    expect(el?.getAttribute('aria-label')).toBe('Mot de passe caché, 8 caractères');
    const toggle = root.querySelector<HTMLButtonElement>('[data-action="toggle-hidden"]');
    expect(toggle?.getAttribute('aria-pressed')).toBe('false');
    toggle?.click();
    root.querySelector<HTMLButtonElement>('[data-action="copy"]')?.click();
    expect(onToggle).toHaveBeenCalledTimes(1);
    expect(onCopy).toHaveBeenCalledTimes(1);
  });

  it('has no buttons when no callbacks are given', () => {
    render(<PasswordDisplay password="x" t={t} legend={false} />, root);
    expect(root.querySelectorAll('button').length).toBe(0);
    expect(root.querySelector('.sesame-password__legend')).toBeNull();
  });

  it('classifies characters', () => {
    expect(['A', 'z', '5', '~', '`', ' ', 'é'].map(charKind)).toEqual([
      'upper',
      'lower',
      'digit',
      'special',
      'special',
      'other',
      'other',
    ]);
  });
});
