import { resolve } from 'node:path';
import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Checklist, REFUSED_SHOWN } from '@/components/Checklist';
import { StrengthMeter } from '@/components/StrengthMeter';
import { computeView } from '@/lib/guide/state';
import { translatorFromCatalog } from '@/lib/i18n/catalog';
import { loadCatalog } from '@/lib/i18n/load-catalog';
import { ENEJ_PROFILE, evaluate } from '@/lib/rules';
import { Guide, type GuideProps } from './Guide';
import { SuccessCard } from './SuccessCard';

const t = translatorFromCatalog(loadCatalog(resolve(__dirname, '../../locales')), 'fr');

function mount(vnode: preact.VNode): HTMLElement {
  const root = document.createElement('div');
  document.body.append(root);
  render(vnode, root);
  return root;
}

const states = (root: HTMLElement) =>
  Object.fromEntries(
    [...root.querySelectorAll('[data-rule]')].map((li) => [
      li.getAttribute('data-rule'),
      li.getAttribute('data-state'),
    ]),
  );

afterEach(() => {
  document.body.replaceChildren();
});

describe('Checklist', () => {
  it('marks each rule with data-rule/data-state and words, not only colour', () => {
    const root = mount(<Checklist results={evaluate('abc', ENEJ_PROFILE)} confirm="missing" t={t} />);
    expect(states(root)).toEqual({
      length: 'missing',
      upper: 'missing',
      lower: 'ok',
      digit: 'missing',
      special: 'missing',
      allowed: 'ok',
      confirm: 'missing',
    });
    const length = root.querySelector('[data-rule="length"]')?.textContent ?? '';
    expect(length).toContain('Pas encore');
    expect(length).toContain('encore 5');
    expect(root.querySelector('[data-rule="special"]')?.textContent).toContain('! @ # $ % ^ & * _ - + = ~ `');
  });

  it('names each refused character and why', () => {
    const root = mount(<Checklist results={evaluate('é a?\uD800', ENEJ_PROFILE)} t={t} />);
    const allowed = root.querySelector('[data-rule="allowed"]');
    expect(allowed?.getAttribute('data-state')).toBe('missing');
    const items = [...(allowed?.querySelectorAll('[data-refused]') ?? [])].map((li) =>
      li.getAttribute('data-refused'),
    );
    expect(items).toEqual(['accent', 'space', 'not-in-list', 'control']);
    expect(allowed?.textContent).toContain('« é »');
    expect(allowed?.textContent).toContain('?');
    expect(root.querySelector('[data-rule="confirm"]')).toBeNull();
  });

  it('renders 10,000 characters of emoji without trouble', () => {
    const root = mount(
      <Checklist results={evaluate('😀'.repeat(10_000), ENEJ_PROFILE)} confirm="ok" t={t} />,
    );
    expect(root.querySelectorAll('[data-refused]')).toHaveLength(1);
    expect(states(root).confirm).toBe('ok');
  });

  it('names the first few refused characters of a long paste and counts the rest', () => {
    const paste = Array.from({ length: 300 }, (_, i) => String.fromCodePoint(0x4e00 + i)).join('');
    const root = mount(<Checklist results={evaluate(`é${paste}`, ENEJ_PROFILE)} t={t} />);
    const allowed = root.querySelector('[data-rule="allowed"]');
    expect(allowed?.querySelectorAll('[data-refused]')).toHaveLength(REFUSED_SHOWN);
    expect(allowed?.querySelector('[data-refused]')?.textContent).toContain('« é »');
    const more = allowed?.querySelector('[data-refused-more]');
    expect(more?.getAttribute('data-refused-more')).toBe(String(301 - REFUSED_SHOWN));
    expect(more?.textContent).toBe(`… et ${301 - REFUSED_SHOWN} autres caractères refusés`);
    expect(allowed?.textContent).toContain('301 caractère(s) refusé(s)');
  });

  it('lists every refused character when there are only a few', () => {
    const root = mount(<Checklist results={evaluate('éèàçùô', ENEJ_PROFILE)} t={t} />);
    expect(root.querySelectorAll('[data-refused]')).toHaveLength(REFUSED_SHOWN);
    expect(root.querySelector('[data-refused-more]')).toBeNull();
  });
});

describe('StrengthMeter', () => {
  it('is empty until a result exists, then shows the score in words', () => {
    const root = mount(<StrengthMeter result={null} t={t} />);
    expect(root.querySelector('[data-strength]')?.getAttribute('data-strength')).toBe('');
    render(
      <StrengthMeter
        result={{
          score: 1,
          guessesLog10: 4,
          warning: { key: 'strength_warning_common', params: [] },
          suggestions: [],
          truncated: false,
        }}
        t={t}
      />,
      root,
    );
    expect(root.querySelector('[data-strength]')?.getAttribute('data-strength')).toBe('1');
    expect(root.textContent).toContain(t('strength_label_1'));
    expect(root.textContent).toContain(t('strength_warning_common'));
  });
});

