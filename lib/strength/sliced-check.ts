import type { MatchExtended, ZxcvbnFactory, ZxcvbnResult } from '@zxcvbn-ts/core';
import type MatchDictionary from '@zxcvbn-ts/core/dist/matcher/dictionary/matching';
import getCleanPasswords, {
  type PasswordWithSubs,
} from '@zxcvbn-ts/core/dist/matcher/dictionary/variants/matching/unmunger/getCleanPasswords';
import type { Pause } from './sliced';

// zxcvbn-ts checks a password in one synchronous call: every matcher, then the scoring. In the guide that
// call runs on the page's main thread after each pause in typing, and for a 32-character input with
// symbols (a random password typed by hand, "P4ss-M0t-…") it takes 70–250 ms on a loaded machine, most of
// it in the l33t matcher, which runs the whole dictionary matching again for each of up to 16
// letter-for-symbol readings, and in the word-sequence matcher, which does the same on its own lists.
// `checkInSlices` does the very same work, in the same order, with `pause()` between the pieces: one
// matcher, one l33t reading, the scoring. `pause()` yields to the page only when the current slice has
// used its time (lib/strength/sliced.ts), so a short input still runs in one go.
//
// This follows zxcvbn-ts 4.2.0's internals (Matching.match, MatchL33t.match, MatchWordSequence.match) and
// reaches into its `dist/` for `getCleanPasswords`; `sliced-check.test.ts` compares the result with
// `check` on many inputs, so an upgrade that changes them fails there, not in a family's meter. The
// matcher classes are recognised on the factory's own instances, not imported: a test runner may load
// the package's CommonJS build for `@zxcvbn-ts/core` and the ES one for a deep import, two sets of classes.

type MatchOptions = Parameters<MatchDictionary['match']>[0];

interface FactoryInternals {
  options: {
    maxLength: number;
    l33tMaxSubstitutions: number;
    trieNodeRoot: Parameters<typeof getCleanPasswords>[2];
    getUserInputsOptions(userInputs?: (string | number)[]): MatchOptions['userInputsOptions'];
  };
  matching: {
    matchers: Record<string, { match(options: unknown): unknown }>;
  };
  createReturnValue(matches: MatchExtended[], password: string, start: number): ZxcvbnResult;
}

/** A MatchL33t: its own `match` and, one class up, the plain dictionary matching it calls as `super.match`. */
interface L33tInternals {
  options: FactoryInternals['options'];
  match(options: MatchOptions): MatchExtended[];
  isAlreadyIncluded(matches: MatchExtended[], match: MatchExtended): boolean;
}

interface WordSequenceInternals {
  dictionary: { match(options: MatchOptions): MatchExtended[] };
  dictionaryL33t: L33tInternals;
  dictionaryReverse: { match(options: MatchOptions): MatchExtended[] };
  filterDictionaryMatches(matches: MatchExtended[]): MatchExtended[];
  convertToWordMatches(matches: MatchExtended[]): unknown[];
  findWordSequences(wordMatches: unknown[], password: string): MatchExtended[];
}

/** `ZxcvbnFactory.check`, the same result, with `pause()` between its pieces of work. */
export async function checkInSlices(
  zxcvbn: ZxcvbnFactory,
  password: string,
  userInputs: (string | number)[],
  pause: Pause,
): Promise<ZxcvbnResult> {
  const z = zxcvbn as unknown as FactoryInternals;
  const reduced = password.substring(0, z.options.maxLength);
  const start = Date.now();
  const userInputsOptions = z.options.getUserInputsOptions(userInputs);
  const matching = z.matching;
  const options = { password: reduced, omniMatch: matching, userInputsOptions } as unknown as MatchOptions;
  const L33t = matching.matchers.dictionaryL33t?.constructor;
  const isL33t = (m: unknown): m is L33tInternals =>
    L33t !== undefined && typeof m === 'object' && m !== null && m.constructor === L33t && isL33tShaped(m);
  const matches: MatchExtended[] = [];
  // Matching.match: every matcher in turn, their matches appended in that order, then sorted.
  for (const matcher of Object.values(matching.matchers)) {
    await pause();
    let found: unknown;
    if (isL33t(matcher)) found = await l33tInSlices(matcher, options, pause);
    else if (isWordSequence(matcher, isL33t)) found = await wordSequenceInSlices(matcher, options, pause);
    else found = await matcher.match(options);
    matches.push(...(found as MatchExtended[]));
  }
  matches.sort((m1, m2) => m1.i - m2.i || m1.j - m2.j);
  await pause();
  return z.createReturnValue(matches, reduced, start);
}

