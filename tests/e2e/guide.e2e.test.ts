import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getFixture, readFixture } from '../fixtures';
import { axe, BROWSERS, formatViolations, type Harness, type HPage, launch } from './harness';
import { G, guideCount, serveFixtures, states, waitRule } from './support/guide';

const SHOTS = process.env.SESAME_SCREENSHOTS === '1';
/** Screenshots at ~1000 px wide, the width of a family laptop window. */
async function shotViewport(page: HPage): Promise<void> {
  const raw = page.raw as { setViewportSize?: (s: { width: number; height: number }) => Promise<void> };
  await raw.setViewportSize?.({ width: 1000, height: 800 });
}

async function waitStrength(page: HPage): Promise<void> {
  await page.waitFor(
    async () => ((await page.guide('[data-strength]'))?.attributes['data-strength'] ?? '') !== '',
    15_000,
    'strength computed',
  );
}

async function clear(page: HPage, selector: string): Promise<void> {
  await page.fill(selector, '');
}

// Records, from the page's own world, what the guide's shadow root holds while the content script's first
// frame is up (host marked `data-first-frame`) and the first time the UI's render is there instead, and
// every guide host the page ever held.
const FRAME_PROBE = `<script>
window.__frame = { first: null, taken: null, hosts: 0 };
(() => {
  const seen = new Set();
  new MutationObserver(() => {
    const f = window.__frame;
    for (const host of document.querySelectorAll('sesame-guide')) {
      seen.add(host);
      const body = host.shadowRoot && host.shadowRoot.querySelector('body');
      if (!body || !body.querySelector('[data-rule]')) continue;
      if (host.hasAttribute('data-first-frame')) { if (f.first === null) f.first = body.innerHTML; }
      else if (f.taken === null) f.taken = body.innerHTML;
    }
    f.hosts = seen.size;
  }).observe(document, { childList: true, subtree: true, attributes: true });
})();
</script>`;

/** A fixture on its own URL (same origin), with FRAME_PROBE first in its head. */
function serveProbed(h: Harness, name: string, url: string): void {
  h.route(
    (u) => u === url,
    () => ({
      body: readFixture(name).replace('<head>', `<head>${FRAME_PROBE}`),
      headers: getFixture(name).headers,
    }),
  );
}

interface FrameRecord {
  first: string | null;
  taken: string | null;
  hosts: number;
}

/** Opens a fixture with FRAME_PROBE on its own URL and returns the probe's record once the UI has drawn. */
async function openProbed(h: Harness, name: string): Promise<{ page: HPage; record: FrameRecord }> {
  const url = `${getFixture(name).url}&sonde=premier-cadre`;
  serveProbed(h, name, url);
  const page = await h.newPage(url);
  await page.waitForSelector(`${G}[data-rule="length"]`);
  const read = () => page.evaluate(() => (window as unknown as { __frame: FrameRecord }).__frame);
  await page.waitFor(async () => (await read()).taken !== null, 10_000, 'the UI drew the guide');
  return { page, record: await read() };
}

