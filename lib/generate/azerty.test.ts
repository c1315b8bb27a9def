import { loadCatalog } from '../i18n/load-catalog';
import { ENEJ_SPECIALS } from '../rules/profile';
import { AZERTY_EASY_SPECIALS, AZERTY_KEYS, azertyEasySpecials, isAzertyEasy, typingHints } from './azerty';

const ASCII_PUNCTUATION = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i))
  .filter((c) => /[!-/:-@[-`{-~]/.test(c))
  .join('');

describe('AZERTY_KEYS', () => {
  it('covers every printable ASCII special a profile may list', () => {
    expect(ASCII_PUNCTUATION).toHaveLength(32);
    for (const c of ASCII_PUNCTUATION) expect(AZERTY_KEYS[c]?.char).toBe(c);
    expect(Object.keys(AZERTY_KEYS)).toHaveLength(32);
  });

  it.each([
    ['&', 'direct', '& (1)', false],
    ['-', 'direct', '- (6)', false],
    ['_', 'direct', '_ (8)', false],
    ['!', 'direct', '!', false],
    ['$', 'direct', '$', false],
    ['*', 'direct', '*', false],
    ['=', 'direct', '=', false],
    ['+', 'shift', '=', false],
    ['%', 'shift', 'ù', false],
    ['@', 'altgr', 'à (0)', false],
    ['#', 'altgr', '" (3)', false],
    ['~', 'altgr', 'é (2)', true],
    ['`', 'altgr', 'è (7)', true],
    ['^', 'direct', '^', true],
  ])('types %s as %s on %s (dead key: %s)', (char, modifier, keyLabel, deadKey) => {
    expect(AZERTY_KEYS[char]).toEqual({ char, modifier, keyLabel, deadKey });
  });

  it('marks only ^ ~ ` as dead keys', () => {
    const dead = Object.values(AZERTY_KEYS)
      .filter((k) => k.deadKey)
      .map((k) => k.char)
      .sort();
    expect(dead).toEqual(['^', '`', '~'].sort());
  });
});

describe('AZERTY-easy specials', () => {
  it('keeps exactly ! $ % & * _ - + = of ENEJ list, in ENEJ order', () => {
    expect(azertyEasySpecials(ENEJ_SPECIALS)).toBe('!$%&*_-+=');
  });

  it('exports the easy set for all of ASCII, without AltGr or dead keys', () => {
    for (const c of AZERTY_EASY_SPECIALS) expect(isAzertyEasy(c)).toBe(true);
    for (const c of '@#~`^{}[]|\\') expect(AZERTY_EASY_SPECIALS).not.toContain(c);
    expect(AZERTY_EASY_SPECIALS).toContain('!');
    expect(isAzertyEasy('é')).toBe(false);
  });

  it('falls back to the whole list when the site accepts no easy special', () => {
    expect(azertyEasySpecials('@#~')).toBe('@#~');
  });
});

describe('typingHints', () => {
  it('gives one hint per distinct special in order, then digits, then capitals', () => {
    const hints = typingHints('Lune@Vent@Sol~42#');
    expect(hints.map((h) => h.char)).toEqual(['@', '~', '#', '0–9', 'A–Z']);
    expect(hints[0]).toEqual({ char: '@', key: 'hint_altgr', params: ['@', 'à (0)'] });
    expect(hints[1]).toEqual({ char: '~', key: 'hint_altgr_dead', params: ['~', 'é (2)'] });
    expect(hints[3]).toEqual({ char: '0–9', key: 'hint_digits', params: ['0–9', '2 4'] });
  });

  it('uses direct, shift and dead-key messages', () => {
    const byChar = Object.fromEntries(typingHints('-+^').map((h) => [h.char, h.key]));
    expect(byChar).toEqual({ '-': 'hint_direct', '+': 'hint_shift', '^': 'hint_dead' });
  });

  it('says nothing for plain lowercase and skips what it cannot advise on', () => {
    expect(typingHints('bonjour')).toEqual([]);
    expect(typingHints('é😀\uD800 ')).toEqual([]);
  });

  it('stays bounded on 10,000 characters: one hint per distinct special, then digits and capitals', () => {
    const big = '!@#$%^&*_-+=~`aZ9é😀\uDC00'.repeat(500);
    const hints = typingHints(big);
    expect(hints).toHaveLength(14 + 2);
  });

  it('emits only message keys that exist in fr and en', () => {
    const catalog = loadCatalog('locales');
    const hints = typingHints(`${ASCII_PUNCTUATION}A1`);
    for (const h of hints) {
      expect(catalog[h.key]?.fr, h.key).toBeTruthy();
      expect(catalog[h.key]?.en, h.key).toBeTruthy();
    }
  });
});
