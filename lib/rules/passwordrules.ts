import { type CharSetSpec, normalizeSet, type SetClass } from './charset';
import { type Requirement, type RuleProfile, safeParseProfile } from './profile';

/**
 * Apple's Password Rules language (the `passwordrules` attribute), read strictly: where Apple's reference
 * parser logs and drops a bad piece, we report an error, because a silently narrowed rule would make the
 * checklist say "OK" to a password the site refuses. Unlike Apple's parser, listed characters outside
 * ASCII (`[äöü§]`) are kept: the site accepts them, so the checklist must not refuse them.
 * Grammar: https://developer.apple.com/password-rules/ and apple/password-manager-resources.
 */

/** Which properties the text stated, so a merge over a built-in profile keeps the rest. */
export interface StatedRules {
  minLength: boolean;
  maxLength: boolean;
  maxConsecutive: boolean;
  /** A `required` or `allowed` rule: the requirements and the allowed set come from the text. */
  classes: boolean;
}

export interface PasswordRulesIssue {
  /** Message key in `locales/rules.json`. */
  key: string;
  params: string[];
}

export type PasswordRulesResult =
  | { ok: true; profile: RuleProfile; stated: StatedRules }
  | { ok: false; errors: string[]; issues: PasswordRulesIssue[] };

const PROPERTIES = ['minlength', 'maxlength', 'max-consecutive', 'required', 'allowed'] as const;
type Property = (typeof PROPERTIES)[number];
const NAMED_CLASSES = ['upper', 'lower', 'digit', 'special', 'ascii-printable', 'unicode'] as const;

// Attribute values are a line or two; the cap bounds the work and the error list on hostile input.
const MAX_INPUT = 4096;
const MAX_ERRORS = 20;
const MAX_INT = 4096;

/** A character set as read, with the source text for messages. */
interface CharSet {
  set: CharSetSpec;
  text: string;
}

function namedSet(name: (typeof NAMED_CLASSES)[number]): CharSetSpec {
  if (name === 'ascii-printable') return { classes: ['upper', 'lower', 'digit', 'special'], chars: '' };
  return { classes: [name], chars: '' };
}

const isWhitespace = (c: string | undefined) =>
  c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f';
const isIdentChar = (c: string | undefined) =>
  c !== undefined && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c === '-');

interface ParsedRule {
  name: Property;
  ints?: number;
  sets?: CharSet[];
}

class Reader {
  pos = 0;
  readonly errors: string[] = [];
  readonly issues: PasswordRulesIssue[] = [];
  constructor(readonly text: string) {}

  fail(key: string, params: string[], message: string): void {
    if (this.errors.length >= MAX_ERRORS) return;
    this.errors.push(message);
    this.issues.push({ key, params });
  }
  get full(): boolean {
    return this.errors.length >= MAX_ERRORS;
  }
  peek(): string | undefined {
    return this.text[this.pos];
  }
  skipSpace(): void {
    while (isWhitespace(this.peek())) this.pos++;
  }
  /** After an error, resume at the next rule. */
  skipRule(): void {
    const next = this.text.indexOf(';', this.pos);
    this.pos = next === -1 ? this.text.length : next + 1;
  }
  identifier(): string {
    const start = this.pos;
    while (isIdentChar(this.peek())) this.pos++;
    return this.text.slice(start, this.pos);
  }
  near(): string {
    return [...this.text.slice(this.pos, this.pos + 12)].slice(0, 10).join('') || '<end>';
  }
}

function readInteger(r: Reader, name: Property): number | undefined {
  const start = r.pos;
  while (r.pos < r.text.length && r.peek() !== ';') r.pos++;
  const raw = r.text.slice(start, r.pos).trim();
  const n = /^\d{1,5}$/.test(raw) ? Number(raw) : Number.NaN;
  const min = name === 'minlength' ? 0 : 1;
  if (!(n >= min && n <= MAX_INT)) {
    r.fail(
      'pwrules_bad_integer',
      [name, raw],
      `${name}: "${raw}" is not a whole number from ${min} to ${MAX_INT}`,
    );
    return undefined;
  }
  return n;
}

