#!/usr/bin/env node
// `npm run bench [-- <name filter>] [-- --json]`: runs every `tests/bench/*.bench.{ts,mjs}` in name order and
// prints one table of figures. It reports, it does not judge: the exit code is 0 even when a figure is over
// budget or a bench fails, so the table always comes out whole.
//
// A bench module exports `async function run(): Promise<BenchRow[]>` (see `support.ts`). TypeScript ones
// are bundled with esbuild (pinned devDependency) into node_modules/.cache, next to node_modules so the
// packages they import, left external, resolve as in any Node script.
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const benchDir = dirname(fileURLToPath(import.meta.url));
const root = resolve(benchDir, '../..');
// One folder per run: engineers bench in parallel on this machine.
const cacheDir = join(root, 'node_modules/.cache/sesame-bench', String(process.pid));

const args = process.argv.slice(2);
const asJson = args.includes('--json');
const filters = args.filter((a) => !a.startsWith('--'));

const files = readdirSync(benchDir)
  .filter((f) => /\.bench\.(ts|mjs)$/.test(f))
  .filter((f) => filters.length === 0 || filters.some((name) => f.includes(name)))
  .sort();

// Vite's `?raw` imports, in case a module under test reads a word list that way.
const rawImports = {
  name: 'raw',
  setup(b) {
    b.onResolve({ filter: /\?raw$/ }, (a) => ({
      path: resolve(a.resolveDir, a.path.slice(0, -'?raw'.length)),
      namespace: 'raw',
    }));
    b.onLoad({ filter: /.*/, namespace: 'raw' }, (a) => ({
      contents: readFileSync(a.path, 'utf8'),
      loader: 'text',
    }));
  },
};

async function loadModule(file) {
  const path = join(benchDir, file);
  if (file.endsWith('.mjs')) return import(pathToFileURL(path).href);
  mkdirSync(cacheDir, { recursive: true });
  const outfile = join(cacheDir, file.replace(/\.ts$/, '.mjs'));
  await build({
    entryPoints: [path],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    loader: { '.txt': 'text' },
    plugins: [rawImports],
    sourcemap: 'inline',
    logLevel: 'silent',
  });
  return import(pathToFileURL(outfile).href);
}

function isRow(row) {
  return (
    row !== null &&
    typeof row === 'object' &&
    typeof row.area === 'string' &&
    typeof row.metric === 'string' &&
    typeof row.value === 'number' &&
    typeof row.unit === 'string'
  );
}

const rows = [];
for (const file of files) {
  const started = performance.now();
  try {
    const mod = await loadModule(file);
    if (typeof mod.run !== 'function') throw new Error('exports no run() function');
    const result = await mod.run();
    if (!Array.isArray(result)) throw new Error('run() did not return an array');
    for (const row of result) {
      if (isRow(row)) rows.push(row);
      else rows.push(errorRow(file, `bad row ${JSON.stringify(row)}`));
    }
  } catch (error) {
    // esbuild puts the useful part (which import failed) in `errors`, not in the first line of `message`.
    const first = error?.errors?.[0];
    const message = first
      ? `${first.text}${first.location ? ` (${first.location.file}:${first.location.line})` : ''}`
      : error instanceof Error
        ? error.message.split('\n')[0]
        : String(error);
    rows.push(errorRow(file, message));
  }
  if (!asJson) process.stderr.write(`${file}: ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
}
rmSync(cacheDir, { recursive: true, force: true });

function errorRow(file, note) {
  return {
    area: file.replace(/\.bench\.(ts|mjs)$/, ''),
    metric: 'bench failed',
    value: Number.NaN,
    unit: '',
    note,
  };
}

function status(row) {
  if (Number.isNaN(row.value)) return row.metric === 'bench failed' ? 'error' : 'n/a';
  if (row.budget === undefined) return '';
  const good = row.better === 'higher' ? row.value >= row.budget : row.value <= row.budget;
  return good ? 'ok' : 'over';
}

function figure(value) {
  if (Number.isNaN(value)) return '–';
  if (Number.isInteger(value)) return value.toLocaleString('en-US');
  const abs = Math.abs(value);
  const digits = abs >= 100 ? 0 : abs >= 10 ? 1 : abs >= 1 ? 2 : 3;
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

if (asJson) {
  process.stdout.write(
    `${JSON.stringify(
      rows.map((r) => ({ ...r, status: status(r) })),
      null,
      2,
    )}\n`,
  );
} else {
  const table = [
    ['area', 'metric', 'figure', 'unit', 'budget', 'status'],
    ...rows.map((r) => [
      r.area,
      r.metric,
      figure(r.value),
      r.unit,
      r.budget === undefined ? '' : `${r.better === 'higher' ? '≥' : '≤'} ${figure(r.budget)}`,
      [status(r), r.note].filter(Boolean).join(' — '),
    ]),
  ];
  const widths = table[0].map((_, col) => Math.max(...table.map((line) => line[col].length)));
  const numeric = new Set([2, 4]);
  const format = (line) =>
    line
      .map((cell, col) => (numeric.has(col) ? cell.padStart(widths[col]) : cell.padEnd(widths[col])))
      .join('  ')
      .trimEnd();
  console.log(format(table[0]));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const line of table.slice(1)) console.log(format(line));
  if (files.length === 0) console.log(`no bench module matches ${filters.join(', ')}`);
}
