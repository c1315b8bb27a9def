import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  evaluate,
  formatSpecials,
  isCompliant,
  REFUSED_REASONS,
  RULE_IDS,
  type RuleResult,
  refusalReason,
  refusedKey,
} from './evaluate';
import { ENEJ_PROFILE, ENEJ_SPECIALS, type RuleProfile, simpleProfile } from './profile';

/** Length in code points and the refused characters, as the checklist sees them. */
function countChars(password: string, profile: RuleProfile) {
  const allowed = evaluate(password, profile).find((r) => r.id === 'allowed');
  return { length: [...password].length, refused: allowed?.refused ?? [] };
}

function byId(results: RuleResult[]): Record<string, RuleResult> {
  return Object.fromEntries(results.map((r) => [r.id, r]));
}

const ENEJ_SPACED = '! @ # $ % ^ & * _ - + = ~ `';
/** ENEJ's rules in the "N of each class" form, to derive variants from. */
const ENEJ_SIMPLE = {
  id: 'enej',
  minLength: 8,
  required: { upper: 1, lower: 1, digit: 1, special: 1 },
  specials: ENEJ_SPECIALS,
  others: 'refused' as const,
};

describe('evaluate with the ENEJ profile', () => {
  it('returns one result per rule, in contract order', () => {
    const ids = evaluate('', ENEJ_PROFILE).map((r) => r.id);
    expect(ids).toEqual(['length', 'upper', 'lower', 'digit', 'special', 'allowed']);
    for (const id of ids) expect(RULE_IDS).toContain(id);
    expect(simpleProfile(ENEJ_SIMPLE)).toEqual(ENEJ_PROFILE);
  });

  it('accepts a compliant password', () => {
    const results = evaluate('Soleil-42', ENEJ_PROFILE);
    expect(results.every((r) => r.met)).toBe(true);
    expect(isCompliant('Soleil-42', ENEJ_PROFILE)).toBe(true);
    expect(byId(results).length).toEqual({ id: 'length', met: true, key: 'rule_length_ok', params: ['8'] });
    expect(byId(results).allowed).toEqual({
      id: 'allowed',
      met: true,
      key: 'rule_allowed_ok',
      params: [],
      refused: [],
    });
  });

  it('reports everything missing on an empty password', () => {
    const r = byId(evaluate('', ENEJ_PROFILE));
    expect(r.length).toEqual({ id: 'length', met: false, key: 'rule_length_missing', params: ['8', '8'] });
    expect(r.upper).toEqual({ id: 'upper', met: false, key: 'rule_upper', params: ['1', '1'] });
    expect(r.lower).toEqual({ id: 'lower', met: false, key: 'rule_lower', params: ['1', '1'] });
    expect(r.digit).toEqual({ id: 'digit', met: false, key: 'rule_digit', params: ['1', '1'] });
    expect(r.special).toEqual({
      id: 'special',
      met: false,
      key: 'rule_special',
      params: ['1', '1', ENEJ_SPACED],
    });
    expect(r.allowed?.met).toBe(true);
    expect(isCompliant('', ENEJ_PROFILE)).toBe(false);
  });

  describe('length, both ways', () => {
    it('7 characters is one short, 8 is enough', () => {
      expect(byId(evaluate('Abcde1!', ENEJ_PROFILE)).length).toMatchObject({
        met: false,
        params: ['8', '1'],
      });
      expect(byId(evaluate('Abcdef1!', ENEJ_PROFILE)).length?.met).toBe(true);
    });

    it('has no upper bound for ENEJ', () => {
      const long = `Aa1!${'x'.repeat(500)}`;
      expect(isCompliant(long, ENEJ_PROFILE)).toBe(true);
    });

    it('reports the excess over maxLength', () => {
      const p = simpleProfile({ ...ENEJ_SIMPLE, id: 'max', maxLength: 10 });
      expect(byId(evaluate('Abcdefgh1!', p)).length?.met).toBe(true);
      expect(byId(evaluate('Abcdefghi1!!', p)).length).toEqual({
        id: 'length',
        met: false,
        key: 'rule_length_too_long',
        params: ['10', '2'],
      });
    });
  });

  describe.each([
    ['upper', 'abcdef1!', 'Abcdef1!'],
    ['lower', 'ABCDEF1!', 'aBCDEF1!'],
    ['digit', 'Abcdefg!', 'Abcdef1!'],
    ['special', 'Abcdefg1', 'Abcdef1#'],
  ] as const)('rule %s, both ways', (id, without, withIt) => {
    it(`fails without, passes with`, () => {
      expect(byId(evaluate(without, ENEJ_PROFILE))[id]?.met).toBe(false);
      expect(byId(evaluate(withIt, ENEJ_PROFILE))[id]?.met).toBe(true);
      expect(isCompliant(without, ENEJ_PROFILE)).toBe(false);
      expect(isCompliant(withIt, ENEJ_PROFILE)).toBe(true);
    });
  });

  it('counts every ENEJ special and only those', () => {
    for (const s of ENEJ_SPECIALS) expect(isCompliant(`Abcdef1${s}`, ENEJ_PROFILE)).toBe(true);
    for (const s of '.,?()[]{}\'":;/\\|<>') {
      const r = byId(evaluate(`Abcdef1${s}`, ENEJ_PROFILE));
      expect(r.special?.met).toBe(false);
      expect(r.allowed?.refused).toEqual([{ char: s, reason: 'not-in-list', count: 1 }]);
    }
  });
});

