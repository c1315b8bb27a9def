import {
  CHANGE_HEADING,
  CONFIRM_TOKENS,
  CONFIRM_WORDS,
  CURRENT_TOKENS,
  CURRENT_WORDS,
  cleanText,
  matchAt,
  NEW_TOKENS,
  NEW_WORDS,
  normalizeText,
  PASSWORDISH_TOKENS,
  POLICY_WORDS,
  SUCCESS_WORDS,
} from './text';
import { isHiddenByAttributes, isProbablyVisible } from './visibility';

export interface PasswordForm {
  /** The `<form>` holding the fields, or their closest common ancestor when there is no form. */
  container: Element;
  current: HTMLInputElement | null;
  newPassword: HTMLInputElement;
  confirm: HTMLInputElement | null;
  /** Why detection decided so, for debugging; never contains a field value. */
  signals: string[];
}

export type PageState =
  | { kind: 'change-password'; form: PasswordForm }
  | { kind: 'success'; signals: string[] }
  | { kind: 'none'; signals: string[] };

type Role = 'current' | 'new' | 'confirm';

interface Candidate {
  input: HTMLInputElement;
  order: number;
  group: Element | null;
  score: Record<Role, number>;
  reasons: string[];
}

// Bounds that keep a hostile page (thousands of inputs, huge labels) linear and fast.
const MAX_INPUTS = 5000;
/** More password-like inputs than this in one form, hidden ones included: not a change form. */
const MAX_RAW_GROUP = 20;
/** Visible ones: current + new + confirm, plus slack for a sign-in widget sharing the form. */
const MAX_GROUP_FIELDS = 6;
const MAX_SUCCESS_CHARS = 20_000;

// Points per kind of evidence. Labels a user reads outweigh markup a developer chose.
const W_LABEL = 4;
const W_HINT = 3; // placeholder, title, text just before the field
const W_SECTION = 1.5; // heading of the step/fieldset the field sits in
const W_TOKEN = 3;
const W_AC_CURRENT = 4;
const W_AC_NEW = 2;
const W_AC_NEW_AS_CONFIRM = 1;

const ORDER_PENALTY = 3;
const UNASSIGNED_PENALTY = 1.5;
const ADJACENT_CONFIRM_BONUS = 1;
/** A role counts as "evidenced" from this score on. */
const EVIDENCE = 2;

export interface DetectOptions {
  /**
   * Look for the success step's text when there is no form (default true). It walks the page's text, so the
   * content script only asks for it where a change form was seen in the page's life.
   */
  success?: boolean;
}

export function detectPage(doc: Document, options: DetectOptions = {}): PageState {
  const signals: string[] = [];
  const headingHit = findChangeHeading(doc);
  if (headingHit) signals.push(`heading: "${headingHit}"`);

  const groups = collectGroups(doc, new LabelIndex(doc));
  let best: { form: PasswordForm; total: number } | null = null;
  for (const group of groups) {
    const result = assignRoles(group, headingHit !== null);
    signals.push(...result.signals);
    if (result.form && (!best || result.total > best.total))
      best = { form: result.form, total: result.total };
  }
  if (best) {
    best.form.signals.unshift(...signals);
    return { kind: 'change-password', form: best.form };
  }

  const success = options.success === false ? null : findSuccessText(doc);
  if (success) return { kind: 'success', signals: [...signals, `success text: "${success}"`] };
  return { kind: 'none', signals };
}

// ---------------------------------------------------------------------------------------------------
// Candidates

/**
 * Visible password-like inputs, scored, grouped by form. A group with more password fields than any
 * change form has is dropped before the (costlier) label work, which keeps a 1,000-field page fast.
 */
function collectGroups(doc: Document, labels: LabelIndex): Candidate[][] {
  const raw = new Map<Element | null, HTMLInputElement[]>();
  const inputs = doc.querySelectorAll('input');
  const toggled = toggledIds(doc);
  for (let i = 0; i < inputs.length && i < MAX_INPUTS; i++) {
    const input = inputs[i] as HTMLInputElement;
    if (input.disabled || input.readOnly || !isPasswordLike(input, toggled)) continue;
    const key = input.form ?? null;
    const list = raw.get(key);
    if (list) list.push(input);
    else raw.set(key, [input]);
  }
  const groups: Candidate[][] = [];
  let order = 0;
  for (const list of raw.values()) {
    if (list.length > MAX_RAW_GROUP) continue;
    const visible = list.filter(isProbablyVisible);
    if (visible.length === 0 || visible.length > MAX_GROUP_FIELDS) continue;
    groups.push(visible.map((input) => scoreCandidate(input, order++, labels)));
  }
  return groups;
}

