import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { launch } from '../e2e/harness';
import { getFixture } from '../fixtures';
import { type BenchRow, median, percentile } from './support';

// Real Chromium with the built extension ($SESAME_OUT_DIR/chrome-mv3). Figures are taken in the page's
// main world: an `input` event's dispatch runs every listener, the content script's included, and the
// wait for the next task catches the microtasks (Preact's render) it queued.

const ON_ENEJ = getFixture('enej-change-password').url;
// Same page where the content script does not run: the page's own cost, to tell ours apart.
const OFF_ENEJ = 'https://bench.example.org/changement';

const PROBE = `<script>
window.__bench = { dcl: 0, visible: 0 };
document.addEventListener('DOMContentLoaded', () => { window.__bench.dcl = performance.now(); });
new MutationObserver((records, obs) => {
  const host = document.querySelector('sesame-guide');
  if (host && host.shadowRoot && host.shadowRoot.querySelector('[data-rule]')) {
    window.__bench.visible = performance.now();
    obs.disconnect();
  }
}).observe(document, { childList: true, subtree: true });
</script>`;

const INPUT_TIMER = `window.__timeInput = async (selector, values) => {
  const el = document.querySelector(selector);
  const set = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
  const nextTask = () => new Promise((r) => { const c = new MessageChannel(); c.port1.onmessage = r; c.port2.postMessage(0); });
  const out = [];
  for (const v of values) {
    await nextTask();
    const t0 = performance.now();
    set.call(el, v);
    el.dispatchEvent(new Event('input', { bubbles: true }));
    await nextTask();
    out.push(performance.now() - t0);
  }
  return out;
}; true`;

const TYPED = 'Velo-Rouge-42!Lune';
const prefixes = (s: string) => Array.from(s, (_c, i) => s.slice(0, i + 1));

export async function run(): Promise<BenchRow[]> {
  const area = 'guide (chromium)';
  let h: Awaited<ReturnType<typeof launch>>;
  try {
    h = await launch('chromium', { locale: 'fr' });
  } catch (err) {
    return [{ area, metric: 'launch', value: Number.NaN, unit: '', note: String(err).slice(0, 120) }];
  }
  try {
    // Bundled into a cache folder, this module cannot find fixtures relative to itself: read from the root.
    const fixture = getFixture('enej-change-password');
    const html = readFileSync(resolve('tests/fixtures', fixture.file), 'utf8').replace(
      '<head>',
      `<head>${PROBE}`,
    );
    h.route(
      (url) => url.startsWith(ON_ENEJ.split('?')[0] as string),
      () => ({ body: html }),
    );
    h.route(OFF_ENEJ, () => ({ body: html }));

    const visible: number[] = [];
    for (let i = 0; i < 8; i++) {
      const page = await h.newPage(ON_ENEJ);
      await page.waitFor(
        async () => (await page.evaluateSource<number>('window.__bench.visible')) > 0,
        5000,
        'guide visible',
      );
      const b = await page.evaluateSource<{ dcl: number; visible: number }>('window.__bench');
      visible.push(b.visible - b.dcl);
      await page.close();
    }

    const perInput = async (url: string) => {
      const page = await h.newPage(url);
      if (url === ON_ENEJ) await page.waitForSelector('sesame-guide >>> [data-rule]');
      await page.evaluateSource(INPUT_TIMER);
      const typed: number[] = [];
      for (let r = 0; r < 8; r++) {
        typed.push(
          ...(await page.evaluateSource<number[]>(
            `__timeInput('#nouveauMdp', ${JSON.stringify(['', ...prefixes(TYPED)])})`,
          )),
        );
      }
      const long = 'Ab1!'.repeat(64);
      const paste = await page.evaluateSource<number[]>(
        `__timeInput('#nouveauMdp', ${JSON.stringify(Array.from({ length: 20 }, (_x, i) => (i % 2 ? '' : long)))})`,
      );
      await page.close();
      return { typed, paste: paste.filter((_x, i) => i % 2 === 0) };
    };
    const withGuide = await perInput(ON_ENEJ);
    const pageAlone = await perInput(OFF_ENEJ);

    const r2 = (n: number) => Math.round(n * 100) / 100;
    return [
      {
        area,
        metric: 'guide visible after DOMContentLoaded (median of 8)',
        value: r2(median(visible)),
        unit: 'ms',
        budget: 150,
      },
      {
        area,
        metric: 'guide visible after DOMContentLoaded (max of 8)',
        value: r2(Math.max(...visible)),
        unit: 'ms',
        budget: 150,
      },
      {
        area,
        metric: 'per keystroke, page + guide, p95',
        value: r2(percentile(withGuide.typed, 95)),
        unit: 'ms',
        budget: 16,
      },
      { area, metric: 'per keystroke, page + guide, median', value: r2(median(withGuide.typed)), unit: 'ms' },
      {
        area,
        metric: 'per keystroke, page alone, p95',
        value: r2(percentile(pageAlone.typed, 95)),
        unit: 'ms',
      },
      {
        area,
        metric: '256-char paste, page + guide, max of 10',
        value: r2(Math.max(...withGuide.paste)),
        unit: 'ms',
        budget: 50,
      },
      {
        area,
        metric: '256-char paste, page alone, max of 10',
        value: r2(Math.max(...pageAlone.paste)),
        unit: 'ms',
      },
    ];
  } finally {
    await h.close();
  }
}
