import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { getFixture } from '../fixtures';
import {
  axe,
  BROWSERS,
  type BrowserName,
  formatViolations,
  type Harness,
  type HPage,
  type LaunchOptions,
  launch,
} from './harness';
import { G, serveFixtures } from './support/guide';
import {
  applyTextSpacing,
  intersects,
  type Layout,
  layout,
  smallestSide,
  smallTargets,
} from './support/layout';

// Parents open ENEJ on phones, in half-screen windows and at 200–400 % zoom (1280 px at 400 % is 320 CSS px).
const ENEJ = getFixture('enej-change-password');
const FIELDS = ['#nouveauMdp', '#confirmationMdp'];
const WIDTHS = [360, 320] as const;
const HEIGHT = 740;
const SHOTS = process.env.SESAME_SCREENSHOTS === '1';

/** Chromium: a phone (360 × 740, 3 device px per CSS px, touch, the page's meta viewport honoured). */
function narrow(name: BrowserName): LaunchOptions {
  const viewport = { width: WIDTHS[0], height: HEIGHT };
  return name === 'chromium'
    ? { locale: 'fr', viewport, deviceScaleFactor: 3, isMobile: true, hasTouch: true }
    : { locale: 'fr', viewport };
}

/** The guide with everything it can show: the checklist under way, then a generated password. */
async function fullGuide(h: Harness, width: number, generate = true): Promise<HPage> {
  const page = await h.newPage();
  await page.setViewport({ width, height: HEIGHT });
  await page.goto(ENEJ.url);
  await page.waitForSelector(`${G}[data-rule="length"]`);
  await page.type('#nouveauMdp', 'école 2');
  await page.waitFor(
    async () => (await page.guide('[data-rule="digit"]'))?.attributes['data-state'] === 'ok',
    5000,
    'digit ok',
  );
  // The strength verdict arrives later (its script loads on the first key) and pushes the button down: a
  // click aimed before it lands would miss.
  await page.waitFor(
    async () => ((await page.guide('[data-strength]'))?.attributes['data-strength'] ?? '') !== '',
    15_000,
    'strength computed',
  );
  if (generate) {
    await page.click(`${G}[data-action="generate"]`);
    await page.waitForSelector(`${G}[data-generated="true"]`);
  }
  return page;
}

/** The popup as a page (as Firefox for Android shows it), options open so every control is on screen. */
async function fullPopup(h: Harness, width: number): Promise<HPage> {
  const popup = await h.openExtensionPage('popup.html');
  await popup.setViewport({ width, height: HEIGHT });
  await popup.waitForSelector('[data-testid="password"]');
  await popup.click('details.popup__options > summary');
  await popup.waitForSelector('.popup__checks [data-rule="length"]');
  return popup;
}

/** What a family would see as broken at this width, one line each; empty when the page fits. */
function problems(l: Layout, width: number, withFields: boolean): string[] {
  const found: string[] = [];
  // innerWidth alone is not enough: a phone browser widens the layout viewport to fit an overflowing page.
  if (l.scrollWidth > width || l.scrollWidth > l.innerWidth)
    found.push(`horizontal scroll: ${l.scrollWidth} px of content in ${width} px`);
  if (!l.box) found.push('nothing to measure');
  else if (l.box.right > width + 0.5) found.push(`box ends at ${l.box.right} px`);
  if (withFields && l.box) {
    for (const [sel, field] of Object.entries(l.fields)) {
      if (!field) found.push(`${sel} missing`);
      else if (intersects(l.box, field)) found.push(`guide covers ${sel}`);
    }
  }
  found.push(...l.clipped.map((c) => `clipped: ${c}`));
  found.push(...smallTargets(l.targets).map((t) => `target under 24 px: ${t}`));
  return found;
}

/** README pictures (`SESAME_SCREENSHOTS=1`): Chromium's phone at both widths, Firefox at 320 px. */
async function shot(page: HPage, file: string): Promise<void> {
  if (!SHOTS || /firefox-360|-firefox\.png$/.test(file)) return;
  mkdirSync('docs', { recursive: true });
  if (page.browser === 'chromium') {
    // CSS pixels, not the phone's 3 device pixels per CSS pixel: a README-sized picture.
    await (page.raw as Page).screenshot({ path: `docs/${file}`, fullPage: true, scale: 'css' });
  } else {
    await page.screenshot(`docs/${file}`);
  }
}

