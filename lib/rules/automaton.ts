import type { CharSetSpec } from './charset';
import { inCharSet } from './charset';

/**
 * The rules as a small state machine over the characters of an alphabet, for the questions "can these rules
 * be met at all?" (here, with booleans) and "how many passwords meet them, and draw one uniformly"
 * (lib/generate, with BigInts). Characters that belong to exactly the same requirement sets behave alike,
 * so they are grouped into atoms; a state is how far each requirement has got (capped at its minimum),
 * plus, under a max-consecutive rule, which atom the last character came from and how long its run is.
 */
export interface Atom {
  chars: string[];
  /** Bit i set when the atom's characters count for requirement i. */
  mask: number;
}

export interface Machine {
  atoms: Atom[];
  mins: number[];
  /** Longest run allowed, when it can bite at this length; 0 when runs are not tracked. */
  run: number;
  /** Number of progress vectors (product of min + 1). */
  progressCount: number;
  stateCount: number;
  /** `advance[p * atoms.length + a]`: progress after one character of atom `a`. */
  advance: Int32Array;
  fullProgress: number;
}

/** Requirements beyond this many progress vectors are refused as too complex (never met in practice). */
export const MAX_PROGRESS_STATES = 4096;
export const MAX_MACHINE_STATES = 300_000;
export const MAX_REQUIREMENTS = 16;

export function buildAtoms(alphabet: readonly string[], sets: readonly CharSetSpec[]): Atom[] {
  const byMask = new Map<number, Atom>();
  const out: Atom[] = [];
  for (const c of alphabet) {
    let mask = 0;
    sets.forEach((s, i) => {
      if (inCharSet(c, s)) mask |= 1 << i;
    });
    let atom = byMask.get(mask);
    if (!atom) {
      atom = { chars: [], mask };
      byMask.set(mask, atom);
      out.push(atom);
    }
    atom.chars.push(c);
  }
  return out;
}

/** Null when the state space would be too large to walk. */
export function buildMachine(
  atoms: Atom[],
  mins: readonly number[],
  maxConsecutive: number | undefined,
  length: number,
): Machine | null {
  if (mins.length > MAX_REQUIREMENTS) return null;
  let progressCount = 1;
  for (const m of mins) {
    progressCount *= m + 1;
    if (progressCount > MAX_PROGRESS_STATES) return null;
  }
  const run = maxConsecutive !== undefined && maxConsecutive < length ? maxConsecutive : 0;
  const A = atoms.length;
  const stateCount = progressCount * (A + 1) * (run + 1);
  if (stateCount > MAX_MACHINE_STATES) return null;
  const advance = new Int32Array(progressCount * A);
  const digits = new Array<number>(mins.length);
  for (let p = 0; p < progressCount; p++) {
    let rest = p;
    for (let i = 0; i < mins.length; i++) {
      const radix = (mins[i] as number) + 1;
      digits[i] = rest % radix;
      rest = Math.floor(rest / radix);
    }
    for (let a = 0; a < A; a++) {
      const mask = (atoms[a] as Atom).mask;
      let next = 0;
      let scale = 1;
      for (let i = 0; i < mins.length; i++) {
        const min = mins[i] as number;
        let d = digits[i] as number;
        if (mask & (1 << i) && d < min) d++;
        next += d * scale;
        scale *= min + 1;
      }
      advance[p * A + a] = next;
    }
  }
  return { atoms, mins: [...mins], run, progressCount, stateCount, advance, fullProgress: progressCount - 1 };
}

export const stateIndex = (m: Machine, progress: number, atom: number, run: number): number =>
  (progress * (m.atoms.length + 1) + atom) * (m.run + 1) + run;

export function decodeState(m: Machine, s: number): { progress: number; atom: number; run: number } {
  const run = s % (m.run + 1);
  const rest = Math.floor(s / (m.run + 1));
  const A1 = m.atoms.length + 1;
  return { progress: Math.floor(rest / A1), atom: rest % A1, run };
}

/** The start: nothing typed, no last character (atom index = atoms.length). */
export const startState = (m: Machine): number => stateIndex(m, 0, m.atoms.length, 0);

export type MoveKind = 'same' | 'other' | 'any';

/**
 * Every way to add one character from state `s`: `weight` characters lead to `next`. `same` repeats the
 * last character, `other` is any other character of the last one's atom, `any` is any character of an atom.
 */
export function forEachMove(
  m: Machine,
  s: number,
  visit: (next: number, weight: number, kind: MoveKind, atom: number) => void,
): void {
  const { progress, atom: last, run } = decodeState(m, s);
  const A = m.atoms.length;
  for (let a = 0; a < A; a++) {
    const size = (m.atoms[a] as Atom).chars.length;
    const next = m.advance[progress * A + a] as number;
    if (m.run === 0) {
      // Without a run limit the last character does not matter: every move lands in the "no last" slot,
      // so the state is the progress alone.
      visit(stateIndex(m, next, A, 0), size, 'any', a);
    } else if (a === last) {
      if (run < m.run) visit(stateIndex(m, next, a, run + 1), 1, 'same', a);
      if (size > 1) visit(stateIndex(m, next, a, 1), size - 1, 'other', a);
    } else {
      visit(stateIndex(m, next, a, 1), size, 'any', a);
    }
  }
}

export const isAccepting = (m: Machine, s: number): boolean => decodeState(m, s).progress === m.fullProgress;

/**
 * The shortest length in `[from, to]` at which some string over the atoms meets every requirement and the
 * run limit, or -1. Breadth-first over reachable states, so it costs states × length booleans.
 */
export function firstFeasibleLength(
  atoms: Atom[],
  mins: readonly number[],
  maxConsecutive: number | undefined,
  from: number,
  to: number,
): number | 'too-complex' {
  const m = buildMachine(atoms, mins, maxConsecutive, to + 1);
  if (!m) return 'too-complex';
  let current = new Set<number>([startState(m)]);
  for (let n = 0; n <= to; n++) {
    if (n >= from) for (const s of current) if (isAccepting(m, s)) return n;
    const next = new Set<number>();
    for (const s of current) forEachMove(m, s, (t) => next.add(t));
    if (next.size === 0) return -1;
    current = next;
  }
  return -1;
}
