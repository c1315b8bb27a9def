// The build moves the language packages' encoded word lists out of `guide-strength.js` into a data file
// (build/defer-dictionaries.ts says why): each list's `decompress` call then receives a reference,
// `WORDS_REF + key`, and `withWords` puts the encoded string back once the file is read.

/** The data file, at the root of the extension, beside `guide-strength.js`. */
export const WORDS_FILE = 'strength-words.json';
/** Prefix of a reference to a list of `WORDS_FILE` (an encoded list itself starts with a capital). */
export const WORDS_REF = 'sesame-words:';

/** Whether `encoded` is a reference to `WORDS_FILE` rather than an encoded list. */
export function isWordsRef(encoded: string): boolean {
  return encoded.startsWith(WORDS_REF);
}

/** The encoded list a reference names in `words` (the parsed `WORDS_FILE`); throws if it is not there. */
export function resolveWordsRef(
  encoded: string,
  words: Readonly<Record<string, unknown>> | undefined,
): string {
  const key = encoded.slice(WORDS_REF.length);
  const list = words && Object.hasOwn(words, key) ? words[key] : undefined;
  if (typeof list !== 'string') throw new Error(`${WORDS_FILE} has no list ${key}`);
  return list;
}
