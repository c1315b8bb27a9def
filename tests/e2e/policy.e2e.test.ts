import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENEJ_PROFILE, isCompliant } from '../../lib/rules';
import { getFixture } from '../fixtures';
import { BROWSERS, type Harness, type HPage, launch, sleep } from './harness';
import {
  G,
  guideCount,
  guideRightAfter,
  openPopupFor,
  ruleText,
  serveFixtures,
  states,
  waitRule,
} from './support/guide';

/** Pages where the guide must attach, and the step (if any) that reveals the form. */
const ATTACHES: { name: string; reveal?: string }[] = [
  { name: 'keycloak-update-password' },
  { name: 'keycloak-v2-update-password' },
  { name: 'lemonldap-password' },
  { name: 'ent-ng-force-change' },
  { name: 'placeholders-only' },
  { name: 'english' },
  { name: 'spa-pushstate', reveal: '#seConnecter' },
];
const STAYS_AWAY = ['reauth-current-only', 'messagerie'];

type Verdict = { accepted: boolean; submitted: Record<string, string> } | undefined;
const verdict = (page: HPage) =>
  page.evaluate(() => (window as unknown as { __fixture?: Verdict }).__fixture);

/** A real click on "Générer"; returns what it put in the new-password field, shown in the guide too. */
async function generate(page: HPage, field: string): Promise<string> {
  await page.click(`${G}[data-action="generate"]`);
  await page.waitForSelector(`${G}[data-generated]`);
  const password = (await page.query(field))?.value ?? '';
  expect((await page.guide('[data-generated]'))?.text).toContain(password);
  return password;
}

