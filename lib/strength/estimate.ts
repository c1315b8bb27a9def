import type {
  MatchExtended,
  OptionsDictionary,
  OptionsGraph,
  ZxcvbnFactory,
  ZxcvbnResult,
} from '@zxcvbn-ts/core';
import { ENEJ_SPECIALS } from '../rules/profile';
import { type Pause, slicer } from './sliced';

// Only types come from zxcvbn here: the engine and its 1 MB of dictionaries are handed in by `index.ts`,
// which loads them lazily, so importing this file never pulls them into a bundle.

export type StrengthScore = 0 | 1 | 2 | 3 | 4;

/** A message key from `locales/strength.json` and its `$1…` substitutions; the UI translates it. */
export interface Message {
  key: string;
  params: string[];
}

export interface StrengthResult {
  score: StrengthScore;
  /** log10 of the estimated number of guesses an attacker needs. */
  guessesLog10: number;
  warning: Message | null;
  suggestions: Message[];
  /** Only the first `STRENGTH_MAX_INPUT` code points were estimated. */
  truncated: boolean;
}

export interface EstimateLimits {
  /** Code points to estimate, at most (and by default) `STRENGTH_MAX_INPUT`. */
  maxInput?: number;
}

/** How an estimate in slices shares the main thread (see `estimateInSlices`). */
export interface Slicing {
  /** Stops the estimate between two slices; its promise then rejects with the signal's reason. */
  signal?: AbortSignal;
  /** Ends each slice; by default a yield to the page once a slice has used `SLICE_MS`. */
  pause?: Pause;
}

export interface StrengthEstimator {
  estimate(password: string, userInputs?: readonly string[], limits?: EstimateLimits): StrengthResult;
  /**
   * The same result as `estimate`, computed in slices of a few milliseconds with the page's turn between
   * them, so that no single task of a page holds the main thread for the whole estimate. Present when the
   * estimator was built with `checkInSlices` (the guide's, in `guide-strength.js`).
   */
  estimateInSlices?(
    password: string,
    userInputs?: readonly string[],
    limits?: EstimateLimits,
    slicing?: Slicing,
  ): Promise<StrengthResult>;
}

/**
 * How many code points are estimated. zxcvbn's matching grows much faster than linearly: with the French
 * dictionaries a 40-character input takes ~130 ms and a 64-character one ~330 ms on a slow machine, 256
 * characters ~3 s (generators-and-meters.md §3.4). 64 keeps the worst keystroke under half a second, is what
 * NIST asks sites to accept at least, and is far above anything our generator makes (5 words ≈ 35): a
 * longer password is not guessable by its first 64 characters anyway, so cutting never flatters a weak one.
 */
export const STRENGTH_MAX_INPUT = 64;

/**
 * The cap for a meter that re-estimates while someone types (the guide). zxcvbn runs on the page's main
 * thread, so one estimate is one task: measured in Chromium with the built guide, prefixes of 33–64
 * characters made 75–150 ms tasks between keystrokes (over the 100 ms "long task" line, a keystroke typed
 * meanwhile waits that long), while 32 characters stay ≈10 ms (Node, warm) whatever their shape. The cut
 * never flatters: zxcvbn multiplies the guesses of the parts it finds, so more characters only add
 * guesses, and the first 32 characters of a weak password are weak too (a word, digits and a symbol are
 * under 20). A passphrase longer than 32 is rated by its first 32, which are already "très solide" for any
 * four words of ours. The guide now estimates in slices (`estimateInSlices`), so no task is that long any
 * more; the cap still bounds the whole estimate's work, hence how soon the score shows after a pause.
 */
export const STRENGTH_LIVE_MAX_INPUT = 32;

/** Extra user inputs beyond this are ignored: a page could otherwise hand us thousands. */
const MAX_EXTRA_INPUTS = 16;

/**
 * Words an attacker aiming at ENEJ tries first: the platform, the county, the school, the software, the
 * keyboard itself. Years are added from the clock (see `enejUserInputs`).
 */
export const ENEJ_USER_INPUTS: readonly string[] = [
  'enej',
  'pronote',
  'vienne',
  'poitiers',
  'college',
  'collège',
  'lavienne86',
  'educonnect',
  'ent',
  'mot de passe',
  'motdepasse',
  'azerty',
];

