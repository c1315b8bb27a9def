import type { PartialProfile } from './policy-text';
import { type CharClass, type OthersPolicy, type RuleProfile, safeParseProfile } from './profile';

/**
 * Apple's Password Rules language (the `passwordrules` attribute), read strictly: where Apple's reference
 * parser logs and drops a bad piece, we report an error, because a silently narrowed rule would make the
 * checklist say "OK" to a password the site refuses.
 * Grammar: https://developer.apple.com/password-rules/ and apple/password-manager-resources.
 */

/** Everything a rule string says, in our profile's terms. `required` and `specials` are always set. */
export type PasswordRules = PartialProfile & {
  others?: OthersPolicy;
  /** Apple's `max-consecutive`: longest run of one identical character. Our profile has no such rule. */
  maxConsecutive?: number;
};

export interface PasswordRulesIssue {
  /** Message key in `locales/rules.json`. */
  key: string;
  params: string[];
}

export type PasswordRulesResult =
  | { ok: true; rules: PasswordRules }
  | { ok: false; errors: string[]; issues: PasswordRulesIssue[] };

const PROPERTIES = ['minlength', 'maxlength', 'max-consecutive', 'required', 'allowed'] as const;
type Property = (typeof PROPERTIES)[number];
const NAMED_CLASSES = ['upper', 'lower', 'digit', 'special', 'ascii-printable', 'unicode'] as const;

// Attribute values are a line or two; the cap bounds the work and the error list on hostile input.
const MAX_INPUT = 4096;
const MAX_ERRORS = 20;
const MAX_INT = 4096;

const range = (from: string, to: string): string[] => {
  const out: string[] = [];
  for (let c = from.charCodeAt(0); c <= to.charCodeAt(0); c++) out.push(String.fromCharCode(c));
  return out;
};
const UPPER = range('A', 'Z');
const LOWER = range('a', 'z');
const DIGIT = range('0', '9');
/** ASCII punctuation, without the space: what our profile's `specials` may hold. */
const PUNCT = [...range('!', '/'), ...range(':', '@'), ...range('[', '`'), ...range('{', '~')];
const ASCII_PRINTABLE = range(' ', '~');

/** A character set in the order its characters first appeared, so lists keep the site's order. */
interface CharSet {
  chars: Set<string>;
  unicode: boolean;
  /** The source text, for messages. */
  text: string;
}