describe('missing counts', () => {
  const p = simpleProfile({
    id: 'counts',
    minLength: 12,
    required: { upper: 2, lower: 3, digit: 2, special: 2 },
    specials: '!@',
    others: 'refused',
  });

  it('says how many are still missing for each class', () => {
    const r = byId(evaluate('Ab1!', p));
    expect(r.length?.params).toEqual(['12', '8']);
    expect(r.upper?.params).toEqual(['2', '1']);
    expect(r.lower?.params).toEqual(['3', '2']);
    expect(r.digit?.params).toEqual(['2', '1']);
    expect(r.special?.params).toEqual(['2', '1', '! @']);
  });

  it('never goes below zero once met', () => {
    const r = byId(evaluate('ABCDEFabcdef123!@!', p));
    expect(r.upper).toMatchObject({ met: true, params: ['2', '0'] });
    expect(r.special).toMatchObject({ met: true, params: ['2', '0', '! @'] });
  });

  it('reports classes that are not required as met', () => {
    const loose = simpleProfile({
      id: 'loose',
      minLength: 4,
      required: { upper: 0, lower: 0, digit: 0, special: 0 },
      specials: '',
      others: 'refused',
    });
    const r = evaluate('abcd', loose);
    expect(r.every((x) => x.met)).toBe(true);
    // Only what the site asks for is listed: no line for a class it does not require.
    expect(r.map((x) => x.id)).toEqual(['length', 'allowed']);
  });
});

describe('code points', () => {
  it('counts an emoji as one character (and refuses it)', () => {
    const c = countChars('Ab1!😀', ENEJ_PROFILE);
    expect(c.length).toBe(5);
    expect(c.refused).toEqual([{ char: '😀', reason: 'emoji', count: 1 }]);
    expect(byId(evaluate('Abcdef1😀', ENEJ_PROFILE)).length?.met).toBe(true);
  });

  it('counts a lone surrogate as one refused control character', () => {
    const c = countChars('Abcdef1!\uD800', ENEJ_PROFILE);
    expect(c.length).toBe(9);
    expect(c.refused).toEqual([{ char: '\uD800', reason: 'control', count: 1 }]);
    expect(countChars('\uDC00\uD800', ENEJ_PROFILE).length).toBe(2);
  });

  it('refuses NUL as control', () => {
    expect(countChars('Abcdef1!\0', ENEJ_PROFILE).refused).toEqual([
      { char: '\0', reason: 'control', count: 1 },
    ]);
  });

  it('treats RTL letters as non-latin and the RTL mark as control', () => {
    const c = countChars('Abc1!שלום\u200F', ENEJ_PROFILE);
    expect(c.length).toBe(10);
    expect(c.refused.map((r) => r.reason)).toEqual([
      'non-latin',
      'non-latin',
      'non-latin',
      'non-latin',
      'control',
    ]);
  });

  it.each([
    ['NBSP', '\u00A0'],
    ['tab', '\t'],
    ['newline', '\n'],
    ['trailing space', ' '],
  ])('refuses %s as a space', (_name, ch) => {
    const r = byId(evaluate(`Abcdef1!${ch}`, ENEJ_PROFILE));
    expect(r.length?.met).toBe(true);
    expect(r.allowed).toEqual({
      id: 'allowed',
      met: false,
      key: 'rule_allowed_refused',
      params: ['1'],
      refused: [{ char: ch, reason: 'space', count: 1 }],
    });
  });

  it('lists each refused character once, in order, with its count', () => {
    const r = byId(evaluate('é Abcdef1! é?é', ENEJ_PROFILE)).allowed;
    expect(r?.params).toEqual(['3']);
    expect(r?.refused).toEqual([
      { char: 'é', reason: 'accent', count: 3 },
      { char: ' ', reason: 'space', count: 2 },
      { char: '?', reason: 'not-in-list', count: 1 },
    ]);
  });
});