function guideProps(over: Partial<GuideProps> = {}): GuideProps {
  return {
    t,
    view: computeView({ newPassword: '', confirm: '', current: null }, ENEJ_PROFILE),
    pageRules: false,
    strength: null,
    strengthUnavailable: false,
    capsLock: false,
    announcement: '',
    generated: null,
    errorKey: null,
    onGenerate: () => {},
    onCopy: () => Promise.resolve(true),
    ...over,
  };
}

describe('Guide', () => {
  it('shows the checklist, meter and generate button, and warnings only when due', () => {
    const root = mount(<Guide {...guideProps()} />);
    expect(root.querySelector('[data-action="generate"]')).not.toBeNull();
    expect(root.querySelector('[data-strength]')).not.toBeNull();
    expect(root.querySelector('[data-warning]')).toBeNull();
    expect(root.querySelector('[aria-live="polite"]')).not.toBeNull();
    render(
      <Guide
        {...guideProps({
          capsLock: true,
          view: computeView(
            { newPassword: 'Azerty123!', confirm: 'Azerty123!', current: 'Azerty123!' },
            ENEJ_PROFILE,
          ),
        })}
      />,
      root.firstElementChild?.parentElement as HTMLElement,
    );
    expect([...root.querySelectorAll('[data-warning]')].map((e) => e.getAttribute('data-warning'))).toEqual([
      'capslock',
      'same-as-current',
    ]);
    expect(root.querySelector('[data-done]')).toBeNull();
  });

  it('shows a generated password with show/hide, copy, hints and the write-it-down reminder', async () => {
    const onCopy = vi.fn(() => Promise.resolve(true));
    const root = mount(
      <Guide
        {...guideProps({
          onCopy,
          generated: {
            password: 'Lune-Vent42',
            hints: [{ char: '-', key: 'guide_rulename_special', params: [] }],
          },
        })}
      />,
    );
    expect(root.querySelector('[data-generated]')?.textContent).toContain('Lune-Vent42');
    expect(root.textContent).toContain(t('guide_generated_write_down'));
    (root.querySelector('[data-action="copy"]') as HTMLButtonElement).click();
    await vi.waitFor(() => expect(root.textContent).toContain(t('guide_copied')));
    (root.querySelector('[data-action="toggle-hidden"]') as HTMLButtonElement).click();
    await vi.waitFor(() =>
      expect(root.querySelector('[data-generated]')?.textContent).not.toContain('Lune-Vent42'),
    );
  });

  it('passes the click event to onGenerate so the caller can check it is trusted', () => {
    const onGenerate = vi.fn();
    const root = mount(<Guide {...guideProps({ onGenerate })} />);
    (root.querySelector('[data-action="generate"]') as HTMLButtonElement).click();
    expect(onGenerate).toHaveBeenCalledOnce();
    expect((onGenerate.mock.calls[0] as unknown[])[0]).toBeInstanceOf(Event);
  });
});

describe('SuccessCard', () => {
  it('tells what to do next and can be closed', () => {
    const onClose = vi.fn();
    const root = mount(<SuccessCard t={t} onClose={onClose} />);
    expect(root.textContent).toContain('Pronote');
    expect(root.textContent).toContain('ÉduConnect');
    (root.querySelector('[data-action="close"]') as HTMLButtonElement).click();
    expect(onClose).toHaveBeenCalledOnce();
  });
});

describe('Guide: where the rules come from', () => {
  const view = computeView({ newPassword: '', confirm: '', current: null }, ENEJ_PROFILE);
  const base = {
    t,
    view,
    strength: null,
    strengthUnavailable: false,
    capsLock: false,
    announcement: '',
    generated: null,
    errorKey: null,
    onGenerate: () => {},
    onCopy: async () => true,
  };
  it.each([
    [{ pageRules: false }, 'enej', "Règles suivies : règles d'ENEJ"],
    [{ pageRules: true }, 'page', 'Règles suivies : règles lues sur cette page'],
    [
      { pageRules: false, rulesSource: 'default' as const },
      'default',
      "Règles suivies : règles habituelles (cette page n'en affiche pas)",
    ],
  ])('%j → %s', (props, source, text) => {
    const root = mount(<Guide {...base} {...props} />);
    const line = root.querySelector('[data-testid="rules-source"]');
    expect(line?.getAttribute('data-source')).toBe(source);
    expect(line?.textContent).toBe(text);
  });

  it('says when words could not follow the rules and the password is random', () => {
    const root = mount(
      <Guide {...base} pageRules generated={{ password: 'xK7#pQ2!rT', hints: [], fellBack: true }} />,
    );
    expect(root.querySelector('[data-fell-back]')?.textContent).toContain('caractères au hasard');
  });
});
