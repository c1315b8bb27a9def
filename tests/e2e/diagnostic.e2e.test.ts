import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { getFixture, readFixture } from '../fixtures';
import { BROWSERS, type Harness, type HPage, launch } from './harness';
import { guideCount, openPopupFor, serveFixtures } from './support/guide';

// Issue 10, part 4: "Copier un diagnostic" where the guide did not appear.
const REAUTH = getFixture('keycloak-reauth');
const TYPED = 'Secret-Tape-91!';
/** A page outside ENEJ without any change form, reached by the popup's "Aider sur cette page". */
const OUTSIDE_URL = 'https://compte.exemple-portail.fr/connexion/etape?session=Zq81-private&retour=%2Fprofil';

async function waitPageChecked(popup: HPage): Promise<string> {
  await popup.waitFor(
    async () =>
      !['checking', undefined].includes((await popup.query('.popup__page'))?.attributes['data-page-state']),
    10_000,
    'popup asked the page',
  );
  return (await popup.query('.popup__page'))?.attributes['data-page-state'] ?? '';
}

async function readDiagnostic(popup: HPage): Promise<string> {
  await popup.waitForSelector('[data-action="copy-diagnostic"]', 10_000);
  await popup.click('[data-action="copy-diagnostic"]');
  await popup.waitForSelector('[data-testid="diagnostic"]', 10_000);
  await popup.waitFor(
    async () => (await popup.query('[data-diagnostic-notice]')) !== null,
    5000,
    'copy outcome',
  );
  // The exact text, newlines included (the harness collapses spaces in `text`).
  return popup.evaluate(
    () => document.querySelector<HTMLTextAreaElement>('[data-testid="diagnostic"]')?.value ?? '',
  );
}

describe.each(BROWSERS)('page diagnostic — %s', (name) => {
  let h: Harness;
  let baseline = new Set<HPage>();

  beforeAll(async () => {
    h = await launch(name, { locale: 'fr' });
    serveFixtures(h, ['keycloak-reauth', 'enej-change-password']);
    h.route(
      (url) => url.startsWith('https://compte.exemple-portail.fr/'),
      () => ({ body: readFixture('keycloak-login') }),
    );
    baseline = new Set(h.pages());
  });

  afterAll(async () => {
    await h?.close();
  });

  afterEach(async () => {
    for (const page of h?.pages() ?? []) if (!baseline.has(page)) await page.close().catch(() => {});
  });

  it('on an ENEJ page without the guide: page structure and verdict, never what was typed', async () => {
    const page = await h.newPage(REAUTH.url);
    await page.type('#password', TYPED);
    expect(await guideCount(page)).toBe(0);
    await page.bringToFront();
    const popup = await h.openExtensionPage('popup.html');
    expect(await waitPageChecked(popup)).toBe('none');
    const text = await readDiagnostic(popup);

    expect(text).toContain('host: connect.enej.lavienne86.fr');
    expect(text).toContain('path: /auth/realms/enej/protocol/openid-connect/auth\n');
    expect(text).toContain('detection: none');
    expect(text).toContain('rejected: single field without new-password evidence');
    expect(text).toContain(
      'input type=password name="password" id="password" autocomplete="on" label="Mot de passe"',
    );
    expect(text).toContain('buttons: "Connexion"');
    expect(text).toContain('h1: "Connectez-vous à votre compte"');
    // The password really is in the field, and nowhere in the report; nor the query string.
    expect((await page.query('#password'))?.value).toBe(TYPED);
    expect(text).not.toContain(TYPED);
    for (const part of ['client_id', 'enej-portail', 'prompt=login', 'max_age', '?']) {
      expect(text, part).not.toContain(part);
    }
    const notice = (await popup.query('[data-diagnostic-notice]'))?.attributes['data-diagnostic-notice'];
    expect(['popup_diagnostic_copied', 'popup_diagnostic_copy_failed']).toContain(notice);
  });

  it('is not offered where the guide is', async () => {
    const page = await h.newPage(getFixture('enej-change-password').url);
    await page.waitForSelector('sesame-guide', 15_000);
    await page.bringToFront();
    const popup = await h.openExtensionPage('popup.html');
    expect(await waitPageChecked(popup)).toBe('change-password');
    expect(await popup.query('[data-action="copy-diagnostic"]')).toBeNull();
  });

  it('outside ENEJ, after "Aider sur cette page" found nothing', async () => {
    const page = await h.newPage(OUTSIDE_URL);
    await page.type('#username', 'lea.martin12');
    await page.type('#password', TYPED);
    const popup = await openPopupFor(h, page);
    await popup.waitForSelector('[data-action="guide"]', 10_000);
    expect(await popup.query('[data-action="copy-diagnostic"]')).toBeNull();
    await popup.click('[data-action="guide"]');
    await popup.waitFor(
      async () => (await popup.query('.popup__page [data-notice]')) !== null,
      10_000,
      'guide outcome',
    );
    expect((await popup.query('.popup__page [data-notice]'))?.attributes['data-notice']).toBe(
      'popup_guide_no_form',
    );
    const text = await readDiagnostic(popup);
    expect(text).toContain('host: compte.exemple-portail.fr');
    expect(text).toContain('path: /connexion/etape\n');
    expect(text).toContain(
      'form#kc-form-login method=post action=/auth/realms/enej/login-actions/authenticate',
    );
    for (const secret of [TYPED, 'lea.martin12', 'Zq81-private', 'session=', 'profil', 'session_code']) {
      expect(text, secret).not.toContain(secret);
    }
    await popup.close().catch(() => {});
  });

  it('made no request outside the extension', () => {
    expect(h.requests.filter((r) => r.fromExtension && r.outcome !== 'internal')).toEqual([]);
    expect(h.blocked().filter((r) => !r.url.endsWith('favicon.ico'))).toEqual([]);
  });
});