/** Ids of fields a show/hide button controls (Keycloak v2 `data-password-toggle`, DSFR-like toggles). */
function toggledIds(doc: Document): Set<string> {
  const ids = new Set<string>();
  const toggles = doc.querySelectorAll('[data-password-toggle][aria-controls]');
  for (let i = 0; i < toggles.length && i < 50; i++) {
    for (const id of (toggles[i] as Element).getAttribute('aria-controls')?.split(/\s+/) ?? []) ids.add(id);
  }
  return ids;
}

function isPasswordLike(input: HTMLInputElement, toggled: Set<string>): boolean {
  const type = input.type.toLowerCase();
  if (type === 'password') return true;
  if (type !== 'text') return false;
  // A password field a show/hide button turned into plain text still has to be found.
  const ac = (input.getAttribute('autocomplete') ?? '').toLowerCase();
  if (ac.includes('new-password') || ac.includes('current-password')) return true;
  if (PASSWORDISH_TOKENS.test(`${input.name} ${input.id}`.toLowerCase())) return true;
  return input.id !== '' && toggled.has(input.id);
}

function scoreCandidate(input: HTMLInputElement, order: number, labels: LabelIndex): Candidate {
  const score: Record<Role, number> = { current: 0, new: 0, confirm: 0 };
  const reasons: string[] = [];
  const add = (role: Role, points: number, why: string) => {
    score[role] += points;
    reasons.push(`${role}+${points} ${why}`);
  };

  // Texts: the best (heaviest) text decides per role, so a label repeated as placeholder counts once.
  const textBest: Record<Role, { points: number; why: string }> = {
    current: { points: 0, why: '' },
    new: { points: 0, why: '' },
    confirm: { points: 0, why: '' },
  };
  const texts: Array<[string, number, string]> = [];
  const label = labels.labelText(input);
  if (label) texts.push([label, W_LABEL, 'label']);
  const placeholder = normalizeText(input.getAttribute('placeholder'));
  if (placeholder) texts.push([placeholder, W_HINT, 'placeholder']);
  const title = normalizeText(input.getAttribute('title'));
  if (title) texts.push([title, W_HINT, 'title']);
  if (!label && !placeholder) {
    const nearby = nearbyText(input);
    if (nearby) texts.push([nearby, W_HINT, 'nearby text']);
  }
  const section = sectionHeading(input);
  if (section) texts.push([section, W_SECTION, 'section']);
  for (const [text, weight, source] of texts) {
    const role = roleFromText(text);
    if (role && weight > textBest[role].points)
      textBest[role] = { points: weight, why: `${source} "${text}"` };
  }
  for (const role of ['current', 'new', 'confirm'] as const) {
    if (textBest[role].points > 0) add(role, textBest[role].points, textBest[role].why);
  }

  const ac = (input.getAttribute('autocomplete') ?? '').toLowerCase();
  if (ac.includes('current-password')) add('current', W_AC_CURRENT, 'autocomplete current-password');
  if (ac.includes('new-password')) {
    add('new', W_AC_NEW, 'autocomplete new-password');
    add('confirm', W_AC_NEW_AS_CONFIRM, 'autocomplete new-password');
  }

  const tokens = `${input.name} ${input.id}`.toLowerCase().slice(0, 200);
  // `confirmpassword`/`new_password2` also contain "new"/"password": confirmation wins, as with labels.
  if (CONFIRM_TOKENS.test(input.name.toLowerCase()) || CONFIRM_TOKENS.test(input.id.toLowerCase())) {
    add('confirm', W_TOKEN, `name/id "${tokens.trim()}"`);
  } else if (CURRENT_TOKENS.test(tokens)) {
    add('current', W_TOKEN, `name/id "${tokens.trim()}"`);
  } else if (NEW_TOKENS.test(tokens)) {
    add('new', W_TOKEN, `name/id "${tokens.trim()}"`);
  }

  return { input, order, group: input.form ?? null, score, reasons };
}

/**
 * Which role a text names. Confirmation labels usually repeat "nouveau" ("Confirmation du nouveau mot
 * de passe", "Répétez le nouveau…"), so confirmation wins; between current and new the first word said wins.
 */
