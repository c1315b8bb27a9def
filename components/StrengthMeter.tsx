import type { CSSProperties } from 'preact';
import type { Translate } from '@/lib/i18n/catalog';
import { type StrengthResult, strengthLabelKey } from '@/lib/strength/estimate';

export interface StrengthMeterProps {
  /** `null` until an estimate exists (nothing typed yet, or the estimator is still loading). */
  result: StrengthResult | null;
  t: Translate;
  /** Replaces the waiting line, e.g. where the estimator cannot load. */
  placeholder?: string;
}

const SEGMENTS = [1, 2, 3, 4] as const;
type Level = 'none' | 'weak' | 'fair' | 'strong';

export function strengthLevel(score: number | null): Level {
  if (score === null) return 'none';
  if (score <= 1) return 'weak';
  return score === 2 ? 'fair' : 'strong';
}

// Inline styles so the meter looks the same in the popup and in the guide's shadow root.
const barStyle: CSSProperties = { display: 'flex', gap: '4px', margin: '4px 0' };
const segColour: Record<Level, string> = {
  none: 'var(--sesame-seg-off, #d0d4da)',
  weak: 'var(--sesame-weak, #a4161a)',
  fair: 'var(--sesame-fair, #8a5a00)',
  strong: 'var(--sesame-strong, #0a6b2d)',
};
const pStyle: CSSProperties = { margin: '2px 0' };

/**
 * zxcvbn's 0–4 score as four segments plus words. The words carry the verdict; the bar only repeats it,
 * so colour is never the only signal.
 */
export function StrengthMeter({ result, t, placeholder }: StrengthMeterProps) {
  const score = result?.score ?? null;
  const level = strengthLevel(score);
  return (
    <div class="sesame-strength" data-strength={score === null ? '' : String(score)} data-level={level}>
      <div class="sesame-strength__bar" aria-hidden="true" style={barStyle}>
        {SEGMENTS.map((n) => (
          <span
            key={n}
            style={{
              flex: '1 1 0',
              height: '6px',
              borderRadius: '3px',
              background: score !== null && score >= n ? segColour[level] : segColour.none,
            }}
          />
        ))}
      </div>
      <p class="sesame-strength__label" style={{ ...pStyle, fontWeight: 600 }}>
        {score === null
          ? (placeholder ?? t('meter_waiting'))
          : t('meter_label', [t(strengthLabelKey(score as 0 | 1 | 2 | 3 | 4))])}
      </p>
      {result?.warning ? (
        <p class="sesame-strength__warning" style={pStyle}>
          {t(result.warning.key, result.warning.params)}
        </p>
      ) : null}
      {result && result.suggestions.length > 0 ? (
        <ul class="sesame-strength__tips" style={{ margin: '2px 0', paddingLeft: '18px' }}>
          {result.suggestions.map((s) => (
            <li key={s.key}>{t(s.key, s.params)}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
