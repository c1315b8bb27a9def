import { type CharSetSpec, normalizeSet, type SetClass } from './charset';
import { type Requirement, type RuleProfile, safeParseProfile } from './profile';

/**
 * What a page's own validation regex says, when it is the usual shape: anchored lookaheads, one per kind of
 * character required, then the length. Open ENT NG (entcore) puts the site's rule in `ng-pattern`
 * (`/^(?=.*[a-z])(?=.*[A-Z])(?=.*\d).{8,}$/`), HTML forms in `pattern`. Anything else — alternatives,
 * back-references we do not know, classes we cannot name — is not guessed at: `parsePatternRule` says null
 * and the page's printed text, or our usual rules, apply.
 */
export interface PatternRule {
  minLength?: number;
  maxLength?: number;
  maxConsecutive?: number;
  requirements: Requirement[];
  allowed: CharSetSpec;
}

const MAX_PATTERN = 1000;
const MAX_COUNT = 4096;

class Cursor {
  pos = 0;
  constructor(readonly text: string) {}
  peek(n = 0): string | undefined {
    return this.text[this.pos + n];
  }
  eat(s: string): boolean {
    if (this.text.startsWith(s, this.pos)) {
      this.pos += s.length;
      return true;
    }
    return false;
  }
  get done(): boolean {
    return this.pos >= this.text.length;
  }
}

const UPPER_RANGE = ['A', 'Z'];
const LOWER_RANGE = ['a', 'z'];
const DIGIT_RANGE = ['0', '9'];

/** One escape inside or outside a class: a set, or a literal character; null when unknown. */
function readEscape(c: Cursor): { set?: CharSetSpec; char?: string } | null {
  const e = c.peek();
  if (e === undefined) return null;
  c.pos++;
  switch (e) {
    case 'd':
      return { set: { classes: ['digit'], chars: '' } };
    case 'w':
      return { set: { classes: ['upper', 'lower', 'digit'], chars: '_' } };
    case 'W':
      // Not [A-Za-z0-9_]: read as "neither letter nor digit", plus "_" — stricter for accented letters,
      // which the site would count and we do not, never the other way round.
      return { set: { classes: ['symbol'], chars: '' } };
    case 'D':
    case 's':
    case 'S':
    case 'b':
    case 'B':
    case 'p':
    case 'P':
    case 'u':
    case 'x':
    case 'c':
    case 'k':
      return null;
    default:
      if (/[0-9]/.test(e)) return null;
      // `\-`, `\.`, `\]`, `\\`, `\/`…: the character itself.
      return { char: e };
  }
}

/** `[...]` → a set. Negated classes only when they are the complement of letters and digits. */
function readClass(c: Cursor): CharSetSpec | null {
  if (!c.eat('[')) return null;
  const negated = c.eat('^');
  const classes = new Set<SetClass>();
  let chars = '';
  let listedAlnum = false;
  let first = true;
  for (;;) {
    const ch = c.peek();
    if (ch === undefined) return null;
    if (ch === ']' && !first) {
      c.pos++;
      break;
    }
    first = false;
    let single: string | undefined;
    if (ch === '\\') {
      c.pos++;
      const esc = readEscape(c);
      if (!esc) return null;
      if (esc.set) {
        for (const cls of esc.set.classes) classes.add(cls);
        chars += esc.set.chars;
        continue;
      }
      single = esc.char;
    } else {
      c.pos++;
      single = ch;
    }
    if (single === undefined) return null;
    if (c.peek() === '-' && c.peek(1) !== ']' && c.peek(1) !== undefined) {
      c.pos++;
      let to = c.peek() as string;
      c.pos++;
      if (to === '\\') {
        const esc = readEscape(c);
        if (!esc?.char) return null;
        to = esc.char;
      }
      const range = [single, to];
      if (range.join() === UPPER_RANGE.join()) classes.add('upper');
      else if (range.join() === LOWER_RANGE.join()) classes.add('lower');
      else if (range.join() === DIGIT_RANGE.join()) classes.add('digit');
      else {
        const a = single.codePointAt(0) ?? 0;
        const b = to.codePointAt(0) ?? 0;
        if (b < a || b - a > 256) return null;
        for (let x = a; x <= b; x++) chars += String.fromCodePoint(x);
      }
      continue;
    }
    if (/[A-Za-z0-9]/.test(single)) listedAlnum = true;
    chars += single;
  }
  if (negated) {
    // [^a-zA-Z0-9], [^\w], [^A-Za-z\d]…: "neither letter nor digit". Any other negation is not guessed.
    const complementOfAlnum =
      classes.has('upper') && classes.has('lower') && classes.has('digit') && !listedAlnum;
    if (!complementOfAlnum || [...chars].some((x) => x !== '_' && x !== ' ')) return null;
    return { classes: ['symbol'], chars: '' };
  }
  return normalizeSet({ classes: [...classes], chars });
}

/** A set written outside brackets: `\d`, `.`, `[...]`. */
function readAtom(c: Cursor): CharSetSpec | null {
  if (c.eat('.')) return { classes: ['unicode'], chars: '' };
  if (c.peek() === '[') return readClass(c);
  if (c.eat('\\')) {
    const esc = readEscape(c);
    return esc?.set ?? (esc?.char ? { classes: [], chars: esc.char } : null);
  }
  return null;
}

