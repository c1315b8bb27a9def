import type { CharClass, RuleProfile } from './profile';

export const RULE_IDS = ['length', 'upper', 'lower', 'digit', 'special', 'allowed'] as const;
export type RuleId = (typeof RULE_IDS)[number];

/** Why a character is refused; each maps to a message key through `refusedKey`. */
export type RefusedReason = 'accent' | 'space' | 'emoji' | 'control' | 'non-latin' | 'not-in-list';

export const REFUSED_REASONS: readonly RefusedReason[] = [
  'accent',
  'space',
  'emoji',
  'control',
  'non-latin',
  'not-in-list',
];

/**
 * The message key for a refusal reason. Message names may not contain `-`, so `not-in-list` becomes
 * `refused_not_in_list`.
 */
export function refusedKey(reason: RefusedReason): string {
  return `refused_${reason.replaceAll('-', '_')}`;
}

export interface RefusedChar {
  /** The code point as typed (a lone surrogate stays a one-unit string). */
  char: string;
  reason: RefusedReason;
  /** How many times it occurs. */
  count: number;
}

/**
 * One rule's verdict. `key` is a `_locales` message name and `params` its substitutions, so the UI
 * translates and `lib/` holds no sentence.
 */
export interface RuleResult {
  id: RuleId;
  met: boolean;
  key: string;
  params: string[];
  /** Only on `allowed`: each refused character once, in order of first appearance. */
  refused?: RefusedChar[];
}

const CLASS_OF_ASCII: (CharClass | undefined)[] = [];
for (let c = 0; c < 128; c++) {
  if (c >= 65 && c <= 90) CLASS_OF_ASCII[c] = 'upper';
  else if (c >= 97 && c <= 122) CLASS_OF_ASCII[c] = 'lower';
  else if (c >= 48 && c <= 57) CLASS_OF_ASCII[c] = 'digit';
}

const WHITESPACE_RE = /^\s$/u;
const CONTROL_RE = /^[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}]$/u;
const EMOJI_RE = /^[\p{Extended_Pictographic}\p{Emoji_Component}\p{Emoji_Modifier}]$/u;
const LATIN_LETTER_RE = /^[\p{Script=Latin}\p{M}]$/u;
const LETTER_RE = /^[\p{L}\p{M}]$/u;

/** Classifies a character the profile refuses. Exported for the guide's wording and its tests. */
export function refusalReason(char: string): RefusedReason {
  if (WHITESPACE_RE.test(char)) return 'space';
  // Before the control and mark tests: the joiner (U+200D) and the emoji variation selector (U+FE0F) glue
  // emoji together, and calling them "accent" or "invisible" would puzzle someone who pasted a heart.
  if (EMOJI_RE.test(char) && !/^[#*0-9]$/.test(char)) return 'emoji';
  // Lone surrogates and NUL land here: invisible, and never what the user meant to type.
  if (CONTROL_RE.test(char)) return 'control';
  if (LATIN_LETTER_RE.test(char)) return 'accent';
  if (LETTER_RE.test(char)) return 'non-latin';
  return 'not-in-list';
}

function isAccepted(code: number, char: string, profile: RuleProfile): boolean {
  if (code < 128 && CLASS_OF_ASCII[code] !== undefined) return true;
  if (profile.specials.includes(char)) return true;
  switch (profile.others) {
    case 'any':
      return true;
    case 'printable-ascii':
      return code >= 0x20 && code <= 0x7e;
    default:
      return false;
  }
}

export interface CharCounts {
  length: number;
  upper: number;
  lower: number;
  digit: number;
  special: number;
  refused: RefusedChar[];
}

/** One pass over the code points; linear in the input whatever it holds. */
export function countChars(password: string, profile: RuleProfile): CharCounts {
  const counts: CharCounts = { length: 0, upper: 0, lower: 0, digit: 0, special: 0, refused: [] };
  const refusedIndex = new Map<string, RefusedChar>();
  for (const char of password) {
    counts.length++;
    const code = char.codePointAt(0) ?? 0;
    const cls = code < 128 ? CLASS_OF_ASCII[code] : undefined;
    if (cls) counts[cls]++;
    else if (profile.specials.includes(char)) counts.special++;
    if (!isAccepted(code, char, profile)) {
      const seen = refusedIndex.get(char);
      if (seen) seen.count++;
      else {
        const entry: RefusedChar = { char, reason: refusalReason(char), count: 1 };
        refusedIndex.set(char, entry);
        counts.refused.push(entry);
      }
    }
  }
  return counts;
}

/** Specials spaced out for display, the way ENEJ prints them: "! @ # $ …". */
export function formatSpecials(specials: string): string {
  return [...specials].join(' ');
}

/**
 * Checks `password` against `profile`, one result per rule in `RULE_IDS` order. Never throws; works on
 * code points, so an emoji counts as one character.
 */
export function evaluate(password: string, profile: RuleProfile): RuleResult[] {
  const c = countChars(password, profile);
  const min = profile.minLength;
  const max = profile.maxLength;
  let length: RuleResult;
  if (c.length < min) {
    length = {
      id: 'length',
      met: false,
      key: 'rule_length_missing',
      params: [String(min), String(min - c.length)],
    };
  } else if (max !== undefined && c.length > max) {
    length = {
      id: 'length',
      met: false,
      key: 'rule_length_too_long',
      params: [String(max), String(c.length - max)],
    };
  } else {
    length = { id: 'length', met: true, key: 'rule_length_ok', params: [String(min)] };
  }
  const classRule = (id: CharClass, extra: string[] = []): RuleResult => {
    const need = profile.required[id];
    const have = c[id];
    return {
      id,
      met: have >= need,
      key: `rule_${id}`,
      params: [String(Math.max(need, 1)), String(Math.max(need - have, 0)), ...extra],
    };
  };
  const results: RuleResult[] = [length];
  for (const id of ['upper', 'lower', 'digit'] as const) results.push(classRule(id));
  results.push(classRule('special', [formatSpecials(profile.specials)]));
  results.push(
    c.refused.length === 0
      ? { id: 'allowed', met: true, key: 'rule_allowed_ok', params: [], refused: [] }
      : {
          id: 'allowed',
          met: false,
          key: 'rule_allowed_refused',
          params: [String(c.refused.length)],
          refused: c.refused,
        },
  );
  // Classes the profile does not require are still reported (met), so the UI shows a stable list.
  return results;
}

export function isCompliant(password: string, profile: RuleProfile): boolean {
  return evaluate(password, profile).every((r) => r.met);
}
