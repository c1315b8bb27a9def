import { type RandomSource, randomBelow } from '../random/source';
import { type CharSetSpec, coversAll, DIGITS, inCharSet, LOWER, PUNCT, UPPER } from '../rules/charset';
import { isCompliant } from '../rules/evaluate';
import { allowedSpecials, type RuleProfile } from '../rules/profile';
import { azertyEasySpecials } from './azerty';
import { log2Big, type MachinePlan, planMachine, sampleMachine } from './entropy';
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
  /**
   * True when memorable was asked for but the profile leaves no room for words (its maximum length, a
   * requirement words cannot meet, a run limit the words break): random was used instead, and the UI says so.
   */
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

const ASCII_WORD_RE = /^[a-z]+$/;
const wordsCache = new Map<string, readonly string[]>();
/** Words of at most `maxLetters` letters, and without a run longer than `maxRun` ("pomme" has a run of 2). */
function wordListFor(maxLetters: number, maxRun: number | undefined): readonly string[] {
  // The list holds only words of 3–8 lowercase ASCII letters (words-fr.test.ts): without a tighter limit it
  // is its own filtered list, and its 1383 regular expression tests cost the popup's first frame a
  // millisecond in Firefox.
  if (maxLetters >= 8 && maxRun === undefined) return WORDS_FR;
  const key = `${maxLetters}|${maxRun ?? ''}`;
  let list = wordsCache.get(key);
  if (!list) {
    list = WORDS_FR.filter(
      (w) =>
        w.length <= maxLetters && ASCII_WORD_RE.test(w) && (maxRun === undefined || longestRun(w) <= maxRun),
    );
    if (wordsCache.size > 32) wordsCache.clear();
    wordsCache.set(key, list);
  }
  return list;
}

function longestRun(s: string): number {
  let best = 0;
  let run = 0;
  let last = '';
  for (const c of s) {
    run = c === last ? run + 1 : 1;
    last = c;
    if (run > best) best = run;
  }
  return best;
}

/**
 * How words are written: Capitalised when the site takes both cases, else all in the one case it takes.
 * `perWord` is how many characters of each class a word of 3+ letters is sure to hold.
 */
type CaseMode = 'capitalised' | 'lower' | 'upper';
const PER_WORD: Record<CaseMode, { upper: number; lower: number }> = {
  capitalised: { upper: 1, lower: 2 },
  lower: { upper: 0, lower: 3 },
  upper: { upper: 3, lower: 0 },
};

/** Uniform digit strings of `n` digits, the first not 0, with no run longer than `maxRun`: how many exist. */
function countDigitStrings(n: number, maxRun: number | undefined): bigint {
  if (n === 0) return 1n;
  const k = maxRun === undefined || maxRun >= n ? n : maxRun;
  // ways[r] = strings so far ending in a run of length r.
  let ways = new Array<bigint>(k + 1).fill(0n);
  ways[1] = 9n;
  for (let i = 1; i < n; i++) {
    const next = new Array<bigint>(k + 1).fill(0n);
    const all = ways.reduce((a, b) => a + b, 0n);
    next[1] = all * 9n;
    for (let r = 1; r < k; r++) next[r + 1] = ways[r] as bigint;
    ways = next;
  }
  return ways.reduce((a, b) => a + b, 0n);
}

function drawDigits(n: number, maxRun: number | undefined, random: RandomSource): string {
  if (n === 0) return '';
  for (;;) {
    let out = String(1 + randomBelow(random, 9));
    for (let i = 1; i < n; i++) {
      // With no repeat allowed at all, "any digit but the last" is itself uniform over valid strings.
      if (maxRun === 1) {
        const d = randomBelow(random, 9);
        const last = Number(out[out.length - 1]);
        out += String(d >= last ? d + 1 : d);
      } else out += String(randomBelow(random, 10));
    }
    // Otherwise rejection: uniform among valid strings, and nearly every draw passes (runs of 3+ are rare).
    if (maxRun === undefined || maxRun === 1 || longestRun(out) <= maxRun) return out;
  }
}

interface MemorablePlan {
  mode: CaseMode;
  separator: string;
  separatorBits: number;
  count: number;
  digits: number;
  list: readonly string[];
}

