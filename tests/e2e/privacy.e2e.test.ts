import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getFixture } from '../fixtures';
import { BROWSERS, type Harness, type HPage, launch, sleep } from './harness';
import { probeIsolatedWorld } from './support/cdp';
import {
  fillFromPopup,
  G,
  generateInPopup,
  openPopupFor,
  serveFixtures,
  shownPassword,
  states,
  storageDump,
  waitRule,
} from './support/guide';

const ENEJ = getFixture('enej-change-password');
const TYPED = ['Premier-Essai-1!', 'Deuxieme#Essai2', 'Trois_Pommes33$'];
const PIRATE = 'Pirate-Page-1!';

/** Every non-internal request since `from`, as `type url`, sorted: what left (or tried to leave) the browser. */
function externalSince(h: Harness, from: number): string[] {
  return h.requests
    .slice(from)
    .filter((r) => r.outcome !== 'internal')
    .map((r) => `${r.outcome} ${r.url}`)
    .sort();
}

describe.each(BROWSERS)('privacy — %s', (name) => {
  let h: Harness;

  beforeAll(async () => {
    h = await launch(name, { locale: 'fr' });
    serveFixtures(h, ['enej-change-password']);
  });

  afterAll(async () => {
    await h?.close();
  });

  it('keeps no password anywhere and sends nothing, across guide, popup, copy and fill', async () => {
    // What the page costs in requests with nobody touching it.
    let from = h.requests.length;
    const quiet = await h.newPage(ENEJ.url);
    await quiet.waitForSelector(`${G}[data-rule="length"]`);
    await sleep(500);
    const baseline = externalSince(h, from);
    await quiet.close();
    expect(baseline).toEqual([`served ${ENEJ.url}`]);

    from = h.requests.length;
    const secrets = new Set<string>();
    const watched: HPage[] = [];
    const page = await h.newPage(ENEJ.url);
    watched.push(page);
    await page.waitForSelector(`${G}[data-rule="length"]`);
    // Chromium: the content script's own console too, which Playwright's page log does not hear.
    const worlds = name === 'chromium' ? await probeIsolatedWorld(page, h.extensionOrigin) : null;
    await worlds?.evaluate("console.log('sesame-console-probe')");
    if (worlds) expect(worlds.console).toContain('sesame-console-probe');

    // Several passwords typed in the guide, each judged and rated (zxcvbn sees them).
    for (const pw of TYPED) {
      await page.fill('#nouveauMdp', '');
      await page.type('#nouveauMdp', pw);
      await waitRule(page, 'special', 'ok');
      await page.waitFor(
        async () => ((await page.guide('[data-strength]'))?.attributes['data-strength'] ?? '') !== '',
        15_000,
        'strength computed',
      );
      secrets.add(pw);
    }

    // "Générer" in the guide, a real click: it fills the page.
    await page.fill('#nouveauMdp', '');
    await page.click(`${G}[data-action="generate"]`);
    await page.waitForSelector(`${G}[data-generated]`);
    const generated = (await page.query('#nouveauMdp'))?.value ?? '';
    expect(generated.length).toBeGreaterThanOrEqual(8);
    secrets.add(generated);

    // The popup: 20 new passwords, copy, then fill the page.
    const popup = await openPopupFor(h, page);
    watched.push(popup);
    secrets.add(await shownPassword(popup));
    for (const pw of await generateInPopup(popup, 20)) secrets.add(pw);
    await popup.click('[data-action="copy"]');
    await popup.waitFor(async () => (await popup.query('[data-notice]')) !== null, 5000, 'copy outcome');
    const toFill = await fillFromPopup(popup);
    expect((await page.query('#nouveauMdp'))?.value).toBe(toFill);
    expect(secrets.size).toBe(TYPED.length + 1 + 21);

    // Storage, read from a fresh extension page: settings at most, never a password.
    const ext = await h.openExtensionPage('popup.html');
    watched.push(ext);
    const dump = await storageDump(ext);
    expect(dump).toContain('"local":');
    const leakedToStorage = [...secrets].filter(
      (pw) => dump.includes(pw) || dump.includes(JSON.stringify(pw).slice(1, -1)),
    );
    expect(leakedToStorage).toEqual([]);

    // No console line of any page we drove mentions one.
    const lines = [...new Set([...watched, ...h.pages()])].flatMap((p) =>
      p.consoleMessages.map((m) => m.text),
    );
    lines.push(...(worlds?.console ?? []));
    expect(lines.filter((l) => [...secrets].some((pw) => l.includes(pw)))).toEqual([]);
    await worlds?.dispose();

    // Nothing left the browser but the page itself: same requests as the untouched page, nothing of ours.
    expect(externalSince(h, from)).toEqual(baseline);
    expect(h.requests.filter((r) => r.fromExtension && r.outcome !== 'internal')).toEqual([]);
    expect(h.blocked()).toEqual([]);

    await popup.close().catch(() => {});
    await ext.close();
    await page.close();
  });

  it('gives a page script no way to generate, fill or read a password before a real click', async () => {
    const page = await h.newPage(ENEJ.url);
    await page.waitForSelector(`${G}[data-action="generate"]`);
    const shadowBefore = await page.evaluate(
      () => document.querySelector('sesame-guide')?.shadowRoot?.innerHTML ?? '',
    );
    const attack = (pirate: string) => {
      const root = document.querySelector('sesame-guide')?.shadowRoot;
      const button = root?.querySelector<HTMLButtonElement>('[data-action="generate"]');
      if (!root || !button) return 'no open shadow root or no button';
      button.click();
      button.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
      button.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true }));
      button.dispatchEvent(new PointerEvent('pointerup', { bubbles: true, composed: true }));
      button.focus();
      for (const key of ['Enter', ' ']) {
        button.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true }));
        button.dispatchEvent(new KeyboardEvent('keyup', { key, bubbles: true, composed: true }));
      }
      root.querySelector<HTMLButtonElement>('[data-action="copy"]')?.click();
      const message = { type: 'sesame:fill', password: pirate };
      window.postMessage(message, '*');
      window.dispatchEvent(new MessageEvent('message', { data: message, origin: location.origin }));
      document.dispatchEvent(new CustomEvent('sesame:fill', { detail: message, bubbles: true }));
      window.dispatchEvent(new CustomEvent('sesame:fill', { detail: message }));
      return 'done';
    };
    expect(await page.evaluate(attack, PIRATE)).toBe('done');
    await sleep(500);

    const after = await page.evaluate(() => ({
      fields: ['ancienMdp', 'nouveauMdp', 'confirmationMdp'].map(
        (id) => (document.getElementById(id) as HTMLInputElement).value,
      ),
      shadow: document.querySelector('sesame-guide')?.shadowRoot?.innerHTML ?? '',
      // The content script keeps its lazily loaded modules in its own world, never on the page's window.
      exposed: [Symbol.for('sesame.generate'), Symbol.for('sesame.strength')].map(
        (k) => typeof (window as unknown as Record<symbol, unknown>)[k],
      ),
    }));
    expect(after.fields).toEqual(['', '', '']);
    expect(after.shadow).toBe(shadowBefore);
    expect(after.exposed).toEqual(['undefined', 'undefined']);
    expect(await page.guide('[data-generated]')).toBeNull();

    // A real click still works, and even then the page's world gets no generator of its own.
    await page.click(`${G}[data-action="generate"]`);
    await page.waitForSelector(`${G}[data-generated]`);
    const filled = (await page.query('#nouveauMdp'))?.value ?? '';
    expect(filled).not.toBe('');
    expect(filled).not.toBe(PIRATE);
    expect(Object.values(await states(page)).every((s) => s === 'ok')).toBe(true);
    expect(
      await page.evaluate(() =>
        [Symbol.for('sesame.generate'), Symbol.for('sesame.strength')].map(
          (k) => typeof (window as unknown as Record<symbol, unknown>)[k],
        ),
      ),
    ).toEqual(['undefined', 'undefined']);
    await page.close();
  });
});