/** `{m,n}`, `{m,}`, `{m}`, `*`, `+`, or nothing (exactly one). */
function readQuantifier(c: Cursor): { min: number; max?: number } | null {
  if (c.eat('*')) return { min: 0 };
  if (c.eat('+')) return { min: 1 };
  const m = /^\{(\d{1,4})(,(\d{0,4}))?\}/.exec(c.text.slice(c.pos));
  if (!m) return { min: 1, max: 1 };
  c.pos += m[0].length;
  const min = Number(m[1]);
  if (m[2] === undefined) return { min, max: min };
  if (m[3] === '') return { min };
  const max = Number(m[3]);
  return max >= min ? { min, max } : null;
}

/** `(?=.*X)`, `(?=.*?X)`, `(?=(?:.*X){n})` → a requirement of n characters from X. */
function readLookahead(c: Cursor): Requirement | null {
  const start = c.pos;
  if (!c.eat('(?=')) return null;
  let min = 1;
  let set: CharSetSpec | null = null;
  if (c.eat('(?:.*') || c.eat('(?:.*?')) {
    set = readAtom(c);
    if (!set || !c.eat(')')) return null;
    const q = /^\{(\d{1,2})\}/.exec(c.text.slice(c.pos));
    if (!q) return null;
    c.pos += q[0].length;
    min = Number(q[1]);
  } else {
    if (!c.eat('.*?') && !c.eat('.*')) {
      // `(?=[^A-Z]*[A-Z])` and the like: the usual "somewhere" written the efficient way; the skipped
      // class is not interpreted, the one after it is the requirement.
      const close = c.text.indexOf(']', c.pos + 2);
      if (c.peek() !== '[' || c.peek(1) !== '^' || close < 0 || c.text[close + 1] !== '*') {
        c.pos = start;
        return null;
      }
      c.pos = close + 2;
    }
    set = readAtom(c);
  }
  if (!set || !c.eat(')') || min < 1) return null;
  return { min, set };
}

/** `(?!.*(.)\1{k})` or `(?!.*(.)\1\1)`: no run longer than k. */
function readRunLimit(c: Cursor): number | null {
  const m = /^\(\?!\.\*\(\.\)((?:\\1)+|\\1\{(\d)\})\)/.exec(c.text.slice(c.pos));
  if (!m) return null;
  c.pos += m[0].length;
  return m[2] !== undefined ? Number(m[2]) : (m[1] as string).length / 2;
}

/**
 * Reads a validation regex: `/…/` with optional flags (Angular's `ng-pattern`, which must be anchored) or
 * a bare HTML `pattern` (anchored by the browser). Null when it is not a simple length/class rule.
 */
export function parsePatternRule(raw: string): PatternRule | null {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > MAX_PATTERN) return null;
  let body = raw.trim();
  const literal = /^\/(.*)\/([a-z]*)$/s.exec(body);
  if (literal) {
    // `i` would make [a-z] match capitals too; any flag but `u`/`v` changes what the rule means.
    if (!/^[uv]*$/.test(literal[2] as string)) return null;
    body = literal[1] as string;
    if (!body.startsWith('^') || !body.endsWith('$')) return null;
  }
  if (body.startsWith('^')) body = body.slice(1);
  if (body.endsWith('$') && !body.endsWith('\\$')) body = body.slice(0, -1);
  const c = new Cursor(body);
  const requirements: Requirement[] = [];
  let maxConsecutive: number | undefined;
  for (;;) {
    const run = readRunLimit(c);
    if (run !== null) {
      if (run < 1) return null;
      maxConsecutive = Math.min(maxConsecutive ?? MAX_COUNT, run);
      continue;
    }
    if (c.peek() !== '(' || c.peek(1) !== '?' || c.peek(2) !== '=') break;
    const req = readLookahead(c);
    if (!req) return null;
    requirements.push(req);
  }
  // The body: one atom and its quantifier, or entcore's default `.{8}.*` (8 of anything, then anything).
  const atom = readAtom(c);
  if (!atom) return null;
  const q = readQuantifier(c);
  if (!q) return null;
  const min = q.min;
  let max = q.max;
  if (!c.done) {
    const tailStart = c.pos;
    const tail = readAtom(c);
    const tq = tail ? readQuantifier(c) : null;
    if (
      !tail ||
      !tq ||
      tq.min !== 0 ||
      tq.max !== undefined ||
      normalizeSet(tail).classes.join() !== normalizeSet(atom).classes.join()
    ) {
      c.pos = tailStart;
      return null;
    }
    max = undefined;
  }
  if (!c.done) return null;
  if (min > MAX_COUNT || (max !== undefined && max > MAX_COUNT)) return null;
  const out: PatternRule = { requirements, allowed: atom };
  if (min > 0) out.minLength = min;
  if (max !== undefined) out.maxLength = max;
  if (maxConsecutive !== undefined) out.maxConsecutive = maxConsecutive;
  return out;
}

/**
 * The page's regex over a built-in profile: its requirements and allowed set replace ours (the regex is the
 * whole rule the page enforces), its lengths and run limit win where it states them. A result that does
 * not validate (a lookahead the body's characters can never meet) keeps `base`.
 */
export function applyPatternRule(base: RuleProfile, rule: PatternRule): RuleProfile {
  const merged: RuleProfile = {
    id: 'page',
    minLength: rule.minLength ?? 1,
    requirements: rule.requirements,
    allowed: rule.allowed,
  };
  const maxLength = rule.maxLength;
  if (maxLength !== undefined) merged.maxLength = maxLength;
  if (rule.maxConsecutive !== undefined) merged.maxConsecutive = rule.maxConsecutive;
  const checked = safeParseProfile(merged);
  return checked.ok ? checked.profile : base;
}
