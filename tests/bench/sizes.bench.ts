import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { WORDS_FILE } from '../../lib/strength/words';
import {
  type BenchRow,
  builtDir,
  gzipBytes,
  initialScriptsOfPage,
  isStrengthChunk,
  jsFilesIn,
  shortPath,
} from './support';

/**
 * Gzipped budgets in KB (1 KB = 1024 B): what a page or the popup parses before it can help. The content
 * script runs on every ENEJ page, nearly all of which never show the guide: it holds the detector only
 * (issue 15: ≤ 25 KB, aim 10); the guide's UI is `guide-ui.js`, imported on first detection.
 */
export const CONTENT_SCRIPT_BUDGET_KB = 25;
export const POPUP_BUDGET_KB = 60;

const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;

/**
 * Sizes of one built target (`chrome-mv3`, `firefox-mv2`): each content script, the popup's initial JS,
 * and, for information, the lazy strength code. Reusable by browser benches that build first.
 */
export function measureBuild(target: string): BenchRow[] {
  const dir = builtDir(target);
  const area = `size ${target}`;
  if (!existsSync(join(dir, 'manifest.json'))) {
    const note = `not built: SESAME_OUT_DIR=${process.env.SESAME_OUT_DIR ?? '.output'} npx wxt build`;
    return [
      {
        area,
        metric: 'content script, gzipped',
        value: Number.NaN,
        unit: 'KB',
        budget: CONTENT_SCRIPT_BUDGET_KB,
        note,
      },
      {
        area,
        metric: 'popup initial JS, gzipped',
        value: Number.NaN,
        unit: 'KB',
        budget: POPUP_BUDGET_KB,
        note,
      },
    ];
  }

  const rows: BenchRow[] = [];
  // What the manifest makes every matching page load.
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as {
    content_scripts?: { js?: string[] }[];
  };
  const contentScripts = [...new Set((manifest.content_scripts ?? []).flatMap((c) => c.js ?? []))].map((f) =>
    join(dir, f),
  );
  if (contentScripts.length === 0) {
    rows.push({
      area,
      metric: 'content script, gzipped',
      value: Number.NaN,
      unit: 'KB',
      budget: CONTENT_SCRIPT_BUDGET_KB,
      note: 'no content-scripts/*.js in this build',
    });
  }
  for (const file of contentScripts) {
    rows.push({
      area,
      metric: `${shortPath(file, dir)} (manifest content script), gzipped`,
      value: kb(gzipBytes([file])),
      unit: 'KB',
      budget: CONTENT_SCRIPT_BUDGET_KB,
      ...(isStrengthChunk(file) ? { note: 'holds the strength dictionaries' } : {}),
    });
  }

  const popupHtml = join(dir, 'popup.html');
  const initial = existsSync(popupHtml) ? initialScriptsOfPage(popupHtml, dir) : [];
  if (initial.length > 0) {
    const heavy = initial.filter(isStrengthChunk).map((f) => basename(f));
    rows.push({
      area,
      metric: `popup initial JS (${initial.length} file${initial.length > 1 ? 's' : ''}), gzipped`,
      value: kb(gzipBytes(initial)),
      unit: 'KB',
      budget: POPUP_BUDGET_KB,
      ...(heavy.length > 0 ? { note: `loads the dictionaries up front: ${heavy.join(', ')}` } : {}),
    });
  }

  // Lazy code, for the record: chunks the popup imports on demand and extension scripts pages inject.
  const initialSet = new Set(initial);
  const lazy = [...jsFilesIn(join(dir, 'chunks')), ...jsFilesIn(dir)].filter((f) => !initialSet.has(f));
  const strength = lazy.filter(isStrengthChunk);
  // The word lists, which the build moves out of the strength script into a data file it fetches.
  const words = join(dir, WORDS_FILE);
  const strengthFiles = [...strength, ...(existsSync(words) ? [words] : [])];
  if (strengthFiles.length > 0) {
    rows.push({
      area,
      metric: `lazy strength code and word lists (${strengthFiles.map((f) => shortPath(f, dir)).join(', ')}), gzipped`,
      value: kb(gzipBytes(strengthFiles)),
      unit: 'KB',
    });
  }
  const ui = join(dir, 'guide-ui.js');
  if (existsSync(ui)) {
    rows.push({
      area,
      metric: 'guide-ui.js (imported on first detection), gzipped',
      value: kb(gzipBytes([ui])),
      unit: 'KB',
    });
  }
  // The popup paints its first password from popup-first.js alone, then loads this (entrypoints/popup/first.ts).
  const app = join(dir, 'popup-main.js');
  if (existsSync(app) && !initialSet.has(app)) {
    rows.push({
      area,
      metric: 'popup-main.js (the full popup, loaded after the first paint), gzipped',
      value: kb(gzipBytes([app])),
      unit: 'KB',
    });
  }
  const others = lazy.filter((f) => !strength.includes(f) && f !== ui && f !== app);
  if (others.length > 0) {
    rows.push({
      area,
      metric: `other lazy JS (${others.length} files), gzipped`,
      value: kb(gzipBytes(others)),
      unit: 'KB',
    });
  }
  return rows;
}

export async function run(): Promise<BenchRow[]> {
  const rows = measureBuild('chrome-mv3');
  // Firefox is measured when it was built too; its bundles differ only by the manifest and polyfills.
  if (existsSync(builtDir('firefox-mv2'))) rows.push(...measureBuild('firefox-mv2'));
  return rows;
}
