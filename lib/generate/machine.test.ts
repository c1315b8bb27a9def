import { describe, expect, it } from 'vitest';
import { createSeededRandom } from '../random/source';
import { evaluate, isCompliant, parseProfile, type RuleProfile } from '../rules';
import { compliantCountTable, planMachine, sampleMachine } from './entropy';
import {
  DEFAULT_MEMORABLE,
  DEFAULT_RANDOM,
  generatePassword,
  randomCharacters,
  randomPlanInfo,
} from './generate';

const set = (classes: string[], chars = '') => ({ classes, chars }) as RuleProfile['allowed'];

/** Every string of `length` over `alphabet`, for brute-force checks on tiny cases. */
function* allStrings(alphabet: string[], length: number): Generator<string> {
  if (length === 0) {
    yield '';
    return;
  }
  for (const head of alphabet) for (const tail of allStrings(alphabet, length - 1)) yield head + tail;
}

describe('exact counting over the rules machine', () => {
  const tiny = parseProfile({
    id: 'tiny',
    minLength: 1,
    maxConsecutive: 2,
    requirements: [
      { min: 1, set: set(['upper', 'lower']) },
      { min: 2, set: set([], 'a1') },
      { min: 1, set: set(['digit']) },
    ],
    allowed: set([], 'aB1!'),
  });
  const alphabet = ['a', 'B', '1', '!'];

  it.each([1, 2, 3, 4, 5, 6])('matches brute force at length %i (unions, overlaps, a run limit)', (n) => {
    let brute = 0n;
    for (const s of allStrings(alphabet, n)) if (isCompliant(s, { ...tiny, minLength: n })) brute++;
    const plan = planMachine(
      alphabet,
      tiny.requirements.map((r) => r.set),
      tiny.requirements.map((r) => r.min),
      tiny.maxConsecutive,
      n,
    );
    expect(plan?.compliant).toBe(brute);
    expect(plan?.total).toBe(4n ** BigInt(n));
  });

  it('agrees with the per-class table for disjoint classes (ENEJ-like)', () => {
    const classes = ['ABC', 'abcd', '12', '!@'];
    const sets = [set([], 'ABC'), set([], 'abcd'), set([], '12'), set([], '!@')];
    for (const length of [4, 8, 14]) {
      const plan = planMachine([...classes.join('')], sets, [1, 1, 1, 1], undefined, length);
      const table = compliantCountTable(
        classes.map((c) => ({ size: c.length, min: 1 })),
        length,
      );
      expect(plan?.compliant).toBe(table[0]?.[length]);
    }
  });

  it('draws uniformly: every compliant string of a tiny case about equally often', () => {
    const n = 4;
    const plan = planMachine(
      alphabet,
      tiny.requirements.map((r) => r.set),
      tiny.requirements.map((r) => r.min),
      tiny.maxConsecutive,
      n,
    );
    if (!plan) throw new Error('no plan');
    const counts = new Map<string, number>();
    const random = createSeededRandom(42);
    const draws = 20_000;
    for (let i = 0; i < draws; i++) {
      const s = sampleMachine(plan, random);
      expect(isCompliant(s, { ...tiny, minLength: n })).toBe(true);
      counts.set(s, (counts.get(s) ?? 0) + 1);
    }
    const k = Number(plan.compliant);
    expect(counts.size).toBe(k);
    // Chi-square with k − 1 degrees of freedom: mean k − 1, sd √(2(k − 1)); 5 sd is never reached by chance.
    const expected = draws / k;
    let chi = 0;
    for (const c of counts.values()) chi += (c - expected) ** 2 / expected;
    expect(chi).toBeLessThan(k - 1 + 5 * Math.sqrt(2 * (k - 1)));
  });
});

