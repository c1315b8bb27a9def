import * as z from 'zod/mini';
import { buildAtoms, firstFeasibleLength } from './automaton';
import {
  type CharSetSpec,
  coversAll,
  DIGITS,
  inCharSet,
  LOWER,
  membersOf,
  PUNCT,
  SET_CLASSES,
  type SetClass,
  sameSet,
  UNICODE_WITNESSES,
  UPPER,
  universeOf,
} from './charset';

export type { CharSetSpec, SetClass } from './charset';

/** "At least `min` characters from `set`." */
export interface Requirement {
  min: number;
  set: CharSetSpec;
}

/**
 * A site's password rules, as expressive as Apple's `passwordrules` language: length bounds, requirements
 * over unions of classes and listed characters, the characters allowed at all, and a limit on runs of one
 * identical character. Each requirement is checked on its own (a capital counts for "1 capital" and for
 * "1 letter" alike), the way sites' own checks (regex lookaheads) work.
 */
export interface RuleProfile {
  /** Stable identifier, e.g. `enej`; `page` when the page's own rules were merged in. */
  id: string;
  minLength: number;
  maxLength?: number;
  /** Longest run of one identical character ("aaa" is a run of 3). */
  maxConsecutive?: number;
  requirements: readonly Requirement[];
  /** Every character the site accepts; anything else is refused. */
  allowed: CharSetSpec;
}

/** What a requirement is about, for its message and its `data-rule` name. */
export type RequirementKind = 'upper' | 'lower' | 'digit' | 'special' | 'letter' | 'set';

const MAX_LENGTH_CAP = 4096;
const MAX_LISTED = 256;

/** The kind of a requirement, from its set alone. */
export function requirementKind(set: CharSetSpec): RequirementKind {
  const { classes, chars } = set;
  const onlyClass = (c: SetClass) => classes.length === 1 && classes[0] === c && chars === '';
  if (onlyClass('upper')) return 'upper';
  if (onlyClass('lower')) return 'lower';
  if (onlyClass('digit')) return 'digit';
  if (chars === '' && classes.length === 2 && classes.includes('upper') && classes.includes('lower'))
    return 'letter';
  const alnumListed = [...chars].some((c) => UPPER.includes(c) || LOWER.includes(c) || DIGITS.includes(c));
  // Listed symbols alone, Apple's `special`, or "neither letter nor digit": all say "a special character".
  if (!alnumListed && chars !== '' && classes.length === 0) return 'special';
  if (chars === '' && classes.length === 1 && (classes[0] === 'special' || classes[0] === 'symbol'))
    return 'special';
  return 'set';
}

/**
 * The `data-rule` name of each requirement, in order: its kind, with `-2`, `-3`… when a kind repeats, so
 * every checklist line has a distinct name.
 */
export function requirementIds(profile: Pick<RuleProfile, 'requirements'>): string[] {
  const seen = new Map<string, number>();
  return profile.requirements.map((r) => {
    const kind = requirementKind(r.set);
    const n = (seen.get(kind) ?? 0) + 1;
    seen.set(kind, n);
    return n === 1 ? kind : `${kind}-${n}`;
  });
}

/**
 * What is wrong with a profile beyond its shape: requirements that nothing allowed can meet, or that
 * cannot all fit within the length bounds and the run limit. Empty when the rules can be met.
 */
export function contradictions(profile: RuleProfile): string[] {
  const problems: string[] = [];
  const sets = profile.requirements.map((r) => r.set);
  const universe = universeOf([...sets, profile.allowed], UNICODE_WITNESSES);
  const alphabet = membersOf(profile.allowed, universe);
  if (alphabet.length === 0) problems.push('no character is allowed');
  profile.requirements.forEach((r, i) => {
    if (r.min > 0 && !alphabet.some((c) => inCharSet(c, r.set)))
      problems.push(`requirement ${i + 1} asks for characters that are not allowed`);
  });
  if (profile.maxLength !== undefined && profile.maxLength < profile.minLength)
    problems.push('maxLength must be at least minLength');
  if (problems.length > 0) return problems;
  const mins = profile.requirements.map((r) => r.min);
  const needed = mins.reduce((a, b) => a + b, 0);
  const upper =
    profile.maxLength ?? profile.minLength + needed * ((profile.maxConsecutive ?? needed) + 1) + 2;
  const found = firstFeasibleLength(
    buildAtoms(alphabet, sets),
    mins,
    profile.maxConsecutive,
    profile.minLength,
    Math.min(upper, MAX_LENGTH_CAP),
  );
  if (found === 'too-complex') problems.push('too many requirements to check');
  else if (found < 0)
    problems.push('the requirements, the run limit and the length bounds cannot all be met together');
  return problems;
}

