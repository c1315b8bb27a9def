import { loadCatalog } from '../i18n/load-catalog';
import { createCryptoRandom, createSeededRandom } from '../random/source';
import { ENEJ_PROFILE, ENEJ_SPECIALS, isCompliant, type SimpleRules, simpleProfile } from '../rules';
import { countCompliant, log2Big } from './entropy';
import {
  DEFAULT_MEMORABLE,
  DEFAULT_RANDOM,
  entropyLabelKey,
  GenerationError,
  generatePassword,
  MAX_RANDOM_LENGTH,
  randomAlphabet,
} from './generate';
import { WORDS_FR } from './words-fr';

const ENEJ_SIMPLE: SimpleRules = {
  id: 'enej',
  minLength: 8,
  required: { upper: 1, lower: 1, digit: 1, special: 1 },
  specials: ENEJ_SPECIALS,
  others: 'refused',
};
const profile = (over: Partial<SimpleRules>) => simpleProfile({ ...ENEJ_SIMPLE, ...over });
const seeded = (seed = 1) => createSeededRandom(seed);

function errorKey(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    if (e instanceof GenerationError) return e.key;
    throw e;
  }
  return undefined;
}

const WORD_SET = new Set(WORDS_FR);
/** Splits a memorable password back into its lowercase words, or null when it does not have the shape. */
function wordsOf(password: string, separator: string): string[] | null {
  const parts = password.split(separator);
  const number = parts.pop();
  if (!number || !/^[1-9][0-9]+$/.test(number)) return null;
  const words = parts.map((p) => (/^[A-Z][a-z]+$/.test(p) ? p.toLowerCase() : ''));
  return words.every((w) => WORD_SET.has(w)) ? words : null;
}

describe('defaults', () => {
  it('match the contract', () => {
    expect(DEFAULT_MEMORABLE).toEqual({ mode: 'memorable', words: 4, azertyEasy: true });
    expect(DEFAULT_RANDOM).toEqual({ mode: 'random', length: 14, avoidLookAlikes: true, azertyEasy: true });
  });
});

