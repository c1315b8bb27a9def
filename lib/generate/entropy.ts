import { type RandomSource, randomBelow } from '../random/source';
import {
  buildAtoms,
  buildMachine,
  forEachMove,
  isAccepting,
  type Machine,
  type MoveKind,
  startState,
} from '../rules/automaton';
import type { CharSetSpec } from '../rules/charset';

/** One character class of a random password's alphabet: how many characters, and how many are required. */
export interface ClassSpec {
  size: number;
  min: number;
}

/**
 * `table[k][m]` = number of strings of length `m` over classes `k…` that meet every minimum of those
 * classes. Exact (BigInt) so entropy and sampling weights carry no rounding:
 * f_k(m) = Σ_{n ≥ min_k} C(m, n) · size_k^n · f_{k+1}(m − n). O(classes · length²) big multiplications,
 * which is why callers cap the length.
 */
export function compliantCountTable(classes: readonly ClassSpec[], length: number): bigint[][] {
  const binom: bigint[][] = [];
  for (let m = 0; m <= length; m++) {
    const row: bigint[] = [1n];
    const prev = binom[m - 1];
    for (let n = 1; n <= m; n++) row.push(n === m ? 1n : (prev?.[n - 1] ?? 0n) + (prev?.[n] ?? 0n));
    binom.push(row);
  }
  const table: bigint[][] = new Array(classes.length + 1);
  table[classes.length] = Array.from({ length: length + 1 }, (_, m) => (m === 0 ? 1n : 0n));
  for (let k = classes.length - 1; k >= 0; k--) {
    const { size, min } = classes[k] as ClassSpec;
    const next = table[k + 1] as bigint[];
    const pow: bigint[] = [1n];
    for (let n = 1; n <= length; n++) pow.push((pow[n - 1] as bigint) * BigInt(size));
    const row: bigint[] = [];
    for (let m = 0; m <= length; m++) {
      let sum = 0n;
      for (let n = min; n <= m; n++) {
        sum += (binom[m]?.[n] as bigint) * (pow[n] as bigint) * (next[m - n] as bigint);
      }
      row.push(sum);
    }
    table[k] = row;
  }
  return table;
}

/** How many strings of `length` over these classes meet every minimum. */
export function countCompliant(classes: readonly ClassSpec[], length: number): bigint {
  return compliantCountTable(classes, length)[0]?.[length] ?? 0n;
}

/** log2 of a non-negative BigInt, accurate to double precision; −Infinity for 0. */
export function log2Big(x: bigint): number {
  if (x <= 0n) return Number.NEGATIVE_INFINITY;
  const bits = x.toString(2).length;
  if (bits <= 53) return Math.log2(Number(x));
  const shift = bits - 53;
  return Math.log2(Number(x >> BigInt(shift))) + shift;
}

/** Uniform BigInt in [0, n) by rejection on whole 32-bit words, so no bias whatever n's size. */
export function randomBigBelow(source: RandomSource, n: bigint): bigint {
  if (n <= 0n) throw new RangeError('randomBigBelow: bad range');
  const bits = n.toString(2).length;
  const words = Math.ceil(bits / 32);
  const excess = BigInt(words * 32 - bits);
  for (;;) {
    let x = 0n;
    for (let i = 0; i < words; i++) x = (x << 32n) | BigInt(source.nextUint32());
    x >>= excess;
    if (x < n) return x;
  }
}

/**
 * Draws a string exactly uniformly among the compliant ones without rejection: first how many characters
 * each class gets (weighted by how many strings have that split), then where they go (a uniform shuffle of
 * the class labels), then each character within its class. Used when rejection would need too many tries.
 */
export function sampleByComposition(
  classes: readonly string[],
  minima: readonly number[],
  length: number,
  table: bigint[][],
  source: RandomSource,
): string {
  const labels: number[] = [];
  let remaining = length;
  for (let k = 0; k < classes.length; k++) {
    const size = BigInt(classes[k]?.length ?? 0);
    const next = table[k + 1] as bigint[];
    let r = randomBigBelow(source, table[k]?.[remaining] as bigint);
    let chosen = remaining;
    // Binomials recomputed on the fly: C(remaining, n) for n = min…remaining.
    const min = minima[k] ?? 0;
    let binom = 1n;
    for (let i = 0; i < min; i++) binom = (binom * BigInt(remaining - i)) / BigInt(i + 1);
    for (let n = min; n <= remaining; n++) {
      const weight = binom * size ** BigInt(n) * (next[remaining - n] as bigint);
      if (r < weight) {
        chosen = n;
        break;
      }
      r -= weight;
      binom = (binom * BigInt(remaining - n)) / BigInt(n + 1);
    }
    for (let i = 0; i < chosen; i++) labels.push(k);
    remaining -= chosen;
  }
  for (let i = labels.length - 1; i > 0; i--) {
    const j = randomBelow(source, i + 1);
    [labels[i], labels[j]] = [labels[j] as number, labels[i] as number];
  }
  let out = '';
  for (const k of labels) {
    const chars = classes[k] as string;
    out += chars[randomBelow(source, chars.length)];
  }
  return out;
}