describe('refused reasons', () => {
  it.each([
    ['é', 'accent'],
    ['É', 'accent'],
    ['ç', 'accent'],
    ['\u0301', 'accent'],
    [' ', 'space'],
    ['?', 'not-in-list'],
    ['€', 'not-in-list'],
    ['😀', 'emoji'],
    ['\u200D', 'emoji'],
    ['\uFE0F', 'emoji'],
    ['ж', 'non-latin'],
    ['中', 'non-latin'],
    ['\u0000', 'control'],
    ['\u007F', 'control'],
    ['\uD83D', 'control'],
  ] as const)('%j is refused as %s', (ch, reason) => {
    expect(refusalReason(ch)).toBe(reason);
    expect(countChars(`x${ch}`, ENEJ_PROFILE).refused[0]?.reason).toBe(reason);
  });

  it('maps each reason to a message key the catalog accepts', () => {
    expect(REFUSED_REASONS.map(refusedKey)).toEqual([
      'refused_accent',
      'refused_space',
      'refused_emoji',
      'refused_control',
      'refused_non_latin',
      'refused_not_in_list',
      'refused_capital',
      'refused_small',
      'refused_digit',
    ]);
    for (const reason of REFUSED_REASONS) expect(refusedKey(reason)).toMatch(/^[A-Za-z0-9_@]+$/);
  });
});

describe('others policies', () => {
  const base = { ...ENEJ_SIMPLE, id: 'x' };

  it('printable-ascii accepts other ASCII but still refuses accents and emoji', () => {
    const p = simpleProfile({ ...base, others: 'printable-ascii' });
    const r = byId(evaluate('Abcdef1! ?.', p));
    expect(r.allowed?.met).toBe(true);
    // "?" is accepted, but it is not in the counted list.
    expect(byId(evaluate('Abcdefg1?', p)).special?.met).toBe(false);
    expect(byId(evaluate('Abcdef1!é😀\t', p)).allowed?.refused?.map((x) => x.reason)).toEqual([
      'accent',
      'emoji',
      'space',
    ]);
  });

  it('any accepts everything', () => {
    const p = simpleProfile({ ...base, others: 'any' });
    expect(isCompliant('Abcdef1!é 😀\0\uD800', p)).toBe(true);
  });
});

describe('big and hostile input', () => {
  it('handles 10,000 characters', () => {
    const pw = `Aa1!${'é'.repeat(9_996)}`;
    const r = byId(evaluate(pw, ENEJ_PROFILE));
    expect(r.length?.met).toBe(true);
    expect(r.allowed?.refused).toEqual([{ char: 'é', reason: 'accent', count: 9_996 }]);
  });

  it('handles 1,000,000 characters', () => {
    const pw = `${'Ab1!'.repeat(249_999)}😀\uD800`;
    const c = countChars(pw, ENEJ_PROFILE);
    expect(c.length).toBe(999_998);
    const r = byId(evaluate(pw, ENEJ_PROFILE));
    expect(r.upper?.met && r.special?.met && r.length?.met).toBe(true);
    expect(c.refused.map((x) => x.reason)).toEqual(['emoji', 'control']);
    expect(isCompliant('Ab1!'.repeat(250_000), ENEJ_PROFILE)).toBe(true);
  });

  it('handles many distinct refused characters', () => {
    let s = '';
    for (let cp = 0x4e00; cp < 0x4e00 + 5_000; cp++) s += String.fromCodePoint(cp);
    const r = byId(evaluate(s, ENEJ_PROFILE)).allowed;
    expect(r?.params).toEqual(['5000']);
    expect(r?.refused?.every((x) => x.reason === 'non-latin' && x.count === 1)).toBe(true);
  });
});

