#!/usr/bin/env node
// `npm run check:sources`: proves the sources zip we hand to addons.mozilla.org rebuilds the very extension
// we ship. Unzips `<outDir>/sesame-*-sources.zip` into a temporary directory, runs the README's two commands
// there (`npm ci`, from the npm cache when it can, then `npm run build`) and compares the rebuilt
// `chrome-mv3/` and `firefox-mv2/` with `<outDir>/` file by file (SHA-256). Exit 1 on any difference.
//
//   node scripts/check-sources-zip.mjs [--out-dir .output] [--keep]
//
// `--out-dir` defaults to $SESAME_OUT_DIR, then `.output`. `--keep` leaves the temporary directory in place
// to look at a difference.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const root = resolve(import.meta.dirname, '..');
const TREES = ['chrome-mv3', 'firefox-mv2'];
// What a reviewer needs to rebuild, and what must never ship in the zip (bulky, machine-specific or private).
const REQUIRED = ['README.md', 'package.json', 'package-lock.json', 'wxt.config.ts', 'tsconfig.json'];
const REQUIRED_DIRS = ['entrypoints/', 'components/', 'lib/', 'locales/', 'public/', 'assets/', 'build/'];
const FORBIDDEN = [
  /(^|\/)node_modules\//,
  /^\.output/,
  /(^|\/)\.profiles\//,
  /^\.git\//,
  /^\.wxt\//,
  /^\.demo\//,
  /^tests\/e2e\/artifacts\//,
  /(^|\/)stats\.html$/,
  /\.log$/,
];

const { values } = parseArgs({
  options: { 'out-dir': { type: 'string' }, keep: { type: 'boolean', default: false } },
});
const outDir = resolve(root, values['out-dir'] ?? process.env.SESAME_OUT_DIR ?? '.output');

/** Thrown, not `process.exit`, so the temporary directory is still removed on the way out. */
class Failure extends Error {}

function fail(message) {
  throw new Failure(message);
}

function seconds(since) {
  return `${((Date.now() - since) / 1000).toFixed(1)} s`;
}

function findZip() {
  if (!existsSync(outDir)) fail(`${outDir} does not exist; run \`npm run build\` first.`);
  const version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;
  const zips = readdirSync(outDir).filter((f) => /^sesame-.+-sources\.zip$/.test(f));
  // Old versions' zips may linger in a reused output folder: the current version's is the one that counts.
  const zip = zips.length === 1 ? zips[0] : zips.find((f) => f === `sesame-${version}-sources.zip`);
  if (!zip) {
    fail(
      zips.length === 0
        ? `no sesame-*-sources.zip in ${outDir}; \`npm run build\` makes it (wxt zip -b firefox).`
        : `several sources zips in ${outDir} and none for version ${version}: ${zips.join(', ')}`,
    );
  }
  for (const tree of TREES) {
    if (!existsSync(join(outDir, tree, 'manifest.json'))) fail(`${join(outDir, tree)} has no manifest.json`);
  }
  return join(outDir, zip);
}

function run(command, args, cwd, env) {
  const started = Date.now();
  console.log(`$ ${command} ${args.join(' ')}   (in ${cwd})`);
  const result = spawnSync(command, args, { cwd, env, encoding: 'utf8', timeout: 10 * 60_000 });
  if (result.status !== 0) {
    process.stderr.write(result.stdout ?? '');
    process.stderr.write(result.stderr ?? '');
    fail(`\`${command} ${args.join(' ')}\` failed (${result.error?.message ?? `exit ${result.status}`})`);
  }
  console.log(`  ok in ${seconds(started)}`);
  return result.stdout;
}

// A reviewer's clean shell: only what locates tools, the cache and a proxy. Anything else inherited can change
// the build: under vitest NODE_ENV=test makes Vite keep development-only code (a 5 % bigger content script,
// measured), and SESAME_OUT_DIR would send the rebuild elsewhere.
const PASSED_ENV =
  /^(PATH|HOME|USER|LOGNAME|SHELL|TMPDIR|TEMP|TMP|LANG|LC_[A-Z]+|TERM|(https?|no)_proxy|(HTTPS?|NO)_PROXY|NODE_EXTRA_CA_CERTS|SSL_CERT_FILE|npm_config_(cache|registry|userconfig))$/;

function reviewerEnv() {
  return Object.fromEntries(Object.entries(process.env).filter(([name]) => PASSED_ENV.test(name)));
}

