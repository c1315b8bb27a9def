import type { ComponentChildren, CSSProperties } from 'preact';
import type { Translate } from '@/lib/i18n/catalog';
import { type RefusedChar, type RuleResult, refusedKey } from '@/lib/rules/evaluate';

export type ConfirmState = 'ok' | 'missing' | null;

export interface ChecklistProps {
  results: RuleResult[];
  /** `null` (or absent) hides the confirmation line, e.g. where the page has no confirmation field. */
  confirm?: ConfirmState;
  t: Translate;
}

/**
 * Characters a reader cannot see (spaces, controls, lone surrogates) are shown as their code so the
 * message names something the child can look for; everything else is shown as typed.
 */
export function visibleChar(char: string): string {
  if (/^[\s\p{C}]$/u.test(char)) {
    const code = char.codePointAt(0) ?? 0;
    return `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  }
  return char;
}

// Inline styles, like the other shared components: the list must look right in the popup and inside the
// guide's shadow root whatever stylesheet (or page CSP) is around it. Colours read custom properties.
const listStyle: CSSProperties = { listStyle: 'none', margin: 0, padding: 0 };
const itemStyle: CSSProperties = {
  display: 'flex',
  alignItems: 'flex-start',
  gap: '8px',
  margin: '4px 0',
  lineHeight: 1.4,
};
const iconStyle: Record<'ok' | 'missing', CSSProperties> = {
  ok: { color: 'var(--sesame-ok, #0a6b2d)', fontWeight: 700, flex: '0 0 16px', textAlign: 'center' },
  missing: {
    color: 'var(--sesame-missing, #a4161a)',
    fontWeight: 700,
    flex: '0 0 16px',
    textAlign: 'center',
  },
};
const hiddenStyle: CSSProperties = {
  position: 'absolute',
  width: '1px',
  height: '1px',
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  clipPath: 'inset(50%)',
  whiteSpace: 'nowrap',
};
const refusedStyle: CSSProperties = { margin: '2px 0 0', paddingInlineStart: '18px' };
const charStyle: CSSProperties = {
  fontFamily: "ui-monospace, 'DejaVu Sans Mono', monospace",
  fontWeight: 700,
};

function Item({
  rule,
  ok,
  t,
  children,
}: {
  rule: string;
  ok: boolean;
  t: Translate;
  children: ComponentChildren;
}) {
  const state = ok ? 'ok' : 'missing';
  return (
    <li class={`sesame-rule sesame-rule--${state}`} data-rule={rule} data-state={state} style={itemStyle}>
      {/* The mark is decorative: its shape (not only its colour) shows the state, and the hidden word
          says it to screen readers. */}
      <span class="sesame-rule__icon" aria-hidden="true" dir="ltr" style={iconStyle[state]}>
        {ok ? '✓' : '✗'}
      </span>
      <span style={hiddenStyle}>{t(ok ? 'checklist_state_ok' : 'checklist_state_missing')}</span>
      <span class="sesame-rule__text">{children}</span>
    </li>
  );
}

/**
 * A pasted page of text can hold hundreds of distinct refused characters; a line for each would push the
 * rest of the guide off screen. The first few say what is wrong, the count says how much.
 */
export const REFUSED_SHOWN = 6;

function RefusedList({ refused, t }: { refused: RefusedChar[]; t: Translate }) {
  const more = refused.length - REFUSED_SHOWN;
  return (
    <ul class="sesame-refused" style={refusedStyle}>
      {refused.slice(0, REFUSED_SHOWN).map((r) => (
        <li key={r.char} data-refused={r.reason}>
          <span style={charStyle}>{t(refusedKey(r.reason), [visibleChar(r.char)])}</span>
        </li>
      ))}
      {more > 0 ? (
        <li data-refused-more={String(more)}>{t('checklist_refused_more', [String(more)])}</li>
      ) : null}
    </ul>
  );
}

/** The rule list, one line per rule in `evaluate` order, then the confirmation line. */
export function Checklist({ results, confirm = null, t }: ChecklistProps) {
  return (
    <ul class="sesame-checklist" style={listStyle}>
      {results.map((r) => (
        <Item key={r.id} rule={r.id} ok={r.met} t={t}>
          {t(r.key, r.params)}
          {r.refused && r.refused.length > 0 ? <RefusedList refused={r.refused} t={t} /> : null}
        </Item>
      ))}
      {confirm !== null ? (
        <Item rule="confirm" ok={confirm === 'ok'} t={t}>
          {t(confirm === 'ok' ? 'checklist_confirm_ok' : 'checklist_confirm_missing')}
        </Item>
      ) : null}
    </ul>
  );
}
