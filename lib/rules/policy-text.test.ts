import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isCompliant } from './evaluate';
import {
  hasPolicy,
  mergeProfile,
  type PartialProfile,
  parsePolicyText,
  parsePolicyTexts,
} from './policy-text';
import { ENEJ_PROFILE, sameRules } from './profile';

const ENEJ_LIST = '!@#$%^&*_-+=~`';

describe('parsePolicyText: ENEJ criteria', () => {
  it.each<[string, PartialProfile]>([
    ['Mot contenant 8 caractères minimum', { minLength: 8 }],
    ['Mot contenant 1 majuscule', { required: { upper: 1 } }],
    ['Mot contenant 1 minuscule', { required: { lower: 1 } }],
    ['Mot contenant 1 chiffre', { required: { digit: 1 } }],
    [
      'Mot contenant 1 caractère spécial parmi ! @ # $ % ^ & * _ - + = ~ `',
      { required: { special: 1 }, specials: ENEJ_LIST },
    ],
  ])('%j', (text, expected) => {
    expect(parsePolicyText(text)).toEqual(expected);
  });

  it('reads the whole ENEJ block at once, with NBSP and odd spacing', () => {
    const block = [
      'Votre mot de passe doit respecter les critères suivants :',
      '  Mot\u00A0contenant 8\u00A0caractères   minimum',
      '\tMot contenant 1 majuscule',
      'Mot contenant 1\u202Fminuscule',
      'Mot contenant 1 chiffre',
      'Mot contenant 1 caractère spécial parmi ! @ # $ % ^ & * _ - + = ~ `',
    ].join('\r\n');
    expect(parsePolicyText(block)).toEqual({
      minLength: 8,
      required: { upper: 1, lower: 1, digit: 1, special: 1 },
      specials: ENEJ_LIST,
    });
  });

  it('reads the same block from a list of texts', () => {
    expect(
      parsePolicyTexts([
        'Mot contenant 8 caractères minimum',
        'Mot contenant 1 majuscule',
        'Mot de passe actuel',
      ]),
    ).toEqual({ minLength: 8, required: { upper: 1 } });
  });
});

