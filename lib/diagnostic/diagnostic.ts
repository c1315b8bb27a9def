import { detectPage, type PageState } from '../detect/detect';
import { cleanText, normalizeText, POLICY_WORDS } from '../detect/text';
import { isProbablyVisible } from '../detect/visibility';

// A parent or a teacher sends this text to the maintainers when the guide stayed away. It describes the
// page's structure so detection can be fixed, and must be safe to paste anywhere: no field value, no
// query string or fragment, no token-like path segment, no text a person typed. Everything it prints is
// markup the site wrote (tags, names, ids, labels, button captions, headings, rule lines) and what
// detection concluded, bounded in size so a hostile page cannot make it huge.

export const DIAGNOSTIC_VERSION = 1;

const MAX_FORMS = 10;
const MAX_INPUTS = 60;
const MAX_BUTTONS = 30;
const MAX_HEADINGS = 20;
const MAX_RULE_LINES = 20;
const MAX_SIGNALS = 30;
const MAX_TEXT = 120;
/** The whole report; far above a real page's, it bounds what a hostile page can produce. */
export const MAX_DIAGNOSTIC_CHARS = 12_000;
/** Field contents shorter than this are not searched for in the report (they would match everywhere). */
const MIN_SCRUB = 3;
const REDACTED = '[…]';

/**
 * The page's address without what can carry a secret: no query, no fragment, no credentials, and path
 * segments that look like tokens (long, or mixing letters and digits like a code) replaced by `[…]`.
 */
export function describeUrl(raw: string): { host: string; path: string } {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { host: '?', path: '?' };
  }
  const segments = url.pathname.split('/').map((segment) => (looksLikeToken(segment) ? REDACTED : segment));
  return { host: url.host, path: cleanText(segments.join('/'), 300) };
}

function looksLikeToken(segment: string): boolean {
  let decoded = segment;
  try {
    decoded = decodeURIComponent(segment);
  } catch {
    // Kept as written.
  }
  if (decoded.length >= 24) return true;
  // Readable words keep their dashes and few digits ("mot-de-passe", "etape-2"); codes mix them densely.
  const digits = (decoded.match(/\d/g) ?? []).length;
  const letters = (decoded.match(/[a-z]/gi) ?? []).length;
  return decoded.length >= 12 && digits >= 3 && letters >= 3;
}

interface Inputs {
  doc: Document;
  /** The page's own address (`location.href`); only host and a redacted path are printed. */
  url: string;
  /** Detection's verdict; computed here when not given. */
  state?: PageState;
}

/** The report, as plain text lines. Pure: reads the document, changes nothing. */
export function buildDiagnostic({ doc, url, state }: Inputs): string {
  const verdict = state ?? detectPage(doc);
  const where = describeUrl(url);
  const lines: string[] = [];
  lines.push(`Sésame diagnostic v${DIAGNOSTIC_VERSION} (page structure only: no typed text, no field value)`);
  lines.push(`host: ${where.host}`);
  lines.push(`path: ${where.path}`);
  lines.push(`title: ${quote(doc.title)}`);

  lines.push('', `detection: ${verdict.kind}`);
  if (verdict.kind === 'change-password') {
    const f = verdict.form;
    lines.push(
      `  current=${f.current ? describeEl(f.current) : '-'} new=${describeEl(f.newPassword)} confirm=${f.confirm ? describeEl(f.confirm) : '-'}`,
    );
  }
  const signals = verdict.kind === 'change-password' ? verdict.form.signals : verdict.signals;
  for (const signal of signals.slice(0, MAX_SIGNALS)) lines.push(`  ${cleanText(signal, 300)}`);
  if (signals.length === 0) lines.push('  (no password field found)');

  lines.push('', 'headings:');
  const headings = doc.querySelectorAll('h1, h2, h3, h4, legend, [role="heading"]');
  let shown = 0;
  for (let i = 0; i < headings.length && shown < MAX_HEADINGS; i++) {
    const el = headings[i] as Element;
    if (isTyped(el)) continue;
    const text = cleanText(el.textContent, MAX_TEXT);
    if (!text) continue;
    lines.push(`  ${el.tagName.toLowerCase()}${isProbablyVisible(el) ? '' : ' (hidden)'}: ${quote(text)}`);
    shown++;
  }
  if (shown === 0) lines.push('  (none)');

  lines.push('', 'forms:');
  const fields = [...doc.querySelectorAll('input, select, textarea')].slice(0, MAX_INPUTS * 4);
  const forms = [...doc.querySelectorAll('form')].slice(0, MAX_FORMS);
  const groups: Array<{ form: HTMLFormElement | null; fields: Element[] }> = forms.map((form) => ({
    form,
    fields: [],
  }));
  const outside: Element[] = [];
  for (const field of fields) {
    const owner = (field as HTMLInputElement).form ?? null;
    const group = owner ? groups.find((g) => g.form === owner) : undefined;
    (group ? group.fields : outside).push(field);
  }
  if (outside.length > 0) groups.push({ form: null, fields: outside });
  let printedFields = 0;
  for (const group of groups) {
    lines.push(`  ${group.form ? describeForm(group.form) : '(fields outside any form)'}`);
    for (const field of group.fields) {
      if (printedFields >= MAX_INPUTS) break;
      lines.push(`    ${describeField(field, doc)}`);
      printedFields++;
    }
    if (group.form) {
      const buttons = describeButtons(group.form);
      if (buttons.length > 0) lines.push(`    buttons: ${buttons.join(', ')}`);
    }
  }
  if (groups.length === 0) lines.push('  (none)');
  if (fields.length > printedFields)
    lines.push(`  … ${fields.length - printedFields} more field(s) not listed`);
  const looseButtons = describeButtons(doc.body, true);
  if (looseButtons.length > 0) lines.push(`  buttons outside forms: ${looseButtons.join(', ')}`);

  lines.push('', 'password rule lines:');
  const rules = ruleLines(doc);
  for (const rule of rules) lines.push(`  ${quote(rule)}`);
  if (rules.length === 0) lines.push('  (none)');

  return scrub(lines.join('\n'), doc, url).slice(0, MAX_DIAGNOSTIC_CHARS);
}