function roleFromText(text: string): Role | null {
  if (CONFIRM_WORDS.test(text)) return 'confirm';
  const cur = matchAt(CURRENT_WORDS, text);
  const nw = matchAt(NEW_WORDS, text);
  if (cur < 0 && nw < 0) return null;
  if (cur < 0) return 'new';
  if (nw < 0) return 'current';
  return cur < nw ? 'current' : 'new';
}

// ---------------------------------------------------------------------------------------------------
// Labels

class LabelIndex {
  private byFor: Map<string, Element[]> | null = null;

  constructor(private readonly doc: Document) {}

  /** Accessible-name-like text: aria-labelledby, aria-label, `<label for>`, wrapping `<label>`. */
  labelText(input: HTMLInputElement): string {
    const parts: string[] = [];
    const labelledBy = input.getAttribute('aria-labelledby');
    if (labelledBy) {
      for (const id of labelledBy.split(/\s+/).slice(0, 5)) {
        const el = id ? this.doc.getElementById(id) : null;
        if (el) parts.push(el.textContent?.slice(0, 200) ?? '');
      }
    }
    const aria = input.getAttribute('aria-label');
    if (aria) parts.push(aria);
    if (input.id) {
      for (const label of this.labelsFor(input.id)) parts.push(label.textContent?.slice(0, 200) ?? '');
    }
    const wrapping = input.closest('label');
    if (wrapping) parts.push(wrapping.textContent?.slice(0, 200) ?? '');
    return normalizeText(parts.join(' '));
  }

  private labelsFor(id: string): Element[] {
    if (!this.byFor) {
      this.byFor = new Map();
      const all = this.doc.querySelectorAll('label[for]');
      for (let i = 0; i < all.length; i++) {
        const label = all[i] as Element;
        const key = label.getAttribute('for') ?? '';
        const list = this.byFor.get(key);
        if (list) list.push(label);
        else this.byFor.set(key, [label]);
      }
    }
    return this.byFor.get(id) ?? [];
  }
}

/** Text just before the field (a label without `for`, a `<span>` caption), looking up to 3 levels out. */
function nearbyText(input: Element): string {
  let node: Element | null = input;
  for (let level = 0; level < 3 && node && node.tagName !== 'FORM'; level++) {
    let sibling = node.previousElementSibling;
    for (let hops = 0; hops < 2 && sibling; hops++) {
      if (!sibling.querySelector('input') && !isHiddenByAttributes(sibling)) {
        const text = normalizeText(sibling.textContent, 120);
        if (text) return text;
      }
      sibling = sibling.previousElementSibling;
    }
    node = node.parentElement;
  }
  return '';
}

