import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

/** One figure. `run()` in every `tests/bench/*.bench.*` module returns a list of these. */
export interface BenchRow {
  area: string;
  metric: string;
  /** NaN when the figure could not be taken (then `note` says why). */
  value: number;
  unit: string;
  budget?: number;
  /** Which side of the budget is good; 'lower' when omitted. */
  better?: 'lower' | 'higher';
  note?: string;
}

export function median(samples: readonly number[]): number {
  return percentile(samples, 50);
}

/** Nearest-rank percentile; NaN for no samples. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))] as number;
}

/**
 * Times `fn` `runs` times after `warmup` untimed calls, in milliseconds per call. Each sample is one call,
 * so percentiles show the slow keystrokes a mean would hide.
 */
export function sampleMs(fn: () => unknown, runs: number, warmup = Math.min(10, runs)): number[] {
  for (let i = 0; i < warmup; i++) fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    samples.push(performance.now() - start);
  }
  return samples;
}

/**
 * Calls per second over about `ms` milliseconds, for operations too fast to time one by one.
 * The result is consumed so the engine cannot drop the call.
 */
export function throughput(fn: () => unknown, ms = 1000): number {
  let sink = 0;
  for (let i = 0; i < 50; i++) sink ^= fn() === undefined ? 0 : 1;
  let calls = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < ms) {
    for (let i = 0; i < 100; i++) sink ^= fn() === undefined ? 0 : 1;
    calls += 100;
    elapsed = performance.now() - start;
  }
  if (sink === 2) console.error('unreachable');
  return (calls / elapsed) * 1000;
}

/** Gzipped size in bytes (level 9, as stores and CDNs serve it), of one file or of several together. */
export function gzipBytes(paths: readonly string[]): number {
  return paths.reduce((sum, path) => sum + gzipSync(readFileSync(path), { level: 9 }).length, 0);
}

/** The extension build to measure: `$SESAME_OUT_DIR/<target>` (default `.output/chrome-mv3`). */
export function builtDir(target = 'chrome-mv3'): string {
  return join(process.env.SESAME_OUT_DIR ?? '.output', target);
}

/** JS files directly in `dir` (not recursive); empty when the folder is missing. */
export function jsFilesIn(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.js') && statSync(join(dir, f)).isFile())
    .sort()
    .map((f) => join(dir, f));
}

const STATIC_IMPORT_RE = /(?:^|[;}\s])(?:import|export)\s*(?:[\w$*{}\s,]+from\s*)?["']([^"']+\.js)["']/g;
const HTML_JS_RE = /<(?:script|link)\b[^>]*?(?:src|href)="([^"]+\.js)"[^>]*>/g;

/**
 * The JS a page loads before it can run: scripts and modulepreloads named in its HTML, then every chunk
 * they import statically. `import()` targets are left out: those are the lazy chunks (the strength
 * dictionaries) that load on first use, which is the point of splitting them.
 */
export function initialScriptsOfPage(htmlPath: string, root: string): string[] {
  const seen = new Set<string>();
  const queue: string[] = [];
  const add = (ref: string, fromDir: string) => {
    if (/^[a-z]+:/i.test(ref)) return;
    const path = normalize(ref.startsWith('/') ? join(root, ref) : join(fromDir, ref));
    if (!seen.has(path) && existsSync(path)) {
      seen.add(path);
      queue.push(path);
    }
  };
  for (const m of readFileSync(htmlPath, 'utf8').matchAll(HTML_JS_RE)) add(m[1] as string, dirname(htmlPath));
  while (queue.length > 0) {
    const file = queue.shift() as string;
    const code = readFileSync(file, 'utf8');
    for (const m of code.matchAll(STATIC_IMPORT_RE)) add(m[1] as string, dirname(file));
  }
  return [...seen].sort();
}

/** Whether a chunk holds zxcvbn's dictionaries (so it is the lazy strength chunk). */
export function isStrengthChunk(path: string): boolean {
  const code = readFileSync(path, 'utf8');
  return code.includes('passwords-common') || code.includes('commonWords-fr');
}

export function shortPath(path: string, root: string): string {
  return relative(root, path) || path;
}
