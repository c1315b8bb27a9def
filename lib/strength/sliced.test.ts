import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as core from '@zxcvbn-ts/core';
import decompress from '@zxcvbn-ts/dictionary-compression/decompress';
import * as common from '@zxcvbn-ts/language-common';
import * as fr from '@zxcvbn-ts/language-fr';
import { createStrengthEstimator } from './estimate';
import { deferDecompress, prepareDictionaries, preRankedFactory } from './sliced';

// The packages' own compressor output, re-encoded here for the test: same format as their bundled strings.
function compress(words: readonly string[]): string {
  let last = '';
  let out = '';
  for (const word of words) {
    let keep = 0;
    while (keep < last.length && keep < word.length && keep < 25 && last[keep] === word[keep]) keep++;
    out += String.fromCharCode(65 + keep) + word.slice(keep);
    last = word;
  }
  return out;
}

describe('prepareDictionaries', () => {
  it('decompresses deferred lists and ranks them as zxcvbn-ts does', async () => {
    const words = ['123456', 'password', '12345678', 'qwerty', '123456789', 'password'];
    const prepared = await prepareDictionaries({
      pw: deferDecompress(compress(words)),
      small: ['été', 'hiver'],
    });
    expect(prepared.dictionary.pw).toEqual(words);
    const zx = new core.Options({ dictionary: { pw: words, small: ['été', 'hiver'] } });
    expect(prepared.ranked).toEqual(zx.rankedDictionaries);
    expect(prepared.maxWordSize).toEqual(zx.rankedDictionariesMaxWordSize);
  });

  it("reads the packages' real encoded lists exactly as their decompress does", async () => {
    const require = createRequire(import.meta.url);
    const file = require.resolve('@zxcvbn-ts/language-common').replace(/index\.c?js$/, 'passwords.json.mjs');
    const encoded = /decompress\("([^"]*)"\)/.exec(readFileSync(file, 'utf8'))?.[1] ?? '';
    expect(encoded.length).toBeGreaterThan(100_000);
    const prepared = await prepareDictionaries({ passwords: deferDecompress(encoded) });
    expect(prepared.dictionary.passwords).toEqual(decompress(encoded));
  });

  it('yields to the page between slices of bounded work', async () => {
    const words = Array.from({ length: 5000 }, (_x, i) => `mot${i}`);
    let clock = 0;
    let yields = 0;
    // Every reading of the clock advances it 1 ms: a slice of 8 ms must end within 8 readings.
    await prepareDictionaries(
      { a: deferDecompress(compress(words)) },
      async () => {
        yields++;
      },
      8,
      () => clock++,
    );
    expect(yields).toBeGreaterThan(0);
  });

  it('gives the same estimates as the factory that ranks in its constructor', async () => {
    const lists = { ...common.dictionary, ...fr.dictionary };
    const prepared = await prepareDictionaries(lists);
    const graphs = { azerty: common.adjacencyGraphs.azerty };
    const now = () => new Date('2025-03-01');
    const direct = createStrengthEstimator(
      { Factory: core.ZxcvbnFactory, dictionary: lists, graphs },
      { now },
    );
    const sliced = createStrengthEstimator(
      { Factory: preRankedFactory(core.ZxcvbnFactory, prepared), dictionary: {}, graphs },
      { now },
    );
    for (const pw of [
      'Velo-Rouge-42!Lune',
      'soleil2024',
      'Azerty123!',
      'motdepasse',
      'Girafe-Tulipe-Nuage-47',
    ]) {
      expect(sliced.estimate(pw)).toEqual(direct.estimate(pw));
    }
  });
});