function namedChars(name: (typeof NAMED_CLASSES)[number]): string[] {
  switch (name) {
    case 'upper':
      return UPPER;
    case 'lower':
      return LOWER;
    case 'digit':
      return DIGIT;
    case 'special':
      // Apple's `special` includes the space.
      return [' ', ...PUNCT];
    default:
      return ASCII_PRINTABLE;
  }
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
    if (cp < 0x20 || cp > 0x7e) {
      r.fail(
        'pwrules_non_ascii',
        [ch],
        `character class at ${open}: "${ch}" (U+${cp.toString(16).toUpperCase().padStart(4, '0')}) is not printable ASCII`,
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
  return { chars, unicode: false, text: r.text.slice(open, r.pos) };
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
        sets.push({ chars: new Set(namedChars(named)), unicode: named === 'unicode', text: lower });
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

const ORDER_CLASSES = ['upper', 'lower', 'digit'] as const;
const CLASS_CHARS: Record<(typeof ORDER_CLASSES)[number], string[]> = {
  upper: UPPER,
  lower: LOWER,
  digit: DIGIT,
};
const CLASS_WORD: Record<(typeof ORDER_CLASSES)[number], string> = {
  upper: 'capital letters',
  lower: 'small letters',
  digit: 'digits',
};

/**
 * Parses a `passwordrules` value. Every problem is reported, with an English message in `errors` (for
 * developers) and a message key in `issues` (for the UI); nothing is dropped silently.
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
  const required: Record<CharClass, number> = { upper: 0, lower: 0, digit: 0, special: 0 };
  let requiredSpecials: string[] | undefined;
  const allowed = new Set<string>();
  let allowsUnicode = false;
  let anyClassRule = false;
  // Characters in order of first appearance, so a site's list keeps its order.
  const punctOrder: string[] = [];
  const note = (set: CharSet) => {
    for (const ch of set.chars) {
      allowed.add(ch);
      if (PUNCT.includes(ch) && !punctOrder.includes(ch)) punctOrder.push(ch);
    }
    if (set.unicode) allowsUnicode = true;
  };

  for (const rule of rules) {
    const n = rule.ints;
    // Apple's reading of repeated properties: the strictest wins.
    if (rule.name === 'minlength' && n !== undefined) minLength = Math.max(minLength ?? 0, n);
    if (rule.name === 'maxlength' && n !== undefined) maxLength = Math.min(maxLength ?? MAX_INT, n);
    if (rule.name === 'max-consecutive' && n !== undefined)
      maxConsecutive = Math.min(maxConsecutive ?? MAX_INT, n);
    if (!rule.sets) continue;
    anyClassRule = true;
    for (const set of rule.sets) note(set);
    if (rule.name !== 'required') continue;

    const text = rule.sets.map((s) => s.text).join(', ');
    const union = new Set<string>();
    let unicode = false;
    for (const s of rule.sets) {
      for (const ch of s.chars) union.add(ch);
      if (s.unicode) unicode = true;
    }
    // "at least one of anything" asks nothing beyond a non-empty password.
    if (unicode || ASCII_PRINTABLE.every((ch) => union.has(ch))) continue;
    const kinds: string[] = [];
    for (const cls of ORDER_CLASSES) {
      const have = CLASS_CHARS[cls].filter((ch) => union.has(ch)).length;
      if (have === 0) continue;
      kinds.push(cls);
      if (have < CLASS_CHARS[cls].length)
        r.fail('pwrules_unsupported', [text], `required: ${text} asks for only some ${CLASS_WORD[cls]}`);
    }
    const punct = PUNCT.filter((ch) => union.has(ch));
    if (punct.length > 0) kinds.push('special');
    else if (union.has(' '))
      r.fail(
        'pwrules_unsupported',
        [text],
        `required: ${text} asks for a space, which Sésame never suggests`,
      );
    if (kinds.length > 1) {
      r.fail(
        'pwrules_unsupported',
        [text],
        `required: ${text} means "one of these kinds"; Sésame checks each kind on its own`,
      );
      continue;
    }
    const kind = kinds[0] as CharClass | undefined;
    if (kind === undefined) continue;
    required[kind]++;
    if (kind !== 'special') continue;
    const list = [...union].filter((ch) => PUNCT.includes(ch));
    if (
      requiredSpecials &&
      (requiredSpecials.length !== list.length || list.some((ch) => !requiredSpecials?.includes(ch)))
    )
      r.fail(
        'pwrules_unsupported',
        [text],
        `required: ${text} differs from an earlier required symbol list; Sésame counts symbols from one list`,
      );
    requiredSpecials ??= list;
  }

  if (minLength !== undefined && maxLength !== undefined && minLength > maxLength)
    r.fail(
      'pwrules_min_above_max',
      [String(minLength), String(maxLength)],
      `minlength ${minLength} is above maxlength ${maxLength}`,
    );

  // Apple: with no required and no allowed rule, any printable ASCII character is allowed.
  if (!anyClassRule) for (const ch of ASCII_PRINTABLE) allowed.add(ch);
  if (!anyClassRule) for (const ch of PUNCT) if (!punctOrder.includes(ch)) punctOrder.push(ch);

  let others: OthersPolicy = 'refused';
  if (allowsUnicode) others = 'any';
  else if (allowed.has(' ')) {
    if (PUNCT.every((ch) => allowed.has(ch))) others = 'printable-ascii';
    else
      r.fail(
        'pwrules_unsupported',
        ['[ ]'],
        'a space is allowed but not every symbol; Sésame can only allow the space with all of ASCII',
      );
  }
  if (others !== 'any') {
    for (const cls of ORDER_CLASSES) {
      if (!CLASS_CHARS[cls].every((ch) => allowed.has(ch)))
        r.fail(
          'pwrules_unsupported',
          [cls],
          `not every one of the ${CLASS_WORD[cls]} is allowed; Sésame always accepts them all`,
        );
    }
  }
  let specials = punctOrder.filter((ch) => allowed.has(ch) || allowsUnicode);
  if (requiredSpecials) {
    const counted = requiredSpecials;
    if (others === 'refused' && specials.some((ch) => !counted.includes(ch)))
      r.fail(
        'pwrules_unsupported',
        [specials.filter((ch) => !counted.includes(ch)).join('')],
        'some allowed symbols do not count as the required symbol; Sésame cannot tell them apart',
      );
    specials = counted;
  }
  if (r.errors.length > 0) return fail();

  const out: PasswordRules = { required, specials: specials.join(''), others };
  if (minLength !== undefined && minLength > 0) out.minLength = minLength;
  if (maxLength !== undefined) out.maxLength = maxLength;
  if (maxConsecutive !== undefined) out.maxConsecutive = maxConsecutive;

  const { maxConsecutive: _unchecked, ...asProfile } = out;
  const check = safeParseProfile({ id: 'rules', minLength: 1, ...asProfile });
  if (!check.ok) {
    r.fail('pwrules_impossible', [], `these rules cannot all be met: ${check.error}`);
    return fail();
  }
  return { ok: true, rules: out };
}

/** Writes a custom class with `-` first and `]` last, as Apple's grammar requires. */
function customClass(specials: string): string {
  const chars = [...specials];
  const middle = chars.filter((ch) => ch !== '-' && ch !== ']').join('');
  return `[${chars.includes('-') ? '-' : ''}${middle}${chars.includes(']') ? ']' : ''}]`;
}

/**
 * The profile in Apple's syntax, for a `passwordrules` attribute or a password manager. Counts above one
 * repeat the `required` line. With `others` other than `refused` and no required symbol, the exact
 * `specials` list cannot be written (everything is allowed anyway) and reads back as all ASCII symbols.
 */
export function toPasswordRules(profile: RuleProfile): string {
  const parts = [`minlength: ${profile.minLength};`];
  if (profile.maxLength !== undefined) parts.push(`maxlength: ${profile.maxLength};`);
  for (const cls of ORDER_CLASSES)
    for (let i = 0; i < profile.required[cls]; i++) parts.push(`required: ${cls};`);
  const list = profile.specials === '' ? '' : customClass(profile.specials);
  for (let i = 0; i < profile.required.special; i++) parts.push(`required: ${list};`);
  if (profile.others === 'any') parts.push('allowed: unicode;');
  else if (profile.others === 'printable-ascii') parts.push('allowed: ascii-printable;');
  else parts.push(`allowed: upper, lower, digit${list === '' ? '' : `, ${list}`};`);
  return parts.join(' ');
}