// Built on first use, not at module load: the popup's first script and the content script only read
// `ENEJ_PROFILE`, so building zod's schema (and shipping zod at all) would be pure start-up cost there.
let schema: ReturnType<typeof buildSchema> | undefined;

function buildSchema() {
  const listed = z.string().check(
    z.refine((s) => [...s].length <= MAX_LISTED, { message: 'too many listed characters' }),
    z.refine((s) => new Set(s).size === [...s].length, { message: 'a listed character repeats' }),
    // Lone surrogates and controls cannot be typed; a list holding one is a broken page, not a rule.
    z.refine((s) => !/[\p{Cc}\p{Cs}]/u.test(s), { message: 'a listed character is invisible' }),
  );
  const charSet = z.strictObject({
    classes: z.array(z.enum(SET_CLASSES)).check(
      z.maxLength(SET_CLASSES.length),
      z.refine((c) => new Set(c).size === c.length, { message: 'a class repeats' }),
    ),
    chars: listed,
  });
  const length = z.int().check(z.gte(1), z.lte(MAX_LENGTH_CAP));
  return z
    .strictObject({
      id: z.string().check(z.regex(/^[a-z0-9-]{1,40}$/)),
      minLength: length,
      maxLength: z.optional(length),
      maxConsecutive: z.optional(length),
      requirements: z
        .array(
          z.strictObject({
            min: z.int().check(z.gte(1), z.lte(64)),
            set: charSet.check(
              z.refine((s) => s.classes.length > 0 || s.chars !== '', {
                message: 'a requirement set is empty',
              }),
            ),
          }),
        )
        .check(z.maxLength(16)),
      allowed: charSet,
    })
    .check(
      z.superRefine((p, ctx) => {
        let problems: string[];
        try {
          problems = contradictions(p as RuleProfile);
        } catch {
          problems = ['the rules could not be checked'];
        }
        for (const message of problems) ctx.addIssue({ code: 'custom', message, input: p });
      }),
    );
}

function ruleProfileSchema() {
  schema ??= buildSchema();
  return schema;
}

/**
 * Profiles written before requirements existed (`{ required, specials, others }`) are still accepted at
 * the boundary and come out in today's shape, so saved data and older callers keep working.
 */
function upgradeLegacy(input: unknown): unknown {
  if (typeof input !== 'object' || input === null || 'requirements' in input) return input;
  const o = input as Record<string, unknown>;
  if (
    !('required' in o) ||
    typeof o.specials !== 'string' ||
    typeof o.required !== 'object' ||
    o.required === null ||
    !['refused', 'printable-ascii', 'any'].includes(o.others as string)
  )
    return input;
  const { required, specials, others, ...rest } = o as Record<string, unknown> & SimpleRules;
  return { ...rest, ...legacyParts({ required, specials, others }) };
}

function legacyParts(rules: Pick<SimpleRules, 'required' | 'specials' | 'others'>): {
  requirements: Requirement[];
  allowed: CharSetSpec;
} {
  const requirements: Requirement[] = [];
  for (const cls of ['upper', 'lower', 'digit'] as const) {
    const n = rules.required[cls] ?? 0;
    if (n > 0) requirements.push({ min: n, set: { classes: [cls], chars: '' } });
  }
  const special = rules.required.special ?? 0;
  if (special > 0) requirements.push({ min: special, set: { classes: [], chars: rules.specials } });
  const allowed: CharSetSpec =
    rules.others === 'any'
      ? { classes: ['unicode'], chars: '' }
      : rules.others === 'printable-ascii'
        ? { classes: ['upper', 'lower', 'digit', 'special'], chars: '' }
        : { classes: ['upper', 'lower', 'digit'], chars: rules.specials };
  return { requirements, allowed };
}

