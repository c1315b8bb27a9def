import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { dictionary } from '@zxcvbn-ts/language-fr';
import { createSeededRandom } from '../random/source';
import { ENEJ_PROFILE } from '../rules';
import { DEFAULT_MEMORABLE, generatePassword } from './generate';
import source from './words/source.json';
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

const commonWords = dictionary['commonWords-fr'] as string[];
const wikipedia = dictionary['wikipedia-fr'] as string[];
// The 1990 rectified spelling drops the circumflex on i and u (boîte → boite); no other accent may go.
const rectified = (s: string) => s.replace(/î/g, 'i').replace(/û/g, 'u');

describe('WORDS_FR', () => {
  it('keeps the default memorable password at 50 bits or more, whatever the list size', () => {
    const g = generatePassword(ENEJ_PROFILE, DEFAULT_MEMORABLE, createSeededRandom(1));
    expect(g.entropyBits).toBeGreaterThanOrEqual(50);
    // 4 × log2(|list|) + log2(900): the figure words/README.md gives.
    expect(g.entropyBits).toBeCloseTo(4 * Math.log2(WORDS_FR.length) + Math.log2(900), 10);
  });

  it(`has every word in ${source.dictionary} at rank ≤ ${source.maxRank} (as spelt, or its 1990 rectified spelling)`, () => {
    expect(source.dictionary).toBe('commonWords-fr');
    const rank = new Map<string, number>();
    commonWords.forEach((w, i) => {
      const r = rectified(w);
      if (!rank.has(r)) rank.set(r, i + 1);
    });
    const outside = WORDS_FR.filter((w) => (rank.get(w) ?? Number.POSITIVE_INFINITY) > source.maxRank);
    expect(outside).toEqual([]);
  });

  it('gives 200 default passwords words that are ≥ 95% in commonWords-fr or wikipedia-fr (accents folded)', () => {
    const known = new Set([...commonWords, ...wikipedia].map(stripAccents));
    const random = createSeededRandom(11);
    let total = 0;
    let inSources = 0;
    for (let i = 0; i < 200; i++) {
      const words = generatePassword(ENEJ_PROFILE, DEFAULT_MEMORABLE, random)
        .password.split('-')
        .slice(0, -1);
      total += words.length;
      inSources += words.filter((w) => known.has(stripAccents(w))).length;
    }
    expect(total).toBe(800);
    expect(inSources / total).toBeGreaterThanOrEqual(0.95);
  });

  it('is what scripts/words-fr.mjs makes from words/ (candidates, source, hand review)', () => {
    const script = resolve(__dirname, '../../scripts/words-fr.mjs');
    expect(() => execFileSync(process.execPath, [script, '--check'], { stdio: 'pipe' })).not.toThrow();
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
