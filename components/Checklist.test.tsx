import { resolve } from 'node:path';
import { render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { translatorFromCatalog } from '@/lib/i18n/catalog';
import { loadCatalog } from '@/lib/i18n/load-catalog';
import { evaluate, parseProfile, profileForPasswordRules } from '@/lib/rules';
import { Checklist } from './Checklist';

const catalog = loadCatalog(resolve(__dirname, '../locales'));

function lines(results: ReturnType<typeof evaluate>, lang: 'fr' | 'en' = 'fr') {
  const root = document.createElement('div');
  document.body.append(root);
  render(<Checklist results={results} t={translatorFromCatalog(catalog, lang)} />, root);
  return [...root.querySelectorAll('[data-rule]')].map((li) => [
    li.getAttribute('data-rule'),
    li.getAttribute('data-state'),
    li.querySelector('.sesame-rule__text')?.textContent,
  ]);
}

afterEach(() => {
  document.body.replaceChildren();
});

describe('Checklist on rules beyond ENEJ', () => {
  it('says unions, runs and refused capitals in plain French', () => {
    const profile = parseProfile({
      id: 'rich',
      minLength: 8,
      maxConsecutive: 2,
      requirements: [
        { min: 1, set: { classes: ['upper', 'lower'], chars: '' } },
        { min: 1, set: { classes: ['digit'], chars: '!#' } },
        { min: 1, set: { classes: ['symbol'], chars: '' } },
      ],
      allowed: { classes: ['lower', 'digit', 'symbol'], chars: '' },
    });
    expect(lines(evaluate('aaaB?', profile))).toEqual([
      ['length', 'missing', 'Au moins 8 caractères : encore 3'],
      ['letter', 'ok', '1 lettre, majuscule ou minuscule'],
      ['set', 'missing', '1 caractère parmi : chiffres, « ! # »'],
      ['special', 'ok', '1 caractère spécial : ni lettre, ni chiffre (! ? # …)'],
      ['consecutive', 'missing', 'Pas plus de 2 caractères identiques à la suite : « a » se répète trop'],
      ['allowed', 'missing', '1 caractère(s) refusé(s)« B » : les majuscules sont refusées ici'],
    ]);
  });

  it('names each line of a real site once (aetna.com) and reads in English too', () => {
    const profile = profileForPasswordRules(
      'minlength: 8; maxlength: 20; max-consecutive: 2; required: upper; required: digit; allowed: lower, [-_&#@];',
    );
    if (!profile) throw new Error('unreadable');
    const en = lines(evaluate('Abc12345', profile), 'en');
    expect(en.map(([id]) => id)).toEqual(['length', 'upper', 'digit', 'consecutive', 'allowed']);
    expect(en[3]?.[2]).toBe('No more than 2 identical characters in a row');
  });
});
