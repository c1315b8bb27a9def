/**
 * Character sets as sites state them: a union of named classes and listed characters. The named classes
 * are Apple's (`upper`, `lower`, `digit`, `special` = ASCII punctuation and the space, `unicode` = any
 * character) plus `symbol`, "any character that is neither a letter nor a digit", which is how Pronote
 * defines its special character.
 */
export const SET_CLASSES = ['upper', 'lower', 'digit', 'special', 'symbol', 'unicode'] as const;
export type SetClass = (typeof SET_CLASSES)[number];

export interface CharSetSpec {
  classes: readonly SetClass[];
  /** Listed characters (code points, each once), in the site's order; any Unicode character. */
  chars: string;
}

const range = (from: string, to: string): string => {
  let out = '';
  for (let c = from.charCodeAt(0); c <= to.charCodeAt(0); c++) out += String.fromCharCode(c);
  return out;
};
export const UPPER = range('A', 'Z');
export const LOWER = range('a', 'z');
export const DIGITS = range('0', '9');
/** ASCII punctuation without the space: what Sésame may put in a generated password. */
export const PUNCT = range('!', '/') + range(':', '@') + range('[', '`') + range('{', '~');
/** Apple's `special`: ASCII punctuation and the space. */
export const APPLE_SPECIAL = ` ${PUNCT}`;
export const ASCII_PRINTABLE = range(' ', '~');

const LETTER_OR_DIGIT_RE = /^[\p{L}\p{M}\p{N}]$/u;

/** Whether one code point belongs to a named class. */
export function inClass(char: string, cls: SetClass): boolean {
  switch (cls) {
    case 'upper':
      return char.length === 1 && char >= 'A' && char <= 'Z';
    case 'lower':
      return char.length === 1 && char >= 'a' && char <= 'z';
    case 'digit':
      return char.length === 1 && char >= '0' && char <= '9';
    case 'special':
      return char.length === 1 && APPLE_SPECIAL.includes(char);
    case 'symbol':
      return !LETTER_OR_DIGIT_RE.test(char);
    default:
      return true;
  }
}

// Indexed loops in the two helpers below: the popup's first password runs them some 900 times before its
// first paint, and in Firefox `for…of` goes through self-hosted iterator code, cold in every new popup page.
export function inCharSet(char: string, set: CharSetSpec): boolean {
  const classes = set.classes;
  for (let i = 0; i < classes.length; i++) if (inClass(char, classes[i] as SetClass)) return true;
  return set.chars.includes(char);
}

/** The set's members among `universe`, in `universe` order. */
export function membersOf(set: CharSetSpec, universe: readonly string[]): string[] {
  return universe.filter((c) => inCharSet(c, set));
}

/** Printable ASCII, then every listed character of `sets`, each once. */
export function universeOf(sets: readonly CharSetSpec[], extra: readonly string[] = []): string[] {
  const seen = new Set<string>(ASCII_PRINTABLE);
  const out = [...ASCII_PRINTABLE];
  for (const s of sets)
    for (const c of s.chars)
      if (!seen.has(c)) {
        seen.add(c);
        out.push(c);
      }
  for (const c of extra)
    if (!seen.has(c)) {
      seen.add(c);
      out.push(c);
    }
  return out;
}

/**
 * Stand-ins for the unlisted rest of Unicode, so questions like "can this requirement be met with what is
 * allowed?" have an answer when a class such as `symbol` or `unicode` is involved: a non-ASCII letter and a
 * non-ASCII symbol.
 */
export const UNICODE_WITNESSES: readonly string[] = ['é', '€'];

/** The same set written canonically: classes in `SET_CLASSES` order, listed characters each once. */
export function normalizeSet(set: CharSetSpec): CharSetSpec {
  if (set.classes.includes('unicode')) return { classes: ['unicode'], chars: '' };
  // "Neither letter nor digit" already holds every ASCII symbol.
  const classes = SET_CLASSES.filter(
    (c) => set.classes.includes(c) && !(c === 'special' && set.classes.includes('symbol')),
  );
  const chars = [...new Set(set.chars)].filter((c) => !classes.some((cls) => inClass(c, cls))).join('');
  return { classes, chars };
}

export function sameSet(a: CharSetSpec, b: CharSetSpec): boolean {
  const x = normalizeSet(a);
  const y = normalizeSet(b);
  const sorted = (chars: string) => [...chars].sort().join('');
  return sorted(x.chars) === sorted(y.chars) && x.classes.join() === y.classes.join();
}

/** Every character of `chars` is in `set`. */
export function coversAll(set: CharSetSpec, chars: string): boolean {
  for (let i = 0; i < chars.length; ) {
    const c = String.fromCodePoint(chars.codePointAt(i) as number);
    i += c.length;
    if (!inCharSet(c, set)) return false;
  }
  return true;
}
