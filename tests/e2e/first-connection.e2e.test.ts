import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { getFixture } from '../fixtures';
import { BROWSERS, type Harness, type HPage, launch, sleep } from './harness';
import { G, guideCount, guideRightAfter, serveFixtures, states } from './support/guide';

// Issue 10, part 2: the pages a family meets before or instead of "Changement du mot de passe".
const POSITIVES = ['enej-first-connection', 'enej-reset-password', 'keycloak-reset-update-password'] as const;
const NEGATIVES = [
  'keycloak-login',
  'keycloak-reauth',
  'reauth-current-only',
  'keycloak-reset-password',
  'enej-forgot-identifier',
  'enej-first-connection-signin',
] as const;

/** What the content script in the tab behind the popup concluded (`none`, `change-password`…). */
async function pageStateSeenByPopup(h: Harness, page: HPage): Promise<string> {
  await page.bringToFront();
  const popup = await h.openExtensionPage('popup.html');
  try {
    await popup.waitFor(
      async () =>
        !['checking', undefined].includes(
          (await popup.query('.popup__page'))?.attributes['data-page-state'] ?? undefined,
        ),
      10_000,
      'popup asked the page',
    );
    return (await popup.query('.popup__page'))?.attributes['data-page-state'] ?? '';
  } finally {
    await popup.close().catch(() => {});
  }
}

describe.each(BROWSERS)('first connection and forgotten password — %s', (name) => {
  let h: Harness;
  let baseline = new Set<HPage>();

  beforeAll(async () => {
    h = await launch(name, { locale: 'fr' });
    serveFixtures(h, [...POSITIVES, ...NEGATIVES]);
    baseline = new Set(h.pages());
  });

  afterAll(async () => {
    await h?.close();
  });

  afterEach(async () => {
    for (const page of h?.pages() ?? []) if (!baseline.has(page)) await page.close().catch(() => {});
  });

  it.each(POSITIVES)('%s: the guide appears right after the new-password field', async (fixture) => {
    const f = getFixture(fixture);
    const page = await h.newPage(f.url);
    await page.waitForSelector(`${G}[data-rule="length"]`, 15_000);
    expect(await guideCount(page)).toBe(1);
    expect(await guideRightAfter(page, f.expect.newPassword as string)).toBe(true);
    // It follows the new field, and the confirmation is the one the page has.
    await page.type(f.expect.newPassword as string, 'Velo-Rouge-42!');
    await page.waitFor(async () => (await states(page)).length === 'ok', 5000, 'length ok');
    await page.type(f.expect.confirm as string, 'Velo-Rouge-42!');
    await page.waitFor(async () => (await states(page)).confirm === 'ok', 5000, 'confirmation ok');
    await page.close();
  });

  it.each(NEGATIVES)('%s: no guide, and the content script says so', async (fixture) => {
    const page = await h.newPage(getFixture(fixture).url);
    // The script ran and answered: the popup shows what it concluded.
    expect(await pageStateSeenByPopup(h, page)).toBe('none');
    await sleep(300);
    expect(await guideCount(page)).toBe(0);
    await page.close();
  });

  it('made no request outside the extension', () => {
    expect(h.requests.filter((r) => r.fromExtension && r.outcome !== 'internal')).toEqual([]);
    expect(h.blocked().filter((r) => !r.url.endsWith('favicon.ico'))).toEqual([]);
  });
});
