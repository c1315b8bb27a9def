import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { options, render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import {
  buildFrame,
  ENEJ_STATED_RULES,
  type FirstFrames,
  type FrameAttr,
  type FrameElement,
  type FrameNode,
  type FrameSegment,
  type FrameStyle,
  firstFrameFits,
} from '@/lib/guide/first-frame';
import { effectiveProfile, rulesSource } from '@/lib/guide/profile';
import { createGuideSession } from '@/lib/guide/session';
import { computeView } from '@/lib/guide/state';
import {
  isolatingTranslate,
  type Lang,
  type Translate,
  textDirection,
  translatorFromCatalog,
} from '@/lib/i18n/catalog';
import { loadCatalog } from '@/lib/i18n/load-catalog';
import { ENEJ_PROFILE, mergeProfile, parsePolicyTexts, sameRules } from '@/lib/rules';
import { FIRST_FRAMES } from './first-frame.generated';
import { GuideApp } from './GuideApp';

// The first frame is the Guide component's initial render, kept as data for the content script (which has
// no Preact). This file is what produces it: `UPDATE_FIRST_FRAME=1 npx vitest run components/guide/first-frame`
// rewrites `first-frame.generated.ts`; without it, any difference fails the test.

const GENERATED = resolve(__dirname, 'first-frame.generated.ts');
const FAKE_LANG = 'x-frame-lang';
const OPEN = '\u0001';
const CLOSE = '\u0002';

/** Renders each message as a marker that names its key and substitutions. */
const marking: Translate = (key, params) => `${OPEN}${JSON.stringify([key, params ?? []])}${CLOSE}`;

/**
 * What the content script mounts before anything is typed: GuideApp itself (not a copy of the props it gives
 * Guide), on a session over empty fields, with ENEJ's rules on an ENEJ page. Its effects run after paint, so
 * the synchronous render is the first frame the family sees.
 */
function initialGuide(t: Translate, lang: string, withConfirm: boolean) {
  const field = () => document.createElement('input');
  const life = new AbortController();
  const session = createGuideSession({
    fields: { newPassword: field(), confirm: withConfirm ? field() : null, current: field() },
    profile: ENEJ_PROFILE,
    signal: life.signal,
    loadEstimator: () => new Promise(() => {}),
  });
  sessions.push(life);
  return (
    <GuideApp
      session={session}
      profile={ENEJ_PROFILE}
      fromPage={false}
      rulesSource={rulesSource(false, true)}
      generate={() => new Promise(() => {})}
      t={t}
      // The generator renders with a marker language (FAKE_LANG) to find where the catalog's goes.
      lang={lang as Lang}
    />
  );
}

/** Sessions listen to their fields until aborted. */
const sessions: AbortController[] = [];

/** The style object each element was rendered with, read off Preact's vnodes (`__e` is a vnode's DOM). */
const styleObjects = new WeakMap<Element, Record<string, string | number | null>>();

function renderToElement(vnode: preact.VNode): HTMLElement {
  const container = document.createElement('div');
  const before = options.diffed;
  options.diffed = (v) => {
    const { style } = v.props as { style?: unknown };
    const dom = (v as unknown as { __e?: Element }).__e;
    if (typeof v.type === 'string' && dom && style && typeof style === 'object')
      styleObjects.set(dom, style as Record<string, string | number | null>);
    before?.(v);
  };
  try {
    render(vnode, container);
  } finally {
    options.diffed = before;
  }
  return container.firstElementChild as HTMLElement;
}

function frameStyle(style: Record<string, string | number | null>): FrameStyle {
  return {
    style: Object.entries(style)
      .filter(([, value]) => value !== null && value !== undefined)
      // Preact 11 assigns values as they are (src/diff/props.js `setStyle`): a number becomes its string.
      .map(([name, value]) => [name, String(value)]),
  };
}

function segments(text: string): FrameSegment[] {
  const out: FrameSegment[] = [];
  let rest = text;
  while (rest !== '') {
    const start = rest.indexOf(OPEN);
    if (start === -1) {
      out.push(rest);
      break;
    }
    if (start > 0) out.push(rest.slice(0, start));
    const end = rest.indexOf(CLOSE, start);
    const [key, params] = JSON.parse(rest.slice(start + 1, end)) as [string, string[]];
    if (params.some((p) => p.includes(OPEN)))
      throw new Error(`${key}: a translated substitution; the first frame only carries literal ones`);
    out.push({ key, params });
    rest = rest.slice(end + 1);
  }
  return out;
}

function toFrame(el: Element): FrameElement {
  const attrs: Record<string, FrameAttr> = {};
  const ownLang = el.getAttribute('lang') === FAKE_LANG;
  const styleObject = styleObjects.get(el);
  for (const { name, value } of el.attributes) {
    if (name === 'style' && styleObject) attrs[name] = frameStyle(styleObject);
    else if (name === 'lang' && ownLang) attrs[name] = { lang: true };
    else if (name === 'dir' && ownLang) attrs[name] = { dir: true };
    else if (value.includes(OPEN)) attrs[name] = segments(value);
    else attrs[name] = value;
  }
  const children: FrameNode[] = [];
  for (const node of el.childNodes) {
    if (node.nodeType === 1) children.push(toFrame(node as Element));
    else if (node.nodeType === 3) children.push({ text: segments(node.textContent ?? '') });
    else throw new Error(`unexpected node type ${node.nodeType}`);
  }
  return { tag: el.tagName.toLowerCase(), attrs, children };
}

function currentFrames(): FirstFrames {
  return {
    withConfirm: toFrame(renderToElement(initialGuide(marking, FAKE_LANG, true))),
    withoutConfirm: toFrame(renderToElement(initialGuide(marking, FAKE_LANG, false))),
  };
}

function generatedSource(frames: FirstFrames): string {
  return `// Generated by components/guide/first-frame.test.tsx (UPDATE_FIRST_FRAME=1): the Guide component's render
// before anything is typed, as data for the content script's first frame (lib/guide/first-frame.ts). Do not edit.
import type { FirstFrames } from '@/lib/guide/first-frame';

export const FIRST_FRAMES: FirstFrames = ${JSON.stringify(frames, null, 2)};
`;
}

const catalog = loadCatalog(resolve(__dirname, '../../locales'));

afterEach(() => {
  for (const life of sessions.splice(0)) life.abort();
  document.body.replaceChildren();
});

describe('the first frame', () => {
  it('is the Guide component’s initial render (regenerate with UPDATE_FIRST_FRAME=1)', () => {
    const source = generatedSource(currentFrames());
    if (process.env.UPDATE_FIRST_FRAME) writeFileSync(GENERATED, source);
    expect(readFileSync(GENERATED, 'utf8')).toBe(source);
  });

  it.each([
    ['fr', true],
    ['fr', false],
    ['en', true],
    ['ar', true],
    ['uk', false],
  ] as const)('builds the same DOM as the component, in %s (confirmation: %s)', (lang, withConfirm) => {
    const t = isolatingTranslate(translatorFromCatalog(catalog, lang), lang);
    const expected = renderToElement(initialGuide(t, lang, withConfirm));
    const frame = withConfirm ? FIRST_FRAMES.withConfirm : FIRST_FRAMES.withoutConfirm;
    const built = buildFrame(frame, { doc: document, t, lang, dir: textDirection(lang) });
    expect(built.outerHTML).toBe(expected.outerHTML);
    // Real text, not keys: the catalog answered every message.
    const rules = computeView({ newPassword: '', confirm: null, current: null }, ENEJ_PROFILE).results.length;
    expect(built.querySelectorAll('[data-rule]').length).toBe(rules + (withConfirm ? 1 : 0));
    expect(built.textContent).not.toMatch(/\b(guide|checklist|meter)_[a-z_]+/);
  });
});

describe('firstFrameFits', () => {
  const base = {
    onEnej: true,
    policyTexts: [] as string[],
    passwordRulesAttr: null,
    patternAttr: null,
    newPasswordValue: '',
  };

  it('fits every subset of ENEJ’s own criteria, which the rules engine reads as exactly ENEJ’s rules', () => {
    const n = ENEJ_STATED_RULES.length;
    for (let mask = 0; mask < 1 << n; mask++) {
      const texts = ENEJ_STATED_RULES.filter((_, i) => mask & (1 << i)).map((s, i) =>
        // Spacing, case and a final full stop as pages vary them.
        i % 2 === 0 ? `  ${s.toUpperCase()}.` : s.replace(/ /g, '\u00a0 '),
      );
      expect(firstFrameFits({ ...base, policyTexts: texts })).toBe(true);
      // The engine itself, not effectiveProfile, which skips it for these very lists.
      const read = mergeProfile(ENEJ_PROFILE, parsePolicyTexts(texts));
      expect(sameRules(read, ENEJ_PROFILE)).toBe(true);
      expect({ ...read, id: ENEJ_PROFILE.id }).toEqual(ENEJ_PROFILE);
      expect(effectiveProfile(texts)).toEqual({ profile: ENEJ_PROFILE, fromPage: false });
    }
  });

  it('does not fit where the UI could draw something else', () => {
    expect(firstFrameFits({ ...base, onEnej: false })).toBe(false);
    expect(firstFrameFits({ ...base, newPasswordValue: 'a' })).toBe(false);
    expect(firstFrameFits({ ...base, passwordRulesAttr: 'minlength: 8;' })).toBe(false);
    expect(firstFrameFits({ ...base, patternAttr: '.{8,}' })).toBe(false);
    expect(firstFrameFits({ ...base, policyTexts: ['12 caractères minimum'] })).toBe(false);
    expect(
      firstFrameFits({ ...base, policyTexts: ['Mot contenant 1 majuscule', 'Mot contenant 2 chiffres'] }),
    ).toBe(false);
  });
});