/** `ENEJ_USER_INPUTS` plus this year and the two before: a pupil's "2024!" is the first thing tried. */
export function enejUserInputs(now: Date): string[] {
  const year = now.getFullYear();
  return [...ENEJ_USER_INPUTS, String(year), String(year - 1), String(year - 2)];
}

/** Message key for the meter's label: `strength_label_0` "très facile à deviner" … `_4` "très solide". */
export function strengthLabelKey(score: StrengthScore): string {
  return `strength_label_${score}`;
}

/** The first `max` code points (a lone surrogate counts as one), and whether anything was cut. */
export function capCodePoints(text: string, max: number): { text: string; truncated: boolean } {
  // Cheap exit: a string of at most `max` UTF-16 units has at most `max` code points.
  if (text.length <= max) return { text, truncated: false };
  let count = 0;
  let end = 0;
  for (const char of text) {
    if (count === max) return { text: text.slice(0, end), truncated: true };
    count++;
    end += char.length;
  }
  return { text, truncated: false };
}

// zxcvbn feedback keys (its default "translations" are the keys themselves) → our message keys.
const WARNING_KEYS = {
  straightRow: 'strength_warning_straight_row',
  keyPattern: 'strength_warning_key_pattern',
  simpleRepeat: 'strength_warning_simple_repeat',
  extendedRepeat: 'strength_warning_extended_repeat',
  sequences: 'strength_warning_sequences',
  recentYears: 'strength_warning_recent_years',
  dates: 'strength_warning_dates',
  topTen: 'strength_warning_top_ten',
  topHundred: 'strength_warning_top_hundred',
  common: 'strength_warning_common',
  similarToCommon: 'strength_warning_similar_to_common',
  wordByItself: 'strength_warning_word_by_itself',
  namesByThemselves: 'strength_warning_names_by_themselves',
  commonNames: 'strength_warning_common_names',
  userInputs: 'strength_warning_site_words',
} as const;

const SUGGESTION_KEYS = {
  l33t: 'strength_suggestion_l33t',
  reverseWords: 'strength_suggestion_reverse_words',
  allUppercase: 'strength_suggestion_all_uppercase',
  capitalization: 'strength_suggestion_capitalization',
  dates: 'strength_suggestion_dates',
  recentYears: 'strength_suggestion_recent_years',
  associatedYears: 'strength_suggestion_associated_years',
  sequences: 'strength_suggestion_sequences',
  repeated: 'strength_suggestion_repeated',
  longerKeyboardPattern: 'strength_suggestion_longer_keyboard_pattern',
  anotherWord: 'strength_suggestion_another_word',
  useWords: 'strength_suggestion_use_words',
  noNeed: 'strength_suggestion_no_need',
} as const;

/** Our own explanation for "Word + digits + symbol", which zxcvbn does not name. */
export const WORD_PATTERN_WARNING = 'strength_warning_word_digits_symbol';
export const WORD_PATTERN_SUGGESTION = 'strength_suggestion_several_words';

/** Says the meter only looked at the start; `$1` is `STRENGTH_MAX_INPUT`. Shown when `truncated`. */
export const STRENGTH_TRUNCATED_KEY = 'strength_truncated';

/** Every key of `locales/strength.json`: what `estimate` emits, the labels and the truncation note. */
export const STRENGTH_MESSAGE_KEYS: readonly string[] = [
  ...Object.values(WARNING_KEYS),
  ...Object.values(SUGGESTION_KEYS),
  WORD_PATTERN_WARNING,
  WORD_PATTERN_SUGGESTION,
  STRENGTH_TRUNCATED_KEY,
  ...[0, 1, 2, 3, 4].map((s) => strengthLabelKey(s as StrengthScore)),
];

// zxcvbn's default score thresholds (TimeEstimates.ts), so our correction lands on the same scale.
const SCORE_THRESHOLDS = [1e3, 1e6, 1e8, 1e10] as const;
function guessesToScore(guesses: number): StrengthScore {
  const index = SCORE_THRESHOLDS.findIndex((limit) => guesses < limit + 5);
  return (index === -1 ? 4 : index) as StrengthScore;
}