function readCustomClass(r: Reader): CharSet | undefined {
  const open = r.pos;
  r.pos++; // '['
  const chars = new Set<string>();
  let ok = true;
  let first = true;
  for (;;) {
    const c = r.peek();
    if (c === undefined) {
      r.fail('pwrules_syntax', [r.text.slice(open, open + 12)], `unterminated character class at ${open}`);
      return undefined;
    }
    if (c === ']') {
      // `]` is literal only as the last character, written `]]`.
      if (r.text[r.pos + 1] === ']') {
        chars.add(']');
        r.pos += 2;
      } else r.pos++;
      break;
    }
    const cp = r.text.codePointAt(r.pos) ?? 0;
    const ch = String.fromCodePoint(cp);
    // A lone surrogate comes back whole from codePointAt, so step by what was read.
    const step = cp > 0xffff ? 2 : 1;
    // Printable characters beyond ASCII (`äöü§’`) are the site's own; invisible ones are a broken page.
    if (
      cp < 0x20 ||
      cp === 0x7f ||
      (cp >= 0x80 && cp < 0xa0) ||
      (ch !== ' ' && /^[\p{Cs}\p{Cf}\s]$/u.test(ch))
    ) {
      r.fail(
        'pwrules_non_ascii',
        [ch],
        `character class at ${open}: U+${cp.toString(16).toUpperCase().padStart(4, '0')} is not a printable character`,
      );
      ok = false;
    } else if (ch === '-' && !first) {
      r.fail('pwrules_misplaced_dash', [], `character class at ${open}: "-" may only come first`);
      ok = false;
    } else chars.add(ch);
    first = false;
    r.pos += step;
  }
  if (!ok) return undefined;
  if (chars.size === 0) {
    r.fail('pwrules_empty_class', [], `empty character class at ${open}`);
    return undefined;
  }
  return { set: { classes: [], chars: [...chars].join('') }, text: r.text.slice(open, r.pos) };
}

function readClasses(r: Reader, name: Property): CharSet[] | undefined {
  const sets: CharSet[] = [];
  let ok = true;
  for (;;) {
    r.skipSpace();
    const c = r.peek();
    if (c === '[') {
      const set = readCustomClass(r);
      if (set) sets.push(set);
      else ok = false;
    } else if (isIdentChar(c)) {
      const id = r.identifier();
      const lower = id.toLowerCase();
      if ((NAMED_CLASSES as readonly string[]).includes(lower)) {
        const named = lower as (typeof NAMED_CLASSES)[number];
        sets.push({ set: namedSet(named), text: lower });
      } else {
        r.fail('pwrules_unknown_class', [id], `${name}: unknown character class "${id}"`);
        ok = false;
      }
    } else {
      r.fail('pwrules_syntax', [r.near()], `${name}: expected a class name or [...] near "${r.near()}"`);
      return undefined;
    }
    r.skipSpace();
    const sep = r.peek();
    if (sep === undefined || sep === ';') break;
    if (sep !== ',') {
      r.fail('pwrules_syntax', [r.near()], `${name}: expected "," or ";" near "${r.near()}"`);
      return undefined;
    }
    r.pos++;
  }
  return ok ? sets : undefined;
}

function readRules(text: string): { rules: ParsedRule[]; reader: Reader } {
  const r = new Reader(text);
  const rules: ParsedRule[] = [];
  while (!r.full) {
    r.skipSpace();
    const c = r.peek();
    if (c === undefined) break;
    if (c === ';') {
      r.pos++;
      continue;
    }
    const start = r.pos;
    const id = r.identifier();
    if (id === '') {
      r.fail('pwrules_syntax', [r.near()], `expected a property name near "${r.near()}"`);
      r.skipRule();
      continue;
    }
    if (!(PROPERTIES as readonly string[]).includes(id)) {
      r.fail('pwrules_unknown_property', [id], `unknown property "${id}" at ${start}`);
      r.skipRule();
      continue;
    }
    const name = id as Property;
    r.skipSpace();
    if (r.peek() !== ':') {
      r.fail('pwrules_syntax', [r.near()], `${name}: expected ":" near "${r.near()}"`);
      r.skipRule();
      continue;
    }
    r.pos++;
    r.skipSpace();
    if (name === 'required' || name === 'allowed') {
      const sets = readClasses(r, name);
      if (sets) rules.push({ name, sets });
      else r.skipRule();
    } else {
      const n = readInteger(r, name);
      if (n !== undefined) rules.push({ name, ints: n });
    }
  }
  return { rules, reader: r };
}

