import * as core from '@zxcvbn-ts/core';
import getCleanPasswords from '@zxcvbn-ts/core/dist/matcher/dictionary/variants/matching/unmunger/getCleanPasswords';
import * as common from '@zxcvbn-ts/language-common';
import * as fr from '@zxcvbn-ts/language-fr';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  createStrengthEstimator,
  enejUserInputs,
  STRENGTH_LIVE_MAX_INPUT,
  type StrengthEstimator,
} from './estimate';
import { slicer } from './sliced';
import { checkInSlices } from './sliced-check';

// One factory as the guide builds it (same options as createStrengthEstimator), to compare the sliced
// check with zxcvbn's own on the very same instance.
const zxcvbn = new core.ZxcvbnFactory({
  dictionary: { ...common.dictionary, ...fr.dictionary },
  graphs: { azerty: common.adjacencyGraphs.azerty },
  l33tMaxSubstitutions: 16,
  maxLength: 128,
});
const INPUTS = enejUserInputs(new Date(2026, 10, 29));
const noYield = async () => {};
/** `calcTime` is a stopwatch reading, the only field that may differ. */
const same = (r: core.ZxcvbnResult) => ({ ...r, calcTime: 0 });

// What families type and what is slow to check: words, l33t, repeats, keyboard rows, dates, symbols.
const SAMPLES = [
  'a',
  'Velo-Rouge-42!Lune',
  'soleil2024',
  'Azerty123!',
  'P@ssw0rd1!',
  'Ch0c0l@t1!',
  'M0tD3P@ss3!',
  'Girafe-Tulipe-Nuage-Poire-Cartab',
  'Le-chat-de-ma-soeur-mange-des-cr',
  'P@ssw0rd!P@ssw0rd!P@ssw0rd!P@ss',
  'aZ9!aZ9!aZ9!aZ9!aZ9!aZ9!aZ9!aZ9!',
  'x7#Kq!2v&Lm9@Rt4^Wp8*Zs3_Yb6-Nc1',
  'P4ss-M0t-D3-P4ss3-C0ll3g3-2024!!',
  'azertyuiop1234',
  '12/05/2011enej',
  'motdepasse',
  'EnejPronote86',
  'l3-ch4t-n01r',
];

describe('checkInSlices', () => {
  it.each(SAMPLES)('%s: the same result as zxcvbn check', async (password) => {
    const sliced = await checkInSlices(zxcvbn, password, INPUTS, noYield);
    expect(same(sliced)).toEqual(same(zxcvbn.check(password, INPUTS)));
  });

  it('agrees with zxcvbn check on any mix of words, l33t symbols and digits', async () => {
    const piece = fc.constantFrom(
      'soleil',
      'p@ss',
      'w0rd',
      'ch4t',
      'lune',
      'enej',
      '2024',
      '!',
      '-',
      '@',
      '$',
      '0',
      '1',
      '3',
      'azerty',
      'aaa',
      'abc',
      'Z',
    );
    await fc.assert(
      fc.asyncProperty(fc.array(piece, { minLength: 1, maxLength: 8 }), async (pieces) => {
        const password = pieces.join('').slice(0, STRENGTH_LIVE_MAX_INPUT);
        const sliced = await checkInSlices(zxcvbn, password, INPUTS, noYield);
        expect(same(sliced)).toEqual(same(zxcvbn.check(password, INPUTS)));
      }),
      { numRuns: 60, seed: 86 },
    );
  });

  it('gives the page its turn many times on a long input with symbols, in l33t readings too', async () => {
    const password = 'P4ss-M0t-D3-P4ss3-C0ll3g3-2024!!';
    let pauses = 0;
    await checkInSlices(zxcvbn, password, INPUTS, async () => {
      pauses++;
    });
    const internals = zxcvbn as unknown as {
      matching: { matchers: object };
      options: { trieNodeRoot: Parameters<typeof getCleanPasswords>[2] };
    };
    const matchers = Object.keys(internals.matching.matchers).length;
    const readings = getCleanPasswords(password, 16, internals.options.trieNodeRoot).length;
    expect(readings).toBeGreaterThan(4);
    // One per matcher, one before the scoring, three in the word-sequence matcher, and one per l33t reading
    // in the l33t matcher and again in the word-sequence one: fewer means a piece fell back to one call.
    expect(pauses).toBe(matchers + 1 + 3 + 2 * readings);
  });

  it('stops between slices when its signal is aborted', async () => {
    const job = new AbortController();
    let pauses = 0;
    const pause = slicer({ signal: job.signal, sliceMs: 0, yieldFn: async () => {} });
    const counting = async () => {
      if (++pauses === 3) job.abort(new Error('typed again'));
      await pause();
    };
    await expect(checkInSlices(zxcvbn, 'Velo-Rouge-42!Lune', INPUTS, counting)).rejects.toThrow(
      'typed again',
    );
    expect(pauses).toBe(3);
  });
});

describe('estimateInSlices', () => {
  let estimator: StrengthEstimator;
  beforeAll(() => {
    estimator = createStrengthEstimator(
      {
        Factory: core.ZxcvbnFactory,
        dictionary: { ...common.dictionary, ...fr.dictionary },
        graphs: { azerty: common.adjacencyGraphs.azerty },
        checkInSlices,
      },
      { now: () => new Date(2026, 10, 29) },
    );
  });

  it.each([
    'Soleil2024!',
    'Enej2024!',
    'Girafe-Tulipe-Nuage-Poire-47',
    'Mon-grand-frere-joue-au-foot-le-mercredi',
  ])('%s: the same verdict as estimate, with the live cap too', async (password) => {
    const limits = { maxInput: STRENGTH_LIVE_MAX_INPUT };
    expect(await estimator.estimateInSlices?.(password, ['Lucas'])).toEqual(
      estimator.estimate(password, ['Lucas']),
    );
    expect(await estimator.estimateInSlices?.(password, [], limits)).toEqual(
      estimator.estimate(password, [], limits),
    );
  });

  it('yields to the page with a macrotask once a slice has used its time', async () => {
    let clock = 0;
    let yields = 0;
    const pause = slicer({
      sliceMs: 8,
      // Every reading of the clock advances it 1 ms.
      now: () => clock++,
      yieldFn: () =>
        new Promise((resolve) => {
          yields++;
          setTimeout(resolve, 0);
        }),
    });
    const result = await estimator.estimateInSlices?.('x7#Kq!2v&Lm9@Rt4', [], {}, { pause });
    expect(result?.score).toBe(4);
    expect(yields).toBeGreaterThan(2);
  });

  it('rejects once its signal is aborted, without an estimate', async () => {
    const job = new AbortController();
    job.abort();
    await expect(
      estimator.estimateInSlices?.('Velo-Rouge-42!Lune', [], {}, { signal: job.signal }),
    ).rejects.toThrow();
  });
});
