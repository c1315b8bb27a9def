/**
 * What Sésame costs on a busy ENEJ page, as main-thread time against the same page under a do-nothing
 * extension (a content script on the same hosts that does nothing), in the same run.
 *
 * Two browsers are open side by side, one with the built Sésame, one with the do-nothing extension, and
 * the page is loaded in each in turn (A, B, A, B…): each sample is the time the page's main thread spent
 * working over `WINDOW_MS` after the page settled. Ratios are per pair, and the figure is their median, so
 * a burst of load from elsewhere on the machine moves one pair, not the figure.
 *
 * Chromium: CDP `Performance.getMetrics` `TaskDuration` of the page's renderer (main thread).
 * Firefox: the Gecko profiler is not reachable over WebDriver BiDi; the figure is the CPU time of the
 * page's content process, main thread (`ChromeUtils.requestProcInfo()`, privileged script, which the
 * harness's `--remote-allow-system-access` allows). It counts everything the tab's main thread does.
 *
 * Pages: an ENEJ-like home page (news carousel toggling classes, a live feed replacing items, a clock
 * ticking every frame, no password field) and the change-password page with the same activity plus an
 * animated strength bar inside the form.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BrowserName, type Harness, type HPage, launch } from '../e2e/harness';
import { getFixture } from '../fixtures';
import { type BenchRow, median } from './support';

const PAIRS = Number(process.env.SESAME_BENCH_BUSY_PAIRS ?? 5);
const SETTLE_MS = 800;
const WINDOW_MS = 3000;
export const BUSY_BUDGET = 1.05;

const HOME_URL = 'https://enej.lavienne86.fr/accueil';
const CHANGE_URL = `${getFixture('enej-change-password').url.split('?')[0]}?busy=1`;

/** The page's own activity: what an ENEJ portal home does all day. */
const BUSY_SCRIPT = `<script>
(() => {
  const clock = document.getElementById('horloge');
  const tick = () => { clock.textContent = new Date().toLocaleTimeString('fr-FR') + '.' + String(performance.now() % 1000 | 0).padStart(3, '0'); requestAnimationFrame(tick); };
  requestAnimationFrame(tick);
  const slides = document.querySelectorAll('#carrousel .diapo');
  let on = 0;
  setInterval(() => {
    slides[on].classList.remove('active');
    on = (on + 1) % slides.length;
    slides[on].classList.add('active');
    document.getElementById('carrousel').style.setProperty('--pos', String(on));
  }, 100);
  const feed = document.getElementById('fil');
  let n = 0;
  setInterval(() => {
    const items = [];
    for (let i = 0; i < 12; i++) {
      const li = document.createElement('li');
      li.className = 'actu' + (i % 3 === 0 ? ' neuve' : '');
      li.innerHTML = '<a href="#a' + (n + i) + '">Actualité ' + (n + i) + '</a> <span class="date">04/12</span> <input type="checkbox" name="lu' + i + '" aria-label="Lu">';
      items.push(li);
    }
    n += 12;
    feed.replaceChildren(...items);
  }, 200);
  const bar = document.getElementById('barre');
  if (bar) {
    const grow = () => { bar.style.width = (performance.now() / 20 % 100).toFixed(1) + '%'; bar.className = 'barre niveau' + ((performance.now() / 500 | 0) % 4); requestAnimationFrame(grow); };
    requestAnimationFrame(grow);
  }
})();
</script>`;

const ACTIVITY = `<header><span id="horloge">--:--</span></header>
<section id="carrousel" aria-label="À la une">${Array.from({ length: 6 }, (_x, i) => `<div class="diapo${i === 0 ? ' active' : ''}"><h3>Info ${i}</h3><p>Sortie au Futuroscope, réunion parents-professeurs, menu de la cantine…</p></div>`).join('')}</section>
<ul id="fil"></ul>
<nav>${Array.from({ length: 150 }, (_x, i) => `<a href="#m${i}">Rubrique ${i}</a>`).join(' ')}</nav>`;

const STYLE = `<style>.diapo{display:none}.diapo.active{display:block}.actu.neuve{font-weight:bold}#barre{height:6px;background:#36c;transition:none}</style>`;

