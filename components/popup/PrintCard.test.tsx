import { resolve } from 'node:path';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, type Mock, vi } from 'vitest';
import { translatorFromCatalog } from '@/lib/i18n/catalog';
import { loadCatalog } from '@/lib/i18n/load-catalog';
import { cardText, type KeepAbilities, KeepCard, type KeepCardProps, keepActions } from './PrintCard';

const fr = translatorFromCatalog(loadCatalog(resolve(__dirname, '../../locales')), 'fr');

describe('keepActions', () => {
  it('prints at once on a computer that can print', () => {
    expect(keepActions({ print: true, share: false, phone: false })).toEqual(['print']);
    expect(keepActions({ print: true, share: true, phone: false })).toEqual(['print']);
  });

  it('offers share and copy where printing is missing', () => {
    expect(keepActions({ print: false, share: true, phone: false })).toEqual(['share', 'copy']);
    expect(keepActions({ print: false, share: false, phone: false })).toEqual(['copy']);
  });

  it('on a phone, offers printing among the others rather than alone', () => {
    expect(keepActions({ print: true, share: true, phone: true })).toEqual(['print', 'share', 'copy']);
    expect(keepActions({ print: false, share: true, phone: true })).toEqual(['share', 'copy']);
  });
});

describe('cardText', () => {
  it('holds the password, the date, where it is used and the advice, in the printed order', () => {
    const text = cardText(fr, 'Cheval-Lune-47', '29 novembre 2025');
    const lines = text.split('\n');
    expect(lines[0]).toBe('Mon mot de passe ENEJ');
    expect(lines).toContain('Cheval-Lune-47');
    expect(text).toContain('Choisi le 29 novembre 2025');
    expect(text).toContain('Pronote');
    expect(text.indexOf('pas dans le cartable')).toBeLessThan(text.indexOf('même pas à un ami'));
  });
});

describe('KeepCard', () => {
  let root: HTMLDivElement;
  let props: KeepCardProps & {
    print: Mock<KeepCardProps['print']>;
    share: Mock<KeepCardProps['share']>;
    copy: Mock<KeepCardProps['copy']>;
  };
  let abilities: KeepAbilities;
  const $ = (sel: string) => root.querySelector<HTMLElement>(sel);
  const mount = (p: KeepCardProps = props) => act(() => render(<KeepCard {...p} />, root));
  const click = (sel: string) =>
    act(async () => {
      $(sel)?.click();
      await new Promise((r) => setTimeout(r, 0));
    });

  beforeEach(() => {
    root = document.createElement('div');
    document.body.append(root);
    abilities = { print: true, share: false, phone: false };
    props = {
      t: fr,
      password: 'Cheval-Lune-47',
      date: '29 novembre 2025',
      abilities: () => abilities,
      print: vi.fn<KeepCardProps['print']>(),
      share: vi.fn<KeepCardProps['share']>(async () => {}),
      copy: vi.fn<KeepCardProps['copy']>(async () => {}),
    };
  });
  afterEach(() => {
    render(null, root);
    root.remove();
  });

  it('prints straight away on a computer', async () => {
    await mount();
    await click('[data-action="print"]');
    expect(props.print).toHaveBeenCalledTimes(1);
    expect($('[data-testid="keep-choice"]')).toBeNull();
  });

  it('without window.print, offers share and copy, focuses the first, and shares the card text', async () => {
    abilities = { print: false, share: true, phone: false };
    await mount();
    await click('[data-action="print"]');
    expect(props.print).not.toHaveBeenCalled();
    const choice = $('[data-testid="keep-choice"]');
    expect(choice?.textContent).toContain("Pas d'imprimante ici ?");
    expect([...(choice?.querySelectorAll('button') ?? [])].map((b) => b.dataset.action)).toEqual([
      'card-share',
      'card-copy',
    ]);
    expect(document.activeElement).toBe($('[data-action="card-share"]'));
    await click('[data-action="card-share"]');
    expect(props.share).toHaveBeenCalledWith({
      title: 'Mon mot de passe ENEJ',
      text: cardText(fr, 'Cheval-Lune-47', '29 novembre 2025'),
    });
  });

  it('copies the card and says so; a failed copy says what to do', async () => {
    abilities = { print: false, share: false, phone: true };
    await mount();
    await click('[data-action="print"]');
    await click('[data-action="card-copy"]');
    expect(props.copy).toHaveBeenCalledWith(cardText(fr, 'Cheval-Lune-47', '29 novembre 2025'));
    expect($('[role="status"]')?.dataset.notice).toBe('popup_card_copied');
    props.copy.mockRejectedValueOnce(new Error('denied'));
    await click('[data-action="card-copy"]');
    expect($('[role="status"]')?.dataset.notice).toBe('popup_copy_failed');
  });

  it('says nothing when the family closes the share sheet, and points to copy when sharing fails', async () => {
    abilities = { print: true, share: true, phone: true };
    await mount();
    await click('[data-action="print"]');
    expect($('[data-action="card-print"]')).not.toBeNull();
    props.share.mockRejectedValueOnce(Object.assign(new Error('closed'), { name: 'AbortError' }));
    await click('[data-action="card-share"]');
    expect($('[role="status"]')?.dataset.notice).toBeUndefined();
    props.share.mockRejectedValueOnce(new Error('NotAllowedError'));
    await click('[data-action="card-share"]');
    expect($('[role="status"]')?.dataset.notice).toBe('popup_card_share_failed');
    await click('[data-action="card-print"]');
    expect(props.print).toHaveBeenCalledTimes(1);
  });

  it('does nothing without a password', async () => {
    await mount({ ...props, password: null });
    expect(($('[data-action="print"]') as HTMLButtonElement).disabled).toBe(true);
  });
});
