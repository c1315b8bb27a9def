/**
 * When the guide appears, against a do-nothing content script of a second extension in the same page load.
 *
 * The content script that every ENEJ page loads is only the detector; the guide's UI is a separate file
 * imported on first detection. That import must not make the guide late: in each load, the page's own clock
 * (main world, `performance.now()`) stamps the moment the guide's checklist exists and the moment a second
 * extension's content script (default `run_at`, its body only sets a data attribute) has run. The figure is
 * the median, over `LOADS` loads, of guide time / other extension's time; ≤ 1.0 means the guide is there no
 * later than any other extension's script could be.
 *
 * The harness loads one extension per browser, so this bench launches its own browsers (same binaries and
 * flags as the harness) with both extensions and serves the fixture itself.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import puppeteer from 'puppeteer-core';
import { getFixture } from '../fixtures';
import { type BenchRow, builtDir, median } from './support';

const LOADS = Number(process.env.SESAME_BENCH_APPEAR_LOADS ?? 10);
const URL = getFixture('enej-change-password').url;

const PROBE = `<script>
window.__appear = { guide: 0, other: 0 };
new MutationObserver(() => {
  const a = window.__appear;
  if (!a.other && document.documentElement.hasAttribute('data-other-extension')) a.other = performance.now();
  const host = document.querySelector('sesame-guide');
  if (!a.guide && host && host.shadowRoot && host.shadowRoot.querySelector('[data-rule]')) a.guide = performance.now();
}).observe(document, { childList: true, subtree: true, attributes: true });
</script>`;

function page(): string {
  const html = readFileSync(resolve('tests/fixtures', getFixture('enej-change-password').file), 'utf8');
  return html.replace('<head>', `<head>${PROBE}`);
}

function makeOtherExtension(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sesame-other-'));
  const contentScripts = [{ matches: ['https://*.lavienne86.fr/*'], js: ['other.js'] }];
  const manifests: Record<string, object> = {
    'chrome-mv3': { manifest_version: 3, name: 'other', version: '1.0', content_scripts: contentScripts },
    'firefox-mv2': {
      manifest_version: 2,
      name: 'other',
      version: '1.0',
      content_scripts: contentScripts,
      browser_specific_settings: { gecko: { id: 'other@sesame-famille.fr' } },
    },
  };
  for (const [sub, manifest] of Object.entries(manifests)) {
    mkdirSync(join(dir, sub));
    writeFileSync(join(dir, sub, 'manifest.json'), JSON.stringify(manifest));
    writeFileSync(
      join(dir, sub, 'other.js'),
      "document.documentElement.setAttribute('data-other-extension', '');\n",
    );
  }
  return dir;
}

interface Stamp {
  guide: number;
  other: number;
}

const READ = `new Promise((done) => {
  const t0 = Date.now();
  const check = () => {
    const a = window.__appear;
    if ((a.guide && a.other) || Date.now() - t0 > 10000) done(a); else setTimeout(check, 20);
  };
  check();
})`;

async function chromiumStamps(other: string): Promise<Stamp[]> {
  const profile = mkdtempSync(join(tmpdir(), 'sesame-appear-chromium-'));
  const dirs = `${resolve(builtDir('chrome-mv3'))},${join(other, 'chrome-mv3')}`;
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', `--disable-extensions-except=${dirs}`, `--load-extension=${dirs}`],
  });
  try {
    const body = page();
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith('https://connect.enej.lavienne86.fr/'))
        return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body });
      // Extension files pass; nothing else is served (no network).
      return /^https?:/.test(url) ? route.abort() : route.continue();
    });
    const tab = await context.newPage();
    // One untimed load warms the extensions' processes and caches.
    await tab.goto(URL);
    await tab.evaluate(READ);
    const stamps: Stamp[] = [];
    for (let i = 0; i < LOADS; i++) {
      await tab.goto(URL);
      stamps.push((await tab.evaluate(READ)) as Stamp);
    }
    return stamps;
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

async function firefoxStamps(other: string): Promise<Stamp[]> {
  const profile = mkdtempSync(join(tmpdir(), 'sesame-appear-firefox-'));
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr',
    headless: true,
    userDataDir: profile,
    extraPrefsFirefox: { 'intl.locale.requested': 'fr', 'browser.aboutwelcome.enabled': false },
  });
  try {
    await browser.installExtension(resolve(builtDir('firefox-mv2')));
    await browser.installExtension(join(other, 'firefox-mv2'));
    const tab = await browser.newPage();
    await tab.setRequestInterception(true);
    const body = page();
    tab.on('request', (request) => {
      const url = request.url();
      if (url.startsWith('https://connect.enej.lavienne86.fr/'))
        void request.respond({ status: 200, contentType: 'text/html; charset=utf-8', body });
      else if (/^https?:/.test(url)) void request.abort();
      else void request.continue();
    });
    await tab.goto(URL);
    await tab.evaluate(READ);
    const stamps: Stamp[] = [];
    for (let i = 0; i < LOADS; i++) {
      await tab.goto(URL);
      stamps.push((await tab.evaluate(READ)) as Stamp);
    }
    return stamps;
  } finally {
    await browser.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

export async function run(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const other = makeOtherExtension();
  const only = process.env.SESAME_BENCH_BROWSERS?.split(',');
  try {
    for (const [name, stampsOf] of [
      ['chromium', chromiumStamps],
      ['firefox', firefoxStamps],
    ] as const) {
      if (only && !only.includes(name)) continue;
      const area = `guide appears (${name})`;
      try {
        const stamps = await stampsOf(other);
        if (process.env.SESAME_BENCH_DEBUG) console.error(name, JSON.stringify(stamps));
        const missing = stamps.filter((s) => !s.guide || !s.other).length;
        const ok = stamps.filter((s) => s.guide && s.other);
        const ratios = ok.map((s) => s.guide / s.other);
        const r2 = (n: number) => Math.round(n * 100) / 100;
        rows.push({
          area,
          metric: `guide shown vs a second extension's do-nothing content script, median of ${ok.length} loads`,
          value: r2(median(ratios)),
          unit: '×',
          budget: 1,
          note: `guide ${Math.round(median(ok.map((s) => s.guide)))} ms, other ${Math.round(median(ok.map((s) => s.other)))} ms after navigation start${missing ? `; ${missing} loads timed out` : ''}`,
        });
      } catch (err) {
        rows.push({
          area,
          metric: 'guide appears',
          value: Number.NaN,
          unit: '',
          note: String(err).slice(0, 160),
        });
      }
    }
  } finally {
    rmSync(other, { recursive: true, force: true });
  }
  return rows;
}
