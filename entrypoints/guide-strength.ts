import * as core from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as fr from '@zxcvbn-ts/language-fr';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import {
  createStrengthEstimator,
  enejUserInputs,
  STRENGTH_LIVE_MAX_INPUT,
  type StrengthEstimator,
} from '@/lib/strength/estimate';
import { publishStrength } from '@/lib/strength/script';
import { prepareDictionaries, preRankedFactory, yieldToPage } from '@/lib/strength/sliced';
import { checkInSlices } from '@/lib/strength/sliced-check';
import { parseWordsFile, WORDS_FILE } from '@/lib/strength/words';

/** The extension API global that content scripts and extension pages both have. */
declare const chrome: { runtime: { getURL(path: string): string } };

// The one copy of zxcvbn in the package: the guide's UI and the popup both import this file by URL on first
// use, and take the estimator from `STRENGTH_GLOBAL`. The guide re-estimates as the family types, so the
// shared estimator caps at the live meter's length unless the caller asks otherwise (the popup rates one
// finished password and asks for the full cap).
//
// Loading it must not freeze the page the family is typing in: the build leaves the word lists compressed
// (build/defer-dictionaries.ts), so running this file is short, and the lists are then decompressed and
// ranked in slices of a few milliseconds with the page's turn between them (lib/strength/sliced.ts). The
// guide's estimates run in slices too (`estimateInSlices`, lib/strength/sliced-check.ts): a whole zxcvbn
// check of 32 characters with symbols is a 70–250 ms task on a loaded machine.
async function load(): Promise<Required<StrengthEstimator>> {
  // The word lists themselves are data, not code (build/defer-dictionaries.ts): read from the extension's
  // own files, in the realm that imported this script (the guide's content script, or the popup).
  const response = await fetch(chrome.runtime.getURL(`/${WORDS_FILE}`));
  if (!response.ok) throw new Error(`${WORDS_FILE}: ${response.status}`);
  const words = parseWordsFile(await response.text());
  await yieldToPage();
  const prepared = await prepareDictionaries(
    { ...common.dictionary, ...fr.dictionary },
    undefined,
    undefined,
    undefined,
    words,
  );
  await yieldToPage();
  const { estimate, estimateInSlices } = createStrengthEstimator({
    Factory: preRankedFactory(core.ZxcvbnFactory, prepared),
    dictionary: {},
    // Families here type on French AZERTY; QWERTY rows like "qwerty" are not what they would type.
    graphs: { azerty: common.adjacencyGraphs.azerty },
    checkInSlices,
  });
  if (!estimateInSlices) throw new Error('the strength estimator was built without checkInSlices');
  const estimator = { estimate, estimateInSlices };
  // zxcvbn's first estimates run its code cold (compiled on first call, interpreted until hot), several
  // times slower than the same estimate warm. Warm it on made-up inputs, in slices as the guide's own
  // estimates run, so that no family's keystroke pays for that, and no single task does.
  const inputs = enejUserInputs(new Date());
  for (const sample of WARM_UP) {
    await yieldToPage();
    await estimator.estimateInSlices(sample, inputs, { maxInput: STRENGTH_LIVE_MAX_INPUT });
  }
  return estimator;
}

/**
 * Word, l33t, date, repeat, sequence and keyboard shapes, none anyone's password, all short: a cold estimate
 * costs with its length, while what warming buys (compiled code) is the same for short inputs.
 */
const WARM_UP = ['a', 'Ab1!', 'Velo-42!', 'p@ssw0rd19', 'azerty1234', 'Lune-2024!'];

export default defineUnlistedScript(() => {
  publishStrength(
    load().then(
      (estimator): StrengthEstimator => ({
        estimate: (password, userInputs, limits) =>
          estimator.estimate(password, userInputs, { maxInput: STRENGTH_LIVE_MAX_INPUT, ...limits }),
        estimateInSlices: (password, userInputs, limits, slicing) =>
          estimator.estimateInSlices(
            password,
            userInputs,
            { maxInput: STRENGTH_LIVE_MAX_INPUT, ...limits },
            slicing,
          ),
      }),
    ),
  );
});