function quote(text: string | null | undefined): string {
  return `"${cleanText(text, MAX_TEXT).replace(/"/g, "'")}"`;
}

function describeEl(el: Element): string {
  const tag = el.tagName.toLowerCase();
  if (el.id) return `${tag}#${cleanText(el.id, 40)}`;
  const name = el.getAttribute('name');
  return name ? `${tag}[name="${cleanText(name, 40)}"]` : tag;
}

function describeForm(form: HTMLFormElement): string {
  const parts = [describeEl(form)];
  const method = form.getAttribute('method');
  if (method) parts.push(`method=${cleanText(method, 10).toLowerCase()}`);
  const action = form.getAttribute('action');
  // The action's query often carries a session code: its path only, redacted like the page's.
  if (action) {
    let resolved = '';
    try {
      resolved = new URL(action, 'https://action.invalid/').href;
    } catch {
      // An unparsable action is printed as "?".
    }
    parts.push(`action=${describeUrl(resolved).path}`);
  }
  return parts.join(' ');
}

function describeField(field: Element, doc: Document): string {
  const tag = field.tagName.toLowerCase();
  const parts: string[] = [tag === 'input' ? `input type=${(field as HTMLInputElement).type}` : tag];
  for (const attr of ['name', 'id', 'autocomplete']) {
    const value = field.getAttribute(attr);
    if (value) parts.push(`${attr}=${quote(value)}`);
  }
  const label = labelOf(field, doc);
  if (label) parts.push(`label=${quote(label)}`);
  const placeholder = field.getAttribute('placeholder');
  if (placeholder) parts.push(`placeholder=${quote(placeholder)}`);
  if (field.hasAttribute('passwordrules')) parts.push('has passwordrules');
  if ((field as HTMLInputElement).disabled) parts.push('disabled');
  if ((field as HTMLInputElement).readOnly) parts.push('readonly');
  if (!isProbablyVisible(field)) parts.push('hidden');
  return parts.join(' ');
}

function labelOf(field: Element, doc: Document): string {
  const parts: string[] = [];
  const aria = field.getAttribute('aria-label');
  if (aria) parts.push(aria);
  for (const id of (field.getAttribute('aria-labelledby') ?? '').split(/\s+/).slice(0, 3)) {
    const el = id ? doc.getElementById(id) : null;
    if (el) parts.push(textWithoutFields(el));
  }
  if (field.id) {
    for (const label of doc.querySelectorAll('label[for]')) {
      if (label.getAttribute('for') === field.id) parts.push(textWithoutFields(label));
    }
  }
  const wrapping = field.closest('label');
  if (wrapping) parts.push(textWithoutFields(wrapping));
  return cleanText(parts.join(' '), MAX_TEXT);
}