const SUFFIX_RE =
  /^(?:(\d{1,4})([^\p{L}\p{N}]{1,3})|([^\p{L}\p{N}]{1,3})(\d{1,4})|(\d{1,4})|([^\p{L}\p{N}]{1,3}))$/u;

/**
 * What the checklist teaches everyone to type, "Word" + digits + symbol, is what cracking tools try first
 * (a dictionary word, a capital, then appended digits and symbols). zxcvbn prices the tail as unrelated
 * brute force and rates "Soleil2024!" 3 out of 4. Here the tail is priced as those tools do, with zxcvbn's
 * own year model (a year costs its distance to today, at least 20), 10 per other digit, a symbol among
 * those the site accepts (it lists them, so attackers know them too), and both orders.
 * A l33t or reversed word counts too: its match's guesses already include those variations.
 * Returns the word's match when the password is such a word and its tail, null otherwise.
 */
function leadingWord(password: string, sequence: readonly MatchExtended[]): LeadingWord | null {
  const first = sequence[0];
  if (first?.pattern !== 'dictionary' || first.i !== 0) return null;
  // zxcvbn's types omit it, but every match in a result's sequence carries its estimate.
  const guesses = (first as MatchExtended & { guesses?: unknown }).guesses;
  if (typeof guesses !== 'number') return null;
  const tail = password.slice(first.token.length);
  if (tail === '' || !SUFFIX_RE.test(tail)) return null;
  return { guesses, tail, fromUserInputs: first.dictionaryName === 'userInputs' };
}

interface LeadingWord {
  guesses: number;
  tail: string;
  fromUserInputs: boolean;
}

function tailGuesses(tail: string, year: number, specials: string): number {
  const m = SUFFIX_RE.exec(tail);
  if (!m) return Number.POSITIVE_INFINITY;
  const digits = m[1] ?? m[4] ?? m[5] ?? '';
  const symbols = [...(m[2] ?? m[3] ?? m[6] ?? '')];
  const digitGuesses =
    digits.length === 0
      ? 1
      : /^(?:19|20)\d\d$/.test(digits)
        ? Math.max(Math.abs(Number(digits) - year), 20)
        : 10 ** digits.length;
  const alphabet = symbols.every((c) => specials.includes(c)) ? specials.length : PRINTABLE_SYMBOLS;
  const symbolGuesses = alphabet ** symbols.length;
  const orders = digits.length > 0 && symbols.length > 0 ? 2 : 1;
  return digitGuesses * symbolGuesses * orders;
}

/** ASCII punctuation and space: the alphabet for a symbol outside the site's list. */
const PRINTABLE_SYMBOLS = 33;

export interface ZxcvbnParts {
  /** The `ZxcvbnFactory` class itself. */
  Factory: typeof ZxcvbnFactory;
  dictionary: OptionsDictionary;
  graphs: OptionsGraph;
  /**
   * `zxcvbn.check` in slices (lib/strength/sliced-check.ts). Handed in rather than imported: it pulls in
   * zxcvbn's code, which this file must not (see above).
   */
  checkInSlices?: (
    zxcvbn: ZxcvbnFactory,
    password: string,
    userInputs: (string | number)[],
    pause: Pause,
  ) => Promise<ZxcvbnResult>;
}

export interface EstimatorOptions {
  /** Where the years come from; injectable so tests do not depend on today's date. */
  now?: () => Date;
  /** The symbols the site accepts; ENEJ's by default. */
  specials?: string;
}

