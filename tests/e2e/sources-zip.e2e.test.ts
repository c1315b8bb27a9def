import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// Once, not per browser: the zip is the same for both. npm ci from the cache + two builds ≈20 s here.
const REBUILD_TIMEOUT_MS = 5 * 60_000;

function runCheck(): Promise<{ status: number | null; output: string }> {
  return new Promise((done, failed) => {
    const child = spawn(process.execPath, ['scripts/check-sources-zip.mjs'], {
      cwd: resolve(import.meta.dirname, '../..'),
      env: process.env,
      // Killed a little before vitest gives up on the test, so no npm ci outlives it.
      signal: AbortSignal.timeout(REBUILD_TIMEOUT_MS - 10_000),
    });
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
    });
    child.stderr.on('data', (chunk) => {
      output += chunk;
    });
    child.on('error', failed);
    child.on('close', (status) => done({ status, output }));
  });
}

describe('sources zip', () => {
  it(
    'rebuilds, with the README commands, the exact chrome-mv3 and firefox-mv2 files we ship',
    async () => {
      const { status, output } = await runCheck();
      expect(status, output).toBe(0);
      expect(output).toMatch(/Identical: \d+ files in chrome-mv3 \+ firefox-mv2/);
    },
    REBUILD_TIMEOUT_MS,
  );
});