/** Text of a label, leaving out what fields inside it hold (a `<select>`'s options, a textarea's text). */
function textWithoutFields(el: Element): string {
  const clone = el.cloneNode(true) as Element;
  for (const inner of clone.querySelectorAll('select, textarea, [contenteditable]')) inner.remove();
  return clone.textContent?.slice(0, 400) ?? '';
}

function describeButtons(root: Element | null, outsideForms = false): string[] {
  if (!root) return [];
  const out: string[] = [];
  const buttons = root.querySelectorAll(
    'button, input[type="submit"], input[type="button"], input[type="reset"], [role="button"]',
  );
  for (let i = 0; i < buttons.length && out.length < MAX_BUTTONS; i++) {
    const button = buttons[i] as Element;
    if (outsideForms && button.closest('form')) continue;
    if (isTyped(button)) continue;
    // An input button's caption is its value attribute, which the site wrote: the only value we print.
    const caption =
      button.tagName === 'INPUT'
        ? (button.getAttribute('value') ?? '')
        : button.textContent || button.getAttribute('aria-label') || '';
    out.push(`${quote(caption)}${isProbablyVisible(button) ? '' : ' (hidden)'}`);
  }
  return out;
}

/** Inside something a person types into: its text is theirs, not the page's. */
function isTyped(el: Element): boolean {
  return el.closest('textarea, [contenteditable]:not([contenteditable="false"])') !== null;
}

const SKIP_TEXT_IN = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'TEXTAREA', 'SELECT', 'OPTION']);
const BLOCK_TAGS = new Set(['P', 'LI', 'DD', 'DT', 'DIV', 'SPAN', 'SMALL', 'LABEL', 'TD']);
const RULE_HINT = /mot de passe|password|caracteres?|characters?/;

/** Short visible lines that read like a password rule ("8 caractères minimum, dont 1 majuscule"). */
function ruleLines(doc: Document): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  const body = doc.body;
  if (!body) return out;
  const all = body.querySelectorAll('*');
  for (let i = 0; i < all.length && i < 5000 && out.length < MAX_RULE_LINES; i++) {
    const el = all[i] as Element;
    if (!BLOCK_TAGS.has(el.tagName) || SKIP_TEXT_IN.has(el.tagName) || isTyped(el)) continue;
    // Leaf-most blocks only: a container repeating its children's text adds nothing.
    if (el.querySelector('p, li, dd, dt, div, label, td')) continue;
    const raw = el.textContent ?? '';
    if (raw.length > 300) continue;
    const text = normalizeText(raw);
    if (!text || !POLICY_WORDS.test(text) || !(RULE_HINT.test(text) || /\d/.test(text))) continue;
    if (!isProbablyVisible(el)) continue;
    const line = cleanText(raw, 200);
    if (seen.has(line)) continue;
    seen.add(line);
    out.push(line);
  }
  return out;
}

/**
 * Last line of defence: whatever fields hold now (typed passwords, e-mails, hidden tokens) and the
 * address's query and fragment values are cut out of the report wherever the page may have echoed them.
 */
function scrub(text: string, doc: Document, url: string): string {
  const secrets = new Set<string>();
  const fields = doc.querySelectorAll('input, textarea');
  for (let i = 0; i < fields.length && i < 5000; i++) {
    const field = fields[i] as HTMLInputElement;
    const type = field.type;
    // Button captions are the site's own words, printed on purpose; checkbox values are fixed by the site.
    if (type === 'submit' || type === 'button' || type === 'reset' || type === 'checkbox' || type === 'radio')
      continue;
    addSecret(secrets, field.value);
    addSecret(secrets, field.getAttribute('value'));
  }
  try {
    const parsed = new URL(url);
    for (const [, value] of parsed.searchParams) addSecret(secrets, value);
    addSecret(secrets, parsed.search.slice(1));
    addSecret(secrets, parsed.hash.slice(1));
    addSecret(secrets, parsed.username);
    addSecret(secrets, parsed.password);
  } catch {
    // No address to scrub.
  }
  let out = text;
  // Longest first, so a token is not half-replaced through a shorter secret it contains.
  for (const secret of [...secrets].sort((a, b) => b.length - a.length))
    out = out.split(secret).join(REDACTED);
  return out;
}

function addSecret(secrets: Set<string>, value: string | null | undefined): void {
  if (!value) return;
  const trimmed = value.trim();
  if (trimmed.length >= MIN_SCRUB) secrets.add(trimmed.slice(0, 2000));
  if (trimmed !== value && value.length >= MIN_SCRUB) secrets.add(value.slice(0, 2000));
}
