import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isCompliant } from './evaluate';
import { parsePasswordRules, toPasswordRules } from './passwordrules';
import { mergeProfile } from './policy-text';
import { ENEJ_PROFILE, parseProfile, type RuleProfile } from './profile';

const ALL_PUNCT = '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~';
const ENEJ_RULES =
  'minlength: 8; required: upper; required: lower; required: digit; required: [-!@#$%^&*_+=~`]; allowed: upper, lower, digit, [-!@#$%^&*_+=~`];';

function ok(text: string) {
  const r = parsePasswordRules(text);
  if (!r.ok) throw new Error(`expected ok, got ${r.errors.join(' | ')}`);
  return r.rules;
}

function errors(text: string): string[] {
  const r = parsePasswordRules(text);
  if (r.ok) throw new Error(`expected errors for ${text}`);
  expect(r.issues).toHaveLength(r.errors.length);
  return r.errors;
}

function issueKeys(text: string): string[] {
  const r = parsePasswordRules(text);
  return r.ok ? [] : r.issues.map((i) => i.key);
}

const sortChars = (s: string) => [...s].sort().join('');

describe('toPasswordRules', () => {
  it('writes ENEJ with "-" first in the class', () => {
    expect(toPasswordRules(ENEJ_PROFILE)).toBe(ENEJ_RULES);
  });

  it('puts "]" last and writes maxlength, repeated counts and others', () => {
    const p = parseProfile({
      id: 'x',
      minLength: 10,
      maxLength: 20,
      required: { upper: 2, lower: 0, digit: 1, special: 1 },
      specials: ']-!',
      others: 'printable-ascii',
    });
    expect(toPasswordRules(p)).toBe(
      'minlength: 10; maxlength: 20; required: upper; required: upper; required: digit; required: [-!]]; allowed: ascii-printable;',
    );
    expect(toPasswordRules({ ...p, others: 'any' })).toMatch(/allowed: unicode;$/);
    expect(
      toPasswordRules({ ...p, others: 'refused', specials: '', required: { ...p.required, special: 0 } }),
    ).toBe(
      'minlength: 10; maxlength: 20; required: upper; required: upper; required: digit; allowed: upper, lower, digit;',
    );
  });
});

describe('parsePasswordRules: valid rules', () => {
  it('reads ENEJ back', () => {
    expect(ok(ENEJ_RULES)).toEqual({
      minLength: 8,
      required: { upper: 1, lower: 1, digit: 1, special: 1 },
      specials: '-!@#$%^&*_+=~`',
      others: 'refused',
    });
    const merged = mergeProfile(ENEJ_PROFILE, ok(ENEJ_RULES));
    expect(sortChars(merged.specials)).toBe(sortChars(ENEJ_PROFILE.specials));
    expect(isCompliant('Soleil-42', merged)).toBe(true);
  });

  it('reads real-world rules (orange.fr)', () => {
    expect(
      ok('minlength: 8; required: upper; required: lower; required: digit; allowed: [-,.;+:!?_];'),
    ).toEqual({
      minLength: 8,
      required: { upper: 1, lower: 1, digit: 1, special: 0 },
      specials: '-,.;+:!?_',
      others: 'refused',
    });
  });

  it('reads hertz.fr-like rules with max-consecutive', () => {
    expect(
      ok(
        'minlength: 8; maxlength: 30; max-consecutive: 3; required: digit; required: [#$%^&!@]; allowed: upper, lower, ascii-printable;',
      ),
    ).toEqual({
      minLength: 8,
      maxLength: 30,
      maxConsecutive: 3,
      required: { upper: 0, lower: 0, digit: 1, special: 1 },
      specials: '#$%^&!@',
      others: 'printable-ascii',
    });
  });

  it('defaults to all printable ASCII when nothing is said about characters', () => {
    expect(ok('minlength: 12;')).toEqual({
      minLength: 12,
      required: { upper: 0, lower: 0, digit: 0, special: 0 },
      specials: ALL_PUNCT,
      others: 'printable-ascii',
    });
    expect(ok('')).toMatchObject({ others: 'printable-ascii' });
  });

  it('allows only what is required when there is no allowed rule', () => {
    expect(ok('required: upper; required: lower; required: digit;')).toEqual({
      required: { upper: 1, lower: 1, digit: 1, special: 0 },
      specials: '',
      others: 'refused',
    });
  });

  it('maps the named special class, which includes the space', () => {
    expect(ok('required: special; allowed: upper, lower, digit;')).toEqual({
      required: { upper: 0, lower: 0, digit: 0, special: 1 },
      specials: ALL_PUNCT,
      others: 'printable-ascii',
    });
  });

  it('maps unicode to any, and a required ascii-printable asks nothing', () => {
    expect(ok('allowed: unicode; required: ascii-printable')).toMatchObject({
      others: 'any',
      required: { upper: 0, lower: 0, digit: 0, special: 0 },
    });
  });

  it('treats a custom class with every capital letter as upper', () => {
    expect(ok('required: [ABCDEFGHIJKLMNOPQRSTUVWXYZ]; allowed: lower, digit')).toMatchObject({
      required: { upper: 1, lower: 0, digit: 0, special: 0 },
    });
  });

  it('is lenient on whitespace and case of class names, as Apple is', () => {
    expect(
      ok('  minlength :  8 ;\n required:UPPER ;\trequired : Lower;allowed:digit,lower ,upper;;'),
    ).toEqual({
      minLength: 8,
      required: { upper: 1, lower: 1, digit: 0, special: 0 },
      specials: '',
      others: 'refused',
    });
  });

  it('takes the strictest of repeated lengths', () => {
    expect(ok('minlength: 6; minlength: 10; maxlength: 30; maxlength: 20;')).toMatchObject({
      minLength: 10,
      maxLength: 20,
    });
  });

  it('reads "]]" as a literal "]" at the end of a class', () => {
    expect(ok('required: [-!]]; allowed: upper, lower, digit')).toMatchObject({ specials: '-!]' });
    expect(ok('required: []]; allowed: upper, lower, digit')).toMatchObject({ specials: ']' });
    expect(ok('required: [[]; allowed: upper, lower, digit')).toMatchObject({ specials: '[' });
  });
});