const SECTION_HEADING_TAGS = new Set(['LEGEND', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6']);

/** The title of the step the field sits in ("Étape 1 : Écrire votre ancien mot de passe"). */
function sectionHeading(input: Element): string {
  let node = input.parentElement;
  for (let level = 0; level < 5 && node && node.tagName !== 'FORM' && node.tagName !== 'BODY'; level++) {
    let child = node.firstElementChild;
    for (let i = 0; i < 4 && child; i++) {
      if (SECTION_HEADING_TAGS.has(child.tagName)) return normalizeText(child.textContent, 120);
      child = child.nextElementSibling;
    }
    node = node.parentElement;
  }
  return '';
}

// ---------------------------------------------------------------------------------------------------
// Grouping and role assignment

interface Assignment {
  form: PasswordForm | null;
  total: number;
  signals: string[];
}

/**
 * Tries every (current?, new, confirm?) triple — at most 6×7×7 — and keeps the best by evidence plus
 * order priors (current before new before confirm; confirm right after new; no visible field left over).
 */
function assignRoles(fields: Candidate[], heading: boolean): Assignment {
  const n = fields.length;
  let best = { total: Number.NEGATIVE_INFINITY, cur: -1, nw: -1, conf: -1 };
  for (let nw = 0; nw < n; nw++) {
    for (let cur = -1; cur < n; cur++) {
      if (cur === nw) continue;
      for (let conf = -1; conf < n; conf++) {
        if (conf === nw || (conf >= 0 && conf === cur)) continue;
        let total = score(fields, nw, 'new') + score(fields, cur, 'current') + score(fields, conf, 'confirm');
        if (cur > nw) total -= ORDER_PENALTY;
        if (conf >= 0 && conf < nw) total -= ORDER_PENALTY;
        if (cur >= 0 && conf >= 0 && conf < cur) total -= ORDER_PENALTY;
        if (conf === nw + 1) total += ADJACENT_CONFIRM_BONUS;
        const assigned = 1 + (cur >= 0 ? 1 : 0) + (conf >= 0 ? 1 : 0);
        total -= (n - assigned) * UNASSIGNED_PENALTY;
        if (total > best.total) best = { total, cur, nw, conf };
      }
    }
  }

  const newField = fields[best.nw];
  if (!newField) return { form: null, total: best.total, signals: [] };
  const current = best.cur >= 0 ? (fields[best.cur] ?? null) : null;
  const confirm = best.conf >= 0 ? (fields[best.conf] ?? null) : null;
  const where = describe(newField.group ?? newField.input);
  const signals = [`${where}: ${n} visible password field(s)`];
  signals.push(...fields.map((f) => `${describe(f.input)}: ${f.reasons.join(', ') || 'no role evidence'}`));
  signals.push(
    `${where} best: current=${current ? describe(current.input) : '-'} new=${describe(newField.input)} confirm=${confirm ? describe(confirm.input) : '-'} (score ${best.total})`,
  );

  const newEvidence = newField.score.new >= EVIDENCE;
  const confirmEvidence = confirm !== null && confirm.score.confirm >= EVIDENCE;
  let verdict: string | null = null;
  if (n === 1) {
    // One field is a sign-in or "confirm it's you" prompt unless it plainly asks for a NEW password.
    if (!newEvidence || newField.score.current >= newField.score.new)
      verdict = 'single field without new-password evidence';
  } else if (!newEvidence && !confirmEvidence && !heading && n < 3) {
    verdict = 'no label, autocomplete, name or heading says "new password"';
  } else if (
    newField.score.current > newField.score.new &&
    newField.score.current >= EVIDENCE &&
    !confirmEvidence
  ) {
    verdict = 'the chosen "new" field reads as a current password';
  }
  if (verdict) {
    signals.push(`${where} rejected: ${verdict}`);
    return { form: null, total: best.total, signals };
  }

  const container = newField.group ?? commonAncestor([newField, current, confirm]);
  return {
    form: {
      container,
      current: current?.input ?? null,
      newPassword: newField.input,
      confirm: confirm?.input ?? null,
      signals: [],
    },
    total: best.total,
    signals,
  };
}

function score(fields: Candidate[], index: number, role: Role): number {
  return index >= 0 ? (fields[index]?.score[role] ?? 0) : 0;
}

function commonAncestor(cands: Array<Candidate | null>): Element {
  const els = cands.filter((c): c is Candidate => c !== null).map((c) => c.input);
  const first = els[0] as HTMLInputElement;
  let node: Element | null = first.parentElement;
  while (node && !els.every((el) => node?.contains(el))) node = node.parentElement;
  return node ?? first.ownerDocument.body ?? first;
}

function describe(el: Element): string {
  const tag = el.tagName.toLowerCase();
  if (el.id) return `${tag}#${cleanText(el.id, 40)}`;
  const name = el.getAttribute('name');
  if (name) return `${tag}[name="${cleanText(name, 40)}"]`;
  return tag;
}

// ---------------------------------------------------------------------------------------------------
// Page-level texts

const PAGE_HEADINGS = 'h1, h2, h3, legend, [role="heading"]';

function findChangeHeading(doc: Document): string | null {
  const title = normalizeText(doc.title);
  if (CHANGE_HEADING.test(title)) return title;
  const headings = doc.querySelectorAll(PAGE_HEADINGS);
  for (let i = 0; i < headings.length && i < 50; i++) {
    const el = headings[i] as Element;
    const text = normalizeText(el.textContent, 150);
    if (CHANGE_HEADING.test(text) && !isHiddenByAttributes(el)) return text;
  }
  return null;
}

const SKIP_TEXT_IN = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'TEXTAREA', 'SELECT', 'OPTION']);

/** Visible text saying the password was changed; template content and hidden messages do not count. */
function findSuccessText(doc: Document): string | null {
  const body = doc.body;
  if (!body) return null;
  const walker = doc.createTreeWalker(body, 4 /* NodeFilter.SHOW_TEXT */);
  let budget = MAX_SUCCESS_CHARS;
  for (let node = walker.nextNode(); node && budget > 0; node = walker.nextNode()) {
    const raw = node.nodeValue ?? '';
    if (raw.trim() === '') continue;
    const parent = node.parentElement;
    if (!parent || SKIP_TEXT_IN.has(parent.tagName)) continue;
    budget -= raw.length;
    // The whole block, not the text node: "<strong>changé</strong> avec succès" spans several nodes.
    const block = blockOf(parent);
    const text = normalizeText(block.textContent, 400);
    if (SUCCESS_WORDS.test(text) && isProbablyVisible(parent)) return text;
  }
  return null;
}

