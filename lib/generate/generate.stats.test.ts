import { createSeededRandom } from '../random/source';
import { ENEJ_PROFILE } from '../rules';
import { compliantCountTable, countCompliant, sampleByComposition } from './entropy';
import { DEFAULT_MEMORABLE, DEFAULT_RANDOM, generatePassword, randomAlphabet } from './generate';
import { WORDS_FR } from './words-fr';

// Fixed seeds and p = 0.001 thresholds: the outcome is deterministic, and a real bias (a class or a
// character favoured by even a few percent at 100,000 draws) lands far beyond the threshold.
function chiSquare(observed: readonly number[], expected: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < observed.length; i++) {
    const e = expected[i] as number;
    const d = (observed[i] as number) - e;
    sum += (d * d) / e;
  }
  return sum;
}

/** χ² critical value at p = 0.001 (z = 3.0902), Wilson–Hilferty approximation. */
function critical(df: number): number {
  const a = 2 / (9 * df);
  return df * (1 - a + 3.0902 * Math.sqrt(a)) ** 3;
}

describe('critical values', () => {
  it('agree with published tables', () => {
    expect(critical(3)).toBeCloseTo(16.27, 0);
    expect(critical(23)).toBeCloseTo(49.73, 0);
    expect(critical(100)).toBeCloseTo(149.45, 0);
  });
});

describe('random mode is uniform over compliant strings (ENEJ, 100,000 draws)', () => {
  const DRAWS = 100_000;
  const alphabet = randomAlphabet(ENEJ_PROFILE, DEFAULT_RANDOM);
  const classes = [alphabet.upper, alphabet.lower, alphabet.digit, alphabet.special];
  const N = DEFAULT_RANDOM.length;
  const counts = Array.from({ length: N }, () => new Map<string, number>());
  const random = createSeededRandom(2024);
  for (let i = 0; i < DRAWS; i++) {
    const { password } = generatePassword(ENEJ_PROFILE, DEFAULT_RANDOM, random);
    for (let pos = 0; pos < N; pos++) {
      const c = password[pos] as string;
      const m = counts[pos] as Map<string, number>;
      m.set(c, (m.get(c) ?? 0) + 1);
    }
  }
  const classTotal = (pos: number, k: number) =>
    [...(classes[k] as string)].reduce((n, c) => n + (counts[pos]?.get(c) ?? 0), 0);

  // P(a given position holds class k) = size_k · #compliant(N−1 with class k's minimum lowered) / #compliant(N).
  const total = countCompliant(
    classes.map((c) => ({ size: c.length, min: 1 })),
    N,
  );
  const classProbability = classes.map((c, k) => {
    const rest = countCompliant(
      classes.map((d, j) => ({ size: d.length, min: j === k ? 0 : 1 })),
      N - 1,
    );
    return (c.length * Number((rest * 1_000_000_000n) / total)) / 1e9;
  });

  it('has class probabilities that sum to 1', () => {
    expect(classProbability.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6);
  });

  it.each(Array.from({ length: N }, (_, i) => i))(
    'position %i: classes appear as uniform-over-compliant predicts',
    (pos) => {
      const observed = classes.map((_, k) => classTotal(pos, k));
      const expected = classProbability.map((p) => p * DRAWS);
      expect(chiSquare(observed, expected)).toBeLessThan(critical(3));
    },
  );

  it.each(Array.from({ length: N }, (_, i) => i))(
    'position %i: characters are uniform within each class',
    (pos) => {
      for (const chars of classes) {
        const observed = [...chars].map((c) => counts[pos]?.get(c) ?? 0);
        const sum = observed.reduce((a, b) => a + b, 0);
        const expected = observed.map(() => sum / chars.length);
        expect(chiSquare(observed, expected), chars).toBeLessThan(critical(chars.length - 1));
      }
    },
  );
});

describe('memorable mode picks words and numbers uniformly', () => {
  const DRAWS = 25_000;
  const wordIndex = new Map(WORDS_FR.map((w, i) => [w, i]));
  const words = new Array<number>(WORDS_FR.length).fill(0);
  const numbers = new Array<number>(900).fill(0);
  const random = createSeededRandom(77);
  for (let i = 0; i < DRAWS; i++) {
    const parts = generatePassword(ENEJ_PROFILE, DEFAULT_MEMORABLE, random).password.split('-');
    const n = Number(parts.pop());
    numbers[n - 100] = (numbers[n - 100] as number) + 1;
    for (const p of parts) {
      const index = wordIndex.get(p.toLowerCase()) as number;
      words[index] = (words[index] as number) + 1;
    }
  }

  it('over the whole list', () => {
    const expected = words.map(() => (DRAWS * 4) / WORDS_FR.length);
    expect(chiSquare(words, expected)).toBeLessThan(critical(WORDS_FR.length - 1));
  });

  it('over 100–999', () => {
    expect(
      chiSquare(
        numbers,
        numbers.map(() => DRAWS / 900),
      ),
    ).toBeLessThan(critical(899));
  });
});

describe('the composition sampler is uniform over compliant strings', () => {
  it('on a small alphabet, checked string by string', () => {
    const classes = ['AB', 'c', '1', '!'];
    const minima = [1, 1, 1, 1];
    const length = 5;
    const table = compliantCountTable(
      classes.map((c, i) => ({ size: c.length, min: minima[i] as number })),
      length,
    );
    const compliant: string[] = [];
    const all = classes.join('');
    const walk = (prefix: string) => {
      if (prefix.length === length) {
        if (classes.every((c) => [...prefix].some((ch) => c.includes(ch)))) compliant.push(prefix);
        return;
      }
      for (const ch of all) walk(prefix + ch);
    };
    walk('');
    expect(BigInt(compliant.length)).toBe(table[0]?.[length]);

    const seen = new Map(compliant.map((s) => [s, 0]));
    const random = createSeededRandom(5);
    const DRAWS = 60_000;
    for (let i = 0; i < DRAWS; i++) {
      const s = sampleByComposition(classes, minima, length, table, random);
      const n = seen.get(s);
      expect(n, s).not.toBeUndefined();
      seen.set(s, (n as number) + 1);
    }
    const observed = [...seen.values()];
    expect(
      chiSquare(
        observed,
        observed.map(() => DRAWS / compliant.length),
      ),
    ).toBeLessThan(critical(compliant.length - 1));
  });
});