/** Validates untrusted profile data once, at the boundary. Throws a zod error listing every problem. */
export function parseProfile(input: unknown): RuleProfile {
  return ruleProfileSchema().parse(upgradeLegacy(input)) as RuleProfile;
}

export function safeParseProfile(
  input: unknown,
): { ok: true; profile: RuleProfile } | { ok: false; error: string } {
  const result = ruleProfileSchema().safeParse(upgradeLegacy(input));
  if (result.success) return { ok: true, profile: result.data as RuleProfile };
  return { ok: false, error: result.error.issues.map((i) => i.message).join('; ') };
}

/** ENEJ's list of special characters, in the order the notice prints them. */
export const ENEJ_SPECIALS = '!@#$%^&*_-+=~`';

const freezeSet = (classes: SetClass[], chars: string): CharSetSpec =>
  Object.freeze({ classes: Object.freeze(classes), chars });
const freezeReq = (min: number, set: CharSetSpec): Requirement => Object.freeze({ min, set });

/**
 * ENEJ Connect's rules as printed on its change-password page (notice of 13/04/2024): 8 characters or more,
 * one capital, one small letter, one digit, one special from its list, nothing else. A frozen literal rather
 * than `parseProfile(…)`, so reading it costs nothing at load; a unit test checks the schema accepts it.
 */
export const ENEJ_PROFILE: RuleProfile = Object.freeze({
  id: 'enej',
  minLength: 8,
  requirements: Object.freeze([
    freezeReq(1, freezeSet(['upper'], '')),
    freezeReq(1, freezeSet(['lower'], '')),
    freezeReq(1, freezeSet(['digit'], '')),
    freezeReq(1, freezeSet([], ENEJ_SPECIALS)),
  ]),
  allowed: freezeSet(['upper', 'lower', 'digit'], ENEJ_SPECIALS),
});

/**
 * The ASCII punctuation the profile accepts, in the site's order (listed characters first): the specials a
 * generator may use and the list the checklist prints.
 */
export function allowedSpecials(profile: Pick<RuleProfile, 'allowed'>): string {
  const listed = [...profile.allowed.chars].filter((c) => PUNCT.includes(c));
  const rest = [...PUNCT].filter((c) => !listed.includes(c) && inCharSet(c, profile.allowed));
  return listed.join('') + rest.join('');
}

/** Every character of the class (A–Z, a–z or 0–9) is allowed. */
export function allowsClass(profile: Pick<RuleProfile, 'allowed'>, chars: string): boolean {
  return coversAll(profile.allowed, chars);
}

/** Whether two profiles accept the same passwords (ids aside): a page printing ENEJ's rules changes nothing. */
export function sameRules(a: RuleProfile, b: RuleProfile): boolean {
  return (
    a.minLength === b.minLength &&
    a.maxLength === b.maxLength &&
    a.maxConsecutive === b.maxConsecutive &&
    sameSet(a.allowed, b.allowed) &&
    a.requirements.length === b.requirements.length &&
    a.requirements.every((r, i) => {
      const o = b.requirements[i];
      return o !== undefined && o.min === r.min && sameSet(o.set, r.set);
    })
  );
}

/** The common "N of each class" form sites print, before it becomes a `RuleProfile`. */
export interface SimpleRules {
  id: string;
  minLength: number;
  maxLength?: number;
  maxConsecutive?: number;
  /** Minimum count per class; 0 (or absent) means the class is not required. */
  required: Partial<Record<'upper' | 'lower' | 'digit' | 'special', number>>;
  /** The exact special characters the site lists: they make the `special` requirement. */
  specials: string;
  /**
   * What else is accepted: `refused` nothing (ENEJ), `printable-ascii` any ASCII character with the space,
   * `any` any character at all.
   */
  others: 'refused' | 'printable-ascii' | 'any';
}

/** A profile from the "N of each class" form, validated like any other (throws on contradictions). */
export function simpleProfile(rules: SimpleRules): RuleProfile {
  const profile: RuleProfile = { id: rules.id, minLength: rules.minLength, ...legacyParts(rules) };
  if (rules.maxLength !== undefined) profile.maxLength = rules.maxLength;
  if (rules.maxConsecutive !== undefined) profile.maxConsecutive = rules.maxConsecutive;
  return parseProfile(profile);
}
