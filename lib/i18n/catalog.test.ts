import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  CATALOG_LANG_KEY,
  LANGS,
  lintCatalog,
  messagesLang,
  toMessagesJson,
  translatorFromCatalog,
} from './catalog';
import { loadCatalog } from './load-catalog';

describe('message catalog', () => {
  const catalog = loadCatalog(resolve(__dirname, '../../locales'));

  it('has every key in French and English with the same parameters', () => {
    expect(lintCatalog(catalog)).toEqual([]);
  });

  it('writes placeholders that browsers substitute', () => {
    const json = JSON.parse(
      toMessagesJson({ k: { fr: 'Encore $1 caractères ($2 minimum), 5 $', en: 'x $1 $2 $' } }, 'fr'),
    );
    expect(json.k.message).toBe('Encore $P1$ caractères ($P2$ minimum), 5 $$');
    expect(json.k.placeholders).toEqual({ p1: { content: '$1' }, p2: { content: '$2' } });
  });

  it('translates with substitutions', () => {
    const t = translatorFromCatalog({ k: { fr: 'Encore $1', en: '$1 more' } }, 'en');
    expect(t('k', ['3'])).toBe('3 more');
    expect(() => t('nope')).toThrow(/unknown message key/);
  });

  it('flags missing translations and parameter mismatches', () => {
    expect(lintCatalog({ a: { fr: 'x $1', en: 'y' }, 'b-c': { fr: 'x', en: '' } })).toEqual([
      'a: fr and en use different $n parameters',
      'b-c: key must match /^[A-Za-z0-9_@]+$/',
      'b-c: missing en',
    ]);
  });

  it('maps the browser language to the messages shown', () => {
    expect(messagesLang('en-GB')).toBe('en');
    expect(messagesLang('fr')).toBe('fr');
    expect(messagesLang('de-DE')).toBe('fr');
    expect(messagesLang('')).toBe('fr');
  });

  it("names each catalog's own language", () => {
    for (const lang of LANGS) expect(translatorFromCatalog(catalog, lang)(CATALOG_LANG_KEY)).toBe(lang);
  });
});