describe('memorable mode', () => {
  it('builds Word-Word-Word-Word-NNN for ENEJ with at least 50 bits', () => {
    const r = seeded();
    for (let i = 0; i < 200; i++) {
      const g = generatePassword(ENEJ_PROFILE, DEFAULT_MEMORABLE, r);
      expect(g.password).toMatch(/^([A-Z][a-z]{2,7}-){4}[1-9][0-9]{2}$/);
      expect(wordsOf(g.password, '-')).toHaveLength(4);
      expect(g).toMatchObject({ mode: 'memorable', fellBack: false });
      expect(isCompliant(g.password, ENEJ_PROFILE)).toBe(true);
      const exact = 4 * Math.log2(WORDS_FR.length) + Math.log2(900);
      expect(g.entropyBits).toBeCloseTo(exact, 10);
      expect(g.entropyBits).toBeGreaterThanOrEqual(50);
    }
  });

  it('honours the word count and a chosen separator', () => {
    const g = generatePassword(ENEJ_PROFILE, { ...DEFAULT_MEMORABLE, words: 6, separator: '*' }, seeded());
    expect(wordsOf(g.password, '*')).toHaveLength(6);
    expect(g.entropyBits).toBeCloseTo(6 * Math.log2(WORDS_FR.length) + Math.log2(900), 10);
  });

  it('refuses a separator the site does not list', () => {
    for (const separator of ['.', ' ', 'é', '--', '', '😀']) {
      expect(
        errorKey(() => generatePassword(ENEJ_PROFILE, { ...DEFAULT_MEMORABLE, separator }, seeded())),
      ).toBe('gen_error_separator');
    }
  });

  it('draws the separator from the easy list when - is not allowed, and counts its bits', () => {
    const p = profile({ specials: '@!#$' });
    const seen = new Set<string>();
    const r = seeded(3);
    for (let i = 0; i < 200; i++) {
      const g = generatePassword(p, DEFAULT_MEMORABLE, r);
      const sep = g.password.match(/[^A-Za-z0-9]/)?.[0] ?? '';
      seen.add(sep);
      expect(g.entropyBits).toBeCloseTo(4 * Math.log2(WORDS_FR.length) + Math.log2(900) + Math.log2(2), 10);
    }
    expect([...seen].sort()).toEqual(['!', '$']);
  });

  it('uses the full list when azertyEasy is off', () => {
    const p = profile({ specials: '@#' });
    const seen = new Set<string>();
    const r = seeded(4);
    for (let i = 0; i < 100; i++)
      seen.add(generatePassword(p, DEFAULT_MEMORABLE, r).password.match(/[@#]/)?.[0] ?? '');
    expect([...seen].sort()).toEqual(['#', '@']);
  });

  it('adds words for a long minimum length and a longer number for more digits', () => {
    const p = profile({ minLength: 40, required: { upper: 1, lower: 1, digit: 3, special: 1 } });
    const g = generatePassword(p, DEFAULT_MEMORABLE, seeded());
    expect([...g.password].length).toBeGreaterThanOrEqual(40);
    expect(g.password).toMatch(/-[1-9][0-9]{2}$/);
    const words = wordsOf(g.password, '-');
    expect(words?.length).toBeGreaterThanOrEqual(10);
    expect(g.entropyBits).toBeCloseTo((words?.length ?? 0) * Math.log2(WORDS_FR.length) + Math.log2(900), 10);
  });

  it('adds words when more capitals or specials are required than words were asked for', () => {
    const p = profile({ required: { upper: 5, lower: 1, digit: 1, special: 6 } });
    const g = generatePassword(p, { ...DEFAULT_MEMORABLE, words: 2 }, seeded());
    expect(wordsOf(g.password, '-')).toHaveLength(6);
    expect(isCompliant(g.password, p)).toBe(true);
  });

  it('uses shorter words under a tight maximum, and says so in the entropy', () => {
    const p = profile({ maxLength: 30 });
    const short = WORDS_FR.filter((w) => w.length <= 5).length; // (30 − 4 separators − 3 digits) / 4 words
    const r = seeded(5);
    for (let i = 0; i < 100; i++) {
      const g = generatePassword(p, DEFAULT_MEMORABLE, r);
      expect(g.password.length).toBeLessThanOrEqual(30);
      expect(g.fellBack).toBe(false);
      expect(g.entropyBits).toBeCloseTo(4 * Math.log2(short) + Math.log2(900), 10);
    }
  });

  it('falls back to random mode when the maximum leaves no room for words', () => {
    const p = profile({ maxLength: 16 });
    const g = generatePassword(p, DEFAULT_MEMORABLE, seeded());
    expect(g).toMatchObject({ mode: 'random', fellBack: true });
    expect(g.password).toHaveLength(14);
    expect(isCompliant(g.password, p)).toBe(true);
  });

  it('joins words without a separator when the site lists no special and needs none', () => {
    const p = profile({ specials: '', required: { upper: 1, lower: 1, digit: 1, special: 0 } });
    const g = generatePassword(p, DEFAULT_MEMORABLE, seeded());
    expect(g.password).toMatch(/^([A-Z][a-z]{2,7}){4}[1-9][0-9]{2}$/);
  });

  it.each([1, 9, 2.5, Number.NaN])('rejects %s words', (words) => {
    expect(errorKey(() => generatePassword(ENEJ_PROFILE, { ...DEFAULT_MEMORABLE, words }, seeded()))).toBe(
      'gen_error_options',
    );
  });
});

describe('random mode', () => {
  it('gives 14 characters and more than 80 bits for ENEJ by default', () => {
    const r = seeded();
    for (let i = 0; i < 500; i++) {
      const g = generatePassword(ENEJ_PROFILE, DEFAULT_RANDOM, r);
      expect(g.password).toHaveLength(14);
      expect(g.password).not.toMatch(/[Il1O0@#^~`]/);
      expect(g).toMatchObject({ mode: 'random', fellBack: false });
    }
    // 24 upper + 25 lower + 8 digits + 9 easy specials.
    const bits = generatePassword(ENEJ_PROFILE, DEFAULT_RANDOM, r).entropyBits;
    const exact = log2Big(
      countCompliant(
        [24, 25, 8, 9].map((size) => ({ size, min: 1 })),
        14,
      ),
    );
    expect(bits).toBeCloseTo(exact, 10);
    expect(bits).toBeGreaterThan(80);
  });

  it('uses every listed special and look-alike when asked to', () => {
    const seen = new Set<string>();
    const r = seeded(2);
    for (let i = 0; i < 3000; i++) {
      for (const c of generatePassword(
        ENEJ_PROFILE,
        { ...DEFAULT_RANDOM, avoidLookAlikes: false, azertyEasy: false },
        r,
      ).password)
        seen.add(c);
    }
    for (const c of `${ENEJ_SPECIALS}Il1O0`) expect(seen.has(c), c).toBe(true);
    expect(seen.size).toBe(26 + 26 + 10 + 14);
  });

  it('clamps the length to the profile', () => {
    expect(generatePassword(profile({ minLength: 20 }), DEFAULT_RANDOM, seeded()).password).toHaveLength(20);
    expect(generatePassword(profile({ maxLength: 10 }), DEFAULT_RANDOM, seeded()).password).toHaveLength(10);
    const p = profile({ minLength: 4, required: { upper: 2, lower: 2, digit: 2, special: 2 } });
    expect(generatePassword(p, { ...DEFAULT_RANDOM, length: 4 }, seeded()).password).toHaveLength(8);
  });

  it('meets a strict feasible profile quickly, where rejection alone would need ~35,000 tries', () => {
    const p = profile({
      minLength: 12,
      maxLength: 12,
      specials: '!',
      required: { upper: 3, lower: 3, digit: 3, special: 3 },
    });
    const r = seeded(9);
    for (let i = 0; i < 200; i++)
      expect(isCompliant(generatePassword(p, DEFAULT_RANDOM, r).password, p)).toBe(true);
  });

  it.each([0, 257, 1.5, Number.NaN])('rejects length %s', (length) => {
    expect(errorKey(() => generatePassword(ENEJ_PROFILE, { ...DEFAULT_RANDOM, length }, seeded()))).toBe(
      'gen_error_options',
    );
  });

  it('refuses, with a message, a minimum length it cannot count in time', () => {
    const p = profile({ minLength: MAX_RANDOM_LENGTH + 1 });
    expect(errorKey(() => generatePassword(p, DEFAULT_RANDOM, seeded()))).toBe('gen_error_too_long');
    expect(errorKey(() => generatePassword(p, DEFAULT_MEMORABLE, seeded()))).toBe('gen_error_too_long');
  });

  it('builds the alphabet from the options', () => {
    expect(randomAlphabet(ENEJ_PROFILE, { avoidLookAlikes: true, azertyEasy: true })).toEqual({
      upper: 'ABCDEFGHJKLMNPQRSTUVWXYZ',
      lower: 'abcdefghijkmnopqrstuvwxyz',
      digit: '23456789',
      special: '!$%&*_-+=',
    });
  });
});

describe('entropyLabelKey', () => {
  it('labels bits on the CNIL thresholds', () => {
    expect(entropyLabelKey(49.9)).toBe('gen_entropy_weak');
    expect(entropyLabelKey(50)).toBe('gen_entropy_ok');
    expect(entropyLabelKey(80)).toBe('gen_entropy_strong');
  });
});

describe('production randomness and messages', () => {
  it('works on the crypto source without touching Math.random', () => {
    const spy = vi.spyOn(Math, 'random');
    const r = createCryptoRandom();
    for (const options of [DEFAULT_MEMORABLE, DEFAULT_RANDOM]) {
      const g = generatePassword(ENEJ_PROFILE, options, r);
      expect(isCompliant(g.password, ENEJ_PROFILE)).toBe(true);
    }
    expect(spy).not.toHaveBeenCalled();
  });

  it('has fr and en text for every key it can emit', () => {
    const catalog = loadCatalog('locales');
    for (const key of [
      'gen_error_separator',
      'gen_error_options',
      'gen_error_too_long',
      'gen_error_failed',
      'gen_entropy_weak',
      'gen_entropy_ok',
      'gen_entropy_strong',
    ]) {
      expect(catalog[key]?.fr, key).toBeTruthy();
      expect(catalog[key]?.en, key).toBeTruthy();
    }
  });

  it('GenerationError carries its key', () => {
    const e = new GenerationError('gen_error_failed');
    expect(e).toBeInstanceOf(Error);
    expect(e.key).toBe('gen_error_failed');
    expect(e.name).toBe('GenerationError');
  });
});
