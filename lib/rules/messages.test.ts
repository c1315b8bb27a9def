import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { translatorFromCatalog } from '../i18n/catalog';
import { loadCatalog } from '../i18n/load-catalog';
import { evaluate, REFUSED_REASONS, refusedKey } from './evaluate';
import { parsePasswordRules } from './passwordrules';
import { ENEJ_PROFILE, parseProfile } from './profile';

const catalog = loadCatalog(resolve(__dirname, '../../locales'));

describe('rules messages', () => {
  it('has every key evaluate can emit, in both languages', () => {
    const capped = parseProfile({ ...ENEJ_PROFILE, id: 'capped', maxLength: 10 });
    const unions = parseProfile({
      id: 'unions',
      minLength: 4,
      maxConsecutive: 2,
      requirements: [
        { min: 1, set: { classes: ['upper', 'lower'], chars: '' } },
        { min: 1, set: { classes: ['special'], chars: '' } },
        { min: 1, set: { classes: ['symbol'], chars: '' } },
        { min: 1, set: { classes: ['upper', 'lower', 'digit', 'special', 'symbol'], chars: 'é' } },
      ],
      allowed: { classes: ['unicode'], chars: '' },
    });
    const noRepeat = parseProfile({ ...unions, id: 'no-repeat', maxConsecutive: 1 });
    const keys = new Set<string>();
    for (const profile of [capped, unions, noRepeat]) {
      for (const pw of ['', 'Abcdef1!', 'Abcdefghijkl1!', 'é😀 ?жx\0', 'aaa!']) {
        for (const r of evaluate(pw, profile)) {
          keys.add(r.key);
          for (const p of r.parts ?? []) keys.add(p.key);
          for (const c of r.refused ?? []) keys.add(refusedKey(c.reason));
        }
      }
    }
    for (const reason of REFUSED_REASONS) keys.add(refusedKey(reason));
    for (const cls of ['upper', 'lower', 'digit', 'special', 'symbol', 'unicode', 'chars'])
      keys.add(`set_part_${cls}`);
    expect(keys.size).toBe(33);
    for (const key of keys) expect(catalog[key], key).toBeDefined();
  });

  it('has every key the passwordrules parser can emit', () => {
    const samples = [
      'minlen: 8',
      'required: nope',
      'allowed: [\t]',
      'required: [a-b]',
      'required: []',
      'minlength: x',
      'minlength: 9; maxlength: 8',
      'minlength: 4; max-consecutive: 1; allowed: [a]',
      'maxlength: 1; required: upper; required: digit; allowed: ascii-printable',
      'minlength 8',
    ];
    const keys = new Set<string>();
    for (const s of samples) {
      const r = parsePasswordRules(s);
      if (!r.ok) for (const i of r.issues) keys.add(i.key);
    }
    expect(keys.size).toBe(9);
    for (const key of keys) expect(catalog[key], key).toBeDefined();
  });

  it('reads well in French for ENEJ', () => {
    const t = translatorFromCatalog(catalog, 'fr');
    const lines = evaluate('abc é', ENEJ_PROFILE).map((r) => t(r.key, r.params));
    expect(lines).toEqual([
      'Au moins 8 caractères : encore 3',
      '1 majuscule (A, B, C…)',
      '1 minuscule (a, b, c…)',
      '1 chiffre (0 à 9)',
      '1 caractère spécial parmi : ! @ # $ % ^ & * _ - + = ~ `',
      '2 caractère(s) refusé(s)',
    ]);
    expect(t(refusedKey('not-in-list'), ['?'])).toBe("« ? » : ce signe n'est pas dans la liste autorisée");
  });
});
