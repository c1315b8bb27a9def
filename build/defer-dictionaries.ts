import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { formatWordsFile, WORDS_FILE, WORDS_REF } from '../lib/strength/words';

const DECOMPRESS = '@zxcvbn-ts/dictionary-compression/decompress';

// A language package's list module: `var passwords = decompress("A123456Apassword…");`.
const LIST_MODULE = /[\\/]@zxcvbn-ts[\\/](language-[a-z-]+)[\\/]dist[\\/]([A-Za-z]+)\.json\.mjs$/;
const DECOMPRESS_CALL = /\bdecompress\(("(?:[^"\\]|\\.)*")\)/g;

// zxcvbn-ts's language packages decompress their word lists when their modules run: in the guide that is
// one long task the moment the strength script loads. In the extension's build their `decompress` is
// swapped for `deferDecompress` (lib/strength/sliced.ts), and `prepareDictionaries` does the same work
// later in slices. Unit tests (Vitest) keep the real function.
//
// The encoded lists (≈1 MB) also leave the script for a data file, `strength-words.txt`: as string
// literals in `guide-strength.js` they made Chromium's code cache for that module ≈1 MB, which V8 writes
// (second load) and reads back (every later load) on the page's main thread, a 25–55 ms task each time
// the estimator loads. Fetched data is not compiled, so not cached as code. Each list's call becomes
// `decompress("sesame-words:<package>/<list>")`, resolved by `prepareDictionaries` (lib/strength/words.ts).
export function deferDictionaries(): Plugin {
  const replacement = fileURLToPath(new URL('./defer-decompress.ts', import.meta.url));
  const words = new Map<string, string>();
  return {
    name: 'sesame:defer-dictionaries',
    enforce: 'pre',
    resolveId(id) {
      if (process.env.VITEST) return null;
      return id === DECOMPRESS ? replacement : null;
    },
    transform(code, id) {
      if (process.env.VITEST) return null;
      const replaced = moveWordLists(code, id, words);
      return replaced === null ? null : { code: replaced, map: null };
    },
    generateBundle() {
      if (words.size === 0) return;
      this.emitFile({ type: 'asset', fileName: WORDS_FILE, source: formatWordsFile(words) });
    },
  };
}

/**
 * For a language package's list module: the code with each `decompress("<list>")` call given a reference
 * instead, the lists added to `words`. Null for any other module; throws for a module that imports
 * `decompress` but whose call this does not recognise.
 */
export function moveWordLists(code: string, id: string, words: Map<string, string>): string | null {
  const list = LIST_MODULE.exec(id);
  // Graphs and word sequences are plain objects: only the modules that import `decompress` hold lists.
  if (!list || !code.includes(DECOMPRESS)) return null;
  let count = 0;
  const replaced = code.replace(DECOMPRESS_CALL, (_call, literal: string) => {
    const key = `${list[1]}/${list[2]}${count === 0 ? '' : `#${count}`}`;
    count++;
    words.set(key, JSON.parse(literal) as string);
    return `decompress(${JSON.stringify(WORDS_REF + key)})`;
  });
  // A package that reshapes its list modules must fail the build, not ship its lists inline unnoticed.
  if (count === 0) throw new Error(`defer-dictionaries: no decompress("…") call found in ${id}`);
  return replaced;
}