describe.each(BROWSERS)('guide — %s', (name) => {
  let h: Harness;

  beforeAll(async () => {
    h = await launch(name, { locale: 'fr' });
    serveFixtures(h, [
      'enej-change-password',
      'multi-step',
      'inserted-later',
      'strict-csp',
      'mire',
      'keycloak-login',
      'success',
      'outside-enej-change-password',
    ]);
  });

  afterAll(async () => {
    await h?.close();
  });

  it('shows one guide after the new-password field and follows typing rule by rule', async () => {
    const f = getFixture('enej-change-password');
    const page = await h.newPage(f.url);
    await page.waitForSelector(`${G}[data-rule="length"]`);
    expect(await guideCount(page)).toBe(1);
    if (SHOTS) await shotViewport(page);
    // Anchored after the new field's wrapper, before the confirmation: it never covers the site's controls.
    const order = await page.evaluate(() => {
      const host = document.querySelector('sesame-guide') as Element;
      const pos = (sel: string) =>
        host.compareDocumentPosition(document.querySelector(sel) as Element) &
        Node.DOCUMENT_POSITION_FOLLOWING;
      return { newBefore: pos('#nouveauMdp') === 0, confirmAfter: pos('#confirmationMdp') !== 0 };
    });
    expect(order).toEqual({ newBefore: true, confirmAfter: true });
    expect(await states(page)).toEqual({
      length: 'missing',
      upper: 'missing',
      lower: 'missing',
      digit: 'missing',
      special: 'missing',
      allowed: 'ok',
      confirm: 'missing',
    });
    if (SHOTS) {
      mkdirSync('docs', { recursive: true });
      await page.screenshot('docs/guide-empty.png');
    }

    await page.type('#nouveauMdp', 'a');
    await page.waitFor(async () => (await states(page)).lower === 'ok', 5000, 'lower ok');
    await page.type('#nouveauMdp', 'B');
    await page.waitFor(async () => (await states(page)).upper === 'ok', 5000, 'upper ok');
    await page.type('#nouveauMdp', '3');
    await page.waitFor(async () => (await states(page)).digit === 'ok', 5000, 'digit ok');
    if (SHOTS) {
      await waitStrength(page);
      await page.screenshot('docs/guide-halfway.png');
    }
    await page.type('#nouveauMdp', '!');
    await page.waitFor(async () => (await states(page)).special === 'ok', 5000, 'special ok');
    expect((await states(page)).length).toBe('missing');
    await page.type('#nouveauMdp', 'xyzw');
    await page.waitFor(async () => (await states(page)).length === 'ok', 5000, 'length ok');

    // …and back: refused characters, each named.
    for (const bad of ['é', ' ', '?']) {
      await page.type('#nouveauMdp', bad);
      await page.waitFor(async () => (await states(page)).allowed === 'missing', 5000, `refused ${bad}`);
      await page.press('Backspace');
      await page.waitFor(
        async () => (await states(page)).allowed === 'ok',
        5000,
        `allowed again after ${bad}`,
      );
    }
    await page.type('#nouveauMdp', 'é ?');
    await page.waitFor(
      async () => (await page.queryAll(`${G}[data-refused]`)).length === 3,
      5000,
      '3 refused',
    );
    const refused = (await page.queryAll(`${G}[data-refused]`)).map((r) => r.attributes['data-refused']);
    expect(refused).toEqual(['accent', 'space', 'not-in-list']);

    // Rules go back to missing when their character is removed.
    await clear(page, '#nouveauMdp');
    await page.type('#nouveauMdp', 'abcdefgh');
    await page.waitFor(async () => (await states(page)).upper === 'missing', 5000, 'upper missing again');
    expect((await states(page)).digit).toBe('missing');
    await page.close();
  });

  it("draws the guide's first frame at once on ENEJ, and the UI takes it over unchanged", async () => {
    const { page, record } = await openProbed(h, 'enej-change-password');
    expect(record.first).not.toBeNull();
    expect(record.first).toContain('data-rule="confirm"');
    // Same markup, same host: the family sees no change when the UI arrives, only that it now answers.
    expect(record.taken).toBe(record.first);
    expect(record.hosts).toBe(1);
    expect(await guideCount(page)).toBe(1);
    await page.type('#nouveauMdp', 'a');
    await waitRule(page, 'lower', 'ok');
    await page.close();
  });

  it('draws no first frame where the page states other rules; the guide comes with its UI', async () => {
    const { page, record } = await openProbed(h, 'custom-policy-12');
    expect(record.first).toBeNull();
    expect(record.taken).toContain('12');
    expect(record.hosts).toBe(1);
    await page.close();
  });

  it('warns when Caps Lock is on and when the new password repeats the current one', async () => {
    const page = await h.newPage(getFixture('enej-change-password').url);
    await page.waitForSelector(`${G}[data-rule="length"]`);
    expect(await page.guide('[data-warning="capslock"]')).toBeNull();
    // Neither headless browser can switch the real lock on (tests/e2e/README.md), so this key event
    // carries the CapsLock modifier state itself; the guide reads exactly that state from key events.
    // Pressed again until seen: the first press may land while the guide is still attaching to the field.
    await page
      .waitFor(
        async () => {
          await page.pressWithCapsLock('#nouveauMdp', 'A');
          return (await page.guide('[data-warning="capslock"]')) !== null;
        },
        10_000,
        'caps lock warning',
      )
      .catch(async (error: Error) => {
        const seen = await page.evaluate(() => ({
          guides: document.querySelectorAll('sesame-guide').length,
          text: document.querySelector('sesame-guide')?.shadowRoot?.textContent?.slice(0, 300) ?? null,
          focused: document.activeElement?.id ?? null,
        }));
        throw new Error(`${error.message}; page: ${JSON.stringify(seen)}`);
      });
    // A real key press with the lock off clears the warning.
    await page.type('#nouveauMdp', 'b');
    await page.waitFor(async () => (await page.guide('[data-warning="capslock"]')) === null, 5000, 'no caps');

    expect(await page.guide('[data-warning="same-as-current"]')).toBeNull();
    await page.type('#ancienMdp', 'Provisoire-2024');
    await page.fill('#nouveauMdp', '');
    await page.type('#nouveauMdp', 'Provisoire-2024');
    await page.waitForSelector(`${G}[data-warning="same-as-current"]`, 5000);
    await page.type('#nouveauMdp', '!');
    await page.waitFor(
      async () => (await page.guide('[data-warning="same-as-current"]')) === null,
      5000,
      'different from the current one',
    );
    await page.close();
  });

  it('rates "Azerty123!" weak although it meets every rule, and checks the confirmation', async () => {
    const page = await h.newPage(getFixture('enej-change-password').url);
    await page.waitForSelector(`${G}[data-strength]`);
    expect((await page.guide('[data-strength]'))?.attributes['data-strength']).toBe('');
    await page.type('#nouveauMdp', 'Azerty123!');
    await page.waitFor(
      async () => ((await page.guide('[data-strength]'))?.attributes['data-strength'] ?? '') !== '',
      15_000,
      'strength computed',
    );
    const s = await states(page);
    expect(s).toMatchObject({
      length: 'ok',
      upper: 'ok',
      lower: 'ok',
      digit: 'ok',
      special: 'ok',
      allowed: 'ok',
    });
    expect(Number((await page.guide('[data-strength]'))?.attributes['data-strength'])).toBeLessThanOrEqual(1);
    await page.type('#confirmationMdp', 'Azerty123');
    await page.waitFor(async () => (await states(page)).confirm === 'missing', 5000, 'confirm missing');
    await page.type('#confirmationMdp', '!');
    await page.waitFor(async () => (await states(page)).confirm === 'ok', 5000, 'confirm ok');
    if (SHOTS) {
      await shotViewport(page);
      await page.screenshot('docs/guide-all-met.png');
    }
    expect(await page.guide('[data-done]')).not.toBeNull();
    await page.close();
  });

  it('generates, fills both fields so the page accepts them, then steps aside at success', async () => {
    const page = await h.newPage(getFixture('enej-change-password').url);
    await page.waitForSelector(`${G}[data-action="generate"]`);
    await page.type('#ancienMdp', 'Provisoire-2024');
    await page.click(`${G}[data-action="generate"]`);
    await page.waitForSelector(`${G}[data-generated]`);
    const filled = await page.evaluate(() => ({
      n: (document.getElementById('nouveauMdp') as HTMLInputElement).value,
      c: (document.getElementById('confirmationMdp') as HTMLInputElement).value,
      disabled: (document.getElementById('boutonSuivant') as HTMLButtonElement).disabled,
    }));
    expect(filled.n.length).toBeGreaterThanOrEqual(8);
    expect(filled.c).toBe(filled.n);
    expect(filled.disabled).toBe(false);
    expect((await page.guide('[data-generated]'))?.text).toContain(filled.n);
    expect(Object.values(await states(page)).every((v) => v === 'ok')).toBe(true);
    if (SHOTS) {
      await shotViewport(page);
      await waitStrength(page);
      await page.screenshot('docs/guide-generated.png');
    }

    await page.click('#boutonSuivant');
    await page.waitForSelector(`${G}[data-card="success"]`);
    expect(await page.guide('[data-rule]')).toBeNull();
    expect(await guideCount(page)).toBe(1);
    const submitted = await page.evaluate(
      () => (window as unknown as { __fixture: { submitted: Record<string, string> } }).__fixture.submitted,
    );
    // The extension adds, renames and removes nothing: exactly the page's own three fields.
    expect(Object.keys(submitted).sort()).toEqual(['ancienMdp', 'confirmationMdp', 'nouveauMdp']);
    expect(submitted.nouveauMdp).toBe(filled.n);
    await page.click(`${G}[data-action="close"]`);
    await page.waitFor(async () => (await guideCount(page)) === 0, 5000, 'success card closed');
    await page.close();
  });

  it('ignores a generate click that is not a real user gesture', async () => {
    const page = await h.newPage(getFixture('enej-change-password').url);
    await page.waitForSelector(`${G}[data-action="generate"]`);
    await page.evaluate(() => {
      const host = document.querySelector('sesame-guide') as Element;
      (host.shadowRoot as ShadowRoot).querySelector<HTMLButtonElement>('[data-action="generate"]')?.click();
    });
    await new Promise((r) => setTimeout(r, 300));
    expect(await page.guide('[data-generated]')).toBeNull();
    expect(await page.evaluate(() => (document.getElementById('nouveauMdp') as HTMLInputElement).value)).toBe(
      '',
    );
    await page.close();
  });

  it('follows a multi-step form and a form inserted later', async () => {
    const multi = await h.newPage(getFixture('multi-step').url);
    await new Promise((r) => setTimeout(r, 300));
    expect(await guideCount(multi)).toBe(0);
    await multi.type('#mdpActuel', 'Provisoire-2024');
    await multi.click('#versEtape2');
    await multi.waitForSelector(`${G}[data-rule="length"]`);
    await multi.type('#mdpNouveau', 'Velo-Rouge-42!');
    await multi.type('#mdpConfirmation', 'Velo-Rouge-42!');
    await multi.waitFor(async () => (await states(multi)).confirm === 'ok', 5000, 'confirm ok');
    await multi.click('#valider');
    await multi.waitForSelector(`${G}[data-card="success"]`);
    expect(await guideCount(multi)).toBe(1);
    await multi.close();

    const later = await h.newPage(getFixture('inserted-later').url);
    await later.waitForSelector(`${G}[data-rule="length"]`, 5000);
    expect(await guideCount(later)).toBe(1);
    await later.close();
  });

  it('keeps exactly one guide when the page replaces its form again and again', async () => {
    const page = await h.newPage(getFixture('enej-change-password').url);
    await page.waitForSelector(`${G}[data-rule="length"]`);
    for (let i = 0; i < 5; i++) {
      await page.evaluate(() => {
        const form = document.getElementById('formulaireChangement') as HTMLFormElement;
        for (const host of form.querySelectorAll('sesame-guide')) host.remove();
        form.replaceWith(form.cloneNode(true));
      });
      await page.waitFor(
        async () =>
          page.evaluate(() => {
            const host = document.querySelector('sesame-guide');
            return (
              host !== null &&
              (document.getElementById('nouveauMdp')?.compareDocumentPosition(host) ?? 0) === 4
            );
          }),
        5000,
        `guide back after replacement ${i}`,
      );
      await new Promise((r) => setTimeout(r, 100));
      expect(await guideCount(page)).toBe(1);
    }
    await page.type('#nouveauMdp', 'A');
    await page.waitFor(async () => (await states(page)).upper === 'ok', 5000, 'new field followed');
    await page.close();
  });

  it('is styled and rates strength under a strict CSP', async () => {
    const page = await h.newPage(getFixture('strict-csp').url);
    await page.waitForSelector(`${G}[data-rule="length"]`);
    const look = await page.evaluate(() => {
      const host = document.querySelector('sesame-guide') as Element;
      const section = host.shadowRoot?.querySelector('.guide') as HTMLElement;
      const cs = getComputedStyle(section);
      return { border: cs.borderTopWidth, radius: cs.borderTopLeftRadius, bg: cs.backgroundColor };
    });
    expect(look).toEqual({ border: '2px', radius: '8px', bg: 'rgb(244, 247, 251)' });
    // The fixture's own `data:` favicon is refused too; only a refused style would be ours.
    expect(page.consoleMessages.filter((m) => /style-src/.test(m.text))).toEqual([]);
    // The meter too: its script and its word lists (a data file it fetches) come from the extension, which
    // the page's `default-src 'none'` does not govern.
    await page.type('#csp-nouveau', 'Azerty123!');
    await page.waitFor(
      async () => ((await page.guide('[data-strength]'))?.attributes['data-strength'] ?? '') !== '',
      15_000,
      'strength computed under a strict CSP',
    );
    expect(Number((await page.guide('[data-strength]'))?.attributes['data-strength'])).toBeLessThanOrEqual(1);
    await page.close();
  });

  it('stays away from the mire, the sign-in page and pages outside ENEJ', async () => {
    for (const fixture of ['mire', 'keycloak-login', 'outside-enej-change-password']) {
      const page = await h.newPage(getFixture(fixture).url);
      await new Promise((r) => setTimeout(r, 400));
      expect(await guideCount(page), fixture).toBe(0);
      await page.close();
    }
  });

  it('passes an axe scan', async () => {
    const page = await h.newPage(getFixture('enej-change-password').url);
    await page.waitForSelector(`${G}[data-action="generate"]`);
    await page.type('#nouveauMdp', 'é?a');
    await page.waitFor(async () => (await states(page)).allowed === 'missing', 5000, 'refused shown');
    // The whole shadow tree, from its `<html>` (WXT's isolated element), which must carry the language of the
    // catalog served, as the popup's does (html-has-lang).
    const violations = await axe(page, 'sesame-guide >>> html');
    expect(violations, formatViolations(violations)).toEqual([]);
    expect((await page.guide('html'))?.attributes.lang).toBe('fr');
    await page.close();
  });

  it('made no request outside the extension', () => {
    // Every page request was a served fixture; nothing of ours left the browser.
    expect(h.requests.filter((r) => r.fromExtension && r.outcome !== 'internal')).toEqual([]);
    expect(h.blocked().filter((r) => !r.url.endsWith('favicon.ico'))).toEqual([]);
  });
});
