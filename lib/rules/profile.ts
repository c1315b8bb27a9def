import * as z from 'zod/mini';

export const CHAR_CLASSES = ['upper', 'lower', 'digit', 'special'] as const;
export type CharClass = (typeof CHAR_CLASSES)[number];

/**
 * What a site accepts besides ASCII letters, digits and its listed specials.
 * - `refused`: nothing else (ENEJ: no space, no accent, no other symbol).
 * - `printable-ascii`: any other printable ASCII character, space included.
 * - `any`: any character at all.
 */
export const OTHERS_POLICIES = ['refused', 'printable-ascii', 'any'] as const;
export type OthersPolicy = (typeof OTHERS_POLICIES)[number];

export interface RuleProfile {
  /** Stable identifier, e.g. `enej`; `page` when the page's own criteria were merged in. */
  id: string;
  minLength: number;
  maxLength?: number;
  /** Minimum count per class; 0 means the class is not required. */
  required: Record<CharClass, number>;
  /** The exact special characters the site lists, in its order, each once. */
  specials: string;
  others: OthersPolicy;
}

// Specials are printable ASCII punctuation only: a site listing "€" or "é" is outside what we can
// promise to type on every keyboard, so such a profile is rejected rather than silently trimmed.
const SPECIALS_RE = /^[!-/:-@[-`{-~]*$/;
const MAX_LENGTH_CAP = 4096;

// Built on first use, not at module load: the popup's first script and the content script only read
// `ENEJ_PROFILE`, so building zod's schema (and shipping zod at all) would be pure start-up cost there.
let schema: ReturnType<typeof buildSchema> | undefined;

function buildSchema() {
  const count = z.int().check(z.gte(0), z.lte(64));
  return z
    .strictObject({
      id: z.string().check(z.regex(/^[a-z0-9-]{1,40}$/)),
      minLength: z.int().check(z.gte(1), z.lte(MAX_LENGTH_CAP)),
      maxLength: z.optional(z.int().check(z.gte(1), z.lte(MAX_LENGTH_CAP))),
      required: z.strictObject({ upper: count, lower: count, digit: count, special: count }),
      specials: z.string().check(z.regex(SPECIALS_RE)),
      others: z.enum(OTHERS_POLICIES),
    })
    .check(
      z.refine((p) => p.maxLength === undefined || p.maxLength >= p.minLength, {
        message: 'maxLength must be at least minLength',
      }),
      z.refine((p) => new Set(p.specials).size === p.specials.length, {
        message: 'specials must not repeat a character',
      }),
      z.refine((p) => p.required.special === 0 || p.specials.length > 0, {
        message: 'a required special class needs a non-empty specials list',
      }),
      z.refine(
        (p) =>
          p.maxLength === undefined ||
          p.required.upper + p.required.lower + p.required.digit + p.required.special <= p.maxLength,
        { message: 'required characters do not fit in maxLength' },
      ),
    );
}

function ruleProfileSchema() {
  schema ??= buildSchema();
  return schema;
}

/** Validates untrusted profile data once, at the boundary. Throws a zod error listing every problem. */
export function parseProfile(input: unknown): RuleProfile {
  return ruleProfileSchema().parse(input) as RuleProfile;
}

export function safeParseProfile(
  input: unknown,
): { ok: true; profile: RuleProfile } | { ok: false; error: string } {
  const result = ruleProfileSchema().safeParse(input);
  if (result.success) return { ok: true, profile: result.data as RuleProfile };
  return { ok: false, error: result.error.issues.map((i) => i.message).join('; ') };
}

/**
 * ENEJ Connect's rules as printed on its change-password page (notice of 13/04/2024). A frozen literal
 * rather than `parseProfile(…)`, so reading it costs nothing at load; a unit test checks the schema accepts
 * it unchanged.
 */
export const ENEJ_PROFILE: RuleProfile = Object.freeze({
  id: 'enej',
  minLength: 8,
  required: Object.freeze({ upper: 1, lower: 1, digit: 1, special: 1 }),
  specials: '!@#$%^&*_-+=~`',
  others: 'refused',
});
