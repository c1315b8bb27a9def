#!/usr/bin/env node
// `npm run demo`: Sésame at work on the replica ENEJ pages of tests/fixtures, for a reviewer, a teacher or a
// parent. The browser loads the BUILT extension and the pages are served on their real ENEJ addresses by the
// e2e harness (request interception: nothing goes out to the Internet, nothing unrouted is fetched).
//
//   npm run demo                      Chromium
//   npm run demo -- --firefox         Firefox (--both: the two, one after the other when headless)
//   npm run demo -- --headless        screenshots even when a display is available
//   npm run demo -- --lang en         English browser
//
// With a display it opens a window (index of the pages, the ENEJ change-password page, the generator) and
// waits until the browser is closed. Without one ($DISPLAY and $WAYLAND_DISPLAY unset) it plays a short
// scenario, writes screenshots to .demo/<browser>/ (git-ignored) and exits.
import { mkdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import {
  demoDir,
  ensureBuilt,
  G,
  generateAllMet,
  INDEX_URL,
  loadHarness,
  outDir,
  root,
  serveAll,
  setViewport,
  typeHalfway,
  waitStrength,
} from './demo-lib.mjs';

const { values } = parseArgs({
  options: {
    firefox: { type: 'boolean', default: false },
    both: { type: 'boolean', default: false },
    headless: { type: 'boolean', default: false },
    lang: { type: 'string', default: 'fr' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (values.help) {
  console.log(
    readFileSync(import.meta.filename, 'utf8')
      .split('\n')
      .slice(1, 13)
      .join('\n')
      .replace(/^\/\/ ?/gm, ''),
  );
  process.exit(0);
}
if (values.lang !== 'fr' && values.lang !== 'en') {
  console.error(`--lang: fr or en, not ${values.lang}`);
  process.exit(2);
}
const locale = values.lang;
const browsers = values.both ? ['chromium', 'firefox'] : [values.firefox ? 'firefox' : 'chromium'];
const headless = values.headless || (!process.env.DISPLAY && !process.env.WAYLAND_DISPLAY);

/** The scenario behind the screenshots; each step waits for what it shows, so a broken guide fails loudly. */
async function screenshots(lib, h) {
  const dir = join(demoDir, `${h.name}${locale === 'fr' ? '' : `-${locale}`}`);
  mkdirSync(dir, { recursive: true });
  const shots = [];
  const shoot = async (page, name) => {
    const path = join(dir, `${name}.png`);
    await page.screenshot(path);
    shots.push(path);
  };

  const index = await h.newPage(INDEX_URL);
  await setViewport(index, 1000, 800);
  await shoot(index, '01-index');
  await index.close();

  const enej = lib.getFixture('enej-change-password');
  const page = await h.newPage(enej.url);
  await setViewport(page, 1000, 800);
  await page.waitForSelector(`${G}[data-rule="length"]`);
  await shoot(page, '02-guide-empty');

  // Three rules met, one refused accent: what a child typing "Soleil3é" sees.
  await typeHalfway(lib, page);
  await shoot(page, '03-guide-typing');

  await generateAllMet(lib, page);
  await shoot(page, '04-guide-generated-filled');

  await page.click('#boutonSuivant');
  await page.waitForSelector(`${G}[data-card="success"]`);
  await shoot(page, '05-guide-success');
  await page.close();

  const popup = await h.openExtensionPage('popup.html');
  await setViewport(popup, 360, 600);
  await lib.shownPassword(popup);
  await waitStrength(popup, '.sesame-strength');
  await shoot(popup, '06-popup');
  await popup.close();

  const leaks = h.requests.filter((r) => r.fromExtension && r.outcome !== 'internal');
  console.log(
    `${h.name}: ${shots.length} screenshots in ${relative(root, dir)}/ — ${h.requests.filter((r) => r.outcome === 'served').length} replica page(s) served, ${leaks.length} request(s) from the extension`,
  );
  for (const path of shots) console.log(`  ${relative(root, path)}`);
  if (leaks.length > 0) throw new Error(`the extension made requests: ${leaks.map((r) => r.url).join(', ')}`);
}

/** Resolves when the user closes the browser (its last window). */
function closedByUser(h, page) {
  return new Promise((done) => {
    const raw = page.raw;
    if (h.name === 'chromium') raw.context().once('close', done);
    else raw.browser().once('disconnected', done);
  });
}

async function openForPeople(lib, h) {
  await h.openExtensionPage('popup.html');
  const enej = await h.newPage(lib.getFixture('enej-change-password').url);
  const index = await h.newPage(INDEX_URL);
  await index.bringToFront();
  console.log(
    `${h.name}: open — ${INDEX_URL} lists every replica page; the ENEJ page and the generator are in the next tabs. Close the browser to finish.`,
  );
  await closedByUser(h, enej);
}

async function main() {
  ensureBuilt();
  const lib = await loadHarness();
  const sessions = [];
  // One shared close: a second `h.close()` returns at once, and exiting then would leave the profile behind.
  let stopping = null;
  const stop = () => {
    stopping ??= Promise.allSettled(sessions.map((h) => h.close()));
    return stopping;
  };
  let interrupted = false;
  const onSignal = () => {
    interrupted = true;
    void stop();
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    if (headless) {
      console.log('No display: headless run, screenshots only.');
      // One browser at a time: two cores, and each scenario is short.
      for (const name of browsers) {
        const h = await lib.launch(name, { locale, outDir, headless: true });
        sessions.push(h);
        serveAll(lib, h);
        await screenshots(lib, h);
        await h.close();
      }
    } else {
      const running = [];
      for (const name of browsers) {
        const h = await lib.launch(name, { locale, outDir, headless: false });
        sessions.push(h);
        serveAll(lib, h);
        running.push(openForPeople(lib, h));
      }
      await Promise.all(running);
    }
  } catch (error) {
    // Ctrl-C closes the browser under a running scenario: that is the user's choice, not a failure.
    if (!interrupted) throw error;
  } finally {
    await stop();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
  return interrupted ? 130 : 0;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`demo: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