/** What `l33tInSlices` uses of a MatchL33t, and a dictionary matcher one class up for its `super.match`. */
function isL33tShaped(m: object): boolean {
  const l = m as Partial<L33tInternals>;
  const parent = Object.getPrototypeOf(Object.getPrototypeOf(m)) as { match?: unknown } | null;
  return (
    typeof l.isAlreadyIncluded === 'function' &&
    typeof parent?.match === 'function' &&
    typeof l.options?.l33tMaxSubstitutions === 'number' &&
    l.options.trieNodeRoot !== undefined
  );
}

function isWordSequence(
  matcher: unknown,
  isL33t: (m: unknown) => m is L33tInternals,
): matcher is WordSequenceInternals {
  const m = matcher as Partial<WordSequenceInternals>;
  return (
    isL33t(m.dictionaryL33t) &&
    typeof m.dictionary?.match === 'function' &&
    typeof m.dictionaryReverse?.match === 'function' &&
    typeof m.filterDictionaryMatches === 'function' &&
    typeof m.convertToWordMatches === 'function' &&
    typeof m.findWordSequences === 'function'
  );
}

/** MatchWordSequence.match, its l33t pass sliced. */
async function wordSequenceInSlices(
  matcher: WordSequenceInternals,
  options: MatchOptions,
  pause: Pause,
): Promise<MatchExtended[]> {
  const dictionaryMatches = matcher.dictionary.match(options);
  await pause();
  const l33tMatches = await l33tInSlices(matcher.dictionaryL33t, options, pause);
  await pause();
  const reverseMatches = matcher.dictionaryReverse.match(options);
  await pause();
  const filtered = matcher.filterDictionaryMatches([...dictionaryMatches, ...l33tMatches, ...reverseMatches]);
  return matcher.findWordSequences(matcher.convertToWordMatches(filtered), options.password);
}

/** MatchL33t.match (its `super.match` is the plain dictionary matching), one reading per slice at most. */
async function l33tInSlices(
  matcher: L33tInternals,
  options: MatchOptions,
  pause: Pause,
): Promise<MatchExtended[]> {
  const dictionaryMatch = (Object.getPrototypeOf(Object.getPrototypeOf(matcher)) as MatchDictionary).match;
  const matches: MatchExtended[] = [];
  const subbedPasswords = getCleanPasswords(
    options.password,
    matcher.options.l33tMaxSubstitutions,
    matcher.options.trieNodeRoot,
  );
  let hasFullMatch = false;
  for (const subbedPassword of subbedPasswords) {
    if (hasFullMatch) break;
    await pause();
    const matchedDictionary = dictionaryMatch.call(matcher, {
      ...options,
      password: subbedPassword.password,
      useLevenshtein: subbedPassword.isFullSubstitution,
    });
    for (const match of matchedDictionary) {
      const extras = getExtras(subbedPassword, match.i, match.j);
      if (!hasFullMatch) hasFullMatch = extras.i === 0 && extras.j === options.password.length - 1;
      const token = options.password.slice(extras.i, extras.j + 1);
      const newMatch = { ...match, l33t: true, token, ...extras } as unknown as MatchExtended;
      // Only the matches that contain an actual substitution.
      if (token.toLowerCase() !== match.matchedWord && !matcher.isAlreadyIncluded(matches, newMatch))
        matches.push(newMatch);
    }
  }
  // Single-character l33t matches are noise ('1' read as 'i').
  return matches.filter((match) => match.token.length > 1);
}

/** zxcvbn-ts's `getExtras` (l33t.ts, not exported): the match's place and substitutions in the original. */
function getExtras(passwordWithSubs: PasswordWithSubs, i: number, j: number) {
  let iUnsubbed = i;
  let jUnsubbed = j;
  const filtered: { letter: string; substitution: string }[] = [];
  const subDisplay: string[] = [];
  const seenSubs = new Set<string>();
  for (const change of passwordWithSubs.changes) {
    if (change.i < i) {
      const diff = change.substitution.length - change.letter.length;
      iUnsubbed += diff;
      jUnsubbed += diff;
    } else if (change.i <= j) {
      jUnsubbed += change.substitution.length - change.letter.length;
      const subKey = `${change.letter}-${change.substitution}`;
      if (!seenSubs.has(subKey)) {
        seenSubs.add(subKey);
        filtered.push({ letter: change.letter, substitution: change.substitution });
        subDisplay.push(`${change.substitution} -> ${change.letter}`);
      }
    }
  }
  return { i: iUnsubbed, j: jUnsubbed, subs: filtered, subDisplay: subDisplay.join(', ') };
}
