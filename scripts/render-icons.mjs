// Renders public/icon/*.png and docs/store-tile.png from assets/icon.svg with the Chromium the tests
// already use, so every size comes from one committed drawing. Run: node scripts/render-icons.mjs
import { mkdirSync, readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';

const svg = readFileSync(new URL('../assets/icon.svg', import.meta.url), 'utf8');
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const browser = await chromium.launch({
  executablePath,
  args: ['--no-sandbox', '--disable-background-networking'],
});
const page = await browser.newPage();
mkdirSync(new URL('../public/icon/', import.meta.url), { recursive: true });
for (const size of [16, 32, 48, 96, 128]) {
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(
    `<style>html,body{margin:0;background:transparent}svg{width:${size}px;height:${size}px;display:block}</style>${svg}`,
  );
  await page.screenshot({
    path: new URL(`../public/icon/${size}.png`, import.meta.url).pathname,
    omitBackground: true,
  });
}
await page.setViewportSize({ width: 440, height: 280 });
await page.setContent(`<style>
  html,body{margin:0}
  body{width:440px;height:280px;display:flex;align-items:center;gap:28px;padding:0 36px;box-sizing:border-box;
    background:#eef2fb;font-family:'DejaVu Sans',sans-serif;color:#1b3a8a}
  svg{width:128px;height:128px;flex:none}
  h1{font-size:40px;margin:0 0 8px}
  p{font-size:18px;margin:0;line-height:1.35;color:#222}
</style>${svg}<div><h1>Sésame</h1><p>Un nouveau mot de passe ENEJ accepté du premier coup, facile à retenir.</p></div>`);
mkdirSync(new URL('../docs/', import.meta.url), { recursive: true });
await page.screenshot({ path: new URL('../docs/store-tile.png', import.meta.url).pathname });
await browser.close();
