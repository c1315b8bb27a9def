import type { CSSProperties } from 'preact';
import type { Translate } from '@/lib/i18n/catalog';
import { charKind, charsStyle, kindStyle, legendStyle } from './password-style';

export { type CharKind, charKind } from './password-style';

export interface PasswordDisplayProps {
  password: string;
  t: Translate;
  /** When given, a "Copier" button calls it; the caller does the copying and reports the outcome. */
  onCopy?: () => void;
  /** Shows one dot per character instead of the password (e.g. while someone looks over a shoulder). */
  hidden?: boolean;
  /** When given, a show/hide button (with `aria-pressed`) calls it; the caller owns `hidden`. */
  onToggleHidden?: () => void;
  /** Shows the line explaining how digits and special characters are marked. Default: true. */
  legend?: boolean;
  /** Id of the element holding the characters, so a field or live region can point at it. */
  id?: string;
  /** `data-testid` of the element holding the characters. Default: `password`. */
  testId?: string;
}

const buttonRow: CSSProperties = { display: 'flex', gap: '8px', flexWrap: 'wrap', marginTop: '6px' };

/** The password in large, unambiguous characters, split in spans by kind (upper, lower, digit, special). */
export function PasswordDisplay({
  password,
  t,
  onCopy,
  hidden = false,
  onToggleHidden,
  legend = true,
  id,
  testId = 'password',
}: PasswordDisplayProps) {
  // Iterate by code point so an emoji or an accented letter never becomes two broken halves.
  const chars = Array.from(password);
  return (
    <div class="sesame-password">
      {hidden ? (
        <div
          id={id}
          class="sesame-password__chars"
          data-testid={testId}
          data-hidden="true"
          dir="ltr"
          style={charsStyle}
          role="img"
          aria-label={t('pw_hidden_label', [String(chars.length)])}
        >
          {'•'.repeat(chars.length)}
        </div>
      ) : (
        // `dir` isolates the password: `Girafe-Tulipe-472` reads left to right in an Arabic page too.
        <div id={id} class="sesame-password__chars" data-testid={testId} dir="ltr" style={charsStyle}>
          {chars.map((ch, i) => {
            const kind = charKind(ch);
            return (
              // Characters repeat, so their position is their identity.
              <span key={i} class={`pw-char pw-${kind}`} style={kindStyle[kind]}>
                {ch}
              </span>
            );
          })}
        </div>
      )}
      {legend && !hidden && (
        <p class="sesame-password__legend" style={legendStyle}>
          {t('pw_legend')}
        </p>
      )}
      {(onCopy || onToggleHidden) && (
        <div style={buttonRow}>
          {onCopy && (
            <button type="button" data-action="copy" onClick={onCopy}>
              {t('pw_copy')}
            </button>
          )}
          {onToggleHidden && (
            <button type="button" data-action="toggle-hidden" aria-pressed={!hidden} onClick={onToggleHidden}>
              {t('pw_show')}
            </button>
          )}
        </div>
      )}
    </div>
  );
}
