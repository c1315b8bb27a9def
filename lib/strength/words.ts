// The build moves the language packages' encoded word lists out of `guide-strength.js` into a data file
// (build/defer-dictionaries.ts says why): each list's `decompress` call then receives a reference,
// `WORDS_REF + key`, and `prepareDictionaries` reads the encoded list from the file's contents.
//
// The file is plain text, two lines per list, its key then its encoded words: splitting it costs nothing,
// where `JSON.parse` of the same megabyte was a 25–40 ms task on the page's main thread.

/** The data file, at the root of the extension, beside `guide-strength.js`. */
export const WORDS_FILE = 'strength-words.txt';
/** Prefix of a reference to a list of `WORDS_FILE` (an encoded list itself starts with a capital). */
export const WORDS_REF = 'sesame-words:';

/** The file's text for these lists (key → encoded list); throws on what the format cannot hold. */
export function formatWordsFile(lists: ReadonlyMap<string, string>): string {
  // Sorted, so that the file is the same byte for byte whatever order the lists were collected in.
  const keys = [...lists.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return keys
    .map((key) => {
      const encoded = lists.get(key) as string;
      if (/[\r\n]/.test(key) || /[\r\n]/.test(encoded))
        throw new Error(`${WORDS_FILE}: line break in ${key}`);
      return `${key}\n${encoded}\n`;
    })
    .join('');
}

/** The file's lists, key → encoded list. */
export function parseWordsFile(text: string): Map<string, string> {
  const lines = text.split('\n');
  const lists = new Map<string, string>();
  for (let i = 0; i + 1 < lines.length; i += 2) lists.set(lines[i] as string, lines[i + 1] as string);
  return lists;
}

/** Whether `encoded` is a reference to `WORDS_FILE` rather than an encoded list. */
export function isWordsRef(encoded: string): boolean {
  return encoded.startsWith(WORDS_REF);
}

/** The encoded list a reference names in `words` (the parsed `WORDS_FILE`); throws if it is not there. */
export function resolveWordsRef(encoded: string, words: ReadonlyMap<string, string> | undefined): string {
  const key = encoded.slice(WORDS_REF.length);
  const list = words?.get(key);
  if (list === undefined) throw new Error(`${WORDS_FILE} has no list ${key}`);
  return list;
}