/** The union of sets, written canonically; the order of listed characters is their first appearance. */
function union(sets: readonly CharSetSpec[]): CharSetSpec {
  const classes = new Set<SetClass>();
  let chars = '';
  for (const s of sets) {
    for (const c of s.classes) classes.add(c);
    chars += s.chars;
  }
  return normalizeSet({ classes: [...classes], chars });
}

const asksNothing = (set: CharSetSpec) =>
  set.classes.includes('unicode') ||
  (['upper', 'lower', 'digit', 'special'] as const).every((c) => set.classes.includes(c));

/**
 * Parses a `passwordrules` value into the profile it states. Every problem is reported, with an English
 * message in `errors` (for developers) and a message key in `issues` (for the UI); nothing is dropped
 * silently. Apple's reading otherwise: repeated lengths keep the strictest, required classes are allowed
 * too, no class rule at all allows every printable ASCII character, a `required` rule that any character
 * meets asks nothing. A `required` line written twice asks for two such characters.
 */
export function parsePasswordRules(text: string): PasswordRulesResult {
  if (typeof text !== 'string' || text.length > MAX_INPUT) {
    return {
      ok: false,
      errors: [`rules text is longer than ${MAX_INPUT} characters`],
      issues: [{ key: 'pwrules_syntax', params: [''] }],
    };
  }
  const { rules, reader: r } = readRules(text);
  const fail = (): PasswordRulesResult => ({ ok: false, errors: r.errors, issues: r.issues });
  if (r.errors.length > 0) return fail();

  let minLength: number | undefined;
  let maxLength: number | undefined;
  let maxConsecutive: number | undefined;
  const requirements: Requirement[] = [];
  const allowedSets: CharSetSpec[] = [];
  let anyClassRule = false;

  for (const rule of rules) {
    const n = rule.ints;
    if (rule.name === 'minlength' && n !== undefined) minLength = Math.max(minLength ?? 0, n);
    if (rule.name === 'maxlength' && n !== undefined) maxLength = Math.min(maxLength ?? MAX_INT, n);
    if (rule.name === 'max-consecutive' && n !== undefined)
      maxConsecutive = Math.min(maxConsecutive ?? MAX_INT, n);
    if (!rule.sets) continue;
    anyClassRule = true;
    const set = union(rule.sets.map((s) => s.set));
    allowedSets.push(set);
    if (rule.name !== 'required' || asksNothing(set)) continue;
    const same = requirements.find((q) => sameCanonical(q.set, set));
    if (same) same.min++;
    else requirements.push({ min: 1, set });
  }

  if (minLength !== undefined && maxLength !== undefined && minLength > maxLength)
    r.fail(
      'pwrules_min_above_max',
      [String(minLength), String(maxLength)],
      `minlength ${minLength} is above maxlength ${maxLength}`,
    );
  if (r.errors.length > 0) return fail();

  const allowed = anyClassRule ? union(allowedSets) : namedSet('ascii-printable');
  const profile: RuleProfile = {
    id: 'rules',
    minLength: Math.max(1, minLength ?? 1),
    requirements,
    allowed: allowed.classes.includes('unicode') ? { classes: ['unicode'], chars: '' } : allowed,
  };
  if (maxLength !== undefined) profile.maxLength = maxLength;
  if (maxConsecutive !== undefined) profile.maxConsecutive = maxConsecutive;

  const check = safeParseProfile(profile);
  if (!check.ok) {
    r.fail('pwrules_impossible', [], `these rules cannot all be met: ${check.error}`);
    return fail();
  }
  return {
    ok: true,
    profile: check.profile,
    stated: {
      minLength: minLength !== undefined,
      maxLength: maxLength !== undefined,
      maxConsecutive: maxConsecutive !== undefined,
      classes: anyClassRule,
    },
  };
}