describe.each(BROWSERS)('policy — %s', (name) => {
  let h: Harness;

  beforeAll(async () => {
    h = await launch(name, { locale: 'fr' });
    serveFixtures(h, [
      'custom-policy-12',
      'passwordrules-attr',
      'pronote-rules',
      'ent-ng-pattern',
      'enej-change-password',
      'outside-enej-change-password',
      ...ATTACHES.map((a) => a.name),
      ...STAYS_AWAY,
    ]);
  });

  afterAll(async () => {
    await h?.close();
  });

  it("follows the page's printed criteria: 12 characters, 2 digits, its own specials", async () => {
    const page = await h.newPage(getFixture('custom-policy-12').url);
    await page.waitForSelector(`${G}[data-rule="length"]`);
    expect((await page.guide('.guide__intro'))?.text).toContain('cette page');
    expect(await ruleText(page, 'length')).toContain('12');
    expect(await ruleText(page, 'special')).toContain('! ? # @');

    // Enough for ENEJ, not for this page.
    const enejOk = 'Velo#rou1';
    expect(isCompliant(enejOk, ENEJ_PROFILE)).toBe(true);
    await page.type('#mdp-nouveau', enejOk);
    await waitRule(page, 'special', 'ok');
    expect(await states(page)).toMatchObject({
      length: 'missing',
      upper: 'ok',
      lower: 'ok',
      digit: 'missing',
      allowed: 'ok',
    });
    expect(await ruleText(page, 'length')).toContain('encore 3');

    // `$` is in ENEJ's list but not in this page's.
    await page.type('#mdp-nouveau', '$');
    await waitRule(page, 'allowed', 'missing');
    const refused = await page.queryAll(`${G}[data-refused]`);
    expect(refused.map((r) => r.attributes['data-refused'])).toEqual(['not-in-list']);
    expect(refused[0]?.text).toContain('« $ »');
    await page.close();
  });

  it('generates a password that the custom page itself accepts', async () => {
    const page = await h.newPage(getFixture('custom-policy-12').url);
    await page.waitForSelector(`${G}[data-action="generate"]`);
    await page.type('#mdp-actuel', 'Provisoire-2024');
    const password = await generate(page, '#mdp-nouveau');
    expect(password.length).toBeGreaterThanOrEqual(12);
    expect(password).toMatch(/^[A-Za-z0-9!?#@]+$/);
    expect((await page.query('#mdp-nouveau'))?.value).toBe(password);
    expect((await page.query('#mdp-confirmation'))?.value).toBe(password);
    expect(Object.values(await states(page)).every((s) => s === 'ok')).toBe(true);
    await page.click('button[type="submit"]');
    await page.waitFor(async () => (await verdict(page)) !== undefined, 5000, 'page verdict');
    expect((await verdict(page))?.accepted).toBe(true);
    await page.close();
  });

  it('reads the passwordrules attribute: its minimum, its specials, and generates within them', async () => {
    const page = await h.newPage(getFixture('passwordrules-attr').url);
    await page.waitForSelector(`${G}[data-rule="length"]`);
    expect(await ruleText(page, 'length')).toContain('10');
    // The attribute's class `[-!@#$%&*_+=]`: no ^ ~ ` unlike ENEJ's list.
    const special = await ruleText(page, 'special');
    expect(special).toContain('@');
    expect(special).not.toContain('^');
    expect(special).not.toContain('~');

    await page.type('#np', 'Velo#rou1');
    await waitRule(page, 'special', 'ok');
    expect((await states(page)).length).toBe('missing');
    await page.type('#np', '^');
    await waitRule(page, 'allowed', 'missing');
    expect((await page.guide('[data-refused]'))?.attributes['data-refused']).toBe('not-in-list');

    await page.fill('#np', '');
    const password = await generate(page, '#np');
    expect(password.length).toBeGreaterThanOrEqual(10);
    expect(password).toMatch(/^[A-Za-z0-9!@#$%&*_+=-]+$/);
    expect((await page.query('#npc'))?.value).toBe(password);
    await page.click('button[type="submit"]');
    await page.waitFor(async () => (await verdict(page)) !== undefined, 5000, 'page verdict');
    expect((await verdict(page))?.accepted).toBe(true);
    await page.close();
  });

  const source = async (page: HPage) => (await page.guide('[data-testid="rules-source"]'))?.text ?? '';

  it("applies Pronote's rule list: 12 to 32 characters, a letter, any non-alphanumeric special, '?' accepted", async () => {
    const page = await h.newPage(getFixture('pronote-rules').url);
    await page.waitForSelector(`${G}[data-rule="length"]`);
    expect(await source(page)).toContain('règles lues sur cette page');
    expect(await ruleText(page, 'length')).toContain('12');
    expect(await ruleText(page, 'letter')).toContain('lettre');
    expect(await ruleText(page, 'special')).toContain('ni lettre, ni chiffre');

    // ENEJ would refuse "?"; Pronote counts it as its special character.
    await page.type('#id_mdp_nouveau', 'Velo?rouge42');
    await waitRule(page, 'length', 'ok');
    // Every rule of the page is met; only the (still empty) confirmation is missing.
    const { confirm, ...rules } = await states(page);
    expect(confirm).toBe('missing');
    expect(Object.values(rules).every((s) => s === 'ok')).toBe(true);
    expect(await page.queryAll(`${G}[data-refused]`)).toEqual([]);

    // 33 characters: one too many.
    await page.type('#id_mdp_nouveau', 'x'.repeat(21));
    await waitRule(page, 'length', 'missing');
    expect(await ruleText(page, 'length')).toContain('1 de trop');

    await page.fill('#id_mdp_nouveau', '');
    const password = await generate(page, '#id_mdp_nouveau');
    expect([...password].length).toBeGreaterThanOrEqual(12);
    expect([...password].length).toBeLessThanOrEqual(32);
    expect((await page.query('#id_mdp_confirmation'))?.value).toBe(password);
    expect(Object.values(await states(page)).every((s) => s === 'ok')).toBe(true);
    await page.type('#id_mdp_actuel', 'Provisoire-2024');
    await page.click('button[type="submit"]');
    await page.waitFor(async () => (await verdict(page)) !== undefined, 5000, 'page verdict');
    expect((await verdict(page))?.accepted).toBe(true);
    await page.close();
  });

  it("follows entcore's ng-pattern on password/confirmPassword, ignores oldPassword, and fills within 10–24", async () => {
    const page = await h.newPage(getFixture('ent-ng-pattern').url);
    await page.waitForSelector(`${G}[data-rule="length"]`);
    expect(await guideRightAfter(page, 'input[name="password"]')).toBe(true);
    expect(await source(page)).toContain('règles lues sur cette page');
    // The regex (10) wins over entcore's default text (8).
    expect(await ruleText(page, 'length')).toContain('10');

    await page.type('input[name="oldPassword"]', 'Provisoire');
    await sleep(200);
    expect((await states(page)).length).toBe('missing');

    const password = await generate(page, 'input[name="password"]');
    expect([...password].length).toBeGreaterThanOrEqual(10);
    expect([...password].length).toBeLessThanOrEqual(24);
    expect((await page.query('input[name="confirmPassword"]'))?.value).toBe(password);
    expect((await page.query('input[name="oldPassword"]'))?.value).toBe('Provisoire');
    expect(Object.values(await states(page)).every((s) => s === 'ok')).toBe(true);
    await page.click('button[type="submit"]');
    await page.waitFor(async () => (await verdict(page)) !== undefined, 5000, 'page verdict');
    expect((await verdict(page))?.accepted).toBe(true);
    expect((await verdict(page))?.submitted.password).toBe(password);
    await page.close();
  });

  it("says ENEJ's rules on ENEJ, and the usual rules on a page elsewhere that shows none", async () => {
    const enej = await h.newPage(getFixture('enej-change-password').url);
    await enej.waitForSelector(`${G}[data-testid="rules-source"]`);
    expect(await source(enej)).toContain("règles d'ENEJ");
    await enej.close();

    const outside = await h.newPage(getFixture('outside-enej-change-password').url);
    const popup = await openPopupFor(h, outside);
    await popup.waitForSelector('[data-action="guide"]', 10_000);
    await popup.click('[data-action="guide"]');
    await outside.waitForSelector(`${G}[data-testid="rules-source"]`, 10_000);
    expect(await source(outside)).toContain("règles habituelles (cette page n'en affiche pas)");
    await popup.close().catch(() => {});
    await outside.close();
  });

  for (const { name: fixture, reveal } of ATTACHES) {
    it(`attaches exactly one guide right after the new field: ${fixture}`, async () => {
      const f = getFixture(fixture);
      const page = await h.newPage(f.url);
      if (reveal) {
        await sleep(200);
        expect(await guideCount(page)).toBe(0);
        await page.click(reveal);
      }
      await page.waitForSelector(`${G}[data-rule="length"]`);
      const field = f.steps?.at(-1)?.expect.newPassword ?? f.expect.newPassword;
      expect(field).toBeDefined();
      expect(await guideRightAfter(page, field as string)).toBe(true);
      // Give a late second mount the time to show up.
      await sleep(300);
      expect(await guideCount(page)).toBe(1);
      await page.type(field as string, 'A');
      await waitRule(page, 'upper', 'ok');
      await page.close();
    });
  }

  it('stays away from a re-authentication page and the messagerie', async () => {
    for (const fixture of STAYS_AWAY) {
      const page = await h.newPage(getFixture(fixture).url);
      await sleep(500);
      expect(await guideCount(page), fixture).toBe(0);
      await page.close();
    }
  });

  it('made no request outside the extension', () => {
    expect(h.requests.filter((r) => r.fromExtension && r.outcome !== 'internal')).toEqual([]);
    expect(h.blocked().filter((r) => !r.url.endsWith('/favicon.ico'))).toEqual([]);
  });
});