// ------------------------------------------------------------------------ rules with unions and run limits

/**
 * Exact counting and uniform sampling for any profile: the rules' state machine (lib/rules/automaton)
 * walked over `length` characters, `table[n][s]` = how many ways to finish from state `s` with `n`
 * characters left. States never reached from the start are skipped (left at 0n).
 */
export interface MachinePlan {
  machine: Machine;
  length: number;
  table: bigint[][];
  /** Compliant strings of `length` over the alphabet. */
  compliant: bigint;
  /** All strings of `length` over the alphabet. */
  total: bigint;
  alphabetSize: number;
}

export function planMachine(
  alphabet: readonly string[],
  sets: readonly CharSetSpec[],
  mins: readonly number[],
  maxConsecutive: number | undefined,
  length: number,
): MachinePlan | null {
  const atoms = buildAtoms(alphabet, sets);
  const m = buildMachine(atoms, mins, maxConsecutive, length);
  if (!m) return null;
  // Which states can be reached after d characters, so the backward pass only fills those.
  const reach: Uint8Array[] = [];
  let frontier = new Uint8Array(m.stateCount);
  frontier[startState(m)] = 1;
  reach.push(frontier);
  for (let d = 1; d <= length; d++) {
    const next = new Uint8Array(m.stateCount);
    for (let s = 0; s < m.stateCount; s++)
      if (frontier[s])
        forEachMove(m, s, (t) => {
          next[t] = 1;
        });
    reach.push(next);
    frontier = next;
  }
  const table: bigint[][] = new Array(length + 1);
  const last = new Array<bigint>(m.stateCount).fill(0n);
  const atEnd = reach[length] as Uint8Array;
  for (let s = 0; s < m.stateCount; s++) if (atEnd[s] && isAccepting(m, s)) last[s] = 1n;
  table[0] = last;
  for (let n = 1; n <= length; n++) {
    const prev = table[n - 1] as bigint[];
    const row = new Array<bigint>(m.stateCount).fill(0n);
    const live = reach[length - n] as Uint8Array;
    for (let s = 0; s < m.stateCount; s++) {
      if (!live[s]) continue;
      let sum = 0n;
      forEachMove(m, s, (t, w) => {
        const v = prev[t] as bigint;
        if (v !== 0n) sum += BigInt(w) * v;
      });
      row[s] = sum;
    }
    table[n] = row;
  }
  return {
    machine: m,
    length,
    table,
    compliant: (table[length] as bigint[])[startState(m)] as bigint,
    total: BigInt(alphabet.length) ** BigInt(length),
    alphabetSize: alphabet.length,
  };
}

/**
 * One string drawn exactly uniformly among the compliant ones, character by character: each move is taken
 * with probability (its characters × completions after it) / completions now. Needs `plan.compliant > 0`.
 */
export function sampleMachine(plan: MachinePlan, source: RandomSource): string {
  const m = plan.machine;
  let s = startState(m);
  let out = '';
  let lastChar = '';
  for (let n = plan.length; n > 0; n--) {
    const after = plan.table[n - 1] as bigint[];
    let r = randomBigBelow(source, (plan.table[n] as bigint[])[s] as bigint);
    let chosen: { next: number; kind: MoveKind; atom: number } | null = null;
    forEachMove(m, s, (next, w, kind, atom) => {
      if (chosen) return;
      const weight = BigInt(w) * (after[next] as bigint);
      if (r < weight) chosen = { next, kind, atom };
      else r -= weight;
    });
    const move = chosen as { next: number; kind: MoveKind; atom: number } | null;
    if (!move) throw new Error('sampleMachine: no move (empty plan)');
    const chars = (m.atoms[move.atom] as { chars: string[] }).chars;
    let char: string;
    if (move.kind === 'same') char = lastChar;
    else if (move.kind === 'other') {
      const others = chars.filter((c) => c !== lastChar);
      char = others[randomBelow(source, others.length)] as string;
    } else char = chars[randomBelow(source, chars.length)] as string;
    out += char;
    lastChar = char;
    s = move.next;
  }
  return out;
}