/** The ✓/✗ of each checklist line: present, visible, and not the colour of what is behind it. */
function marks(page: HPage, root: 'guide' | 'page') {
  return page.evaluateSource<
    { text: string; visible: boolean; color: string; background: string }[]
  >(`(() => {
    const host = document.querySelector('sesame-guide');
    const scope = ${JSON.stringify(root)} === 'guide' ? host.shadowRoot : document;
    const opaque = (el) => {
      for (let n = el; n; n = n.parentElement || (n.getRootNode() && n.getRootNode().host)) {
        const bg = getComputedStyle(n).backgroundColor;
        if (bg && bg !== 'transparent' && !/rgba\\(.*, 0\\)$/.test(bg)) return bg;
      }
      return getComputedStyle(document.documentElement).backgroundColor;
    };
    return [...scope.querySelectorAll('.sesame-rule__icon')].map((el) => {
      const r = el.getBoundingClientRect();
      return {
        text: el.textContent.trim(),
        visible: r.width > 1 && r.height > 1 && getComputedStyle(el).visibility === 'visible',
        color: getComputedStyle(el).color,
        background: opaque(el),
      };
    });
  })()`);
}

/**
 * Text whose computed colour does not reach 4.5:1 against the nearest opaque background, as the browser
 * resolved them (forced colours included). axe's own contrast rule cannot be used in Chromium's forced
 * colours: it reads `-webkit-text-fill-color`, which Chromium still reports in the author's colour although
 * it paints the forced one (measured: #1b1f24 reported, white painted on black).
 */
function lowContrastText(page: HPage, root: 'guide' | 'page') {
  return page.evaluateSource<string[]>(`(() => {
    const host = document.querySelector('sesame-guide');
    const scope = ${JSON.stringify(root)} === 'guide' ? host.shadowRoot.querySelector('section') : document.body;
    const rgb = (c) => (c.match(/[\\d.]+/g) || []).map(Number);
    const lum = ([r, g, b]) => { const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; }; return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b); };
    // Translucent layers (Chromium's forced Highlight is 80 % opaque) are blended over what is under them.
    const bgOf = (el) => {
      const layers = [];
      for (let n = el; n; n = n.parentElement || (n.getRootNode() && n.getRootNode().host)) {
        const c = rgb(getComputedStyle(n).backgroundColor);
        const a = c.length === 4 ? c[3] : 1;
        if (a > 0) layers.push([c[0], c[1], c[2], a]);
        if (a === 1) break;
      }
      let out = layers.length && layers[layers.length - 1][3] === 1 ? [] : [255, 255, 255];
      for (let i = layers.length - 1; i >= 0; i--) {
        const [r, g, b, a] = layers[i];
        out = out.length ? [r * a + out[0] * (1 - a), g * a + out[1] * (1 - a), b * a + out[2] * (1 - a)] : [r, g, b];
      }
      return out;
    };
    const out = [];
    for (const el of [scope, ...scope.querySelectorAll('*')]) {
      const text = [...el.childNodes].filter((n) => n.nodeType === 3).map((n) => n.textContent).join('').trim();
      const r = el.getBoundingClientRect();
      if (!text || r.width <= 1 || r.height <= 1) continue;
      const fg = lum(rgb(getComputedStyle(el).color)), bg = lum(bgOf(el));
      const ratio = (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
      if (ratio < 4.5) out.push(el.tagName + ' "' + text.slice(0, 30) + '" ' + ratio.toFixed(2));
    }
    return out;
  })()`);
}

/** Outline of the focused control, for "focus rings stay visible". */
function focusRing(page: HPage, root: 'guide' | 'page') {
  return page.evaluateSource<{ style: string; width: number; color: string; background: string }>(`(() => {
    const host = document.querySelector('sesame-guide');
    const el = ${JSON.stringify(root)} === 'guide' ? host.shadowRoot.activeElement : document.activeElement;
    const s = getComputedStyle(el);
    return { style: s.outlineStyle, width: parseFloat(s.outlineWidth), color: s.outlineColor, background: getComputedStyle(document.body).backgroundColor };
  })()`);
}

