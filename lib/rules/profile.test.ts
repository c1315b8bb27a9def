import { describe, expect, it } from 'vitest';
import {
  allowedSpecials,
  contradictions,
  ENEJ_PROFILE,
  ENEJ_SPECIALS,
  parseProfile,
  type RuleProfile,
  requirementIds,
  requirementKind,
  safeParseProfile,
  sameRules,
} from './profile';

const valid: RuleProfile = {
  id: 'test',
  minLength: 8,
  maxLength: 20,
  requirements: [
    { min: 1, set: { classes: ['upper', 'lower'], chars: '' } },
    { min: 1, set: { classes: ['digit'], chars: '' } },
    { min: 1, set: { classes: [], chars: '!@#' } },
  ],
  allowed: { classes: ['upper', 'lower', 'digit'], chars: '!@#' },
};

function withChanges(changes: Record<string, unknown>): unknown {
  return { ...valid, ...changes };
}

describe('ENEJ profile', () => {
  it('matches the rule printed on the ENEJ page', () => {
    expect(JSON.parse(JSON.stringify(ENEJ_PROFILE))).toEqual({
      id: 'enej',
      minLength: 8,
      requirements: [
        { min: 1, set: { classes: ['upper'], chars: '' } },
        { min: 1, set: { classes: ['lower'], chars: '' } },
        { min: 1, set: { classes: ['digit'], chars: '' } },
        { min: 1, set: { classes: [], chars: '!@#$%^&*_-+=~`' } },
      ],
      allowed: { classes: ['upper', 'lower', 'digit'], chars: '!@#$%^&*_-+=~`' },
    });
    expect(ENEJ_PROFILE.maxLength).toBeUndefined();
    expect(ENEJ_PROFILE.maxConsecutive).toBeUndefined();
    expect([...ENEJ_SPECIALS]).toHaveLength(14);
    expect(requirementIds(ENEJ_PROFILE)).toEqual(['upper', 'lower', 'digit', 'special']);
  });

  it('round-trips through the schema', () => {
    expect(parseProfile(JSON.parse(JSON.stringify(ENEJ_PROFILE)))).toEqual(ENEJ_PROFILE);
  });

  // The literal skips validation at load; the schema must still accept it exactly as written.
  it('is accepted unchanged by the schema it no longer goes through at load', () => {
    expect(parseProfile(ENEJ_PROFILE)).toEqual(ENEJ_PROFILE);
    expect(safeParseProfile(ENEJ_PROFILE)).toEqual({ ok: true, profile: ENEJ_PROFILE });
  });

  it('cannot be changed by a caller, not even a requirement', () => {
    expect(Object.isFrozen(ENEJ_PROFILE)).toBe(true);
    expect(Object.isFrozen(ENEJ_PROFILE.requirements)).toBe(true);
    expect(Object.isFrozen(ENEJ_PROFILE.requirements[0])).toBe(true);
    expect(Object.isFrozen(ENEJ_PROFILE.allowed.classes)).toBe(true);
    expect(() => {
      (ENEJ_PROFILE.requirements[0] as { min: number }).min = 0;
    }).toThrow(TypeError);
  });

  it('lists its specials in its own order', () => {
    expect(allowedSpecials(ENEJ_PROFILE)).toBe(ENEJ_SPECIALS);
  });
});

describe('requirement kinds', () => {
  it.each([
    [{ classes: ['upper'], chars: '' }, 'upper'],
    [{ classes: ['lower'], chars: '' }, 'lower'],
    [{ classes: ['digit'], chars: '' }, 'digit'],
    [{ classes: ['upper', 'lower'], chars: '' }, 'letter'],
    [{ classes: [], chars: '!?' }, 'special'],
    [{ classes: ['special'], chars: '' }, 'special'],
    [{ classes: ['symbol'], chars: '' }, 'special'],
    [{ classes: ['digit', 'special'], chars: '' }, 'set'],
    [{ classes: ['upper'], chars: '!' }, 'set'],
    [{ classes: [], chars: 'abc' }, 'set'],
  ] as const)('%j is %s', (set, kind) => {
    expect(requirementKind(set)).toBe(kind);
  });

  it('numbers a kind that repeats, so every checklist line has its own name', () => {
    const ids = requirementIds({
      requirements: [
        { min: 1, set: { classes: [], chars: '!' } },
        { min: 1, set: { classes: [], chars: '?' } },
        { min: 1, set: { classes: ['digit', 'upper'], chars: '' } },
      ],
    });
    expect(ids).toEqual(['special', 'special-2', 'set']);
  });
});

