import type { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { isWordsRef, resolveWordsRef } from './words';

// zxcvbn-ts builds its dictionaries in one go: each language package decompresses its word lists when
// its module runs, and the factory ranks every word (~136,000) in its constructor. In a page that is one
// task of several hundred milliseconds on a school laptop, which freezes typing. Here the same work runs
// in slices of a few milliseconds, with a yield to the page between slices: the build replaces the
// packages' `decompress` with `deferDecompress` (which only keeps the encoded string), and
// `prepareDictionaries` decompresses and ranks those lists slice by slice, exactly as zxcvbn-ts does.

const DEFERRED = Symbol.for('sesame.strength.deferred');

/**
 * A word list whose decompression is left for later: the packages' encoded string, untouched, or in the
 * extension's build a reference to it in `strength-words.txt` (lib/strength/words.ts).
 */
export interface DeferredList {
  readonly [DEFERRED]: string;
}

/** Stands in for `@zxcvbn-ts/dictionary-compression/decompress` in the extension's build. */
export function deferDecompress(encoded: string): string[] {
  return { [DEFERRED]: encoded } as unknown as string[];
}

function isDeferred(list: unknown): list is DeferredList {
  return typeof list === 'object' && list !== null && DEFERRED in list;
}

export interface PreparedDictionaries {
  dictionary: Record<string, string[]>;
  /** `rankedDictionaries` as zxcvbn-ts builds them: word → 1-based rank (a repeated word keeps its last). */
  ranked: Record<string, Record<string, number>>;
  maxWordSize: Record<string, number>;
}

/** Gives the page its turn; production uses a macrotask, tests may count calls. */
export type YieldToPage = () => Promise<void>;

export const yieldToPage: YieldToPage = () => new Promise((resolve) => setTimeout(resolve, 0));

/** Longest stretch of work between two yields, in milliseconds. */
export const SLICE_MS = 8;
const CHECK_EVERY = 256;

/** Ends a slice if it has used its time: resolves at once, or after the page's turn (see `slicer`). */
export type Pause = () => Promise<void>;

/**
 * A `Pause` for work split into small pieces: it yields to the page once `sliceMs` have passed since the
 * last yield, and rejects (with the signal's reason) once `signal` is aborted, which stops the work
 * between two pieces.
 */
export function slicer(
  options: { signal?: AbortSignal; yieldFn?: YieldToPage; sliceMs?: number; now?: () => number } = {},
): Pause {
  const { signal, yieldFn = yieldToPage, sliceMs = SLICE_MS, now = () => performance.now() } = options;
  let sliceStart = now();
  return async () => {
    signal?.throwIfAborted();
    if (now() - sliceStart < sliceMs) return;
    await yieldFn();
    signal?.throwIfAborted();
    sliceStart = now();
  };
}

/**
 * Decompresses (zxcvbn-ts's prefix format: an upper-case letter says how many characters of the previous
 * word to keep, the lower-case text after it is the rest) and ranks every list, yielding whenever a slice
 * has used `sliceMs`. Lists already decompressed (unit tests, where the build's swap does not apply) are
 * only ranked.
 */
export async function prepareDictionaries(
  lists: Readonly<Record<string, unknown>>,
  yieldFn: YieldToPage = yieldToPage,
  sliceMs = SLICE_MS,
  now: () => number = () => performance.now(),
  /** The parsed `strength-words.txt`, for lists the build left as references to it. */
  wordsFile?: ReadonlyMap<string, string>,
): Promise<PreparedDictionaries> {
  const out: PreparedDictionaries = { dictionary: {}, ranked: {}, maxWordSize: {} };
  let sliceStart = now();
  let steps = 0;
  // Checked every CHECK_EVERY words, and awaited only when the slice is used up: an `await` per word
  // would cost more than the work.
  const due = () => ++steps % CHECK_EVERY === 0 && now() - sliceStart >= sliceMs;
  const pause = async () => {
    await yieldFn();
    sliceStart = now();
  };

  for (const [name, list] of Object.entries(lists)) {
    const words: string[] = [];
    const ranked: Record<string, number> = {};
    let max = 0;
    const add = (word: string) => {
      words.push(word);
      ranked[word] = words.length;
      if (word.length > max) max = word.length;
    };
    if (isDeferred(list)) {
      const encoded = isWordsRef(list[DEFERRED])
        ? resolveWordsRef(list[DEFERRED], wordsFile)
        : list[DEFERRED];
      // Same reading as the package's `decompress`: `split(/([A-Z])/)` pairs, text before the first capital dropped.
      const pairs = /([A-Z])([^A-Z]*)/g;
      let last = '';
      for (let m = pairs.exec(encoded); m; m = pairs.exec(encoded)) {
        last = last.slice(0, (m[1] as string).charCodeAt(0) - 65) + (m[2] as string);
        add(last);
        if (due()) await pause();
      }
    } else if (Array.isArray(list)) {
      for (const word of list) {
        add(typeof word === 'string' ? word : String(word));
        if (due()) await pause();
      }
    }
    out.dictionary[name] = words;
    out.ranked[name] = ranked;
    out.maxWordSize[name] = max;
  }
  return out;
}

/**
 * A `ZxcvbnFactory` that takes the dictionaries already ranked instead of ranking them in its constructor
 * (it is built with none, then given these). Matching reads them from `options` at each check.
 */
export function preRankedFactory(
  Factory: typeof ZxcvbnFactory,
  prepared: PreparedDictionaries,
): typeof ZxcvbnFactory {
  return class PreRanked extends Factory {
    constructor(...args: ConstructorParameters<typeof ZxcvbnFactory>) {
      const [options = {}, matchers] = args;
      const { dictionary: _ignored, ...rest } = options;
      super(rest, matchers);
      // `options` is private in zxcvbn-ts's typings; matching reads these three fields from it at each check.
      const target = (this as unknown as { options: unknown }).options as {
        dictionary: Record<string, unknown>;
        rankedDictionaries: Record<string, Record<string, number>>;
        rankedDictionariesMaxWordSize: Record<string, number>;
      };
      target.dictionary = prepared.dictionary;
      target.rankedDictionaries = prepared.ranked;
      target.rankedDictionariesMaxWordSize = prepared.maxWordSize;
    }
  };
}
