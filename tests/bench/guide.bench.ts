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

// Human typing, in the page: 8–12 characters a second (jittered from a seed, so every run types alike),
// a hesitation now and then, and a pause at the end. Long tasks are collected from the moment the page
// loads, so the first keystroke's loading of zxcvbn counts too. `shown` is when the meter first holds a
// score after the last keystroke, measured from that keystroke; the field is emptied first, which empties
// the meter, so a score from an earlier value cannot be mistaken for this one.
const TYPIST = `window.__longTasks = [];
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration });
}).observe({ type: 'longtask', buffered: true });
// Which script a long frame ran (Chromium's Long Animation Frames), for SESAME_BENCH_DEBUG.
window.__loaf = [];
try {
  new PerformanceObserver((list) => {
    for (const e of list.getEntries())
      for (const s of e.scripts || [])
        if (s.duration > 30) window.__loaf.push({ start: Math.round(s.startTime), duration: Math.round(s.duration), source: (s.sourceURL || '').split('/').pop() + ' ' + (s.sourceFunctionName || '') + ' ' + s.invoker });
  }).observe({ type: 'long-animation-frame', buffered: true });
} catch {}
window.__typeLike = async (selector, text, seed, hesitateAt) => {
  const el = document.querySelector(selector);
  const set = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
  const meter = () => document.querySelector('sesame-guide')?.shadowRoot?.querySelector('[data-strength]');
  const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
  let x = seed >>> 0;
  const jitter = () => { x = (Math.imul(x, 1664525) + 1013904223) >>> 0; return x / 2 ** 32; };
  set.call(el, '');
  el.dispatchEvent(new Event('input', { bubbles: true }));
  await sleep(400);
  if (meter() && meter().getAttribute('data-strength') !== '') throw new Error('meter not emptied');
  const start = performance.now();
  let last = start;
  const lateKeys = [];
  for (let i = 0; i < text.length; i++) {
    const wanted = i === hesitateAt ? 450 : 1000 / (8 + 4 * jitter());
    const before = performance.now();
    await sleep(wanted);
    // How late the keystroke lands: what a long task on the main thread does to the person typing.
    lateKeys.push(performance.now() - before - wanted);
    set.call(el, text.slice(0, i + 1));
    el.dispatchEvent(new Event('input', { bubbles: true }));
    last = performance.now();
  }
  const shown = await new Promise((resolve) => {
    const deadline = setTimeout(() => resolve(Number.NaN), 5000);
    const check = () => {
      const m = meter();
      if (m && m.getAttribute('data-strength') !== '') {
        clearTimeout(deadline);
        resolve(performance.now() - last);
      } else requestAnimationFrame(check);
    };
    check();
  });
  return { start, end: last, shown, lateKeys };
}; true`;

// What families type: a Word+digits+symbol, a weak one, and long passphrases up to the meter's 64.
const HUMAN_TYPED = [
  'Velo-Rouge-42!Lune',
  'soleil2024',
  'Girafe-Tulipe-Nuage-Poire-Cartable-47!',
  'Le-chat-de-ma-soeur-mange-des-croquettes-au-poulet-2025!',
  'Mon-grand-frere-joue-au-foot-le-mercredi-apres-midi-a-Poitiers!',
];
/** The first pass hesitates mid-field (an estimate runs while typing goes on); the others do not. */
const HUMAN_REPS = 3;

const TYPED = 'Velo-Rouge-42!Lune';
const DEBOUNCE_NOTE = '150 ms quiet time';
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

    // A fresh page, so the first keystroke also loads zxcvbn, as it does for a family.
    const human = await h.newPage(ON_ENEJ);
    await human.waitForSelector('sesame-guide >>> [data-rule]');
    await human.evaluateSource(TYPIST);
    const shown: number[] = [];
    const lateKeys: number[] = [];
    const typingWindows: [number, number][] = [];
    for (let rep = 0; rep < HUMAN_REPS; rep++) {
      for (const [i, text] of HUMAN_TYPED.entries()) {
        const r = await human.evaluateSource<{
          start: number;
          end: number;
          shown: number;
          lateKeys: number[];
        }>(
          `__typeLike('#nouveauMdp', ${JSON.stringify(text)}, ${rep * 10 + i + 1}, ${rep === 0 ? Math.floor(text.length * 0.6) : -1})`,
        );
        // After a hesitation the meter already holds a score for the beginning: only straight runs time it.
        if (rep > 0) shown.push(r.shown);
        lateKeys.push(...r.lateKeys);
        typingWindows.push([r.start, r.end]);
      }
    }
    const longTasks = await human.evaluateSource<{ start: number; duration: number }[]>('window.__longTasks');
    if (process.env.SESAME_BENCH_DEBUG) {
      const loaf = await human.evaluateSource('window.__loaf').catch(() => []);
      console.error(JSON.stringify({ longTasks, typingWindows, loaf }));
    }
    await human.close();
    // A long task "while typing" starts between a field's first and last keystroke.
    const whileTyping = longTasks.filter((t) => typingWindows.some(([a, b]) => t.start >= a && t.start <= b));
    const longest = whileTyping.reduce((m, t) => Math.max(m, t.duration), 0);

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
        metric: `longest task while typing at 8–12 chars/s (${HUMAN_TYPED.length * HUMAN_REPS} fields, 10–64 chars)`,
        value: r2(longest),
        unit: 'ms',
        // Issue 15: no task over 50 ms while typing, the estimator's loading (first keystroke) included.
        budget: 50,
        note: `${whileTyping.length} over 50 ms, ${whileTyping.filter((t) => t.duration > 100).length} over 100 ms`,
      },
      {
        area,
        metric: 'keystroke delayed by the main thread, max',
        value: r2(Math.max(...lateKeys)),
        unit: 'ms',
      },
      {
        area,
        metric: 'strength shown after typing pauses, median',
        value: r2(median(shown)),
        unit: 'ms',
        budget: 200,
        note: `of ${shown.length}; max ${r2(Math.max(...shown))} ms, after a ${DEBOUNCE_NOTE}`,
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
