import type { CSSProperties } from 'preact';

const ASCII_PUNCTUATION = '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~';

export type CharKind = 'upper' | 'lower' | 'digit' | 'special' | 'other';

export function charKind(ch: string): CharKind {
  if (ch >= 'A' && ch <= 'Z') return 'upper';
  if (ch >= 'a' && ch <= 'z') return 'lower';
  if (ch >= '0' && ch <= '9') return 'digit';
  // Printable ASCII punctuation: the characters sites call "spéciaux". A string search rather than a
  // regular expression: this runs per character in the popup's first frame, where Firefox runs a regular
  // expression's test as cold self-hosted script.
  if (ch.length === 1 && ASCII_PUNCTUATION.includes(ch)) return 'special';
  return 'other';
}

// A font where l, I, 1, O and 0 look different: a monospace stack plus a slashed zero. Styles are inline so
// the component looks the same in the popup and inside a content script's shadow root, whatever CSS the
// host loads; colours read custom properties so a dark theme can override them. Exported, and written as
// strings only: the popup's first script paints the same element without Preact
// (components/popup/first-view.ts), and a string is set as is by both where a number Preact may suffix
// with px. This file has no JSX so that script does not pull Preact in.
export const charsStyle: Readonly<Record<string, string>> = {
  fontFamily: "ui-monospace, 'DejaVu Sans Mono', 'Cascadia Mono', 'Consolas', 'Menlo', monospace",
  fontVariantNumeric: 'slashed-zero',
  fontFeatureSettings: '"zero" 1',
  fontSize: '1.6em',
  lineHeight: '1.5',
  letterSpacing: '0.06em',
  overflowWrap: 'anywhere',
  fontWeight: '600',
} satisfies CSSProperties;

// Digits are underlined and specials boxed, so the difference does not rest on colour alone (WCAG 1.4.1).
export const kindStyle: Readonly<Record<CharKind, Readonly<Record<string, string>> | undefined>> = {
  upper: undefined,
  lower: undefined,
  digit: {
    color: 'var(--sesame-digit, #0b4f9c)',
    textDecoration: 'underline',
    textDecorationThickness: '2px',
    textUnderlineOffset: '4px',
  },
  special: {
    color: 'var(--sesame-special, #8a1c5a)',
    outline: '1px solid currentColor',
    outlineOffset: '-1px',
    borderRadius: '3px',
    padding: '0 1px',
  },
  other: { color: 'var(--sesame-other, #9b2c00)', outline: '1px dashed currentColor' },
} satisfies Record<CharKind, CSSProperties | undefined>;

export const legendStyle: Readonly<Record<string, string>> = { margin: '2px 0 0', fontSize: '0.85em' };

const cssTexts = new Map<object, string>();
/**
 * A style object as the text of a `style` attribute (`fontSize` → `font-size: …`), for the popup's first
 * script: setting the attribute once per element, instead of each property through `element.style`, keeps
 * Firefox from building its very large CSS properties interface before the first paint (about 5 ms measured
 * for the password's spans). The declarations are the same, so Preact's later updates of these elements
 * work as on its own.
 */
export function cssText(style: Readonly<Record<string, string>>): string {
  let text = cssTexts.get(style);
  if (text === undefined) {
    text = '';
    for (const key in style) {
      let name = '';
      for (let i = 0; i < key.length; i++) {
        const c = key.charAt(i);
        name += c >= 'A' && c <= 'Z' ? `-${c.toLowerCase()}` : c;
      }
      text += `${name}: ${style[key]}; `;
    }
    text = text.trimEnd();
    cssTexts.set(style, text);
  }
  return text;
}