describe('parsePolicyText: other phrasings', () => {
  it.each<[string, PartialProfile]>([
    ['Au moins 12 caractères', { minLength: 12 }],
    ['AU MOINS 12 CARACTÈRES', { minLength: 12 }],
    ['12 caractères minimum', { minLength: 12 }],
    ['Le mot de passe doit contenir entre 8 et 20 caractères.', { minLength: 8, maxLength: 20 }],
    ['De 8 à 20 caractères', { minLength: 8, maxLength: 20 }],
    ['Must be 8-64 characters', { minLength: 8, maxLength: 64 }],
    ['between 10 and 30 characters', { minLength: 10, maxLength: 30 }],
    ['20 caractères maximum', { maxLength: 20 }],
    ['Au plus 32 caractères', { maxLength: 32 }],
    ['Doit contenir au moins une lettre majuscule', { required: { upper: 1 } }],
    ['deux chiffres', { required: { digit: 2 } }],
    ['une minuscule', { required: { lower: 1 } }],
    ['Trois caractères spéciaux', { required: { special: 3 } }],
    ['au moins douze caractères', { minLength: 12 }],
    ['seize caractères minimum', { minLength: 16 }],
    ['huit caracteres minimum', { minLength: 8 }],
    ['caractères spéciaux autorisés : ! ? # …', { specials: '!?#' }],
    ['Caractères spéciaux autorisés : ! ? # etc.', { specials: '!?#' }],
    ['Minimal size: 8', { minLength: 8 }],
    ['Taille minimale : 10', { minLength: 10 }],
    ['Mot de passe invalide : longueur minimale 8.', { minLength: 8 }],
    ['Mot de passe invalide : longueur maximale 64.', { maxLength: 64 }],
    ['Mot de passe invalide : doit contenir au moins 2 lettre(s) en majuscule.', { required: { upper: 2 } }],
    ['Mot de passe invalide : doit contenir au moins 1 caractère(s) spéciaux.', { required: { special: 1 } }],
    ['Mot de passe invalide : doit contenir au moins 3 chiffre(s).', { required: { digit: 3 } }],
    ['1 caractère spécial minimum', { required: { special: 1 } }],
    ['1 chiffre minimum', { required: { digit: 1 } }],
    ['At least 8 characters', { minLength: 8 }],
    ['one uppercase letter', { required: { upper: 1 } }],
    ['One lowercase letter', { required: { lower: 1 } }],
    ['At least one number', { required: { digit: 1 } }],
    ['at least 2 special characters', { required: { special: 2 } }],
    ['Minimal upper characters: 2', { required: { upper: 2 } }],
    ['Nombre minimal de minuscules : 1', { required: { lower: 1 } }],
    ['Allowed special characters: # & %', { specials: '#&%' }],
    ['8+ caractères', { minLength: 8 }],
    [
      'Choisissez 8 caractères minimum, lettres et chiffres obligatoires.',
      { minLength: 8, required: { digit: 1 } },
    ],
    ['Majuscules et minuscules obligatoires', { required: { upper: 1, lower: 1 } }],
    ['1 symbole parmi : !@#$%', { required: { special: 1 }, specials: '!@#$%' }],
    ['Symboles acceptés : "!", "?", "#"', { specials: '!?#' }],
    ['un caractère spécial (! @ # $)', { required: { special: 1 } }],
    ['Caractères spéciaux : ! , ? ; .', { specials: '!,?;.' }],
    ['Caractères spéciaux autorisés : ! ? #.', { specials: '!?#' }],
    [
      'Au moins 8 caractères dont 1 majuscule, 1 minuscule, 1 chiffre et 1 caractère spécial',
      {
        minLength: 8,
        required: { upper: 1, lower: 1, digit: 1, special: 1 },
      },
    ],
  ])('%j', (text, expected) => {
    expect(parsePolicyText(text)).toEqual(expected);
  });

  it('is case- and accent-insensitive', () => {
    expect(parsePolicyText('MOT CONTENANT 1 CARACTERE SPECIAL PARMI ! @')).toEqual({
      required: { special: 1 },
      specials: '!@',
    });
    expect(parsePolicyText('Mot contenant 1 caracte\u0300re spe\u0301cial')).toEqual({
      required: { special: 1 },
    });
  });

  it('keeps several criteria in one sentence apart', () => {
    expect(
      parsePolicyText(
        'Votre identifiant contient 8 caractères. Le mot de passe doit contenir au moins 12 caractères et deux chiffres.',
      ),
    ).toEqual({ minLength: 12, required: { digit: 2 } });
  });
});

describe('parsePolicyText: what it must not misread', () => {
  it.each([
    'Votre identifiant contient 8 caractères',
    'Votre identifiant doit contenir au moins 8 caractères',
    'Mot de passe actuel',
    'Changement du mot de passe',
    'Étape 1',
    'Étape 1 sur 3 : choisissez un mot de passe',
    'Mis à jour le 13/04/2024',
    'Année scolaire 2024-2025',
    'Assistance : 05 49 55 66 00',
    'Le code de vérification contient 6 chiffres',
    'Votre mot de passe doit faire 8 caractères',
    'Confirmez le nouveau mot de passe',
    'Pas plus de 2 chiffres identiques à la suite',
    'Il y a un nombre limité de tentatives',
    'Connexion',
    'There is an upper limit on attempts',
    'a small number of characters',
    'Les caractères suivants sont interdits : é è à ç',
    'Caractères spéciaux interdits : < > "',
    '',
    '   \n\t ',
  ])('%j gives nothing', (text) => {
    expect(parsePolicyText(text)).toEqual({});
  });

  it('ignores letters and digits inside a special list', () => {
    expect(parsePolicyText('Caractères spéciaux autorisés : ! a @ 1 #')).toEqual({ specials: '!@#' });
  });

  it('stops a special list at the next sentence', () => {
    expect(parsePolicyText('1 caractère spécial parmi ! @ # Mot contenant 1 chiffre')).toEqual({
      required: { special: 1, digit: 1 },
      specials: '!@#',
    });
  });

  it('drops non-ASCII symbols from a list rather than the whole list', () => {
    expect(parsePolicyText('Caractères spéciaux autorisés : ! € § @')).toEqual({ specials: '!@' });
  });

  it('drops a list with no ASCII symbol at all', () => {
    expect(parsePolicyText('Caractères spéciaux autorisés : € £ §')).toEqual({});
  });

  it('returns nothing for a field the page states twice differently', () => {
    expect(parsePolicyText('Au moins 8 caractères\nAu moins 12 caractères\nUne majuscule')).toEqual({
      required: { upper: 1 },
    });
    expect(parsePolicyText('Au moins 8 caractères\n8 caractères minimum')).toEqual({ minLength: 8 });
  });

  it('drops contradictory bounds', () => {
    expect(parsePolicyText('Au moins 20 caractères. 10 caractères maximum.')).toEqual({});
    expect(parsePolicyText('entre 20 et 10 caractères')).toEqual({});
  });

  it('ignores absurd numbers', () => {
    expect(parsePolicyText('Au moins 99999 caractères')).toEqual({});
    expect(parsePolicyText('100 majuscules')).toEqual({});
    expect(parsePolicyText('Au moins 0 caractères')).toEqual({});
  });
});

