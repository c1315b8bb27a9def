/**
 * How fast the popup shows its first password, against a static extension page showing text.
 *
 * Method. The baseline must be an extension page (same `chrome-extension://` / `moz-extension://` loading
 * path, same stylesheet) that ships no test page, so the built output is copied to a temporary folder and
 * `bench-static.html` is added there only: the built `popup.html` with its `<script>` removed and the
 * static text "Sésame" in its body. Both pages are loaded alternately in the same tab; each sample is the
 * page's own First Contentful Paint (`performance.getEntriesByName('first-contentful-paint')`), measured
 * from its navigation start. The popup's body is empty until Preact's first render, and that render
 * already holds the password, so the popup's FCP is the moment the password is painted; the test reads the
 * password back after each load to make sure it was there.
 *
 * Budget (issue 15): the popup's median within 1.15 × the static page's median, in both browsers.
 *
 * The popup paints its first password from a small first script and then loads the full popup
 * (entrypoints/popup/first.ts); that and the strength estimator run after its first paint. Loaded back to
 * back, the next (static) page starts while that work may still be running, and both pages find warm caches:
 * in one comparison (Firefox, 2 shared cores) the static page's median was 69 ms back to back against 54 ms
 * with 1.5 s between loads, the popup's 69 against 78 ms, so back to back flatters the ratio.
 * `SESAME_BENCH_SETTLE_MS=1500` waits that long after each load so each page starts from a quiet browser
 * (the figures' note says so); the default stays back to back, as the budget was set.
 *
 * The order matters for the same reason. With a third page in the rotation (static, popup, then `popup.html`
 * whose one script only writes the static text), so that each static load followed a trivial page rather
 * than the popup, one run gave the popup 1.51× in Firefox and 1.23× in Chromium, and the trivial-script page,
 * which then followed the popup, 1.51× and 1.27×. In a static/trivial-script pair alone the trivial script
 * was 0.98–1.19× (median 1.03×, five runs): a script as such costs little. The popup's work before its paint
 * is what the ratio is meant to show; in the back-to-back pairing, its work after the paint also slows the
 * static load that follows, and hides part of the former.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BROWSERS, type HPage, launch } from '../e2e/harness';
import { type BenchRow, builtDir, median } from './support';

const LOADS = 15;
const SETTLE_MS = Number(process.env.SESAME_BENCH_SETTLE_MS ?? 0);

function makeStaticCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sesame-popup-bench-'));
  for (const target of ['chrome-mv3', 'firefox-mv2']) {
    const from = builtDir(target);
    cpSync(from, join(dir, target), { recursive: true });
    const popup = readFileSync(join(from, 'popup.html'), 'utf8');
    const staticPage = popup
      .replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, '')
      .replace('<div id="app"></div>', '<div id="app"><p>Sésame</p></div>');
    writeFileSync(join(dir, target, 'bench-static.html'), staticPage);
  }
  return dir;
}

async function fcp(page: HPage, url: string, expectPassword: boolean): Promise<number> {
  await page.goto(url);
  await page.waitFor(
    async () =>
      (await page.evaluate(() => performance.getEntriesByName('first-contentful-paint').length)) > 0,
    10_000,
    'first contentful paint',
  );
  if (expectPassword) {
    const text = await page.evaluate(
      () => document.querySelector('[data-testid="password"]')?.textContent ?? '',
    );
    if (text.length < 8) throw new Error('popup painted without a password');
  }
  const fcpMs = await page.evaluate(
    () => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN,
  );
  if (SETTLE_MS > 0) await new Promise((done) => setTimeout(done, SETTLE_MS));
  return fcpMs;
}

export async function run(): Promise<BenchRow[]> {
  const dir = makeStaticCopy();
  const rows: BenchRow[] = [];
  try {
    for (const name of BROWSERS) {
      const h = await launch(name, { outDir: dir });
      try {
        const page = await h.openExtensionPage('bench-static.html');
        const popupSamples: number[] = [];
        const staticSamples: number[] = [];
        // One untimed load of each warms the disk cache and the extension process.
        await fcp(page, `${h.extensionOrigin}/bench-static.html`, false);
        await fcp(page, `${h.extensionOrigin}/popup.html`, true);
        for (let i = 0; i < LOADS; i++) {
          staticSamples.push(await fcp(page, `${h.extensionOrigin}/bench-static.html`, false));
          popupSamples.push(await fcp(page, `${h.extensionOrigin}/popup.html`, true));
        }
        const popup = median(popupSamples);
        const baseline = median(staticSamples);
        rows.push(
          { area: `popup (${name})`, metric: 'first password painted, median FCP', value: popup, unit: 'ms' },
          {
            area: `popup (${name})`,
            metric: 'static extension page, median FCP',
            value: baseline,
            unit: 'ms',
          },
          {
            area: `popup (${name})`,
            metric: 'first password vs static text',
            value: popup / baseline,
            unit: '×',
            budget: 1.15,
            note: `${LOADS} alternating loads${SETTLE_MS > 0 ? `, ${SETTLE_MS} ms apart` : ''}`,
          },
        );
      } finally {
        await h.close();
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}
