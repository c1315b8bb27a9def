import type { Translate } from '@/lib/i18n/catalog';

/**
 * The guide's first frame: the exact markup the guide's UI renders before anything is typed, drawn by the
 * content script itself while the UI's file (`guide-ui.js`) is still being imported.
 *
 * Why: a content script's `import()` of its own file costs 50–100 ms in Chromium and 30–55 ms in Firefox
 * whatever the file's size (measured with a 0.5 KB file, issue 15), so a guide drawn only by that file shows
 * after every other extension's scripts and after the page's `load`. The first frame needs neither Preact
 * nor the rules engine: `first-frame.generated.ts` holds the Guide component's initial render as data (a
 * unit test renders the component and proves the two identical), and the strings come from the catalog
 * at run time. When the UI arrives it takes over the same shadow host.
 *
 * It is shown only where its content is certain: on ENEJ's hosts, empty new-password field, no rule
 * attribute on the field, and every criterion the page prints is one of ENEJ's own sentences (the ones in
 * the families' notice), which the rules engine reads as exactly ENEJ's rules (proven by the unit test over
 * every subset). Anywhere else the guide waits for its UI, as before.
 */

/** A piece of text: literal, or a catalog message with its (literal) substitutions. */
export type FrameSegment = string | { key: string; params: string[] };

/**
 * An inline style as Preact applies a style object: each property assigned in the object's order
 * (`style[name] = value`, or `setProperty` for custom properties), values already as Preact turns them into
 * strings. Not a serialized `style` attribute: browsers serialize shorthands and legacy properties each
 * their own way (measured: `flex` and `clip` came out differently in Chromium, Firefox and happy-dom).
 */
export interface FrameStyle {
  style: [name: string, value: string][];
}

/** An attribute's value: literal, the catalog's language, its writing direction, or translated text. */
export type FrameAttr = string | { lang: true } | { dir: true } | FrameStyle | FrameSegment[];

export interface FrameElement {
  tag: string;
  attrs: Record<string, FrameAttr>;
  children: FrameNode[];
}

export type FrameNode = FrameElement | { text: FrameSegment[] };

export interface FirstFrames {
  /** The page has a confirmation field: the checklist ends with its line. */
  withConfirm: FrameElement;
  withoutConfirm: FrameElement;
}

/**
 * The criteria ENEJ prints under its new-password field, as in the notice families received
 * (`shared/seed/enej-notice-2024-04-13.txt`), plus the wording of the same list on ENEJ's other password
 * steps. Compared after `normalizeCriterion`.
 */
export const ENEJ_STATED_RULES: readonly string[] = [
  'Mot contenant 1 majuscule',
  'Mot contenant 1 minuscule',
  'Mot contenant 1 chiffre',
  'Mot contenant 1 caractère spécial',
  'Mot contenant 1 caractère spécial parmi ! @ # $ % ^ & * _ - + = ~ `',
  'Mot contenant 8 caractères minimum',
];

export function normalizeCriterion(text: string): string {
  return text
    .normalize('NFC')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[.;:]$/, '')
    .toLowerCase();
}

const KNOWN = new Set(ENEJ_STATED_RULES.map(normalizeCriterion));

/**
 * Whether every criterion the page prints is one of ENEJ's own sentences (none at all counts too): the rules
 * engine reads any such list as exactly ENEJ's rules (the unit test proves it over every subset), so neither
 * the first frame nor the guide's UI needs to run it.
 */
export function statesOnlyEnejRules(policyTexts: readonly string[]): boolean {
  return policyTexts.every((text) => KNOWN.has(normalizeCriterion(text)));
}

export interface FirstFrameInput {
  /** The page is on one of ENEJ's own hosts (elsewhere the guide's rules are never ENEJ's by default). */
  onEnej: boolean;
  /** What the page prints as criteria near the form (`collectPolicyTexts`). */
  policyTexts: readonly string[];
  passwordRulesAttr: string | null;
  patternAttr: string | null;
  newPasswordValue: string;
}

/** Whether the first frame is certain to be what the guide's UI will draw (see the module comment). */
export function firstFrameFits(input: FirstFrameInput): boolean {
  return (
    input.onEnej &&
    input.newPasswordValue === '' &&
    input.passwordRulesAttr === null &&
    input.patternAttr === null &&
    statesOnlyEnejRules(input.policyTexts)
  );
}

export interface FrameContext {
  doc: Document;
  t: Translate;
  lang: string;
  dir: string;
}

function textOf(segments: FrameSegment[], t: Translate): string {
  return segments.map((s) => (typeof s === 'string' ? s : t(s.key, s.params))).join('');
}

/**
 * Builds the frame's DOM. Styles go through the CSSOM, the same assignments in the same order as Preact
 * makes them, so the frame is the UI's render byte for byte in every browser, and a page's CSP that
 * forbids inline style attributes treats both the same.
 */
export function buildFrame(node: FrameElement, ctx: FrameContext): HTMLElement {
  const el = ctx.doc.createElement(node.tag);
  for (const [name, value] of Object.entries(node.attrs)) {
    if (typeof value === 'object' && 'style' in value) {
      for (const [property, v] of value.style) {
        if (property.startsWith('-')) el.style.setProperty(property, v);
        else (el.style as unknown as Record<string, string>)[property] = v;
      }
      continue;
    }
    const resolved =
      typeof value === 'string'
        ? value
        : Array.isArray(value)
          ? textOf(value, ctx.t)
          : 'lang' in value
            ? ctx.lang
            : ctx.dir;
    if (name === 'style') el.style.cssText = resolved;
    else el.setAttribute(name, resolved);
  }
  for (const child of node.children) {
    el.append('text' in child ? ctx.doc.createTextNode(textOf(child.text, ctx.t)) : buildFrame(child, ctx));
  }
  return el;
}