/** Relative path → SHA-256 of every file under `dir`. */
function hashTree(dir) {
  const hashes = new Map();
  const walk = (current) => {
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      const path = join(current, entry.name);
      if (entry.isDirectory()) walk(path);
      else hashes.set(relative(dir, path), createHash('sha256').update(readFileSync(path)).digest('hex'));
    }
  };
  walk(dir);
  return hashes;
}

/** Where two text files first part, so a difference (an absolute path, a timestamp) can be read at once. */
function firstDifference(a, b) {
  const left = readFileSync(a);
  const right = readFileSync(b);
  let i = 0;
  while (i < left.length && i < right.length && left[i] === right[i]) i++;
  const show = (buffer) => JSON.stringify(buffer.subarray(Math.max(0, i - 40), i + 60).toString('utf8'));
  return `${left.length} vs ${right.length} bytes, first difference at byte ${i}:\n      shipped: ${show(left)}\n      rebuilt: ${show(right)}`;
}

function compareTrees(shipped, rebuilt) {
  const a = hashTree(shipped);
  const b = hashTree(rebuilt);
  const problems = [];
  for (const [path, hash] of a) {
    if (!b.has(path)) problems.push(`only in the shipped build: ${path}`);
    else if (b.get(path) !== hash) {
      problems.push(`differs: ${path}\n    ${firstDifference(join(shipped, path), join(rebuilt, path))}`);
    }
  }
  for (const path of b.keys()) if (!a.has(path)) problems.push(`only in the rebuild: ${path}`);
  return { files: a.size, problems };
}

function main() {
  const started = Date.now();
  const zipPath = findZip();
  const zipSize = statSync(zipPath).size;
  const listing = spawnSync('unzip', ['-Z1', zipPath], { encoding: 'utf8' });
  if (listing.error)
    fail(`cannot run unzip (${listing.error.message}); install it: sudo apt-get install unzip`);
  if (listing.status !== 0) fail(`unzip -Z1 ${zipPath}: ${listing.stderr}`);
  const entries = listing.stdout.split('\n').filter((line) => line.length > 0 && !line.endsWith('/'));
  console.log(`${relative(root, zipPath)}: ${entries.length} files, ${(zipSize / 1024).toFixed(0)} KiB`);

  const contentProblems = [];
  for (const file of REQUIRED) if (!entries.includes(file)) contentProblems.push(`missing ${file}`);
  for (const dir of REQUIRED_DIRS) {
    if (!entries.some((e) => e.startsWith(dir))) contentProblems.push(`missing folder ${dir}`);
  }
  for (const entry of entries) {
    if (FORBIDDEN.some((pattern) => pattern.test(entry)))
      contentProblems.push(`should not be in it: ${entry}`);
  }
  if (contentProblems.length > 0)
    fail(`the sources zip is incomplete or has junk:\n  ${contentProblems.join('\n  ')}`);

  const work = mkdtempSync(join(tmpdir(), 'sesame-sources-'));
  try {
    run('unzip', ['-q', zipPath, '-d', work], root, process.env);
    // The reviewer follows the README; make sure it still tells them how.
    const readme = readFileSync(join(work, 'README.md'), 'utf8');
    for (const command of ['npm ci', 'npm run build']) {
      if (!readme.includes(command)) fail(`README.md in the zip does not mention \`${command}\``);
    }
    const env = reviewerEnv();
    run('npm', ['ci', '--prefer-offline', '--no-audit', '--no-fund'], work, env);
    run('npm', ['run', 'build'], work, env);

    const problems = [];
    let files = 0;
    for (const tree of TREES) {
      const rebuilt = join(work, '.output', tree);
      if (!existsSync(rebuilt)) {
        problems.push(`the rebuild made no ${tree}/`);
        continue;
      }
      const result = compareTrees(join(outDir, tree), rebuilt);
      files += result.files;
      problems.push(...result.problems.map((p) => `${tree}/ ${p}`));
    }
    if (problems.length > 0) {
      console.error(`\n${problems.length} difference(s) between ${outDir}/ and the rebuild:`);
      for (const problem of problems) console.error(`  ${problem}`);
      console.error(
        'A source edited while `npm run build` ran, or a NODE_ENV other than unset/production in the shell that ' +
          'built the shipped files, makes them disagree: build again, then rerun.',
      );
      return 1;
    }
    console.log(
      `\nIdentical: ${files} files in ${TREES.join(' + ')} rebuilt from the sources zip (${seconds(started)}).`,
    );
    return 0;
  } finally {
    if (values.keep) console.log(`kept ${work}`);
    else rmSync(work, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
  }
}

try {
  process.exit(main());
} catch (error) {
  if (!(error instanceof Failure)) throw error;
  console.error(`check-sources-zip: ${error.message}`);
  process.exit(1);
}