describe.each(BROWSERS)('small screens — %s', (name) => {
  let h: Harness;
  let baseline = new Set<HPage>();
  const smallest: number[] = [];

  beforeAll(async () => {
    h = await launch(name, narrow(name));
    serveFixtures(h, ['enej-change-password']);
    baseline = new Set(h.pages());
  });
  afterAll(async () => {
    if (smallest.length > 0) console.info(`[${name}] smallest control side: ${Math.min(...smallest)} px`);
    await h?.close();
  });
  afterEach(async () => {
    for (const page of h?.pages() ?? []) if (!baseline.has(page)) await page.close().catch(() => {});
  });

  for (const width of WIDTHS) {
    it(`guide at ${width} px: no sideways scroll, nothing clipped or covered, targets ≥ 24 px, axe clean`, async () => {
      const page = await fullGuide(h, width);
      const l = await layout(page, 'guide', FIELDS);
      expect(l.innerWidth).toBe(width);
      expect(problems(l, width, true)).toEqual([]);
      expect(l.targets.length).toBeGreaterThanOrEqual(3);
      smallest.push(smallestSide(l.targets));
      const violations = await axe(page, 'sesame-guide >>> .guide');
      expect(violations, formatViolations(violations)).toEqual([]);
      await shot(page, `guide-${name === 'chromium' ? 'phone' : 'firefox'}-${width}.png`);
    });

    it(`popup as a page at ${width} px: no sideways scroll, nothing clipped, targets ≥ 24 px, axe clean`, async () => {
      const popup = await fullPopup(h, width);
      expect(await popup.evaluate(() => document.documentElement.dataset.view)).toBe('page');
      const l = await layout(popup, 'page');
      expect(l.innerWidth).toBe(width);
      expect(problems(l, width, false)).toEqual([]);
      expect(l.targets.length).toBeGreaterThanOrEqual(8);
      smallest.push(smallestSide(l.targets));
      const violations = await axe(popup);
      expect(violations, formatViolations(violations)).toEqual([]);
      await shot(popup, `popup-${name === 'chromium' ? 'phone' : 'firefox'}-${width}.png`);
    });
  }

  it('without window.print (a phone), the card to keep is offered to send or copy instead', async () => {
    const popup = await fullPopup(h, 320);
    const password = (await popup.query('[data-testid="password"]'))?.text ?? '';
    // As in a browser where printing is missing; the share sheet is a stand-in that keeps what it was given.
    await popup.evaluate(() => {
      const w = window as unknown as { print?: unknown; shared?: unknown };
      w.print = undefined;
      Object.defineProperty(navigator, 'share', {
        configurable: true,
        value: async (data: unknown) => {
          w.shared = data;
        },
      });
    });
    await popup.click('[data-action="print"]');
    await popup.waitForSelector('[data-testid="keep-choice"]');
    const offered = await popup.queryAll('[data-testid="keep-choice"] button');
    expect(offered.map((b) => b.attributes['data-action'])).toEqual(['card-share', 'card-copy']);
    // The focus moves in an effect after the choice is painted.
    await popup.waitFor(
      async () => (await popup.queryAll('[data-testid="keep-choice"] button'))[0]?.focused === true,
      5000,
      'the focus on the first choice',
    );
    expect(problems(await layout(popup, 'page'), 320, false)).toEqual([]);

    await popup.click('[data-action="card-share"]');
    await popup.waitFor(
      async () =>
        (await popup.evaluate(() => (window as unknown as { shared?: unknown }).shared)) !== undefined,
      5000,
      'the share sheet called',
    );
    const shared = await popup.evaluate(
      () => (window as unknown as { shared: { title: string; text: string } }).shared,
    );
    expect(shared.title).toBe('Mon mot de passe ENEJ');
    expect(shared.text.split('\n')).toContain(password);
    expect(shared.text).toContain('Pronote');

    await popup.click('[data-action="card-copy"]');
    await popup.waitFor(
      async () => (await popup.query('.popup__keep [data-notice]')) !== null,
      5000,
      'copy outcome',
    );
    expect((await popup.query('.popup__keep [data-notice]'))?.attributes['data-notice']).toBe(
      'popup_card_copied',
    );
    // The clipboard holds the card: pasted back into a field, the way a family would use it.
    await popup.evaluate(() => {
      const area = document.createElement('textarea');
      area.id = 'collage';
      area.setAttribute('aria-label', 'collage');
      document.body.prepend(area);
    });
    await popup.focus('#collage');
    await popup.press('Control+V');
    await popup.waitFor(
      async () => ((await popup.query('#collage'))?.value ?? '').split('\n').includes(password),
      5000,
      'pasted card',
    );
    expect(h.requests.filter((r) => r.fromExtension && r.outcome !== 'internal')).toEqual([]);
  });

  it('on other saved change-password pages at 320 px, the guide adds no width and covers no field', async () => {
    // Keycloak (two themes, the account console without a meta viewport), LemonLDAP (wider than 320 px on
    // its own), ENT NG: the guide must fit whatever box the site gives it.
    const names = [
      'keycloak-update-password',
      'keycloak-v2-update-password',
      'keycloak-account-password',
      'lemonldap-password',
      'ent-ng-force-change',
    ];
    serveFixtures(h, names);
    const found: Record<string, string[]> = {};
    for (const fixture of names) {
      const f = getFixture(fixture);
      const page = await h.newPage();
      await page.setViewport({ width: 320, height: HEIGHT });
      await page.goto(f.url);
      await page.waitForSelector(`${G}[data-rule="length"]`);
      const expected = f.expect as { newPassword?: string; confirm?: string };
      const fields = [expected.newPassword, expected.confirm].filter((x): x is string => x !== undefined);
      const l = await layout(page, 'guide', fields);
      const pageAlone = await page.evaluate(() => {
        const host = document.querySelector('sesame-guide') as HTMLElement;
        host.style.setProperty('display', 'none', 'important');
        const width = document.documentElement.scrollWidth;
        host.style.removeProperty('display');
        return width;
      });
      // The site's own width is the site's; the guide must not add to it.
      found[fixture] = problems(l, Math.max(320, pageAlone), true).filter(
        (p) => !(p.startsWith('horizontal scroll') && l.scrollWidth <= pageAlone),
      );
      if (l.scrollWidth > pageAlone) found[fixture]?.push(`guide adds ${l.scrollWidth - pageAlone} px`);
      await page.close();
    }
    expect(found).toEqual(Object.fromEntries(names.map((n) => [n, []])));
  });

  it('guide at 320 px with WCAG text spacing (1.4.12): still nothing clipped or covered', async () => {
    const page = await fullGuide(h, 320);
    await applyTextSpacing(page, 'guide');
    expect(problems(await layout(page, 'guide', FIELDS), 320, true)).toEqual([]);
  });

  it('popup at 320 px with WCAG text spacing (1.4.12): still nothing clipped', async () => {
    const popup = await fullPopup(h, 320);
    await applyTextSpacing(popup, 'page');
    expect(problems(await layout(popup, 'page'), 320, false)).toEqual([]);
  });
});

