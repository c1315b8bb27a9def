import { createSeededRandom } from '../random/source';
import { countCompliant, log2Big, randomBigBelow } from './entropy';

describe('entropy', () => {
  // generators-and-meters.md §2.7: classes 26/26/10 and S specials, one of each required.
  it.each([
    [10, 8, 48.14],
    [10, 10, 60.89],
    [10, 12, 73.48],
    [10, 14, 85.98],
    [32, 8, 51.32],
    [32, 12, 78.14],
  ])('S=%i N=%i gives %f bits', (s, n, bits) => {
    const count = countCompliant(
      [26, 26, 10, s].map((size) => ({ size, min: 1 })),
      n,
    );
    expect(log2Big(count)).toBeCloseTo(bits, 2);
  });

  it('matches brute force on a small alphabet with counts above 1', () => {
    const alphabet = 'ABcd1!';
    const classOf = (c: string) => (/[A-Z]/.test(c) ? 0 : /[a-z]/.test(c) ? 1 : /[0-9]/.test(c) ? 2 : 3);
    const min = [2, 1, 1, 0];
    let brute = 0;
    const walk = (prefix: string) => {
      if (prefix.length === 6) {
        const counts = [0, 0, 0, 0];
        for (const c of prefix) {
          const k = classOf(c);
          counts[k] = (counts[k] as number) + 1;
        }
        if (counts.every((n, k) => n >= (min[k] as number))) brute++;
        return;
      }
      for (const c of alphabet) walk(prefix + c);
    };
    walk('');
    const counted = countCompliant(
      [
        { size: 2, min: 2 },
        { size: 2, min: 1 },
        { size: 1, min: 1 },
        { size: 1, min: 0 },
      ],
      6,
    );
    expect(counted).toBe(BigInt(brute));
  });

  it('handles log2 of huge and tiny numbers', () => {
    expect(log2Big(1n)).toBe(0);
    expect(log2Big(0n)).toBe(Number.NEGATIVE_INFINITY);
    expect(log2Big(2n ** 300n)).toBeCloseTo(300, 9);
    expect(log2Big(3n * 2n ** 200n)).toBeCloseTo(200 + Math.log2(3), 9);
  });

  it('draws big integers in range', () => {
    const r = createSeededRandom(1);
    const n = 2n ** 70n + 12345n;
    for (let i = 0; i < 200; i++) {
      const x = randomBigBelow(r, n);
      expect(x >= 0n && x < n).toBe(true);
    }
    expect(() => randomBigBelow(r, 0n)).toThrow(RangeError);
  });
});