describe('formatSpecials', () => {
  it('spaces the list the way ENEJ prints it', () => {
    expect(formatSpecials(ENEJ_SPECIALS)).toBe(ENEJ_SPACED);
    expect(formatSpecials('')).toBe('');
  });
});

describe('properties', () => {
  // Code units, not code points, so lone surrogates and broken pairs are generated too.
  const anyUnit = fc.oneof(
    fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
    fc.constantFrom('A', 'z', '5', '!', '`', 'é', ' ', '😀', '\u0000', '\u00A0'),
  );
  const anyString = fc.string({ unit: anyUnit, maxLength: 40 });
  const profiles = fc
    .record({
      // At least 2, so the two required characters always fit under maxLength.
      minLength: fc.integer({ min: 2, max: 30 }),
      extra: fc.option(fc.integer({ min: 0, max: 30 }), { nil: undefined }),
      others: fc.constantFrom('refused', 'printable-ascii', 'any'),
    })
    .map(({ minLength, extra, others }) =>
      simpleProfile({
        id: 'prop',
        minLength,
        maxLength: extra === undefined ? undefined : minLength + extra,
        required: { upper: 0, lower: 1, digit: 0, special: 1 },
        specials: '!@#',
        others,
      }),
    );

  it('never throws, and length is met exactly when the code-point count is in range', () => {
    fc.assert(
      fc.property(anyString, profiles, (pw, profile) => {
        const results = evaluate(pw, profile);
        expect(results.map((r) => r.id)).toEqual(['length', 'lower', 'special', 'allowed']);
        const n = Array.from(pw).length;
        const inRange = n >= profile.minLength && (profile.maxLength === undefined || n <= profile.maxLength);
        expect(byId(results).length?.met).toBe(inRange);
        expect(isCompliant(pw, profile)).toBe(results.every((r) => r.met));
      }),
      { numRuns: 500 },
    );
  });

  it('isCompliant says exactly what evaluate says, whatever the profile and the input', () => {
    const classes = fc.subarray(['upper', 'lower', 'digit', 'special', 'symbol', 'unicode'] as const);
    const set = fc.record({ classes, chars: fc.constantFrom('', '!@#', 'é€', '😀-') });
    const rich: fc.Arbitrary<RuleProfile> = fc.record({
      id: fc.constant('prop'),
      minLength: fc.integer({ min: 1, max: 20 }),
      maxLength: fc.option(fc.integer({ min: 20, max: 40 }), { nil: undefined }),
      maxConsecutive: fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined }),
      requirements: fc.array(fc.record({ min: fc.integer({ min: 1, max: 3 }), set }), { maxLength: 5 }),
      allowed: set,
    });
    const same = (pw: string, profile: RuleProfile) => {
      expect(isCompliant(pw, profile)).toBe(evaluate(pw, profile).every((r) => r.met));
    };
    fc.assert(fc.property(anyString, rich, same), { numRuns: 1000 });
    // Inputs that do comply, so that the property does not rest on `false` alone.
    for (const pw of ['Soleil-42', 'Ab1!Ab1!', 'Aab1!😀é', 'aaa-Bbb-111']) same(pw, ENEJ_PROFILE);
    expect(isCompliant('Aabc1!😀é', { ...ENEJ_PROFILE, allowed: { classes: ['unicode'], chars: '' } })).toBe(
      true,
    );
  });

  it('refused counts add up to the characters the profile does not accept', () => {
    fc.assert(
      fc.property(anyString, (pw) => {
        const c = countChars(pw, ENEJ_PROFILE);
        const refusedTotal = c.refused.reduce((sum, r) => sum + r.count, 0);
        const accepted = Array.from(pw).filter(
          (ch) => /^[A-Za-z0-9]$/.test(ch) || ENEJ_SPECIALS.includes(ch),
        );
        expect(refusedTotal + accepted.length).toBe(c.length);
        expect(new Set(c.refused.map((r) => r.char)).size).toBe(c.refused.length);
      }),
      { numRuns: 300 },
    );
  });
});