describe('profile schema', () => {
  it('accepts a valid profile, a run limit, any listed character the site accepts', () => {
    expect(safeParseProfile(valid)).toEqual({ ok: true, profile: valid });
    expect(safeParseProfile(withChanges({ maxConsecutive: 2 })).ok).toBe(true);
    expect(
      safeParseProfile(withChanges({ allowed: { classes: ['upper', 'lower', 'digit'], chars: '!@#äß§’ ' } }))
        .ok,
    ).toBe(true);
    expect(safeParseProfile(withChanges({ allowed: { classes: ['unicode'], chars: '' } })).ok).toBe(true);
  });

  it('accepts no requirement at all (a PIN: digits only)', () => {
    const pin = {
      id: 'pin',
      minLength: 4,
      maxLength: 4,
      requirements: [],
      allowed: { classes: ['digit'], chars: '' },
    };
    expect(safeParseProfile(pin).ok).toBe(true);
  });

  it('rejects minLength above maxLength', () => {
    const r = safeParseProfile(withChanges({ minLength: 21, maxLength: 20 }));
    expect(r).toEqual({ ok: false, error: expect.stringMatching(/maxLength must be at least minLength/) });
  });

  it('accepts minLength equal to maxLength', () => {
    expect(safeParseProfile(withChanges({ minLength: 20, maxLength: 20 })).ok).toBe(true);
  });

  it('rejects a listed character written twice, and invisible ones', () => {
    expect(safeParseProfile(withChanges({ allowed: { classes: [], chars: '!@!' } }))).toEqual({
      ok: false,
      error: expect.stringMatching(/repeats/),
    });
    for (const chars of ['\u0000', '\uD800', '\u007f'])
      expect(safeParseProfile(withChanges({ allowed: { classes: ['upper'], chars } })).ok).toBe(false);
  });

  it('reports a requirement nothing allowed can meet, not a guess', () => {
    const r = safeParseProfile(withChanges({ allowed: { classes: ['upper', 'lower', 'digit'], chars: '' } }));
    expect(r).toEqual({
      ok: false,
      error: expect.stringMatching(/requirement 3 asks for characters that are not allowed/),
    });
  });

  it('reports requirements that cannot fit in maxLength, and fits them exactly when they can', () => {
    const tight = {
      minLength: 2,
      maxLength: 3,
      requirements: [
        { min: 2, set: { classes: ['upper'], chars: '' } },
        { min: 2, set: { classes: ['digit'], chars: '' } },
      ],
      allowed: { classes: ['upper', 'digit'], chars: '' },
    };
    expect(safeParseProfile(withChanges(tight))).toEqual({
      ok: false,
      error: expect.stringMatching(/cannot all be met/),
    });
    expect(safeParseProfile(withChanges({ ...tight, maxLength: 4 })).ok).toBe(true);
    // Overlapping sets share characters: one capital counts for "capital" and for "letter".
    const overlap = {
      minLength: 1,
      maxLength: 1,
      requirements: [
        { min: 1, set: { classes: ['upper'], chars: '' } },
        { min: 1, set: { classes: ['upper', 'lower'], chars: '' } },
      ],
    };
    expect(safeParseProfile(withChanges(overlap)).ok).toBe(true);
  });

  it('reports a run limit the allowed characters cannot respect', () => {
    const onlyA: RuleProfile = {
      id: 'only-a',
      minLength: 3,
      maxLength: 5,
      maxConsecutive: 2,
      requirements: [],
      allowed: { classes: [], chars: 'a' },
    };
    expect(contradictions(onlyA)).toEqual([
      'the requirements, the run limit and the length bounds cannot all be met together',
    ]);
    expect(contradictions({ ...onlyA, allowed: { classes: [], chars: 'ab' } })).toEqual([]);
  });

  it('rejects unknown keys, classes and mistyped fields', () => {
    expect(safeParseProfile(withChanges({ extra: true })).ok).toBe(false);
    expect(safeParseProfile(withChanges({ allowed: { classes: ['emoji'], chars: '' } })).ok).toBe(false);
    expect(
      safeParseProfile(withChanges({ requirements: [{ min: 0, set: { classes: ['upper'], chars: '' } }] }))
        .ok,
    ).toBe(false);
    expect(
      safeParseProfile(withChanges({ requirements: [{ min: 1, set: { classes: [], chars: '' } }] })).ok,
    ).toBe(false);
    expect(safeParseProfile(withChanges({ minLength: '8' })).ok).toBe(false);
    expect(safeParseProfile(withChanges({ minLength: 8.5 })).ok).toBe(false);
    expect(safeParseProfile(withChanges({ minLength: 0 })).ok).toBe(false);
    expect(safeParseProfile(withChanges({ minLength: Number.NaN })).ok).toBe(false);
    expect(safeParseProfile(withChanges({ maxLength: 5000 })).ok).toBe(false);
    expect(safeParseProfile(withChanges({ maxConsecutive: 0 })).ok).toBe(false);
    expect(safeParseProfile(withChanges({ id: 'Has Space' })).ok).toBe(false);
    expect(safeParseProfile(null).ok).toBe(false);
    expect(safeParseProfile('enej').ok).toBe(false);
  });

  it('parseProfile throws where safeParseProfile reports', () => {
    expect(() => parseProfile(withChanges({ minLength: 30 }))).toThrow();
    expect(parseProfile(valid)).toEqual(valid);
  });
});

describe('sameRules', () => {
  it('ignores the id and the order of listed characters', () => {
    const reordered: RuleProfile = {
      ...ENEJ_PROFILE,
      id: 'page',
      requirements: [
        ...ENEJ_PROFILE.requirements.slice(0, 3),
        { min: 1, set: { classes: [], chars: '`~=+-_*&^%$#@!' } },
      ],
    };
    expect(sameRules(reordered, ENEJ_PROFILE)).toBe(true);
    expect(sameRules({ ...ENEJ_PROFILE, maxConsecutive: 2 }, ENEJ_PROFILE)).toBe(false);
    expect(sameRules({ ...ENEJ_PROFILE, minLength: 9 }, ENEJ_PROFILE)).toBe(false);
  });
});

describe('profiles in the shape before requirements', () => {
  it("are still accepted at the boundary, and come out in today's shape", () => {
    const legacy = {
      id: 'enej',
      minLength: 8,
      required: { upper: 1, lower: 1, digit: 1, special: 1 },
      specials: ENEJ_SPECIALS,
      others: 'refused',
    };
    expect(parseProfile(legacy)).toEqual(ENEJ_PROFILE);
    expect(safeParseProfile({ ...legacy, others: 'any', maxLength: 20 })).toMatchObject({
      ok: true,
      profile: { maxLength: 20, allowed: { classes: ['unicode'], chars: '' } },
    });
    expect(safeParseProfile({ ...legacy, others: 'some' }).ok).toBe(false);
    expect(safeParseProfile({ ...legacy, minLength: 30, maxLength: 20 }).ok).toBe(false);
  });
});
