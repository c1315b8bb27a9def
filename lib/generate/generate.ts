import { type RandomSource, randomBelow } from '../random/source';
import { isCompliant } from '../rules/evaluate';
import type { RuleProfile } from '../rules/profile';
import { azertyEasySpecials } from './azerty';
import { type ClassSpec, compliantCountTable, log2Big, sampleByComposition } from './entropy';
import { WORDS_FR } from './words-fr';

export interface MemorableOptions {
  mode: 'memorable';
  /** Words wanted, 2–8; more are added when the profile's rules need them. */
  words: number;
  /** A special of the profile's list; by default `-` when allowed, else one drawn from the list. */
  separator?: string;
  /** Prefer specials typed without AltGr or dead keys on a French keyboard. */
  azertyEasy: boolean;
}

export interface RandomOptions {
  mode: 'random';
  /** Characters wanted; clamped to the profile's length range. */
  length: number;
  /** Leave out I l 1 O 0, which children misread when copying from paper. */
  avoidLookAlikes: boolean;
  azertyEasy: boolean;
}

export type GenerateOptions = MemorableOptions | RandomOptions;

export interface Generated {
  password: string;
  /** Exact entropy of the construction, in bits, assuming the attacker knows how it was built. */
  entropyBits: number;
  /** The mode actually used. */
  mode: 'memorable' | 'random';
  /** True when memorable was asked for but the profile's maximum length left no room for words. */
  fellBack: boolean;
}

/** A profile or options that cannot be met; `key` is a message key for the UI. */
export class GenerationError extends Error {
  constructor(readonly key: string) {
    super(key);
    this.name = 'GenerationError';
  }
}

export const DEFAULT_MEMORABLE: Readonly<MemorableOptions> = Object.freeze({
  mode: 'memorable',
  words: 4,
  azertyEasy: true,
});

export const DEFAULT_RANDOM: Readonly<RandomOptions> = Object.freeze({
  mode: 'random',
  length: 14,
  avoidLookAlikes: true,
  azertyEasy: true,
});

export const MEMORABLE_WORDS_RANGE = { min: 2, max: 8 } as const;
/** Longest random password we build: counting compliant strings is quadratic in the length. */
export const MAX_RANDOM_LENGTH = 256;
// Rejection sampling is uniform and cheap while most draws pass; below 1 in 100 we switch to the exact
// composition sampler so a feasible but strict profile can never exhaust the retry cap.
const MIN_ACCEPTANCE = 100n;
const MAX_TRIES = 10_000;
// Enough words for minLength up to ~64 with the shortest words; beyond, random mode is the sane answer.
const MAX_WORDS_INTERNAL = 16;
// Three digits (100–999, log2(900) ≈ 9.8 bits) keep the default of 4 words at 50 bits or more with a word
// list of 1058 words or more; the list keeps only words children know, so it is smaller than 2048.
const MEMORABLE_NUMBER_DIGITS = 3;
// Below this many candidate words a memorable password is weaker than the random fallback.
const MIN_LIST_SIZE = 256;

const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const LOWER = 'abcdefghijklmnopqrstuvwxyz';
const DIGITS = '0123456789';
const LOOK_ALIKES = new Set(['I', 'l', '1', 'O', '0']);

/** Thresholds from CNIL deliberation 2022-100: 50 bits with attempt limits, 80 bits otherwise. */
export function entropyLabelKey(bits: number): 'gen_entropy_weak' | 'gen_entropy_ok' | 'gen_entropy_strong' {
  if (bits < 50) return 'gen_entropy_weak';
  if (bits < 80) return 'gen_entropy_ok';
  return 'gen_entropy_strong';
}

/**
 * A new password for `profile`. Always `isCompliant(password, profile)`, or a `GenerationError`: the
 * result is checked once more before it is returned, so a bug here surfaces as an error, never as a
 * password the site refuses.
 */
export function generatePassword(
  profile: RuleProfile,
  options: GenerateOptions,
  random: RandomSource,
): Generated {
  const result =
    options.mode === 'memorable' ? memorable(profile, options, random) : randomMode(profile, options, random);
  if (!isCompliant(result.password, profile)) throw new GenerationError('gen_error_failed');
  return result;
}

// ---------------------------------------------------------------------------------------------- memorable

const wordsUpTo = new Map<number, readonly string[]>();
function wordListUpTo(maxLetters: number): readonly string[] {
  let list = wordsUpTo.get(maxLetters);
  if (!list) {
    list = maxLetters >= 8 ? WORDS_FR : WORDS_FR.filter((w) => w.length <= maxLetters);
    wordsUpTo.set(maxLetters, list);
  }
  return list;
}

