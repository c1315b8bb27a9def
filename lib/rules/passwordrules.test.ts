import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isCompliant } from './evaluate';
import {
  applyPasswordRules,
  parsePasswordRules,
  profileForPasswordRules,
  toPasswordRules,
} from './passwordrules';
import { ENEJ_PROFILE, type RuleProfile, sameRules, simpleProfile } from './profile';

const ENEJ_RULES =
  'minlength: 8; required: upper; required: lower; required: digit; required: [-!@#$%^&*_+=~`]; allowed: upper, lower, digit, [-!@#$%^&*_+=~`];';
const ALL_PUNCT = '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~';

function ok(text: string): RuleProfile {
  const r = parsePasswordRules(text);
  if (!r.ok) throw new Error(`expected ok, got ${r.errors.join(' | ')}`);
  return r.profile;
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

const req = (min: number, classes: string[], chars = '') => ({ min, set: { classes, chars } });

describe('toPasswordRules', () => {
  it('writes ENEJ with "-" first in the class', () => {
    expect(toPasswordRules(ENEJ_PROFILE)).toBe(
      'minlength: 8; required: upper; required: lower; required: digit; required: [-!@#$%^&*_+=~`]; allowed: upper, lower, digit, [-!@#$%^&*_+=~`];',
    );
  });

  it('puts "]" last, repeats a line per required character, writes unions, runs and "unicode"', () => {
    const p: RuleProfile = {
      id: 'x',
      minLength: 10,
      maxLength: 20,
      maxConsecutive: 2,
      requirements: [
        { min: 2, set: { classes: ['upper'], chars: '' } },
        { min: 1, set: { classes: ['upper', 'lower'], chars: '' } },
        { min: 1, set: { classes: [], chars: ']-!' } },
      ],
      allowed: { classes: ['upper', 'lower', 'digit', 'special'], chars: '' },
    };
    expect(toPasswordRules(p)).toBe(
      'minlength: 10; maxlength: 20; max-consecutive: 2; required: upper; required: upper; required: upper, lower; required: [-!]]; allowed: upper, lower, digit, special;',
    );
    expect(toPasswordRules({ ...p, allowed: { classes: ['unicode'], chars: '' } })).toMatch(
      /allowed: unicode;$/,
    );
    expect(toPasswordRules({ ...p, allowed: { classes: ['symbol', 'upper'], chars: '' } })).toMatch(
      /allowed: unicode;$/,
    );
  });
});

describe('parsePasswordRules: valid rules', () => {
  it('reads ENEJ back, the same rules', () => {
    const back = ok(ENEJ_RULES);
    expect(sameRules(back, ENEJ_PROFILE)).toBe(true);
    expect(isCompliant('Soleil-42', back)).toBe(true);
    expect(profileForPasswordRules(ENEJ_RULES)).toEqual(back);
  });

  it('reads real-world rules (orange.fr): what is required is allowed too', () => {
    expect(
      ok('minlength: 8; required: upper; required: lower; required: digit; allowed: [-,.;+:!?_];'),
    ).toEqual({
      id: 'rules',
      minLength: 8,
      requirements: [req(1, ['upper']), req(1, ['lower']), req(1, ['digit'])],
      allowed: { classes: ['upper', 'lower', 'digit'], chars: '-,.;+:!?_' },
    });
  });

  it('reads a union, a run limit and non-ASCII characters (dkb.de)', () => {
    expect(
      ok(
        'minlength: 8; maxlength: 38; required: lower, upper; required: digit; allowed: [-äüöÄÜÖß!$%&/()=?+#,.:];',
      ),
    ).toEqual({
      id: 'rules',
      minLength: 8,
      maxLength: 38,
      requirements: [req(1, ['upper', 'lower']), req(1, ['digit'])],
      allowed: { classes: ['upper', 'lower', 'digit'], chars: '-äüöÄÜÖß!$%&/()=?+#,.:' },
    });
    expect(
      ok(
        'minlength: 8; maxlength: 20; max-consecutive: 2; required: upper; required: digit; allowed: lower, [-_&#@];',
      ),
    ).toMatchObject({ maxConsecutive: 2 });
  });

  it('reads a PIN: digits only', () => {
    expect(ok('minlength: 4; maxlength: 4; allowed: digit;')).toEqual({
      id: 'rules',
      minLength: 4,
      maxLength: 4,
      requirements: [],
      allowed: { classes: ['digit'], chars: '' },
    });
  });

  it('defaults to all printable ASCII when nothing is said about characters', () => {
    expect(ok('minlength: 12;')).toEqual({
      id: 'rules',
      minLength: 12,
      requirements: [],
      allowed: { classes: ['upper', 'lower', 'digit', 'special'], chars: '' },
    });
    expect(ok('').minLength).toBe(1);
  });

  it('maps the named special class (with the space), unicode, and a required ascii-printable asks nothing', () => {
    expect(ok('required: special; allowed: upper, lower, digit;').requirements).toEqual([
      req(1, ['special']),
    ]);
    expect(ok('allowed: unicode; required: ascii-printable')).toEqual({
      id: 'rules',
      minLength: 1,
      requirements: [],
      allowed: { classes: ['unicode'], chars: '' },
    });
  });

  it('counts a required line written twice as two characters', () => {
    expect(ok('required: upper; required: upper; allowed: lower').requirements).toEqual([req(2, ['upper'])]);
  });

  it('keeps a custom class as listed characters', () => {
    expect(ok('required: [abc]; allowed: digit').requirements).toEqual([req(1, [], 'abc')]);
  });

  it('is lenient on whitespace and case of class names, as Apple is', () => {
    expect(
      ok('  minlength :  8 ;\n required:UPPER ;\trequired : Lower;allowed:digit,lower ,upper;;'),
    ).toEqual({
      id: 'rules',
      minLength: 8,
      requirements: [req(1, ['upper']), req(1, ['lower'])],
      allowed: { classes: ['upper', 'lower', 'digit'], chars: '' },
    });
  });

  it('takes the strictest of repeated lengths and run limits', () => {
    expect(
      ok(
        'minlength: 6; minlength: 10; maxlength: 30; maxlength: 20; max-consecutive: 4; max-consecutive: 2;',
      ),
    ).toMatchObject({
      minLength: 10,
      maxLength: 20,
      maxConsecutive: 2,
    });
  });

  it('reads "]]" as a literal "]" at the end of a class', () => {
    expect(ok('required: [-!]]; allowed: upper, lower, digit').requirements).toEqual([req(1, [], '-!]')]);
    expect(ok('required: []]; allowed: upper').requirements).toEqual([req(1, [], ']')]);
    expect(ok('required: [[]; allowed: upper').requirements).toEqual([req(1, [], '[')]);
  });
});

describe('applyPasswordRules', () => {
  it('replaces the classes and the lengths the text states, and keeps the rest', () => {
    const parsed = parsePasswordRules('minlength: 10; required: upper; allowed: lower;');
    if (!parsed.ok) throw new Error('unreadable');
    const merged = applyPasswordRules({ ...ENEJ_PROFILE, maxLength: 30 }, parsed);
    expect(merged).toMatchObject({ id: 'page', minLength: 10, maxLength: 30 });
    expect(merged.requirements).toEqual([req(1, ['upper'])]);
    const onlyLength = parsePasswordRules('minlength: 12;');
    if (!onlyLength.ok) throw new Error('unreadable');
    expect(applyPasswordRules(ENEJ_PROFILE, onlyLength).requirements).toEqual(ENEJ_PROFILE.requirements);
  });
});

describe('parsePasswordRules: errors, never silent drops', () => {
  it.each([
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

  it('reports impossible combinations', () => {
    expect(issueKeys('maxlength: 2; required: upper; required: lower; required: digit;')).toEqual([
      'pwrules_impossible',
    ]);
    // A capital is required but only small letters and digits are allowed... by Apple's reading the required
    // class is allowed too, so the only contradiction left is a run limit nothing can respect.
    expect(issueKeys('minlength: 4; max-consecutive: 1; allowed: [a];')).toEqual(['pwrules_impossible']);
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
      upper: fc.integer({ min: 0, max: 2 }),
      lower: fc.integer({ min: 0, max: 1 }),
      digit: fc.integer({ min: 0, max: 1 }),
      special: fc.integer({ min: 0, max: 1 }),
      specials: fc
        .subarray([...ALL_PUNCT], { minLength: 1 })
        .chain((a) => fc.shuffledSubarray(a, { minLength: a.length })),
      others: fc.constantFrom('refused', 'printable-ascii', 'any'),
      run: fc.option(fc.integer({ min: 2, max: 4 }), { nil: undefined }),
    })
    .map(
      (r): RuleProfile =>
        simpleProfile({
          id: 'rules',
          minLength: r.minLength,
          maxLength: r.extra === undefined ? undefined : r.minLength + r.extra + 6,
          maxConsecutive: r.run,
          required: { upper: r.upper, lower: r.lower, digit: r.digit, special: r.special },
          specials: r.specials.join(''),
          others: r.others as 'refused',
        }),
    );

  it('gives back ENEJ', () => {
    expect(sameRules(ok(toPasswordRules(ENEJ_PROFILE)), ENEJ_PROFILE)).toBe(true);
  });

  it('gives back any valid profile: the same rules, and the same text again', () => {
    fc.assert(
      fc.property(profiles, (p) => {
        const text = toPasswordRules(p);
        const back = ok(text);
        expect(sameRules(back, p)).toBe(true);
        expect(toPasswordRules(back)).toBe(text);
        expect(profileForPasswordRules(toPasswordRules(back))).toEqual(back);
      }),
      { numRuns: 300 },
    );
  });

  it('says null where it cannot read', () => {
    expect(profileForPasswordRules('minlength: banana;')).toBeNull();
    expect(profileForPasswordRules('minlength: 9; maxlength: 8;')).toBeNull();
  });
});
