import {
  createCryptoRandom,
  createSeededRandom,
  pick,
  type RandomSource,
  randomBelow,
  shuffle,
} from './source';

const RANGE = 2 ** 32;

/** Replays `values` in order and fails loudly when the code under test asks for more than we planned. */
function scripted(values: readonly number[]): RandomSource & { used: () => number } {
  let i = 0;
  return {
    nextUint32() {
      if (i >= values.length) throw new Error('scripted source exhausted');
      return values[i++] as number;
    },
    used: () => i,
  };
}

/** Largest multiple of n not above 2^32, computed independently of the implementation. */
const acceptLimit = (n: number) => Math.floor(RANGE / n) * n;

describe('randomBelow', () => {
  it.each([3, 7, 10, 62, 74])(
    'maps the last full bucket below the limit onto each residue exactly once (n=%i)',
    (n) => {
      const limit = acceptLimit(n);
      const seen = new Map<number, number>();
      for (let x = limit - n; x < limit; x++) {
        const r = randomBelow(scripted([x]), n);
        seen.set(r, (seen.get(r) ?? 0) + 1);
      }
      expect(seen.size).toBe(n);
      expect([...seen.values()].every((c) => c === 1)).toBe(true);
    },
  );

  it.each([3, 7, 10, 62, 74])('redraws every value of the incomplete top bucket (n=%i)', (n) => {
    const limit = acceptLimit(n);
    // Every rejected value is followed by the same accepted one; the answer must come from that one only.
    for (let x = limit; x < RANGE; x++) {
      const src = scripted([x, 5]);
      expect(randomBelow(src, n)).toBe(5 % n);
      expect(src.used()).toBe(2);
    }
  });

  it('is exact at the edges of a huge range where half the draws are rejected', () => {
    const n = 2 ** 31 + 1;
    const limit = acceptLimit(n);
    expect(limit).toBe(n);
    expect(randomBelow(scripted([limit - 1]), n)).toBe(n - 1);
    const src = scripted([limit, RANGE - 1, 0]);
    expect(randomBelow(src, n)).toBe(0);
    expect(src.used()).toBe(3);
  });

  it('accepts every value when n divides 2^32', () => {
    expect(randomBelow(scripted([RANGE - 1]), 2 ** 32)).toBe(RANGE - 1);
    expect(randomBelow(scripted([RANGE - 1]), 256)).toBe(255);
    expect(randomBelow(scripted([12345]), 1)).toBe(0);
  });

  it.each([0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 32 + 1])(
    'rejects the bad range %s',
    (n) => {
      expect(() => randomBelow(scripted([0]), n)).toThrow(RangeError);
    },
  );
});

describe('pick and shuffle', () => {
  it('pick returns the indexed element', () => {
    expect(pick(scripted([2]), ['a', 'b', 'c'])).toBe('c');
  });

  it('shuffle keeps every element, does not touch its input, and really permutes', () => {
    const input = Object.freeze(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h']);
    const src = createSeededRandom(7);
    const orders = new Set<string>();
    for (let i = 0; i < 50; i++) {
      const out = shuffle(src, input);
      expect([...out].sort()).toEqual([...input].sort());
      orders.add(out.join(''));
    }
    expect(input.join('')).toBe('abcdefgh');
    expect(orders.size).toBeGreaterThan(40);
  });

  it('shuffle reaches all 6 orders of 3 items evenly', () => {
    const src = createSeededRandom(99);
    const counts = new Map<string, number>();
    for (let i = 0; i < 6000; i++) {
      const k = shuffle(src, [1, 2, 3]).join('');
      counts.set(k, (counts.get(k) ?? 0) + 1);
    }
    expect(counts.size).toBe(6);
    // 1000 expected each; ±150 is > 5 standard deviations.
    for (const c of counts.values()) expect(Math.abs(c - 1000)).toBeLessThan(150);
  });
});

describe('createSeededRandom', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    const draw = (seed: number) => {
      const s = createSeededRandom(seed);
      return Array.from({ length: 20 }, () => s.nextUint32());
    };
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
  });

  it('returns integers in [0, 2^32)', () => {
    const s = createSeededRandom(0);
    for (let i = 0; i < 1000; i++) {
      const x = s.nextUint32();
      expect(Number.isInteger(x) && x >= 0 && x < RANGE).toBe(true);
    }
  });
});

describe('createCryptoRandom', () => {
  it('draws only from the injected getRandomValues, buffered, and never from Math.random', () => {
    const mathRandom = vi.spyOn(Math, 'random');
    let calls = 0;
    const fake = {
      getRandomValues<T extends ArrayBufferView | null>(array: T): T {
        calls++;
        const view = array as unknown as Uint32Array;
        for (let i = 0; i < view.length; i++) view[i] = (calls * 1000 + i) >>> 0;
        return array;
      },
    };
    const src = createCryptoRandom(fake as Pick<Crypto, 'getRandomValues'>);
    const first = src.nextUint32();
    expect(first).toBe(1000);
    for (let i = 1; i < 64; i++) src.nextUint32();
    expect(calls).toBe(1);
    expect(src.nextUint32()).toBe(2000);
    expect(calls).toBe(2);
    expect(mathRandom).not.toHaveBeenCalled();
  });

  it('uses the platform CSPRNG by default and never Math.random', () => {
    const mathRandom = vi.spyOn(Math, 'random');
    const getRandomValues = vi.spyOn(globalThis.crypto, 'getRandomValues');
    const src = createCryptoRandom();
    const xs = Array.from({ length: 100 }, () => src.nextUint32());
    expect(getRandomValues).toHaveBeenCalled();
    expect(new Set(xs).size).toBeGreaterThan(95);
    expect(mathRandom).not.toHaveBeenCalled();
  });
});
