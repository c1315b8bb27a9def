import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXTRA_LANGS, type ExtraLang, translatorFromCatalog } from '../../lib/i18n/catalog';
import { loadCatalog } from '../../lib/i18n/load-catalog';
import { ENEJ_PROFILE, isCompliant } from '../../lib/rules';
import { getFixture } from '../fixtures';
import { axe, BROWSERS, formatViolations, type Harness, type HPage, launch } from './harness';
import { G, serveFixtures, shownPassword, states } from './support/guide';

// The browser in the family's language serves that catalog (issue 11): `<html lang>`, the text, and for
// Arabic a right-to-left popup and guide in which the password itself still reads left to right.
const CATALOG = loadCatalog(resolve(__dirname, '../../locales'));
const tr = (lang: ExtraLang) => translatorFromCatalog(CATALOG, lang);
const ENEJ = getFixture('enej-change-password');
const MEMORABLE = /^([A-Z][a-z]{2,7}-){4}[1-9][0-9]{2}$/;

async function resize(page: HPage, width: number, height: number): Promise<void> {
  // Playwright and Puppeteer name the same call differently.
  const raw = page.raw as {
    setViewportSize?(s: { width: number; height: number }): Promise<void>;
    setViewport?(s: { width: number; height: number }): Promise<void>;
  };
  await (raw.setViewportSize ? raw.setViewportSize({ width, height }) : raw.setViewport?.({ width, height }));
}

/** What a reader of the popup sees of its language and direction. */
function popupFacts(popup: HPage) {
  return popup.evaluate(() => {
    const password = document.querySelector('[data-testid="password"]') as HTMLElement;
    return {
      lang: document.documentElement.lang,
      dir: document.documentElement.dir,
      bodyDirection: getComputedStyle(document.body).direction,
      passwordDirection: getComputedStyle(password).direction,
      generate: document.querySelector('[data-action="generate"]')?.textContent ?? '',
      checklist: document.querySelector('.sesame-checklist')?.textContent ?? '',
      title: document.title,
    };
  });
}

/** The guide's language, direction, and whether anything in it sticks out sideways. */
function guideFacts(page: HPage) {
  return page.evaluate(() => {
    const root = document.querySelector('sesame-guide')?.shadowRoot;
    const section = root?.querySelector('section.guide') as HTMLElement;
    const password = root?.querySelector('[data-testid="password"]') as HTMLElement | null;
    const box = section.getBoundingClientRect();
    const outside = [...section.querySelectorAll('*')].filter((el) => {
      const r = el.getBoundingClientRect();
      return r.width > 0 && (r.left < box.left - 1 || r.right > box.right + 1);
    }).length;
    return {
      lang: section.getAttribute('lang'),
      dir: section.getAttribute('dir'),
      direction: getComputedStyle(section).direction,
      title: root?.querySelector('.guide__title')?.textContent ?? '',
      intro: root?.querySelector('.guide__intro')?.textContent ?? '',
      password: password?.textContent ?? null,
      passwordDirection: password ? getComputedStyle(password).direction : null,
      overflow: section.scrollWidth - section.clientWidth,
      outside,
    };
  });
}

// Every language in Chromium, whose one `chromium-l10n` package carries them all. Firefox needs one langpack
// per language and costs ~3 s a launch: it runs Arabic (the right-to-left case) and Portuguese, which keeps
// the suite inside npm test's 15-minute budget on a loaded machine; the catalogs are the same files.
const LANGS_BY_BROWSER: Record<string, readonly ExtraLang[]> = {
  chromium: EXTRA_LANGS,
  firefox: ['ar', 'pt'],
};