function sameCanonical(a: CharSetSpec, b: CharSetSpec): boolean {
  return a.chars === b.chars && a.classes.join() === b.classes.join();
}

/**
 * The profile Sésame applies on a page whose only statement is this `passwordrules` text, on a site with
 * no built-in profile; `null` when the text cannot be read (or states rules that cannot all be met).
 */
export function profileForPasswordRules(text: string): RuleProfile | null {
  const parsed = parsePasswordRules(text);
  return parsed.ok ? parsed.profile : null;
}

/** Writes a custom class with `-` first and `]` last, as Apple's grammar requires. */
function customClass(listed: string): string {
  const chars = [...listed];
  const middle = chars.filter((ch) => ch !== '-' && ch !== ']').join('');
  return `[${chars.includes('-') ? '-' : ''}${middle}${chars.includes(']') ? ']' : ''}]`;
}

/**
 * Apple has no "neither letter nor digit" class: `symbol` is written as `special` in a requirement (its
 * ASCII part) and as `unicode` in the allowed set (everything it lets through).
 */
function writeSet(set: CharSetSpec, role: 'required' | 'allowed'): string {
  const names: string[] = [];
  for (const c of set.classes) {
    if (c === 'symbol') names.push(role === 'required' ? 'special' : 'unicode');
    else names.push(c);
  }
  const unique = [...new Set(names)];
  if (unique.includes('unicode')) return 'unicode';
  if (set.chars !== '') unique.push(customClass(set.chars));
  return unique.join(', ');
}

/**
 * The profile in Apple's syntax, for a `passwordrules` attribute or a password manager. A requirement for N
 * characters repeats its `required` line N times; `parsePasswordRules` reads that back as N. Profiles read
 * by `parsePasswordRules` round-trip exactly.
 */
export function toPasswordRules(profile: RuleProfile): string {
  const parts = [`minlength: ${profile.minLength};`];
  if (profile.maxLength !== undefined) parts.push(`maxlength: ${profile.maxLength};`);
  if (profile.maxConsecutive !== undefined) parts.push(`max-consecutive: ${profile.maxConsecutive};`);
  for (const req of profile.requirements) {
    const written = writeSet(req.set, 'required');
    for (let i = 0; i < req.min; i++) parts.push(`required: ${written};`);
  }
  const allowed = writeSet(profile.allowed, 'allowed');
  if (allowed !== '') parts.push(`allowed: ${allowed};`);
  return parts.join(' ');
}

/**
 * A page's `passwordrules` over a built-in profile: what the text states wins (its requirements and allowed
 * set when it has any class rule, each length and the run limit when stated), the rest stays. A result that
 * does not validate keeps `base`.
 */
export function applyPasswordRules(
  base: RuleProfile,
  parsed: { profile: RuleProfile; stated: StatedRules },
): RuleProfile {
  const { profile: p, stated } = parsed;
  const merged: RuleProfile = {
    id: 'page',
    minLength: stated.minLength ? p.minLength : base.minLength,
    requirements: stated.classes ? p.requirements : base.requirements,
    allowed: stated.classes ? p.allowed : base.allowed,
  };
  const maxLength = stated.maxLength ? p.maxLength : base.maxLength;
  if (maxLength !== undefined) merged.maxLength = maxLength;
  const maxConsecutive = stated.maxConsecutive ? p.maxConsecutive : base.maxConsecutive;
  if (maxConsecutive !== undefined) merged.maxConsecutive = maxConsecutive;
  const checked = safeParseProfile(merged);
  return checked.ok ? checked.profile : base;
}
