import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axe, BROWSERS, type Harness, html, launch } from './harness';

const ENEJ = 'https://enej.lavienne86.fr';

describe.each(BROWSERS)('smoke — %s', (name) => {
  let h: Harness;

  beforeAll(async () => {
    h = await launch(name, { locale: 'fr' });
    h.route(`${ENEJ}/`, (url) => ({
      body: html(`<h1 id="titre">Accueil ENEJ</h1><p id="chemin">${new URL(url).pathname}</p>`, 'ENEJ'),
    }));
  });

  afterAll(async () => {
    await h?.close();
  });

  it('opens the popup, which shows text and requests nothing outside the extension', async () => {
    const before = h.requests.length;
    const popup = await h.openExtensionPage('popup.html');
    expect(await popup.url()).toBe(`${h.extensionOrigin}/popup.html`);
    expect(await popup.evaluate(() => document.title)).toBe('Sésame');
    await popup.waitFor(
      async () => (await popup.evaluate(() => (document.body.textContent ?? '').trim().length)) > 0,
      10_000,
      'popup body to render text',
    );
    const popupRequests = h.requests.slice(before);
    expect(popupRequests.filter((r) => r.outcome !== 'internal')).toEqual([]);
    expect(popup.consoleMessages.filter((m) => m.type === 'pageerror' || m.type === 'error')).toEqual([]);
    await popup.close();
  });

  it('serves a fixture on the real ENEJ origin', async () => {
    const page = await h.newPage(`${ENEJ}/fr/mire`);
    expect(await page.url()).toBe(`${ENEJ}/fr/mire`);
    expect((await page.query('#titre'))?.text).toBe('Accueil ENEJ');
    expect((await page.query('#chemin'))?.text).toBe('/fr/mire');
    expect(h.requests).toContainEqual(
      expect.objectContaining({ url: `${ENEJ}/fr/mire`, outcome: 'served', fromExtension: false }),
    );
    await page.close();
  });

  it('blocks and records a request no route answers', async () => {
    const page = await h.newPage(`${ENEJ}/fr/bloque`);
    const outcome = await page.evaluate(async (url) => {
      try {
        await fetch(url);
        return 'loaded';
      } catch {
        return 'failed';
      }
    }, 'https://www.example.org/pixel.png');
    expect(outcome).toBe('failed');
    expect(h.blocked().map((r) => r.url)).toContain('https://www.example.org/pixel.png');
    await page.close();
  });

  it('pierces open shadow roots with `>>>` for query, type and click', async () => {
    const page = await h.newPage(`${ENEJ}/fr/ombre`);
    await page.evaluate(() => {
      const host = document.createElement('sesame-guide');
      const root = host.attachShadow({ mode: 'open' });
      root.innerHTML =
        '<label>Essai <input id="champ" aria-label="Essai"></label><button id="ok" type="button">OK</button><p id="sortie"></p>';
      root.querySelector('#ok')?.addEventListener('click', () => {
        const input = root.querySelector('input');
        const out = root.querySelector('#sortie');
        if (input && out) out.textContent = `reçu ${input.value}`;
      });
      document.body.append(host);
    });
    expect(await page.query('#champ')).toBeNull();
    await page.type('sesame-guide >>> #champ', 'Été#2025');
    await page.click('sesame-guide >>> #ok');
    expect((await page.guide('#sortie'))?.text).toBe('reçu Été#2025');
    await page.fill('sesame-guide >>> #champ', 'x'.repeat(10_000));
    expect((await page.guide('#champ'))?.value).toHaveLength(10_000);
    expect(await axe(page, 'sesame-guide')).toEqual([]);
    await page.close();
  });

  it('made no request the tests did not route, apart from the one deliberately blocked', async () => {
    const unexpected = h
      .external()
      .filter((r) => r.outcome !== 'served' && r.url !== 'https://www.example.org/pixel.png')
      // Browsers ask every origin for its icon on their own; that is not the extension.
      .filter((r) => !r.url.endsWith('/favicon.ico'));
    expect(unexpected).toEqual([]);
    expect(h.requests.filter((r) => r.fromExtension && r.outcome !== 'internal')).toEqual([]);
  });
});