const INLINE_TAGS = new Set(['STRONG', 'B', 'EM', 'I', 'SPAN', 'A', 'MARK', 'SMALL', 'U', 'ABBR']);

function blockOf(el: Element): Element {
  let node = el;
  for (let i = 0; i < 3 && INLINE_TAGS.has(node.tagName) && node.parentElement; i++)
    node = node.parentElement;
  return node;
}

// ---------------------------------------------------------------------------------------------------
// Policy texts and passwordrules

const MAX_POLICY_TEXTS = 30;
const MAX_POLICY_TEXT = 300;
const ITEM_TAGS = new Set(['LI', 'DD']);

/**
 * The criteria the page prints near the fields ("Mot contenant 8 caractères minimum"), in page order,
 * for the rules module to parse. Looks in the form first, then in what the new field's
 * `aria-describedby` points to, then up to two levels around the form.
 */
export function collectPolicyTexts(doc: Document, form: PasswordForm): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  const push = (raw: string | null | undefined) => {
    const text = cleanText(raw, MAX_POLICY_TEXT);
    if (!text || seen.has(text) || out.length >= MAX_POLICY_TEXTS) return;
    seen.add(text);
    out.push(text);
  };

  collectFrom(form.container, push);
  const describedBy = form.newPassword.getAttribute('aria-describedby');
  if (describedBy) {
    for (const id of describedBy.split(/\s+/).slice(0, 5)) {
      const el = id ? doc.getElementById(id) : null;
      if (el && !form.container.contains(el)) collectFrom(el, push);
    }
  }
  let scope: Element | null = form.container;
  for (let level = 0; level < 2 && out.length === 0 && scope?.parentElement; level++) {
    scope = scope.parentElement;
    if (scope.tagName === 'HTML') break;
    collectFrom(scope, push);
  }
  return out;
}

/** Leaf-most matching blocks, but a list item is taken whole ("<span>Taille minimale :</span> 8"). */
function collectFrom(root: Element, push: (text: string | null) => void): void {
  let visited = 0;
  const visit = (el: Element): boolean => {
    if (++visited > 5000) return false;
    if (SKIP_TEXT_IN.has(el.tagName) || el.tagName === 'INPUT' || el.tagName === 'BUTTON') return false;
    if (el.hasAttribute('hidden') || isHiddenByAttributes(el)) return false;
    const matches = () => {
      const text = normalizeText(el.textContent, MAX_POLICY_TEXT);
      return text.length > 0 && POLICY_WORDS.test(text);
    };
    if (ITEM_TAGS.has(el.tagName)) {
      if (!matches()) return false;
      push(el.textContent);
      return true;
    }
    let found = false;
    for (let child = el.firstElementChild; child; child = child.nextElementSibling) {
      if (visit(child)) found = true;
    }
    if (found) return true;
    if (el.tagName === 'LABEL' || el.querySelector('input, select, textarea')) return false;
    if ((el.textContent?.length ?? 0) > MAX_POLICY_TEXT || !matches()) return false;
    push(el.textContent);
    return true;
  };
  visit(root);
}

/** The Apple-syntax `passwordrules` attribute of the new field (or confirmation, or form), if any. */
export function readPasswordRulesAttr(form: PasswordForm): string | null {
  for (const el of [form.newPassword, form.confirm, form.container]) {
    const value = el?.getAttribute('passwordrules')?.trim();
    if (value) return value.slice(0, 2000);
  }
  return null;
}

/**
 * The new-password field's own validation regex, when it has one: entcore's `ng-pattern` (a `/…/` literal
 * when the page writes the rule in; an expression name otherwise, which `parsePatternRule` will not read)
 * or HTML's `pattern`.
 */
export function readPatternAttr(form: PasswordForm): string | null {
  for (const name of ['ng-pattern', 'data-ng-pattern', 'pattern']) {
    const value = form.newPassword.getAttribute(name)?.trim();
    if (value) return value.slice(0, 1000);
  }
  return null;
}
