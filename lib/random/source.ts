/**
 * Where generators get randomness. Production passes `cryptoRandom`; tests pass a deterministic source.
 * `nextUint32` must return an integer in [0, 2^32).
 */
export interface RandomSource {
  nextUint32(): number;
}

const UINT32_RANGE = 2 ** 32;

/** Uniform integer in [0, n), by rejection: draws falling in the incomplete top bucket are redrawn. */
export function randomBelow(source: RandomSource, n: number): number {
  if (!Number.isInteger(n) || n < 1 || n > UINT32_RANGE) throw new RangeError(`randomBelow: bad range ${n}`);
  const limit = UINT32_RANGE - (UINT32_RANGE % n);
  for (;;) {
    const x = source.nextUint32();
    if (x < limit) return x % n;
  }
}

export function pick<T>(source: RandomSource, items: readonly T[]): T {
  return items[randomBelow(source, items.length)] as T;
}

/** Fisher–Yates with unbiased indices; returns a new array. */
export function shuffle<T>(source: RandomSource, items: readonly T[]): T[] {
  const out = items.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = randomBelow(source, i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/** The only production randomness: the platform CSPRNG, buffered to save calls. */
export function createCryptoRandom(
  cryptoImpl: Pick<Crypto, 'getRandomValues'> = globalThis.crypto,
): RandomSource {
  const buffer = new Uint32Array(64);
  let index = buffer.length;
  return {
    nextUint32() {
      if (index >= buffer.length) {
        cryptoImpl.getRandomValues(buffer);
        index = 0;
      }
      return buffer[index++] as number;
    },
  };
}

/** Deterministic source for tests and benchmarks (xorshift128+ style, seeded). Never for real passwords. */
export function createSeededRandom(seed: number): RandomSource {
  let s0 = (seed ^ 0x9e3779b9) >>> 0 || 1;
  let s1 = (seed * 0x85ebca6b) >>> 0 || 2;
  let s2 = 0xc2b2ae35;
  let s3 = 0x27d4eb2f;
  return {
    nextUint32() {
      // xoshiro128** — good statistical quality, trivially seedable.
      const result = Math.imul(rotl(Math.imul(s1, 5), 7), 9) >>> 0;
      const t = s1 << 9;
      s2 ^= s0;
      s3 ^= s1;
      s1 ^= s2;
      s0 ^= s3;
      s2 ^= t;
      s3 = rotl(s3, 11);
      return result;
    },
  };
}

function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}