/**
 * What one word and one digit give a requirement, the separator aside: worked out once per requirement
 * rather than once per candidate separator (each is a walk over A–Z, a–z or 0–9, and the popup's first
 * frame waits for them).
 */
function wordAndDigit(set: CharSetSpec, mode: CaseMode) {
  const per = PER_WORD[mode];
  return {
    set,
    letters:
      (per.upper > 0 && coversAll(set, UPPER) ? per.upper : 0) +
      (per.lower > 0 && coversAll(set, LOWER) ? per.lower : 0),
    perDigit: coversAll(set, DIGITS) ? 1 : 0,
  };
}

/** How much one word with its separator gives a requirement. */
function perWord(base: ReturnType<typeof wordAndDigit>, separator: string): number {
  return base.letters + (separator !== '' && inCharSet(separator, base.set) ? 1 : 0);
}

/**
 * The shape of a memorable password for this profile, or null when words cannot meet it (then random is
 * used, and says so). Every requirement is met by construction: words, separators and the number are
 * counted against each requirement's set, and more words or digits are added until each is covered.
 */
function memorablePlan(
  profile: RuleProfile,
  options: MemorableOptions,
  random: RandomSource,
): MemorablePlan | null {
  const allowsUpper = coversAll(profile.allowed, UPPER);
  const allowsLower = coversAll(profile.allowed, LOWER);
  const mode: CaseMode | null =
    allowsUpper && allowsLower ? 'capitalised' : allowsLower ? 'lower' : allowsUpper ? 'upper' : null;
  if (!mode) return null;
  const digitsAllowed = coversAll(profile.allowed, DIGITS);

  // Separator: the one asked for, else "-" when it works, else one drawn among those that work.
  const specials = allowedSpecials(profile);
  const easy = options.azertyEasy ? azertyEasySpecials(specials) : specials;
  const reqs = profile.requirements;
  const bases = reqs.map((r) => wordAndDigit(r.set, mode));
  const works = (sep: string) => bases.every((b) => perWord(b, sep) > 0 || (digitsAllowed && b.perDigit > 0));
  let separator: string;
  let separatorBits = 0;
  if (options.separator !== undefined) {
    if ([...options.separator].length !== 1 || !specials.includes(options.separator))
      throw new GenerationError('gen_error_separator');
    separator = options.separator;
  } else {
    const candidates = [...easy].filter(works);
    const pool = candidates.length > 0 ? candidates : [...specials].filter(works);
    if (pool.includes('-')) separator = '-';
    else if (pool.length > 0) {
      separator = pool[randomBelow(random, pool.length)] as string;
      separatorBits = Math.log2(pool.length);
    } else if (specials === '' || works('')) separator = '';
    else return null;
  }
  if (!works(separator)) return null;
  // Without a separator, two lowercase words could meet in a run ("...e" + "e...") the profile forbids.
  if (separator === '' && mode !== 'capitalised' && profile.maxConsecutive !== undefined) return null;

  const sepLen = separator.length;
  let digits = digitsAllowed ? MEMORABLE_NUMBER_DIGITS : 0;
  let count = options.words;
  reqs.forEach((r, i) => {
    if (perWord(bases[i] as ReturnType<typeof wordAndDigit>, separator) === 0)
      digits = Math.max(digits, r.min);
  });
  reqs.forEach((r, i) => {
    const base = bases[i] as ReturnType<typeof wordAndDigit>;
    const word = perWord(base, separator);
    const fromDigits = base.perDigit * digits;
    if (word > 0) count = Math.max(count, Math.ceil((r.min - fromDigits) / word));
  });
  count = Math.max(count, Math.ceil((profile.minLength - digits) / (3 + sepLen)));
  let maxLetters = 8;
  if (profile.maxLength !== undefined)
    maxLetters = Math.min(8, Math.floor((profile.maxLength - count * sepLen - digits) / count));
  const list = wordListFor(maxLetters, profile.maxConsecutive);
  if (count > MAX_WORDS_INTERNAL || maxLetters < 3 || list.length < MIN_LIST_SIZE) return null;
  return { mode, separator, separatorBits, count, digits, list };
}

