import { createRequire } from 'node:module';
import { WORDS_FR } from './words-fr';

// The package is CommonJS with no types; its `array` export is the full list, leetspeak variants included.
const require = createRequire(import.meta.url);
const badwords = (require('french-badwords-list') as { array: string[] }).array;

const stripAccents = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

// Words that slipped past the package but that a parent would not want in a child's password.
const OUR_DENY_LIST = [
  'sang',
  'mort',
  'tuer',
  'arme',
  'fusil',
  'bombe',
  'croix',
  'dieu',
  'vin',
  'biere',
  'tabac',
  'chatte',
  'morue',
  'truie',
  'thon',
  'tante',
  'moule',
  'gros',
  'gras',
  'prison',
  'soldat',
  'hache',
];

describe('WORDS_FR', () => {
  it('has at least 2048 words, so four words carry at least 44 bits', () => {
    expect(WORDS_FR.length).toBeGreaterThanOrEqual(2048);
  });

  it('holds only 3–8 lowercase ASCII letters per word', () => {
    const bad = WORDS_FR.filter((w) => !/^[a-z]{3,8}$/.test(w));
    expect(bad).toEqual([]);
  });

  it('has no duplicate', () => {
    expect(new Set(WORDS_FR).size).toBe(WORDS_FR.length);
  });

  it('reads the badwords package the way we think (array of strings, non-trivial)', () => {
    expect(Array.isArray(badwords)).toBe(true);
    expect(badwords.length).toBeGreaterThan(1000);
    expect(badwords).toContain('merde');
  });

  it('contains no entry of french-badwords-list, accents removed', () => {
    const bad = new Set(badwords.map(stripAccents));
    expect(WORDS_FR.filter((w) => bad.has(w))).toEqual([]);
  });

  it('contains no entry of 4+ characters of french-badwords-list as a substring', () => {
    const long = [...new Set(badwords.map(stripAccents))].filter((b) => b.length >= 4);
    const hits = WORDS_FR.flatMap((w) => long.filter((b) => w.includes(b)).map((b) => `${w}⊃${b}`));
    expect(hits).toEqual([]);
  });

  it('contains none of our own deny-list', () => {
    expect(WORDS_FR.filter((w) => OUR_DENY_LIST.includes(w))).toEqual([]);
  });

  it('is frozen, so no caller can shrink the list and lower the entropy', () => {
    expect(Object.isFrozen(WORDS_FR)).toBe(true);
  });
});