describe('parsePasswordRules: errors, never silent drops', () => {
  it.each([
    ['non-ASCII in a class', 'required: [!€@];', 'pwrules_non_ascii', /€.*U\+20AC/],
    ['accent in a class', 'allowed: [é];', 'pwrules_non_ascii', /é/],
    ['emoji in a class', 'allowed: [😀];', 'pwrules_non_ascii', /U\+1F600/],
    ['lone surrogate in a class', 'allowed: [\uD800];', 'pwrules_non_ascii', /U\+D800/],
    ['tab in a class', 'allowed: [!\t];', 'pwrules_non_ascii', /U\+0009/],
    ['misplaced dash', 'required: [!-_];', 'pwrules_misplaced_dash', /"-" may only come first/],
    ['unknown property', 'minlen: 8;', 'pwrules_unknown_property', /unknown property "minlen"/],
    ['property in capitals', 'MinLength: 8;', 'pwrules_unknown_property', /MinLength/],
    [
      'unknown class name',
      'required: letters;',
      'pwrules_unknown_class',
      /unknown character class "letters"/,
    ],
    ['bad integer', 'minlength: eight;', 'pwrules_bad_integer', /"eight" is not a whole number/],
    ['negative integer', 'maxlength: -3;', 'pwrules_bad_integer', /"-3"/],
    ['empty integer', 'minlength: ;', 'pwrules_bad_integer', /""/],
    ['huge integer', 'minlength: 99999999999999999999;', 'pwrules_bad_integer', /whole number/],
    ['decimal', 'minlength: 8.5;', 'pwrules_bad_integer', /8\.5/],
    ['zero maxlength', 'maxlength: 0;', 'pwrules_bad_integer', /"0"/],
    [
      'min above max',
      'minlength: 20; maxlength: 10;',
      'pwrules_min_above_max',
      /minlength 20 is above maxlength 10/,
    ],
    ['empty class', 'required: [];', 'pwrules_empty_class', /empty character class/],
    ['unterminated class', 'required: [!@', 'pwrules_syntax', /unterminated/],
    ['missing colon', 'minlength 8;', 'pwrules_syntax', /expected ":"/],
    ['missing comma', 'required: upper lower;', 'pwrules_syntax', /expected "," or ";"/],
    ['dangling comma', 'required: upper,;', 'pwrules_syntax', /expected a class name/],
    ['garbage', '!!!', 'pwrules_syntax', /expected a property name/],
  ])('%s', (_name, text, key, message) => {
    expect(issueKeys(text)).toContain(key);
    expect(errors(text).join(' | ')).toMatch(message);
  });

  it.each([
    ['either/or required', 'required: upper, digit;'],
    ['some letters only', 'required: [abc];'],
    ['letters forbidden', 'allowed: digit;'],
    ['space without all symbols', 'allowed: upper, lower, digit, [ !];'],
    ['a required space', 'required: [ ]; allowed: ascii-printable;'],
    ['uncounted allowed symbols', 'required: [!@]; allowed: upper, lower, digit, [.];'],
    ['two different symbol lists', 'required: [!]; required: [@]; allowed: upper, lower, digit'],
  ])('reports what our profile cannot express: %s', (_name, text) => {
    expect(issueKeys(text)).toContain('pwrules_unsupported');
  });

  it('reports impossible combinations', () => {
    expect(issueKeys('maxlength: 2; required: upper; required: lower; required: digit;')).toEqual([
      'pwrules_impossible',
    ]);
  });

  it('lists every problem, not just the first', () => {
    expect(issueKeys('foo: 1; minlength: x; required: [a-b]; required: nope')).toEqual([
      'pwrules_unknown_property',
      'pwrules_bad_integer',
      'pwrules_misplaced_dash',
      'pwrules_unknown_class',
    ]);
  });

  it('caps the input and the number of errors', () => {
    expect(errors('minlength: 8; '.repeat(1000))[0]).toMatch(/longer than 4096/);
    expect(errors('x: 1;'.repeat(500))).toHaveLength(20);
  });

  it('never throws on any string', () => {
    const unit = fc.oneof(
      fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
      fc.constantFrom('minlength', 'required', 'allowed', ':', ';', ',', '[', ']', '-', ' ', 'upper', '8'),
    );
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 50 }), (text) => {
        const r = parsePasswordRules(text);
        if (!r.ok) expect(r.errors.length).toBeGreaterThan(0);
      }),
      { numRuns: 500 },
    );
  });
});