describe.each(BROWSERS)('dark scheme and reduced motion — %s', (name) => {
  let h: Harness;
  beforeAll(async () => {
    h = await launch(name, { locale: 'fr', colorScheme: 'dark', reducedMotion: 'reduce' });
    serveFixtures(h, ['enej-change-password']);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('the popup turns dark with AA contrast, and nothing in it moves', async () => {
    const popup = await fullPopup(h, 360);
    expect(await popup.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(true);
    const background = await popup.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    expect(background).toBe('rgb(23, 25, 29)');
    const violations = await axe(popup);
    expect(violations, formatViolations(violations)).toEqual([]);
    const moving = await popup.evaluate(() =>
      [...document.querySelectorAll('*')]
        .filter((el) => {
          const s = getComputedStyle(el);
          return s.animationName !== 'none' || s.transitionDuration.split(',').some((d) => parseFloat(d) > 0);
        })
        .map((el) => el.tagName),
    );
    expect(moving).toEqual([]);
    await shot(popup, `popup-dark-${name}.png`);
    await popup.close();
  });

  it('the guide keeps its own light card and AA contrast on a dark-scheme browser', async () => {
    const page = await fullGuide(h, 360);
    const violations = await axe(page, 'sesame-guide >>> .guide');
    expect(violations, formatViolations(violations)).toEqual([]);
    await page.close();
  });

  if (name === 'chromium') {
    it('the real toolbar popup keeps its desktop width, fits it, and its targets are ≥ 24 px', async () => {
      const page = await h.newPage(ENEJ.url);
      const popup = await h.triggerAction(page);
      if (!popup) throw new Error('no popup');
      await popup.waitForSelector('[data-testid="password"]');
      expect(await popup.evaluate(() => document.documentElement.dataset.view)).toBe('panel');
      await popup.waitFor(
        async () => (await popup.evaluate(() => window.innerWidth)) >= 360,
        5000,
        'the panel at 360 px',
      );
      const l = await layout(popup, 'page');
      expect(l.scrollWidth).toBeLessThanOrEqual(l.innerWidth);
      expect(l.clipped).toEqual([]);
      expect(smallTargets(l.targets)).toEqual([]);
      await popup.close();
      await page.close();
    });
  } else {
    it('the real toolbar popup keeps its desktop width and fits it', async () => {
      // Firefox's panel is out of BiDi's reach, but another page of the extension can look into it.
      const tab = await h.openExtensionPage('popup.html');
      expect(await tab.evaluate(() => document.documentElement.dataset.view)).toBe('page');
      const page = await h.newPage(ENEJ.url);
      await h.triggerAction(page);
      const panel = () =>
        tab.evaluateSource<{ view?: string; width: number; scrollWidth: number }[]>(`(() => {
          const views = browser.extension.getViews({ type: 'popup' });
          return views.filter((w) => w.document.querySelector('[data-testid="password"]')).map((w) => ({
            view: w.document.documentElement.dataset.view,
            width: w.innerWidth,
            scrollWidth: w.document.documentElement.scrollWidth,
          }));
        })()`);
      await tab.waitFor(async () => (await panel()).length === 1, 10_000, 'the toolbar popup');
      // Firefox lays the panel out more than once (measured: 16 px wide between two passes under load), so the
      // checks below are made on the sample that reached the panel's width, not on a later, mid-layout read.
      let shown: { view?: string; width: number; scrollWidth: number } | undefined;
      await tab.waitFor(
        async () => {
          const [sample] = await panel();
          if ((sample?.width ?? 0) < 360) return false;
          shown = sample;
          return true;
        },
        5000,
        'the panel at 360 px',
      );
      expect(shown?.view).toBe('panel');
      expect(shown?.scrollWidth).toBeLessThanOrEqual(shown?.width ?? 0);
      await page.close();
      await tab.close();
    });
  }
});

describe.each(BROWSERS)('forced colours — %s', (name) => {
  let h: Harness;
  // See lowContrastText: the same check, on the colours the browser really uses.
  const FORCED_AXE = { disableRules: ['color-contrast'] };
  beforeAll(async () => {
    h = await launch(name, {
      locale: 'fr',
      forcedColors: 'active',
      colorScheme: 'dark',
      viewport: { width: 360, height: HEIGHT },
    });
    serveFixtures(h, ['enej-change-password']);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('the guide: ✓ and ✗ visible, text readable, axe clean, focus ring visible', async () => {
    // Half-typed: some lines met, some missing (the "é" is refused).
    const page = await fullGuide(h, 360, false);
    expect(await page.evaluate(() => matchMedia('(forced-colors: active)').matches)).toBe(true);
    const shown = await marks(page, 'guide');
    expect(new Set(shown.map((m) => m.text))).toEqual(new Set(['✓', '✗']));
    for (const m of shown) {
      expect(m.visible).toBe(true);
      expect(m.color).not.toBe(m.background);
    }
    await shot(page, `guide-forced-colors-${name}.png`);
    await page.click(`${G}[data-action="generate"]`);
    await page.waitForSelector(`${G}[data-generated="true"]`);
    expect(await lowContrastText(page, 'guide')).toEqual([]);
    const violations = await axe(page, 'sesame-guide >>> .guide', FORCED_AXE);
    expect(violations, formatViolations(violations)).toEqual([]);
    await page.focus(`${G}[data-action="generate"]`);
    await page.press('Tab');
    await page.press('Shift+Tab');
    const ring = await focusRing(page, 'guide');
    expect(ring.style).not.toBe('none');
    expect(ring.width).toBeGreaterThanOrEqual(2);
    await page.close();
  });

  it('the popup: ✓ visible, text readable, axe clean, focus ring visible', async () => {
    const popup = await fullPopup(h, 360);
    const violations = await axe(popup, undefined, FORCED_AXE);
    expect(violations, formatViolations(violations)).toEqual([]);
    expect(await lowContrastText(popup, 'page')).toEqual([]);
    const shown = await marks(popup, 'page');
    expect(shown.length).toBeGreaterThanOrEqual(6);
    for (const m of shown) {
      expect(m.text).toMatch(/^[✓✗]$/);
      expect(m.visible).toBe(true);
      expect(m.color).not.toBe(m.background);
    }
    await popup.focus('[data-action="generate"]');
    await popup.press('Tab');
    await popup.press('Shift+Tab');
    const ring = await focusRing(popup, 'page');
    expect(ring.style).not.toBe('none');
    expect(ring.width).toBeGreaterThanOrEqual(2);
    await shot(popup, `popup-forced-colors-${name}.png`);
    await popup.close();
  });
});