function homePage(): string {
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>ENEJ – Accueil</title>${STYLE}</head><body><main><h1>Bienvenue sur ENEJ</h1>${ACTIVITY}<form role="search"><input type="search" name="q" aria-label="Rechercher"></form></main>${BUSY_SCRIPT}</body></html>`;
}

function changePage(): string {
  const html = readFileSync(resolve('tests/fixtures', getFixture('enej-change-password').file), 'utf8');
  return html
    .replace('<head>', `<head>${STYLE}`)
    .replace(/(<input[^>]*id="nouveauMdp"[^>]*>)/, '$1<div id="barre" class="barre"></div>')
    .replace('<body>', `<body>${ACTIVITY}`)
    .replace('</body>', `${BUSY_SCRIPT}</body>`);
}

/** A content script on the same hosts that does nothing: the baseline any extension pays. */
function makeNoopExtension(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sesame-noop-'));
  const contentScripts = [
    { matches: ['https://*.lavienne86.fr/*'], js: ['noop.js'], run_at: 'document_end' },
  ];
  const manifests: Record<string, object> = {
    'chrome-mv3': { manifest_version: 3, name: 'noop', version: '1.0', content_scripts: contentScripts },
    'firefox-mv2': {
      manifest_version: 2,
      name: 'noop',
      version: '1.0',
      content_scripts: contentScripts,
      browser_specific_settings: { gecko: { id: 'noop@sesame-famille.fr' } },
    },
  };
  for (const [sub, manifest] of Object.entries(manifests)) {
    mkdirSync(join(dir, sub));
    writeFileSync(join(dir, sub, 'manifest.json'), JSON.stringify(manifest));
    writeFileSync(join(dir, sub, 'noop.js'), 'void 0;\n');
  }
  return dir;
}

interface Sampler {
  /** Main-thread milliseconds so far for this page. */
  read(): Promise<number>;
}

async function samplerFor(name: BrowserName, page: HPage): Promise<Sampler> {
  if (name === 'chromium') {
    const raw = page.raw as {
      context(): { newCDPSession(p: unknown): Promise<{ send(m: string, p?: object): Promise<unknown> }> };
    };
    const cdp = await raw.context().newCDPSession(raw);
    await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
    return {
      async read() {
        const { metrics } = (await cdp.send('Performance.getMetrics')) as {
          metrics: { name: string; value: number }[];
        };
        return (metrics.find((m) => m.name === 'TaskDuration')?.value ?? Number.NaN) * 1000;
      },
    };
  }
  const raw = page.raw as { browser(): { connection: BidiSend } };
  const connection = raw.browser().connection;
  const marker = `sesame-busy-${Math.random().toString(36).slice(2)}`;
  await page.evaluateSource(`document.title = ${JSON.stringify(marker)} + ' ' + document.title`);
  return {
    async read() {
      const value = await chromeEval(
        connection,
        `(async () => {
          const info = await ChromeUtils.requestProcInfo();
          for (const child of info.children) {
            if (!(child.windows || []).some((w) => (w.documentTitle || '').startsWith(${JSON.stringify(marker)}))) continue;
            const main = (child.threads || []).find((t) => t.tid === child.pid);
            return (main ? main.cpuTime : child.cpuTime) / 1e6;
          }
          return -1;
        })()`,
      );
      if (typeof value !== 'number' || value < 0) throw new Error('[firefox] page process not found');
      return value;
    },
  };
}

interface BidiSend {
  send(
    method: string,
    params: object,
  ): Promise<{ result: { contexts?: { context: string; url: string }[]; result?: { value?: unknown } } }>;
}

async function chromeEval(connection: BidiSend, expression: string): Promise<unknown> {
  const tree = await connection.send('browsingContext.getTree', { 'moz:scope': 'chrome', maxDepth: 0 });
  const window = tree.result.contexts?.find((c) => c.url === 'chrome://browser/content/browser.xhtml');
  if (!window) throw new Error('[firefox] no browser window');
  const evaluation = await connection.send('script.evaluate', {
    expression,
    target: { context: window.context },
    awaitPromise: true,
  });
  return evaluation.result.result?.value;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function busyMs(h: Harness, url: string): Promise<number> {
  const page = await h.newPage(url);
  try {
    const sampler = await samplerFor(h.name, page);
    await sleep(SETTLE_MS);
    const before = await sampler.read();
    await sleep(WINDOW_MS);
    return (await sampler.read()) - before;
  } finally {
    await page.close();
  }
}

export async function run(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const noop = makeNoopExtension();
  try {
    const only = process.env.SESAME_BENCH_BROWSERS?.split(',');
    for (const name of (['chromium', 'firefox'] as const).filter((b) => !only || only.includes(b))) {
      const area = `busy page (${name})`;
      let sesame: Harness | undefined;
      let baseline: Harness | undefined;
      try {
        sesame = await launch(name, { locale: 'fr' });
        baseline = await launch(name, { locale: 'fr', outDir: noop });
        for (const h of [sesame, baseline]) {
          h.route(HOME_URL, () => ({ body: homePage() }));
          h.route(CHANGE_URL, () => ({ body: changePage() }));
        }
        // The guide must really be there on the change page, or the figure would measure nothing.
        const check = await sesame.newPage(CHANGE_URL);
        await check.waitForSelector('sesame-guide >>> [data-rule]', 10_000);
        await check.close();
        const pages = [
          ['without a password field', HOME_URL],
          ['change-password page', CHANGE_URL],
        ] as const;
        const onlyPages = process.env.SESAME_BENCH_BUSY_PAGES;
        for (const [label, url] of pages.filter(([l]) => !onlyPages || l.includes(onlyPages))) {
          const ratios: number[] = [];
          const ours: number[] = [];
          const theirs: number[] = [];
          for (let i = 0; i < PAIRS; i++) {
            // Alternate which goes first, so a trend in the machine's load favours neither.
            const order = i % 2 === 0 ? [sesame, baseline] : [baseline, sesame];
            const [first, second] = [
              await busyMs(order[0] as Harness, url),
              await busyMs(order[1] as Harness, url),
            ];
            const [a, b] = order[0] === sesame ? [first, second] : [second, first];
            ours.push(a);
            theirs.push(b);
            ratios.push(a / b);
          }
          const r2 = (n: number) => Math.round(n * 100) / 100;
          rows.push({
            area,
            metric: `busy ${label}: main thread vs do-nothing extension, median of ${PAIRS} pairs`,
            value: r2(median(ratios)),
            unit: '×',
            budget: BUSY_BUDGET,
            note: `Sésame ${Math.round(median(ours))} ms vs ${Math.round(median(theirs))} ms per ${WINDOW_MS / 1000} s; pairs ${ratios.map(r2).join(', ')}`,
          });
        }
      } catch (err) {
        rows.push({
          area,
          metric: 'busy pages',
          value: Number.NaN,
          unit: '',
          note: String(err).slice(0, 160),
        });
      } finally {
        await sesame?.close();
        await baseline?.close();
      }
    }
  } finally {
    rmSync(noop, { recursive: true, force: true });
  }
  return rows;
}
