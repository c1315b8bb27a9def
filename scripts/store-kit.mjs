#!/usr/bin/env node
// `npm run store:assets`: the store kit under store/, made from the product itself so it follows every change.
//   - store/listing.<lang>.md from store/listing.json (the text to paste into each store's form);
//   - store/images/<lang>/*.png: screenshots at exactly 1280 × 800 of the built extension on the replica ENEJ
//     pages (served on their real addresses by the e2e harness, as `npm run demo` does), French and English;
//   - store/images/small-promo-tile.png (440 × 280) and icon-128.png, rendered from assets/icon.svg.
//
//   npm run store:assets                 everything (builds first if .output/ has no build)
//   npm run store:assets -- --text-only  the listing files only
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import {
  demoDir,
  ensureBuilt,
  G,
  generateAllMet,
  loadHarness,
  outDir,
  root,
  serveAll,
  setViewport,
  typeHalfway,
  waitStrength,
} from './demo-lib.mjs';
import { renderListing, SCREENSHOT_SIZE } from './store-listing.mjs';

const storeDir = join(root, 'store');
const imagesDir = join(storeDir, 'images');
const listing = JSON.parse(readFileSync(join(storeDir, 'listing.json'), 'utf8'));
const { values } = parseArgs({ options: { 'text-only': { type: 'boolean', default: false } } });

function writeListings() {
  for (const lang of Object.keys(listing.languages)) {
    const path = join(storeDir, `listing.${lang}.md`);
    writeFileSync(path, renderListing(listing, lang));
    console.log(`  ${relative(root, path)}`);
  }
}

/** The popup drops from the toolbar over the page it will fill: show it that way, at the store's size. */
async function composePopup(page, background, popup) {
  const dataUrl = (path) => `data:image/png;base64,${readFileSync(path).toString('base64')}`;
  await page.raw.setContent(`<!doctype html><html><head><style>
    html, body { margin: 0; width: ${SCREENSHOT_SIZE.width}px; height: ${SCREENSHOT_SIZE.height}px; overflow: hidden; }
    .page { position: absolute; inset: 0; background: url(${dataUrl(background)}) no-repeat; filter: brightness(.8); }
    .popup { position: absolute; top: 8px; right: 24px; border-radius: 8px;
      box-shadow: 0 6px 28px rgba(0, 0, 0, .45); background: #fff; }
  </style></head><body><div class="page"></div><img class="popup" src="${dataUrl(popup)}" alt=""></body></html>`);
}

/** Exactly the viewport (the harness's own screenshots are full-page), Chromium only. */
async function shoot(page, path) {
  await page.raw.screenshot({ path, fullPage: false });
}

/** The guide sits under the new-password field: bring the field near the top so the whole guide shows. */
async function scrollToField(page) {
  await page.raw.evaluate(() => {
    const field = document.querySelector('#nouveauMdp');
    if (field) window.scrollTo(0, field.getBoundingClientRect().top + window.scrollY - 140);
  });
}

async function screenshots(lib, h, lang) {
  const dir = join(imagesDir, lang);
  mkdirSync(dir, { recursive: true });
  const scratch = join(demoDir, '.cache', `store-${lang}`);
  mkdirSync(scratch, { recursive: true });
  const [halfway, allMet, generator, success] = listing.screenshots.map((s) => join(dir, s.file));
  const { width, height } = SCREENSHOT_SIZE;

  const page = await h.newPage(lib.getFixture('enej-change-password').url);
  await setViewport(page, width, height);
  await page.waitForSelector(`${G}[data-rule="length"]`);
  await shoot(page, join(scratch, 'page.png'));

  // Half-way, as a child typing "Soleil3é" sees it: three rules met, the accent refused and explained.
  await typeHalfway(lib, page);
  await scrollToField(page);
  await shoot(page, halfway);

  await generateAllMet(lib, page);
  await scrollToField(page);
  await shoot(page, allMet);

  await page.click('#boutonSuivant');
  await page.waitForSelector(`${G}[data-card="success"]`);
  await shoot(page, success);
  await page.close();

  const popup = await h.openExtensionPage('popup.html');
  await setViewport(popup, 360, 600);
  await lib.shownPassword(popup);
  await waitStrength(popup, '.sesame-strength');
  await shoot(popup, join(scratch, 'popup.png'));
  await popup.close();

  const frame = await h.newPage(lib.getFixture('enej-change-password').url);
  await setViewport(frame, width, height);
  await composePopup(frame, join(scratch, 'page.png'), join(scratch, 'popup.png'));
  await shoot(frame, generator);
  await frame.close();
  rmSync(scratch, { recursive: true, force: true });
  for (const path of [halfway, allMet, generator, success]) console.log(`  ${relative(root, path)}`);
}

async function main() {
  console.log('Listing text:');
  writeListings();
  if (values['text-only']) return;

  console.log('Icons and promo tile (scripts/render-icons.mjs):');
  const icons = spawnSync(process.execPath, [join(root, 'scripts/render-icons.mjs')], { stdio: 'inherit' });
  if (icons.status !== 0) throw new Error('render-icons failed');
  mkdirSync(imagesDir, { recursive: true });
  copyFileSync(join(root, 'docs/store-tile.png'), join(imagesDir, 'small-promo-tile.png'));
  copyFileSync(join(root, 'public/icon/128.png'), join(imagesDir, 'icon-128.png'));
  console.log('  store/images/small-promo-tile.png\n  store/images/icon-128.png');

  ensureBuilt();
  const lib = await loadHarness();
  for (const lang of Object.keys(listing.languages)) {
    console.log(`Screenshots (${lang}):`);
    const h = await lib.launch('chromium', { locale: lang, outDir, headless: true });
    try {
      serveAll(lib, h);
      await screenshots(lib, h, lang);
      const leaks = h.requests.filter((r) => r.fromExtension && r.outcome !== 'internal');
      if (leaks.length > 0)
        throw new Error(`the extension made requests: ${leaks.map((r) => r.url).join(', ')}`);
    } finally {
      await h.close();
    }
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(`store:assets: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