function memorable(profile: RuleProfile, options: MemorableOptions, random: RandomSource): Generated {
  if (
    !Number.isInteger(options.words) ||
    options.words < MEMORABLE_WORDS_RANGE.min ||
    options.words > MEMORABLE_WORDS_RANGE.max
  )
    throw new GenerationError('gen_error_options');
  const plan = memorablePlan(profile, options, random);
  if (!plan) {
    const fallback = randomMode(profile, { ...DEFAULT_RANDOM, azertyEasy: options.azertyEasy }, random);
    return { ...fallback, fellBack: true };
  }
  const { mode, separator, count, digits, list } = plan;
  let password = '';
  for (let i = 0; i < count; i++) {
    const word = list[randomBelow(random, list.length)] as string;
    const written =
      mode === 'capitalised'
        ? (word[0] as string).toUpperCase() + word.slice(1)
        : mode === 'upper'
          ? word.toUpperCase()
          : word;
    password += written + separator;
  }
  // Too short for the minimum with the shortest words? Then the number grows; it never breaks a rule.
  let extra = Math.max(0, profile.minLength - ([...password].length + digits));
  if (!coversAll(profile.allowed, DIGITS)) extra = 0;
  password += drawDigits(digits + extra, profile.maxConsecutive, random);
  const entropyBits =
    count * Math.log2(list.length) +
    log2Big(countDigitStrings(digits + extra, profile.maxConsecutive)) +
    plan.separatorBits;
  // A profile words cannot fill to its minimum without digits: random, and say so.
  if (!isCompliant(password, profile)) {
    const fallback = randomMode(profile, { ...DEFAULT_RANDOM, azertyEasy: options.azertyEasy }, random);
    return { ...fallback, fellBack: true };
  }
  return { password, entropyBits, mode: 'memorable', fellBack: false };
}

// ------------------------------------------------------------------------------------------------- random

/** The alphabet of random mode, one string per class in upper, lower, digit, special order. */
export function randomAlphabet(
  profile: RuleProfile,
  options: Pick<RandomOptions, 'avoidLookAlikes' | 'azertyEasy'>,
) {
  const keep = (s: string) =>
    [...s]
      .filter((c) => inCharSet(c, profile.allowed) && !(options.avoidLookAlikes && LOOK_ALIKES.has(c)))
      .join('');
  const specials = allowedSpecials(profile);
  return {
    upper: keep(UPPER),
    lower: keep(LOWER),
    digit: keep(DIGITS),
    special: options.azertyEasy ? azertyEasySpecials(specials) : specials,
  };
}

/**
 * Every character random mode may draw. When the preferences (no look-alikes, AZERTY-easy symbols) leave a
 * requirement with nothing, that requirement's allowed characters come back: a hard-to-type symbol still
 * beats a password the site refuses. Space and characters beyond ASCII only when nothing else can do.
 */
export function randomCharacters(
  profile: RuleProfile,
  options: Pick<RandomOptions, 'avoidLookAlikes' | 'azertyEasy'>,
): string[] {
  const a = randomAlphabet(profile, options);
  const chars = [...a.upper, ...a.lower, ...a.digit, ...a.special];
  const printable = [...UPPER, ...LOWER, ...DIGITS, ...PUNCT];
  for (const r of profile.requirements) {
    if (chars.some((c) => inCharSet(c, r.set))) continue;
    let back = printable.filter((c) => inCharSet(c, r.set) && inCharSet(c, profile.allowed));
    if (back.length === 0)
      back = [' ', ...r.set.chars].filter((c) => inCharSet(c, r.set) && inCharSet(c, profile.allowed));
    for (const c of back) if (!chars.includes(c)) chars.push(c);
  }
  return chars;
}

// Counting is polynomial but not free: keep the few plans a session uses (one per settings change).
const planCache = new Map<string, MachinePlan | null>();

function planFor(profile: RuleProfile, chars: string[], length: number): MachinePlan | null {
  const key = JSON.stringify([chars.join(''), profile.requirements, profile.maxConsecutive ?? 0, length]);
  if (planCache.has(key)) return planCache.get(key) ?? null;
  const plan = planMachine(
    chars,
    profile.requirements.map((r) => r.set),
    profile.requirements.map((r) => r.min),
    profile.maxConsecutive,
    length,
  );
  if (planCache.size >= 32) planCache.clear();
  planCache.set(key, plan);
  return plan;
}