/** Builds an estimator from zxcvbn's pieces. Building ranks every dictionary: ~150 ms, do it once. */
export function createStrengthEstimator(
  parts: ZxcvbnParts,
  options: EstimatorOptions = {},
): StrengthEstimator {
  const now = options.now ?? (() => new Date());
  const specials = options.specials ?? ENEJ_SPECIALS;
  // No `translations`: zxcvbn then returns its feedback keys, which we map to ours.
  const zxcvbn = new parts.Factory({
    dictionary: parts.dictionary,
    graphs: parts.graphs,
    // zxcvbn tries up to this many letter-for-symbol readings ("@" as "a"). Its default of 100 makes
    // symbol-rich 64-character inputs take 0.5–2 s; 16 reads every variant of a password with up to four
    // substituted characters ("P@ssw0rd", "Ch0c0l@t") exactly as 100 does, at a fifth of the worst time.
    l33tMaxSubstitutions: 16,
    // Our cap is in code points, so at most twice as many UTF-16 units reach zxcvbn.
    maxLength: STRENGTH_MAX_INPUT * 2,
  });

  /** What to check: the capped password and the user inputs (site words, years, the caller's extras). */
  const prepare = (password: unknown, userInputs: unknown, limits: EstimateLimits | undefined) => {
    const wanted = limits?.maxInput;
    const cap =
      typeof wanted === 'number' && Number.isInteger(wanted) && wanted > 0
        ? Math.min(wanted, STRENGTH_MAX_INPUT)
        : STRENGTH_MAX_INPUT;
    const { text, truncated } = capCodePoints(typeof password === 'string' ? password : '', cap);
    const extra = (Array.isArray(userInputs) ? userInputs : [])
      .filter((input): input is string => typeof input === 'string' && input.trim() !== '')
      .slice(0, MAX_EXTRA_INPUTS)
      .map((input) => capCodePoints(input.trim(), STRENGTH_MAX_INPUT).text);
    const today = now();
    return { text, truncated, today, inputs: [...enejUserInputs(today), ...extra] };
  };

  /** zxcvbn's verdict, corrected for "Word + digits + symbol", as our messages. */
  const conclude = (
    result: ZxcvbnResult,
    { text, truncated, today }: ReturnType<typeof prepare>,
  ): StrengthResult => {
    let score = result.score as StrengthScore;
    let guessesLog10 = result.guessesLog10;
    let warning = toMessage(WARNING_KEYS, result.feedback.warning);
    const suggestions = result.feedback.suggestions
      .map((s) => toMessage(SUGGESTION_KEYS, s))
      .filter((m): m is Message => m !== null);

    const word = leadingWord(text, result.sequence);
    if (word) {
      const guesses = word.guesses * tailGuesses(word.tail, today.getFullYear(), specials);
      if (guesses < result.guesses) {
        score = guessesToScore(guesses);
        guessesLog10 = Math.log10(guesses);
      }
      if (score <= 2) {
        // A site word says more than the generic pattern; zxcvbn's own word warning is kept otherwise.
        if (word.fromUserInputs) warning = message(WARNING_KEYS.userInputs);
        else warning ??= message(WORD_PATTERN_WARNING);
        if (!suggestions.some((s) => s.key === WORD_PATTERN_SUGGESTION))
          suggestions.unshift(message(WORD_PATTERN_SUGGESTION));
      }
    }
    return { score, guessesLog10, warning, suggestions: dedupe(suggestions), truncated };
  };

  const inSlices = parts.checkInSlices;
  return {
    estimate(password, userInputs = [], limits = {}) {
      const input = prepare(password, userInputs, limits);
      return conclude(zxcvbn.check(input.text, input.inputs), input);
    },
    ...(inSlices
      ? {
          async estimateInSlices(password, userInputs = [], limits = {}, slicing = {}) {
            const input = prepare(password, userInputs, limits);
            const pause = slicing?.pause ?? slicer({ signal: slicing?.signal });
            const result = await inSlices(zxcvbn, input.text, input.inputs, pause);
            // The scoring just ran in this slice: our correction and the caller's rendering get their own.
            await pause();
            return conclude(result, input);
          },
        }
      : {}),
  };
}

function message(key: string): Message {
  return { key, params: [] };
}

function toMessage(table: Readonly<Record<string, string>>, zxcvbnKey: string | null): Message | null {
  if (zxcvbnKey === null) return null;
  const key = Object.hasOwn(table, zxcvbnKey) ? table[zxcvbnKey] : undefined;
  // A key from a newer zxcvbn that we have no words for is dropped rather than shown raw.
  return key === undefined ? null : { key, params: [] };
}

function dedupe(messages: Message[]): Message[] {
  const seen = new Set<string>();
  return messages.filter((m) => !seen.has(m.key) && seen.add(m.key));
}
