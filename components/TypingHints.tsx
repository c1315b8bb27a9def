import type { Translate } from '@/lib/i18n/catalog';

/**
 * One special character and how to type it, as `typingHints(password)` in `lib/generate` returns it:
 * `key` is a message key, `params` its substitutions. Declared structurally so this component does not
 * depend on the generator's internals.
 */
export interface TypingHintView {
  char: string;
  key: string;
  params: readonly string[];
}

export interface TypingHintsProps {
  hints: readonly TypingHintView[];
  t: Translate;
  /** Heading level text; defaults to the AZERTY title. */
  title?: string;
}

const kbdStyle = {
  fontFamily: "ui-monospace, 'DejaVu Sans Mono', monospace",
  fontWeight: 700,
  display: 'inline-block',
  minWidth: '1.4em',
  textAlign: 'center' as const,
  padding: '0 4px',
  border: '1px solid currentColor',
  borderBottomWidth: '2px',
  borderRadius: '4px',
  marginInlineEnd: '6px',
};

/** "Comment le taper": one line per distinct special character of the password, for a French keyboard. */
export function TypingHints({ hints, t, title }: TypingHintsProps) {
  if (hints.length === 0) return null;
  return (
    <section class="sesame-typing-hints" data-testid="typing-hints">
      <h2 style={{ fontSize: '1em', margin: '0 0 4px' }}>{title ?? t('typing_hints_title')}</h2>
      <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {hints.map((hint) => (
          <li key={hint.char} data-char={hint.char} style={{ margin: '2px 0' }}>
            <kbd dir="ltr" style={kbdStyle}>
              {hint.char}
            </kbd>
            {t(hint.key, hint.params)}
          </li>
        ))}
      </ul>
    </section>
  );
}