describe.each(BROWSERS)('languages — %s', (name) => {
  describe.each(LANGS_BY_BROWSER[name] ?? [])('browser in %s', (lang) => {
    let h: Harness;
    const t = tr(lang);
    const rtl = lang === 'ar';

    beforeAll(async () => {
      h = await launch(name, { locale: lang });
      serveFixtures(h, ['enej-change-password']);
    });

    afterAll(async () => {
      await h?.close();
    });

    it('serves the popup in that language', async () => {
      const popup = await h.openExtensionPage('popup.html');
      const password = await shownPassword(popup);
      expect(password).toMatch(MEMORABLE);
      expect(isCompliant(password, ENEJ_PROFILE)).toBe(true);
      const facts = await popupFacts(popup);
      expect(facts.lang).toBe(lang);
      expect(facts.generate).toBe(t('popup_generate'));
      expect(facts.title).toBe(t('popup_title'));
      // The printed card is part of the page (shown by the print style sheet), in the same language.
      expect((await popup.waitForSelector('[data-testid="print-card"] h1')).text).toBe(t('print_title'));
      // ENEJ's own French word stays beside the translation: the parent matches it to the page.
      expect(facts.checklist).toContain('majuscule');
      expect(facts.checklist).toContain(t('rule_allowed_ok'));
      expect(facts.dir).toBe(rtl ? 'rtl' : 'ltr');
      expect(facts.bodyDirection).toBe(rtl ? 'rtl' : 'ltr');
      expect(facts.passwordDirection).toBe('ltr');
      expect(popup.consoleMessages.filter((m) => m.type === 'error' || m.type === 'pageerror')).toEqual([]);
      await popup.close();
    });

    it('guides on the ENEJ page in that language', async () => {
      const page = await h.newPage(ENEJ.url);
      await page.waitForSelector(`${G}[data-rule="length"]`);
      await page.type('#nouveauMdp', 'abc');
      await page.waitFor(async () => (await states(page)).lower === 'ok', 5000, 'lower ok');
      const facts = await guideFacts(page);
      expect(facts.lang).toBe(lang);
      expect(facts.dir).toBe(rtl ? 'rtl' : 'ltr');
      expect(facts.direction).toBe(rtl ? 'rtl' : 'ltr');
      expect(facts.title).toBe(t('guide_title'));
      expect(facts.intro).toBe(t('guide_intro'));
      expect((await page.guide('[data-rule="upper"]'))?.text).toContain('majuscule');
      await page.close();
    });

    // Right to left: Arabic only (defined only there, so other languages do not report skipped tests).
    if (rtl) {
      it('lays the popup out right to left at 320 px, password left to right, axe clean', async () => {
        const popup = await h.openExtensionPage('popup.html');
        // 320 px: a phone or 400 % zoom (the popup page reflows down to it since the small-screens work).
        await resize(popup, 320, 640);
        const password = await shownPassword(popup);
        await popup.waitFor(
          async () => (await popup.query('.sesame-strength'))?.attributes['data-strength'] !== '',
          15_000,
          'strength estimate',
        );
        const layout = await popup.evaluate(() => {
          const chars = document.querySelector('[data-testid="password"]') as HTMLElement;
          const spans = [...chars.querySelectorAll('span')].map((s) => s.getBoundingClientRect());
          return {
            scrollWidth: document.documentElement.scrollWidth,
            innerWidth: window.innerWidth,
            // Left to right on screen: each character starts right of the one before it (same line).
            ltrOnScreen: spans.every(
              (r, i) => i === 0 || r.top > (spans[i - 1]?.top ?? 0) || r.left >= (spans[i - 1]?.left ?? 0),
            ),
            text: chars.textContent,
          };
        });
        expect(layout.text).toBe(password);
        expect(layout.innerWidth).toBe(320);
        expect(layout.scrollWidth).toBeLessThanOrEqual(320);
        expect(layout.ltrOnScreen).toBe(true);
        const violations = await axe(popup);
        expect(violations, formatViolations(violations)).toEqual([]);
        await popup.close();
      });

      it('lays the guide out right to left, generated password left to right, axe clean', async () => {
        const page = await h.newPage(ENEJ.url);
        await resize(page, 320, 800);
        await page.waitForSelector(`${G}[data-action="generate"]`);
        await page.type('#nouveauMdp', 'é?a');
        await page.waitFor(async () => (await states(page)).allowed === 'missing', 5000, 'refused shown');
        let violations = await axe(page, 'sesame-guide >>> .guide');
        expect(violations, formatViolations(violations)).toEqual([]);
        await page.click(`${G}[data-action="generate"]`);
        await page.waitForSelector(`${G}[data-generated]`);
        const facts = await guideFacts(page);
        expect(facts.direction).toBe('rtl');
        expect(facts.password).toMatch(MEMORABLE);
        expect(facts.passwordDirection).toBe('ltr');
        expect(facts.overflow).toBeLessThanOrEqual(0);
        // A substitution inside Arabic text keeps its order: the digits hint's "1 4 7" reads left to right.
        const digits = await page.evaluate(() => {
          const hint = document
            .querySelector('sesame-guide')
            ?.shadowRoot?.querySelector('li[data-char="0–9"]');
          const xs: number[] = [];
          for (const node of hint?.childNodes ?? []) {
            if (node.nodeType !== Node.TEXT_NODE) continue; // the key cap is checked apart
            const text = node.textContent ?? '';
            const list = text.match(/\u2066([0-9 ]+)\u2069/);
            if (!list) continue;
            const start = text.indexOf(list[0]) + 1;
            for (let i = start; i < start + (list[1]?.length ?? 0); i++) {
              if (text[i] === ' ') continue;
              const range = document.createRange();
              range.setStart(node, i);
              range.setEnd(node, i + 1);
              xs.push(range.getBoundingClientRect().left);
            }
          }
          return xs;
        });
        expect(digits.length).toBeGreaterThan(0);
        expect(digits.every((x, i) => i === 0 || x > (digits[i - 1] ?? 0))).toBe(true);
        expect(facts.outside).toBe(0);
        violations = await axe(page, 'sesame-guide >>> .guide');
        expect(violations, formatViolations(violations)).toEqual([]);
        await page.close();
      });
    }

    it('made no request outside the extension', () => {
      expect(h.requests.filter((r) => r.fromExtension && r.outcome !== 'internal')).toEqual([]);
      expect(h.blocked().filter((r) => !r.url.endsWith('favicon.ico'))).toEqual([]);
    });
  });
});
