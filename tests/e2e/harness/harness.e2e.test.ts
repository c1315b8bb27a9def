import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSERS, type Harness, type HPage, html, launch } from '.';

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
    const lang = await popup.evaluateSource<string>(
      '(globalThis.browser ?? globalThis.chrome).i18n.getUILanguage()',
    );
    expect(lang.toLowerCase().startsWith('fr')).toBe(true);
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
      const lang = await popup.evaluateSource<string>(
        '(globalThis.browser ?? globalThis.chrome).i18n.getUILanguage()',
      );
      expect(lang.toLowerCase().startsWith('en')).toBe(true);
    } finally {
      await h.close();
    }
  });
});