describe('round trip', () => {
  const profiles = fc
    .record({
      minLength: fc.integer({ min: 4, max: 40 }),
      extra: fc.option(fc.integer({ min: 0, max: 40 }), { nil: undefined }),
      upper: fc.integer({ min: 0, max: 1 }),
      lower: fc.integer({ min: 0, max: 1 }),
      digit: fc.integer({ min: 0, max: 1 }),
      special: fc.integer({ min: 0, max: 1 }),
      specials: fc
        .subarray([...ALL_PUNCT], { minLength: 1 })
        .chain((a) => fc.shuffledSubarray(a, { minLength: a.length })),
      others: fc.constantFrom('refused', 'printable-ascii', 'any'),
    })
    .map(
      (r): RuleProfile =>
        parseProfile({
          id: 'prop',
          minLength: r.minLength,
          maxLength: r.extra === undefined ? undefined : r.minLength + r.extra,
          required: { upper: r.upper, lower: r.lower, digit: r.digit, special: r.special },
          specials: r.specials.join(''),
          others: r.others,
        }),
    );

  it('gives back ENEJ', () => {
    const back = ok(toPasswordRules(ENEJ_PROFILE));
    expect(back.minLength).toBe(ENEJ_PROFILE.minLength);
    expect(back.maxLength).toBeUndefined();
    expect(back.required).toEqual(ENEJ_PROFILE.required);
    expect(back.others).toBe('refused');
    expect(sortChars(back.specials ?? '')).toBe(sortChars(ENEJ_PROFILE.specials));
  });

  it('gives back any valid profile', () => {
    fc.assert(
      fc.property(profiles, (p) => {
        const back = ok(toPasswordRules(p));
        expect(back.minLength).toBe(p.minLength);
        expect(back.maxLength).toBe(p.maxLength);
        expect(back.required).toEqual(p.required);
        expect(back.others).toBe(p.others);
        // Only a required list, or a refused-others list, survives exactly (up to "-" and "]" moving).
        const exact = p.required.special > 0 || p.others === 'refused';
        expect(sortChars(back.specials ?? '')).toBe(sortChars(exact ? p.specials : ALL_PUNCT));
        expect(mergeProfile(p, back).required).toEqual(p.required);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps the site order apart from "-" and "]"', () => {
    expect(ok(toPasswordRules({ ...ENEJ_PROFILE, specials: '=+_' })).specials).toBe('=+_');
  });
});
