/** Which modifier a character needs on a French AZERTY PC keyboard. */
export type AzertyModifier = 'direct' | 'shift' | 'altgr';

export interface AzertyKey {
  char: string;
  modifier: AzertyModifier;
  /** A dead key prints nothing until the next key: the child must press Space after it. */
  deadKey: boolean;
  /** The key as printed on the keyboard; top-row keys also name their digit, which children look for. */
  keyLabel: string;
}

const key = (char: string, modifier: AzertyModifier, keyLabel: string, deadKey = false): AzertyKey => ({
  char,
  modifier,
  deadKey,
  keyLabel,
});

/**
 * Every printable ASCII punctuation character (the only specials a profile may list) on the French PC
 * AZERTY layout (Windows/Linux "fr"). Facts checked key by key against the layout; `^` also exists as
 * AltGr + 9 without a dead key, but the key families know is the one right of P.
 */
export const AZERTY_KEYS: Readonly<Record<string, AzertyKey>> = Object.freeze({
  '!': key('!', 'direct', '!'),
  '"': key('"', 'direct', '" (3)'),
  '#': key('#', 'altgr', '" (3)'),
  $: key('$', 'direct', '$'),
  '%': key('%', 'shift', 'ù'),
  '&': key('&', 'direct', '& (1)'),
  "'": key("'", 'direct', "' (4)"),
  '(': key('(', 'direct', '( (5)'),
  ')': key(')', 'direct', ')'),
  '*': key('*', 'direct', '*'),
  '+': key('+', 'shift', '='),
  ',': key(',', 'direct', ','),
  '-': key('-', 'direct', '- (6)'),
  '.': key('.', 'shift', ';'),
  '/': key('/', 'shift', ':'),
  ':': key(':', 'direct', ':'),
  ';': key(';', 'direct', ';'),
  '<': key('<', 'direct', '<'),
  '=': key('=', 'direct', '='),
  '>': key('>', 'shift', '<'),
  '?': key('?', 'shift', ','),
  '@': key('@', 'altgr', 'à (0)'),
  '[': key('[', 'altgr', '( (5)'),
  '\\': key('\\', 'altgr', '_ (8)'),
  ']': key(']', 'altgr', ')'),
  '^': key('^', 'direct', '^', true),
  _: key('_', 'direct', '_ (8)'),
  '`': key('`', 'altgr', 'è (7)', true),
  '{': key('{', 'altgr', "' (4)"),
  '|': key('|', 'altgr', '- (6)'),
  '}': key('}', 'altgr', '='),
  '~': key('~', 'altgr', 'é (2)', true),
});

const isEasy = (k: AzertyKey) => k.modifier !== 'altgr' && !k.deadKey;

/** Specials typed with at most Shift and without a dead key, in ASCII order. */
// Marked pure so a bundle that never reads it (the popup's first script) does not compute it at load.
export const AZERTY_EASY_SPECIALS: string = /* @__PURE__ */ (() =>
  Object.values(AZERTY_KEYS)
    .filter(isEasy)
    .map((k) => k.char)
    .sort()
    .join(''))();

export function isAzertyEasy(char: string): boolean {
  const k = AZERTY_KEYS[char];
  return k !== undefined && isEasy(k);
}

/**
 * The specials (a profile's, see `allowedSpecials`) a child types without AltGr or dead keys, in the profile's order. When the site
 * accepts none of them, its whole list: a hard-to-type special still beats a refused password.
 */
export function azertyEasySpecials(specials: string): string {
  const easy = [...specials].filter(isAzertyEasy).join('');
  return easy === '' ? specials : easy;
}

/** One line of "how to type it"; `key` is a message key, `params[0]` the character(s) concerned. */
export interface TypingHint {
  char: string;
  key: string;
  params: string[];
}

function hintKey(k: AzertyKey): string {
  if (k.deadKey) return k.modifier === 'altgr' ? 'hint_altgr_dead' : 'hint_dead';
  return `hint_${k.modifier}`;
}

/**
 * How to type `password` on a French AZERTY keyboard: one hint per distinct special, in order of first
 * appearance, then one for digits (they need Shift on the top row) and one for capitals. Linear in the
 * input; characters we have no advice for (accents, emoji, lone surrogates) are skipped.
 */
export function typingHints(password: string): TypingHint[] {
  const hints: TypingHint[] = [];
  const seen = new Set<string>();
  const digits = new Set<string>();
  let hasUpper = false;
  for (const char of password) {
    if (char >= '0' && char <= '9') digits.add(char);
    else if (char >= 'A' && char <= 'Z') hasUpper = true;
    else if (!seen.has(char)) {
      seen.add(char);
      const k = AZERTY_KEYS[char];
      if (k) hints.push({ char, key: hintKey(k), params: [char, k.keyLabel] });
    }
  }
  if (digits.size > 0) {
    const list = [...digits].sort().join(' ');
    hints.push({ char: '0–9', key: 'hint_digits', params: ['0–9', list] });
  }
  if (hasUpper) hints.push({ char: 'A–Z', key: 'hint_upper', params: ['A–Z'] });
  return hints;
}