describe('parsePolicyText: hostile input', () => {
  it('handles 10,000 and 1,000,000 characters without hanging', () => {
    expect(parsePolicyText('a'.repeat(10_000))).toEqual({});
    expect(parsePolicyText(`${'1 '.repeat(5_000)}caractères minimum`)).toEqual({ minLength: 1 });
    const big = `Mot contenant 8 caractères minimum\n${'au moins 1 '.repeat(100_000)}`;
    expect(parsePolicyText(big)).toEqual({ minLength: 8 });
    expect(parsePolicyText('!'.repeat(1_000_000))).toEqual({});
  });

  it('survives emoji, lone surrogates and NUL', () => {
    expect(parsePolicyText('😀 Au moins 8 caractères \uD800\u0000')).toEqual({ minLength: 8 });
  });

  it('never throws on any string', () => {
    const unit = fc.oneof(
      fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
      fc.constantFrom('au moins ', '8 ', 'caractères ', 'majuscule', 'parmi ', '! ', '\n', '\u00A0', 'é'),
    );
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 60 }), (text) => {
        const p = parsePolicyText(text);
        if (p.specials !== undefined) expect(p.specials).toMatch(/^[!-/:-@[-`{-~]+$/);
        if (p.minLength !== undefined && p.maxLength !== undefined)
          expect(p.minLength).toBeLessThanOrEqual(p.maxLength);
      }),
      { numRuns: 400 },
    );
  });
});

describe('hasPolicy', () => {
  it('is false for nothing, true for any field', () => {
    expect(hasPolicy({})).toBe(false);
    expect(hasPolicy({ required: {} })).toBe(false);
    expect(hasPolicy({ minLength: 8 })).toBe(true);
    expect(hasPolicy({ maxLength: 8 })).toBe(true);
    expect(hasPolicy({ specials: '!' })).toBe(true);
    expect(hasPolicy({ required: { digit: 0 } })).toBe(true);
    expect(hasPolicy({ letter: 1 })).toBe(true);
    expect(hasPolicy({ anySymbol: true })).toBe(true);
    expect(hasPolicy({ maxConsecutive: 2 })).toBe(true);
  });
});

describe('mergeProfile', () => {
  it('returns the base itself when the page says nothing', () => {
    expect(mergeProfile(ENEJ_PROFILE, {})).toBe(ENEJ_PROFILE);
  });

  it('lets the page win field by field', () => {
    const merged = mergeProfile(ENEJ_PROFILE, { minLength: 12, required: { digit: 2 }, specials: '!?' });
    expect(merged).toEqual({
      id: 'page',
      minLength: 12,
      requirements: [
        { min: 1, set: { classes: ['upper'], chars: '' } },
        { min: 1, set: { classes: ['lower'], chars: '' } },
        { min: 2, set: { classes: ['digit'], chars: '' } },
        { min: 1, set: { classes: [], chars: '!?' } },
      ],
      allowed: { classes: ['upper', 'lower', 'digit'], chars: '!?' },
    });
    expect(ENEJ_PROFILE.minLength).toBe(8);
  });

  it('adds a maximum, a letter of either case and a run limit', () => {
    const merged = mergeProfile(ENEJ_PROFILE, { maxLength: 20, letter: 1, maxConsecutive: 2 });
    expect(merged).toMatchObject({ maxLength: 20, minLength: 8, maxConsecutive: 2 });
    expect(merged.requirements.at(-1)).toEqual({ min: 1, set: { classes: ['upper', 'lower'], chars: '' } });
  });

  it('turns "a special character, neither letter nor digit" into a class that refuses nothing', () => {
    const merged = mergeProfile(ENEJ_PROFILE, { required: { special: 1 }, anySymbol: true });
    expect(merged.requirements[3]).toEqual({ min: 1, set: { classes: ['symbol'], chars: '' } });
    expect(merged.allowed).toEqual({ classes: ['unicode'], chars: '' });
  });

  it('removes a class the page says is not needed (0)', () => {
    expect(mergeProfile(ENEJ_PROFILE, { required: { special: 0 } }).requirements).toHaveLength(3);
  });

  it('keeps the base when the merge would be invalid', () => {
    expect(mergeProfile(ENEJ_PROFILE, { maxLength: 6 })).toBe(ENEJ_PROFILE);
    expect(mergeProfile(ENEJ_PROFILE, { specials: '!!' })).toBe(ENEJ_PROFILE);
    expect(mergeProfile(ENEJ_PROFILE, { specials: '' })).toBe(ENEJ_PROFILE);
    expect(mergeProfile(ENEJ_PROFILE, { minLength: 0 })).toBe(ENEJ_PROFILE);
    expect(
      mergeProfile(ENEJ_PROFILE, { required: { upper: 2, lower: 2, digit: 2, special: 2 }, maxLength: 7 }),
    ).toBe(ENEJ_PROFILE);
  });

  it('merges what ENEJ prints back into the ENEJ rules', () => {
    const page = parsePolicyText(
      'Mot contenant 8 caractères minimum\nMot contenant 1 majuscule\nMot contenant 1 minuscule\nMot contenant 1 chiffre\nMot contenant 1 caractère spécial parmi ! @ # $ % ^ & * _ - + = ~ `',
    );
    expect(sameRules(mergeProfile(ENEJ_PROFILE, page), ENEJ_PROFILE)).toBe(true);
  });
});

describe('Pronote rule list', () => {
  const PRONOTE = [
    'Le mot de passe doit :',
    'contenir entre 12 et 32 caractères',
    'contenir au moins un caractère numérique',
    'contenir au moins une lettre',
    'contenir au moins un caractère spécial (ni lettre, ni chiffre)',
    'mélanger des minuscules et des majuscules',
    "être différent du nom et de l'identifiant",
  ];

  it('reads a maximum, a letter, a special that is anything but a letter or a digit, and mixed case', () => {
    expect(parsePolicyTexts(PRONOTE)).toEqual({
      minLength: 12,
      maxLength: 32,
      required: { upper: 1, lower: 1, digit: 1, special: 1 },
      letter: 1,
      anySymbol: true,
    });
  });

  it('accepts "?" and refuses nothing once merged over ENEJ', () => {
    const p = mergeProfile(ENEJ_PROFILE, parsePolicyTexts(PRONOTE));
    expect(p).toMatchObject({ minLength: 12, maxLength: 32, allowed: { classes: ['unicode'], chars: '' } });
    expect(isCompliant('Velo?rouge12', p)).toBe(true);
    expect(isCompliant('Velo?rouge1', p)).toBe(false);
    expect(isCompliant(`Velo?rouge12${'x'.repeat(21)}`, p)).toBe(false);
    expect(isCompliant('velo?rouge12', p)).toBe(false);
  });

  it('reads a run limit', () => {
    expect(parsePolicyText('Pas plus de 2 caractères identiques à la suite').maxConsecutive).toBe(2);
    expect(parsePolicyText('No more than 3 identical characters in a row').maxConsecutive).toBe(3);
  });

  it('does not take "une lettre majuscule" or "lettres et chiffres" for a letter of either case', () => {
    expect(parsePolicyText('au moins une lettre majuscule').letter).toBeUndefined();
    expect(parsePolicyText('lettres et chiffres obligatoires').letter).toBeUndefined();
  });
});