/** What random mode will do for these settings: its length, alphabet, and how often rejection succeeds. */
export interface RandomPlanInfo {
  length: number;
  alphabetSize: number;
  compliant: bigint;
  total: bigint;
  /** compliant / total: the chance one uniform draw meets every rule. */
  acceptance: number;
  method: 'rejection' | 'exact';
}

function resolveRandom(profile: RuleProfile, options: RandomOptions): { plan: MachinePlan; chars: string[] } {
  if (!Number.isInteger(options.length) || options.length < 1 || options.length > MAX_RANDOM_LENGTH)
    throw new GenerationError('gen_error_options');
  if (profile.minLength > MAX_RANDOM_LENGTH) throw new GenerationError('gen_error_too_long');
  const chars = randomCharacters(profile, options);
  if (chars.length === 0) throw new GenerationError('gen_error_failed');
  const needed = profile.requirements.reduce((n, r) => n + r.min, 0);
  const cap = Math.min(profile.maxLength ?? MAX_RANDOM_LENGTH, MAX_RANDOM_LENGTH);
  let length = Math.min(Math.max(options.length, profile.minLength, needed), cap);
  // A run limit over a small alphabet can make a length impossible while a longer one works.
  for (; length <= cap; length++) {
    const plan = planFor(profile, chars, length);
    if (!plan) throw new GenerationError('gen_error_failed');
    if (plan.compliant > 0n) return { plan, chars };
  }
  throw new GenerationError('gen_error_failed');
}

export function randomPlanInfo(profile: RuleProfile, options: RandomOptions): RandomPlanInfo {
  const { plan } = resolveRandom(profile, options);
  return {
    length: plan.length,
    alphabetSize: plan.alphabetSize,
    compliant: plan.compliant,
    total: plan.total,
    acceptance: 2 ** (log2Big(plan.compliant) - log2Big(plan.total)),
    method: plan.compliant * MIN_ACCEPTANCE >= plan.total ? 'rejection' : 'exact',
  };
}

function randomMode(profile: RuleProfile, options: RandomOptions, random: RandomSource): Generated {
  const { plan, chars } = resolveRandom(profile, options);
  const password =
    plan.compliant * MIN_ACCEPTANCE >= plan.total
      ? byRejection(profile, chars, plan.length, random)
      : sampleMachine(plan, random);
  return { password, entropyBits: log2Big(plan.compliant), mode: 'random', fellBack: false };
}

/**
 * Draws whole strings uniformly from the alphabet until one meets every rule: the result is exactly
 * uniform over compliant strings (unlike "one of each class, then shuffle"). Used only where at least
 * 1 draw in 100 passes (known exactly from the count), so the cap is never reached in practice. Each draw
 * is checked with precomputed requirement masks (every character is allowed and the length in range by
 * construction); a draw is dropped as soon as it breaks the run limit, which changes nothing to which
 * strings are kept.
 */
function byRejection(profile: RuleProfile, chars: string[], length: number, random: RandomSource): string {
  const reqs = profile.requirements;
  const masks = chars.map((c) => reqs.reduce((m, r, i) => (inCharSet(c, r.set) ? m | (1 << i) : m), 0));
  const mins = reqs.map((r) => r.min);
  const maxRun = profile.maxConsecutive ?? Number.POSITIVE_INFINITY;
  const counts = new Array<number>(reqs.length);
  for (let attempt = 0; attempt < MAX_TRIES; attempt++) {
    counts.fill(0);
    let out = '';
    let last = -1;
    let run = 0;
    let ok = true;
    for (let i = 0; i < length && ok; i++) {
      const index = randomBelow(random, chars.length);
      run = index === last ? run + 1 : 1;
      last = index;
      if (run > maxRun) ok = false;
      const mask = masks[index] as number;
      for (let j = 0; j < counts.length; j++) if (mask & (1 << j)) counts[j] = (counts[j] as number) + 1;
      out += chars[index];
    }
    if (ok && mins.every((min, j) => (counts[j] as number) >= min)) return out;
  }
  throw new GenerationError('gen_error_failed');
}
