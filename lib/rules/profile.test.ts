import { describe, expect, it } from 'vitest';
import { ENEJ_PROFILE, parseProfile, type RuleProfile, safeParseProfile } from './profile';

const valid: RuleProfile = {
  id: 'test',
  minLength: 8,
  maxLength: 20,
  required: { upper: 1, lower: 1, digit: 1, special: 1 },
  specials: '!@#',
  others: 'refused',
};

function withChanges(changes: Record<string, unknown>): unknown {
  return { ...valid, ...changes };
}

describe('ENEJ profile', () => {
  it('matches the rule printed on the ENEJ page', () => {
    expect(ENEJ_PROFILE).toEqual({
      id: 'enej',
      minLength: 8,
      required: { upper: 1, lower: 1, digit: 1, special: 1 },
      specials: '!@#$%^&*_-+=~`',
      others: 'refused',
    });
    expect(ENEJ_PROFILE.maxLength).toBeUndefined();
    expect([...ENEJ_PROFILE.specials]).toHaveLength(14);
  });

  it('round-trips through the schema', () => {
    expect(parseProfile(JSON.parse(JSON.stringify(ENEJ_PROFILE)))).toEqual(ENEJ_PROFILE);
  });

  // The literal skips validation at load; the schema must still accept it exactly as written.
  it('is accepted unchanged by the schema it no longer goes through at load', () => {
    expect(parseProfile(ENEJ_PROFILE)).toEqual(ENEJ_PROFILE);
    expect(safeParseProfile(ENEJ_PROFILE)).toEqual({ ok: true, profile: ENEJ_PROFILE });
  });

  it('cannot be changed by a caller, not even its required counts', () => {
    expect(Object.isFrozen(ENEJ_PROFILE)).toBe(true);
    expect(Object.isFrozen(ENEJ_PROFILE.required)).toBe(true);
    expect(() => {
      (ENEJ_PROFILE.required as { upper: number }).upper = 0;
    }).toThrow(TypeError);
    expect(ENEJ_PROFILE.required.upper).toBe(1);
  });
});

describe('profile schema', () => {
  it('accepts a valid profile, and every others policy', () => {
    expect(safeParseProfile(valid)).toEqual({ ok: true, profile: valid });
    for (const others of ['refused', 'printable-ascii', 'any'])
      expect(safeParseProfile(withChanges({ others })).ok).toBe(true);
  });

  it('accepts no special at all when none is required', () => {
    expect(
      safeParseProfile(withChanges({ specials: '', required: { upper: 0, lower: 0, digit: 0, special: 0 } }))
        .ok,
    ).toBe(true);
  });

  it('accepts every printable ASCII punctuation character as a special', () => {
    const all = '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~';
    expect(safeParseProfile(withChanges({ specials: all, maxLength: undefined })).ok).toBe(true);
  });

  it('rejects minLength above maxLength', () => {
    const r = safeParseProfile(withChanges({ minLength: 21, maxLength: 20 }));
    expect(r).toEqual({ ok: false, error: expect.stringMatching(/maxLength must be at least minLength/) });
  });

  it('accepts minLength equal to maxLength', () => {
    expect(safeParseProfile(withChanges({ minLength: 20, maxLength: 20 })).ok).toBe(true);
  });

  it('rejects duplicate specials', () => {
    const r = safeParseProfile(withChanges({ specials: '!@!' }));
    expect(r).toEqual({ ok: false, error: expect.stringMatching(/repeat/) });
  });

  it.each(['€', 'é', '!§', '\u00A0', '😀', '！'])('rejects the non-ASCII special %j', (specials) => {
    expect(safeParseProfile(withChanges({ specials })).ok).toBe(false);
  });

  it.each(['a', 'Z', '0', '9', ' ', '!a', '\t', '\n', '\u0000', '\u007f'])(
    'rejects letters, digits, space and controls in specials: %j',
    (specials) => {
      expect(safeParseProfile(withChanges({ specials })).ok).toBe(false);
    },
  );

  it('rejects a required special with an empty list', () => {
    const r = safeParseProfile(withChanges({ specials: '' }));
    expect(r).toEqual({ ok: false, error: expect.stringMatching(/non-empty specials/) });
  });

  it('rejects required counts that cannot fit in maxLength', () => {
    const r = safeParseProfile(
      withChanges({ minLength: 4, maxLength: 5, required: { upper: 2, lower: 2, digit: 1, special: 1 } }),
    );
    expect(r).toEqual({ ok: false, error: expect.stringMatching(/do not fit/) });
    expect(
      safeParseProfile(
        withChanges({ minLength: 4, maxLength: 6, required: { upper: 2, lower: 2, digit: 1, special: 1 } }),
      ).ok,
    ).toBe(true);
  });

  it('rejects unknown keys, at the top and inside required', () => {
    expect(safeParseProfile(withChanges({ extra: true })).ok).toBe(false);
    expect(
      safeParseProfile(withChanges({ required: { upper: 1, lower: 1, digit: 1, special: 1, emoji: 1 } })).ok,
    ).toBe(false);
  });

  it('rejects missing and mistyped fields', () => {
    const { specials: _s, ...noSpecials } = valid;
    expect(safeParseProfile(noSpecials).ok).toBe(false);
    expect(safeParseProfile(withChanges({ minLength: '8' })).ok).toBe(false);
    expect(safeParseProfile(withChanges({ minLength: 8.5 })).ok).toBe(false);
    expect(safeParseProfile(withChanges({ minLength: 0 })).ok).toBe(false);
    expect(safeParseProfile(withChanges({ minLength: Number.NaN })).ok).toBe(false);
    expect(safeParseProfile(withChanges({ maxLength: 5000 })).ok).toBe(false);
    expect(
      safeParseProfile(withChanges({ required: { upper: -1, lower: 1, digit: 1, special: 1 } })).ok,
    ).toBe(false);
    expect(safeParseProfile(withChanges({ others: 'some' })).ok).toBe(false);
    expect(safeParseProfile(withChanges({ id: 'Has Space' })).ok).toBe(false);
    expect(safeParseProfile(null).ok).toBe(false);
    expect(safeParseProfile('enej').ok).toBe(false);
  });

  it('lists every problem at once', () => {
    const r = safeParseProfile(withChanges({ minLength: 30, specials: '!!' }));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error).toMatch(/maxLength must be at least minLength/);
      expect(r.error).toMatch(/repeat/);
    }
  });

  it('parseProfile throws where safeParseProfile reports', () => {
    expect(() => parseProfile(withChanges({ specials: 'a' }))).toThrow();
    expect(parseProfile(valid)).toEqual(valid);
  });
});
