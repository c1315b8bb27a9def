import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import decompress from '@zxcvbn-ts/dictionary-compression/decompress';
import * as common from '@zxcvbn-ts/language-common';
import * as fr from '@zxcvbn-ts/language-fr';
import { describe, expect, it } from 'vitest';
import { prepareDictionaries } from '../lib/strength/sliced';
import { formatWordsFile, parseWordsFile, WORDS_REF } from '../lib/strength/words';
import deferDecompress from './defer-decompress';
import { moveWordLists } from './defer-dictionaries';

const require = createRequire(import.meta.url);
const distOf = (pkg: string) => dirname(require.resolve(pkg).replace(/index\.c?js$/, 'index.mjs'));

/** Every `*.json.mjs` module of both language packages, as the build meets them. */
const modules = ['@zxcvbn-ts/language-common', '@zxcvbn-ts/language-fr'].flatMap((pkg) =>
  readdirSync(distOf(pkg))
    .filter((f) => f.endsWith('.json.mjs'))
    .map((f) => join(distOf(pkg), f)),
);

describe('moveWordLists', () => {
  it('moves every encoded list out of the code, and leaves graphs and word sequences alone', () => {
    const words = new Map<string, string>();
    let moved = 0;
    for (const path of modules) {
      const code = readFileSync(path, 'utf8');
      const out = moveWordLists(code, path, words);
      if (out === null) {
        expect(code).not.toContain('decompress(');
        continue;
      }
      moved++;
      expect(out.length).toBeLessThan(400);
      expect(out).toContain(`decompress("${WORDS_REF}`);
    }
    expect(moved).toBe(6);
    expect([...words.keys()].sort()).toEqual([
      'language-common/diceware',
      'language-common/passwords',
      'language-fr/commonWords',
      'language-fr/firstnames',
      'language-fr/lastnames',
      'language-fr/wikipedia',
    ]);
  });

  it('gives back, through the words file, the very lists the packages decompress', async () => {
    const words = new Map<string, string>();
    const lists: Record<string, unknown> = {};
    for (const path of modules) {
      const out = moveWordLists(readFileSync(path, 'utf8'), path, words);
      const ref = out && /decompress\("([^"]+)"\)/.exec(out)?.[1];
      if (ref) lists[ref] = deferDecompress(ref);
    }
    const file = parseWordsFile(formatWordsFile(words));
    const prepared = await prepareDictionaries(lists, async () => {}, 8, undefined, file);
    const real = { ...common.dictionary, ...fr.dictionary } as Record<string, string[]>;
    // The packages' lists, by the module they come from.
    expect(prepared.dictionary[`${WORDS_REF}language-common/passwords`]).toEqual(real['passwords-common']);
    expect(prepared.dictionary[`${WORDS_REF}language-fr/wikipedia`]).toEqual(real['wikipedia-fr']);
    expect(decompress(words.get('language-fr/firstnames') as string)).toEqual(real['firstnames-fr']);
  });

  it('writes a file that reads back to the same lists, and refuses a line break in a list', () => {
    const lists = new Map([
      ['b/list', 'AzeroAun'],
      ['a/list', 'Aété'],
    ]);
    const text = formatWordsFile(lists);
    expect(text).toBe('a/list\nAété\nb/list\nAzeroAun\n');
    expect(parseWordsFile(text)).toEqual(new Map([...lists].sort()));
    expect(() => formatWordsFile(new Map([['x', 'Aa\nb']]))).toThrow(/line break/);
  });

  it('ignores other modules, and fails the build on a list module it cannot read', () => {
    const words = new Map<string, string>();
    expect(moveWordLists('export default 1', '/x/node_modules/preact/dist/preact.mjs', words)).toBeNull();
    const odd =
      "import decompress from '@zxcvbn-ts/dictionary-compression/decompress';\nvar x = decompress(y);";
    expect(() =>
      moveWordLists(odd, '/x/node_modules/@zxcvbn-ts/language-fr/dist/newList.json.mjs', words),
    ).toThrow(/no decompress/);
  });

  it('fails an estimator load whose words file lacks a list, rather than rating with an empty one', async () => {
    await expect(
      prepareDictionaries(
        { a: deferDecompress(`${WORDS_REF}language-fr/missing`) },
        async () => {},
        8,
        undefined,
        new Map(),
      ),
    ).rejects.toThrow(/missing/);
  });
});
