import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSERS, type Harness, type HPage, html, launch } from '.';

/**
 * `@@ui_locale` is the catalog actually served; `getUILanguage()` alone can say fr while a browser lacking its
 * own French resources (Debian's chromium-l10n) serves the English messages.
 */
const LANGUAGES =
  '(() => { const api = globalThis.browser ?? globalThis.chrome; return [api.i18n.getUILanguage(), api.i18n.getMessage("@@ui_locale")]; })()';

const ENEJ = 'https://connect.enej.lavienne86.fr';

/** From an extension context: try to read the title of every tab; only tabs the extension may script answer. */
function scriptableTitles(page: HPage): Promise<string[]> {
  return page.evaluateSource<string[]>(`(async () => {
    const api = globalThis.browser ?? globalThis.chrome;
    const tabs = await api.tabs.query({});
    const titles = [];
    for (const tab of tabs) {
      try {
        const results = api.scripting
          ? (await api.scripting.executeScript({ target: { tabId: tab.id }, func: () => document.title })).map((r) => r.result)
          : await api.tabs.executeScript(tab.id, { code: 'document.title' });
        titles.push(...results);
      } catch {
        // No host permission and no activeTab grant on this tab: exactly what we want to observe.
      }
    }
    return titles;
  })()`);
}

describe.each(BROWSERS)('harness — %s', (name) => {
  let h: Harness;

  beforeAll(async () => {
    h = await launch(name, { locale: 'fr' });
    h.route(`${ENEJ}/`, () => ({ body: html('<p>changement</p>', 'Changement ENEJ') }));
  });

  afterAll(async () => {
    await h?.close();
  });

  it('runs the extension in French', async () => {
    const popup = await h.openExtensionPage();
    const [ui, catalog] = await popup.evaluateSource<[string, string]>(LANGUAGES);
    expect(ui.toLowerCase()).toMatch(/^fr/);
    expect(catalog.toLowerCase()).toMatch(/^fr/);
    await popup.close();
  });

  it('triggerAction grants activeTab on that tab only', async () => {
    const other = await h.newPage(`${ENEJ}/autre`);
    await other.evaluate(() => {
      document.title = 'Autre onglet';
    });
    const page = await h.newPage(`${ENEJ}/changement`);
    const tab = await h.openExtensionPage();
    expect(await scriptableTitles(tab)).toEqual([]);

    const popup = await h.triggerAction(page);
    if (name === 'chromium') {
      expect(popup).not.toBeNull();
      expect(await popup?.evaluate(() => document.title)).toBe('Sésame');
      expect(await scriptableTitles(popup as HPage)).toEqual(['Changement ENEJ']);
    } else {
      expect(popup).toBeNull();
    }
    expect(await scriptableTitles(tab)).toEqual(['Changement ENEJ']);
    await popup?.close();
    await tab.close();
    await page.close();
    await other.close();
  });
});

describe.each(BROWSERS)('harness in English — %s', (name) => {
  it('runs the extension in English', async () => {
    const h = await launch(name, { locale: 'en' });
    try {
      const popup = await h.openExtensionPage();
      const [ui, catalog] = await popup.evaluateSource<[string, string]>(LANGUAGES);
      expect(ui.toLowerCase()).toMatch(/^en/);
      expect(catalog.toLowerCase()).toMatch(/^en/);
    } finally {
      await h.close();
    }
  });
});

/**
 * A throw-away extension whose content script and extension page each make one request: proves the request
 * log can see what the real extension must never do, so "no request" assertions are not vacuous.
 */
function writeProbeExtension(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sesame-probe-'));
  const content =
    "document.documentElement.dataset.probe = 'ran'; fetch('https://www.example.org/from-content-script').then(() => { document.documentElement.dataset.probe = 'ok'; }, (e) => { document.documentElement.dataset.probe = 'err ' + e; });";
  const page = '<!doctype html><meta charset="utf-8"><title>probe</title><script src="page.js"></script>';
  const pageJs = "fetch('https://www.example.org/from-extension-page').catch(() => {});";
  const contentScripts = [{ matches: ['https://enej.lavienne86.fr/*'], js: ['content.js'] }];
  const manifests = {
    'chrome-mv3': { manifest_version: 3, name: 'probe', version: '1.0', content_scripts: contentScripts },
    'firefox-mv2': {
      manifest_version: 2,
      name: 'probe',
      version: '1.0',
      content_scripts: contentScripts,
      browser_specific_settings: { gecko: { id: 'probe@sesame-famille.fr' } },
    },
  };
  for (const [sub, manifest] of Object.entries(manifests)) {
    mkdirSync(join(dir, sub));
    writeFileSync(join(dir, sub, 'manifest.json'), JSON.stringify(manifest));
    writeFileSync(join(dir, sub, 'content.js'), content);
    writeFileSync(join(dir, sub, 'probe.html'), page);
    writeFileSync(join(dir, sub, 'page.js'), pageJs);
  }
  return dir;
}

describe.each(BROWSERS)('harness request log — %s', (name) => {
  let h: Harness;
  let outDir: string;

  beforeAll(async () => {
    outDir = writeProbeExtension();
    h = await launch(name, { outDir });
    h.route('https://enej.lavienne86.fr/', () => ({ body: html('<p>sonde</p>') }));
  });

  afterAll(async () => {
    await h?.close();
    rmSync(outDir, { recursive: true, force: true });
  });

  it('sees and blocks a request made by an extension page', async () => {
    const probe = await h.openExtensionPage('probe.html');
    await probe.waitFor(
      () => h.requests.some((r) => r.url.endsWith('/from-extension-page')),
      10_000,
      'extension-page request',
    );
    expect(h.requests.find((r) => r.url.endsWith('/from-extension-page'))).toMatchObject({
      outcome: 'blocked',
      fromExtension: true,
    });
    await probe.close();
  });

  // Firefox: BiDi never reports a content script's own requests (verified with this probe: the fetch fails
  // without any event), so there the "no request" guarantee rests on the Chromium run and on code review.
  it.runIf(name === 'chromium')('sees and blocks a request made by a content script', async () => {
    const page = await h.newPage('https://enej.lavienne86.fr/sonde');
    await page.waitFor(
      () => h.requests.some((r) => r.url.endsWith('/from-content-script')),
      10_000,
      'content-script request',
    );
    expect(h.requests.find((r) => r.url.endsWith('/from-content-script'))).toMatchObject({
      outcome: 'blocked',
    });
    await page.waitFor(
      async () => (await page.evaluateSource('document.documentElement.dataset.probe')) !== 'ran',
      10_000,
      'content-script fetch to settle',
    );
    expect(await page.evaluateSource('document.documentElement.dataset.probe')).toMatch(/^err /);
    await page.close();
  });
});