function memorable(profile: RuleProfile, options: MemorableOptions, random: RandomSource): Generated {
  if (
    !Number.isInteger(options.words) ||
    options.words < MEMORABLE_WORDS_RANGE.min ||
    options.words > MEMORABLE_WORDS_RANGE.max
  )
    throw new GenerationError('gen_error_options');
  const { required, minLength, maxLength } = profile;

  let separator: string;
  let separatorBits = 0;
  if (options.separator !== undefined) {
    if ([...options.separator].length !== 1 || !profile.specials.includes(options.separator))
      throw new GenerationError('gen_error_separator');
    separator = options.separator;
  } else {
    const candidates = options.azertyEasy ? azertyEasySpecials(profile) : profile.specials;
    if (candidates.includes('-')) separator = '-';
    else if (candidates === '') separator = '';
    else {
      separator = candidates[randomBelow(random, candidates.length)] as string;
      separatorBits = Math.log2(candidates.length);
    }
  }
  const sepLen = separator.length;

  // Every word is Capitalised and at least 3 letters (≥ 2 lowercase); one separator follows each word;
  // the number has `digits` digits. So each requirement holds by construction once `count` is big enough.
  const digits = Math.max(MEMORABLE_NUMBER_DIGITS, required.digit);
  const count = Math.max(
    options.words,
    required.upper,
    sepLen > 0 ? required.special : 0,
    Math.ceil(required.lower / 2),
    Math.ceil((minLength - digits) / (3 + sepLen)),
  );
  let maxLetters = 8;
  if (maxLength !== undefined)
    maxLetters = Math.min(8, Math.floor((maxLength - count * sepLen - digits) / count));
  const list = wordListUpTo(maxLetters);
  if (count > MAX_WORDS_INTERNAL || maxLetters < 3 || list.length < MIN_LIST_SIZE) {
    const fallback = randomMode(profile, { ...DEFAULT_RANDOM, azertyEasy: options.azertyEasy }, random);
    return { ...fallback, fellBack: true };
  }

  let password = '';
  for (let i = 0; i < count; i++) {
    const word = list[randomBelow(random, list.length)] as string;
    password += (word[0] as string).toUpperCase() + word.slice(1) + separator;
  }
  password += String(1 + randomBelow(random, 9));
  for (let i = 1; i < digits; i++) password += String(randomBelow(random, 10));

  const entropyBits =
    count * Math.log2(list.length) + Math.log2(9) + (digits - 1) * Math.log2(10) + separatorBits;
  return { password, entropyBits, mode: 'memorable', fellBack: false };
}

// ------------------------------------------------------------------------------------------------- random

interface Plan {
  classes: string[];
  minima: number[];
  length: number;
  table: bigint[][];
  compliant: bigint;
  total: bigint;
}

// Counting is quadratic in the length: keep the few plans a session uses (one per settings change).
const planCache = new Map<string, Plan>();

function plan(classes: string[], minima: number[], length: number): Plan {
  const cacheKey = `${classes.join('\u0000')}|${minima.join(',')}|${length}`;
  const cached = planCache.get(cacheKey);
  if (cached) return cached;
  const specs: ClassSpec[] = classes.map((c, i) => ({ size: c.length, min: minima[i] ?? 0 }));
  const table = compliantCountTable(specs, length);
  const alphabetSize = BigInt(classes.reduce((n, c) => n + c.length, 0));
  const p: Plan = {
    classes,
    minima,
    length,
    table,
    compliant: table[0]?.[length] ?? 0n,
    total: alphabetSize ** BigInt(length),
  };
  if (planCache.size >= 32) planCache.clear();
  planCache.set(cacheKey, p);
  return p;
}

/** The alphabet of random mode, one string per class in upper, lower, digit, special order. */
export function randomAlphabet(
  profile: RuleProfile,
  options: Pick<RandomOptions, 'avoidLookAlikes' | 'azertyEasy'>,
) {
  const keep = (s: string) =>
    options.avoidLookAlikes ? [...s].filter((c) => !LOOK_ALIKES.has(c)).join('') : s;
  const specials = options.azertyEasy ? azertyEasySpecials(profile) : profile.specials;
  return { upper: keep(UPPER), lower: keep(LOWER), digit: keep(DIGITS), special: specials };
}

function randomMode(profile: RuleProfile, options: RandomOptions, random: RandomSource): Generated {
  if (!Number.isInteger(options.length) || options.length < 1 || options.length > MAX_RANDOM_LENGTH)
    throw new GenerationError('gen_error_options');
  const { required } = profile;
  if (profile.minLength > MAX_RANDOM_LENGTH) throw new GenerationError('gen_error_too_long');
  const alphabet = randomAlphabet(profile, options);
  const classes = [alphabet.upper, alphabet.lower, alphabet.digit, alphabet.special];
  const minima = [required.upper, required.lower, required.digit, required.special];
  const needed = minima.reduce((a, b) => a + b, 0);
  let length = Math.max(options.length, profile.minLength, needed);
  if (profile.maxLength !== undefined) length = Math.min(length, profile.maxLength);
  if (length > MAX_RANDOM_LENGTH) length = MAX_RANDOM_LENGTH;

  const p = plan(classes, minima, length);
  if (p.compliant === 0n) throw new GenerationError('gen_error_failed');
  const password =
    p.compliant * MIN_ACCEPTANCE >= p.total
      ? byRejection(p, random)
      : sampleByComposition(classes, minima, length, p.table, random);
  return { password, entropyBits: log2Big(p.compliant), mode: 'random', fellBack: false };
}

/**
 * Draws whole strings uniformly from the alphabet until one meets every minimum: the result is exactly
 * uniform over compliant strings (unlike "one of each class, then shuffle").
 */
function byRejection(p: Plan, random: RandomSource): string {
  const alphabet = p.classes.join('');
  const classOf: number[] = p.classes.flatMap((c, k) => Array.from(c, () => k));
  const counts = new Array<number>(p.classes.length);
  for (let attempt = 0; attempt < MAX_TRIES; attempt++) {
    counts.fill(0);
    let out = '';
    for (let i = 0; i < p.length; i++) {
      const index = randomBelow(random, alphabet.length);
      out += alphabet[index];
      const k = classOf[index] as number;
      counts[k] = (counts[k] as number) + 1;
    }
    if (p.minima.every((min, k) => (counts[k] as number) >= min)) return out;
  }
  throw new GenerationError('gen_error_failed');
}
