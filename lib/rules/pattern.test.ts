import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isCompliant } from './evaluate';
import { applyPatternRule, parsePatternRule } from './pattern';
import { ENEJ_PROFILE } from './profile';

const req = (min: number, classes: string[], chars = '') => ({ min, set: { classes, chars } });

describe('parsePatternRule: simple length and class rules', () => {
  it("reads entcore's usual lookaheads, in ng-pattern's /…/ form", () => {
    expect(parsePatternRule('/^(?=.*[a-z])(?=.*[A-Z])(?=.*\\d)(?=.*[^a-zA-Z0-9]).{10,64}$/')).toEqual({
      minLength: 10,
      maxLength: 64,
      requirements: [req(1, ['lower']), req(1, ['upper']), req(1, ['digit']), req(1, ['symbol'])],
      allowed: { classes: ['unicode'], chars: '' },
    });
  });

  it("reads entcore's default rule `.{8}.*`: eight characters or more, anything", () => {
    expect(parsePatternRule('/^.{8}.*$/')).toEqual({
      minLength: 8,
      requirements: [],
      allowed: { classes: ['unicode'], chars: '' },
    });
  });

  it('reads an HTML pattern (anchored by the browser), a class body, counts and a run limit', () => {
    expect(parsePatternRule('(?!.*(.)\\1\\1)(?=(?:.*\\d){2})(?=.*[!?#@])[A-Za-z0-9!?#@]{12,}')).toEqual({
      minLength: 12,
      maxConsecutive: 2,
      requirements: [req(2, ['digit']), req(1, [], '!?#@')],
      allowed: { classes: ['upper', 'lower', 'digit'], chars: '!?#@' },
    });
    expect(parsePatternRule('^(?=[^A-Z]*[A-Z])\\w{6,20}$')).toEqual({
      minLength: 6,
      maxLength: 20,
      requirements: [req(1, ['upper'])],
      allowed: { classes: ['upper', 'lower', 'digit'], chars: '_' },
    });
  });

  it.each([
    ['an expression, not a regex', 'passwordRegex'],
    ['unanchored literal', '/(?=.*\\d).{8,}/'],
    ['case-insensitive', '/^(?=.*[a-z]).{8,}$/i'],
    ['alternatives', '/^(?:abc|def).{8,}$/'],
    ['a negated class we cannot name', '/^(?=.*[^abc]).{8,}$/'],
    ['an unknown escape', '/^(?=.*\\p{Lu}).{8,}$/u'],
    ['two bodies', '/^[a-z]{4}[0-9]{4}$/'],
    ['a back-reference', '/^(.)\\1.{8,}$/'],
    ['empty', ''],
  ])('says null for %s', (_name, pattern) => {
    expect(parsePatternRule(pattern)).toBeNull();
  });

  it('never throws', () => {
    const unit = fc.constantFrom(
      '(',
      ')',
      '?',
      '=',
      '!',
      '.',
      '*',
      '+',
      '{',
      '}',
      ',',
      '1',
      '8',
      '[',
      ']',
      '^',
      '$',
      '\\',
      'd',
      'a',
      '-',
      'z',
      '/',
    );
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 40 }), (s) => {
        parsePatternRule(s);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('applyPatternRule', () => {
  it('makes the regex the rule in force, maximum included', () => {
    const rule = parsePatternRule('/^(?=.*[a-z])(?=.*[A-Z])(?=.*\\d)(?=.*[^a-zA-Z0-9]).{10,64}$/');
    if (!rule) throw new Error('unreadable');
    const p = applyPatternRule(ENEJ_PROFILE, rule);
    expect(p).toMatchObject({ id: 'page', minLength: 10, maxLength: 64 });
    // "?" is no ENEJ special, but this page takes any non-alphanumeric character.
    expect(isCompliant('Velo?rouge1', p)).toBe(true);
    expect(isCompliant('Velo?rou1', p)).toBe(false);
  });

  it('keeps the base when the regex cannot be met', () => {
    const rule = parsePatternRule('/^(?=.*[!@])[a-z0-9]{8,}$/');
    if (!rule) throw new Error('unreadable');
    expect(applyPatternRule(ENEJ_PROFILE, rule)).toBe(ENEJ_PROFILE);
  });
});