describe('random mode on the new model', () => {
  it('meets a union ("a letter") and a run limit, with exact entropy', () => {
    const p = parseProfile({
      id: 'union',
      minLength: 8,
      maxLength: 8,
      maxConsecutive: 1,
      requirements: [
        { min: 1, set: set(['upper', 'lower']) },
        { min: 1, set: set(['digit']) },
      ],
      allowed: set(['upper', 'lower', 'digit']),
    });
    const random = createSeededRandom(7);
    for (let i = 0; i < 300; i++) {
      const g = generatePassword(p, { ...DEFAULT_RANDOM, length: 8 }, random);
      expect(isCompliant(g.password, p)).toBe(true);
      expect(/(.)\1/.test(g.password)).toBe(false);
    }
    const info = randomPlanInfo(p, DEFAULT_RANDOM);
    expect(info.length).toBe(8);
    expect(info.acceptance).toBeGreaterThan(0.01);
    expect(generatePassword(p, DEFAULT_RANDOM, random).entropyBits).toBeCloseTo(
      Math.log2(Number(info.compliant)),
      6,
    );
  });

  it('generates a PIN (digits only) and never a letter', () => {
    const pin = parseProfile({
      id: 'pin',
      minLength: 6,
      maxLength: 6,
      maxConsecutive: 3,
      requirements: [],
      allowed: set(['digit']),
    });
    const g = generatePassword(pin, DEFAULT_RANDOM, createSeededRandom(1));
    expect(g.password).toMatch(/^[0-9]{6}$/);
  });

  it('brings back a look-alike or a hard symbol when a requirement needs nothing else', () => {
    const p = parseProfile({
      id: 'zero',
      minLength: 8,
      requirements: [
        { min: 1, set: set([], '0O') },
        { min: 1, set: set([], '~') },
      ],
      allowed: set(['lower'], '0O~'),
    });
    const chars = randomCharacters(p, DEFAULT_RANDOM);
    expect(chars).toContain('0');
    expect(chars).toContain('O');
    expect(chars).toContain('~');
    const random = createSeededRandom(3);
    for (let i = 0; i < 50; i++)
      expect(isCompliant(generatePassword(p, DEFAULT_RANDOM, random).password, p)).toBe(true);
  });

  it('keeps a space or a non-ASCII character out unless a requirement needs it', () => {
    const p = parseProfile({
      id: 'umlaut',
      minLength: 10,
      requirements: [{ min: 1, set: set([], 'ß') }],
      allowed: set(['lower', 'special'], 'äß'),
    });
    const chars = randomCharacters(p, { avoidLookAlikes: false, azertyEasy: false });
    expect(chars).toContain('ß');
    expect(chars).not.toContain('ä');
    expect(chars).not.toContain(' ');
  });
});

describe('memorable mode on the new model', () => {
  it('writes words in small letters when capitals are refused, and a separator that counts', () => {
    const p = parseProfile({
      id: 'lower-only',
      minLength: 8,
      requirements: [
        { min: 1, set: set(['digit']) },
        { min: 1, set: set([], '#@') },
      ],
      allowed: set(['lower', 'digit'], '#@'),
    });
    const g = generatePassword(p, DEFAULT_MEMORABLE, createSeededRandom(5));
    expect(g).toMatchObject({ mode: 'memorable', fellBack: false });
    expect(g.password).toMatch(/^([a-z]{3,8}[#@]){4}[1-9][0-9]{2}$/);
    expect(isCompliant(g.password, p)).toBe(true);
  });

  it('uses capitals only when small letters are refused', () => {
    const p = parseProfile({
      id: 'upper-only',
      minLength: 8,
      requirements: [],
      allowed: set(['upper', 'digit'], '-'),
    });
    expect(generatePassword(p, DEFAULT_MEMORABLE, createSeededRandom(5)).password).toMatch(
      /^([A-Z]{3,8}-){4}[1-9][0-9]{2}$/,
    );
  });

  it('avoids doubled letters and digits when no repeat is allowed', () => {
    const p = parseProfile({
      id: 'no-repeat',
      minLength: 8,
      maxConsecutive: 1,
      requirements: [{ min: 1, set: set(['digit']) }],
      allowed: set(['upper', 'lower', 'digit'], '-'),
    });
    const random = createSeededRandom(9);
    for (let i = 0; i < 300; i++) {
      const g = generatePassword(p, { ...DEFAULT_MEMORABLE, words: 3 }, random);
      expect(g.fellBack).toBe(false);
      expect(/(.)\1/.test(g.password)).toBe(false);
    }
  });

  it('falls back to random, and says so, when words cannot meet a requirement', () => {
    // Two special characters from disjoint lists: one separator cannot be both.
    const p = parseProfile({
      id: 'two-lists',
      minLength: 8,
      requirements: [
        { min: 1, set: set([], '!') },
        { min: 1, set: set([], '?') },
      ],
      allowed: set(['upper', 'lower', 'digit'], '!?'),
    });
    const g = generatePassword(p, DEFAULT_MEMORABLE, createSeededRandom(2));
    expect(g).toMatchObject({ mode: 'random', fellBack: true });
    expect(isCompliant(g.password, p)).toBe(true);
    expect(evaluate(g.password, p).every((r) => r.met)).toBe(true);
  });
});
