import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  addTranslations,
  CATALOG_LANG_KEY,
  type Catalog,
  EXTRA_LANGS,
  isolatingTranslate,
  LANGS,
  lintCatalog,
  messagesLang,
  textDirection,
  toMessagesJson,
  translatorFromCatalog,
} from './catalog';
import { loadCatalogWithProblems } from './load-catalog';

const LOCALES = resolve(__dirname, '../../locales');
const jsonIn = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.json'));
const keysOf = (file: string) => Object.keys(JSON.parse(readFileSync(file, 'utf8')));

describe('message catalog', () => {
  const { catalog, problems } = loadCatalogWithProblems(LOCALES);

  it('has every key in every language with the same parameters as French', () => {
    expect(problems).toEqual([]);
    expect(lintCatalog(catalog)).toEqual([]);
  });

  it('keeps each added language in locales/<lang>/, one file per area with the same keys in the same order', () => {
    for (const lang of EXTRA_LANGS) {
      expect(jsonIn(join(LOCALES, lang)).sort(), lang).toEqual(jsonIn(LOCALES).sort());
      for (const file of jsonIn(LOCALES))
        expect(keysOf(join(LOCALES, lang, file)), `${lang}/${file}`).toEqual(keysOf(join(LOCALES, file)));
    }
  });

  // locales/GLOSSARY.md: what a parent must find on ENEJ's French page, or on a French keyboard, stays in
  // French beside the translation.
  it.each(EXTRA_LANGS)('keeps ENEJ’s French terms and the AZERTY key labels in %s', (lang) => {
    const t = translatorFromCatalog(catalog, lang);
    const kept: Record<string, string[]> = {
      rule_length_ok: ['caractères'],
      rule_upper: ['majuscule'],
      rule_lower: ['minuscule'],
      rule_digit: ['chiffre'],
      rule_special: ['caractère spécial'],
      checklist_confirm_missing: ['confirmation'],
      guide_all_met: ['Suivant'],
      guide_generated_filled: ['Suivant'],
      popup_fill_done: ['nouveau', 'confirmation', 'Suivant'],
      popup_guide_no_form: ['nouveau mot de passe'],
      print_user: ['identifiant'],
      hint_shift: ['Maj', '⇧'],
      hint_altgr: ['AltGr'],
      hint_altgr_dead: ['AltGr'],
      hint_digits: ['Maj', 'Verr Num'],
      hint_upper: ['Maj', 'Verr Maj', '⇪'],
      guide_capslock: ['Verr. Maj'],
    };
    for (const [key, terms] of Object.entries(kept))
      for (const term of terms) expect(t(key, ['1', '2', '3']), `${lang} ${key}`).toContain(term);
    // The key label is a parameter: every hint names it.
    for (const key of ['hint_direct', 'hint_shift', 'hint_altgr', 'hint_dead', 'hint_altgr_dead'])
      expect(t(key, ['@', 'à (0)']), `${lang} ${key}`).toContain('à (0)');
  });

  // locales/GLOSSARY.md: 30 terms in every language; where a message is (or holds) the term itself, each
  // catalog must use the glossary's word, so a translator's synonym shows up here.
  it('uses the glossary terms, and the glossary has 30 terms in all seven languages', () => {
    const columns = ['#', 'fr', 'en', 'ar', 'pt', 'tr', 'es', 'uk'];
    const rows = readFileSync(join(LOCALES, 'GLOSSARY.md'), 'utf8')
      .split('\n')
      .filter((line) => /^\| \d+ /.test(line))
      .map((line) =>
        line
          .split('|')
          .slice(1, -1)
          .map((cell) => cell.replace(/[★⌨]|\(button\)/g, '').trim()),
      );
    expect(rows).toHaveLength(30);
    for (const row of rows) expect(row.filter((cell) => cell !== '')).toHaveLength(columns.length);
    const term = (n: number, lang: string) => rows[n - 1]?.[columns.indexOf(lang)]?.toLowerCase() ?? '?';
    const heldIn: Record<number, string> = {
      1: 'guide_generated_title',
      5: 'guide_all_met',
      7: 'guide_rulename_special',
      24: 'pw_copy',
      27: 'popup_strength_title',
      28: 'popup_mode_memorable',
      29: 'popup_print',
      30: 'popup_options',
    };
    for (const lang of EXTRA_LANGS) {
      const t = translatorFromCatalog(catalog, lang);
      for (const [n, key] of Object.entries(heldIn))
        expect(t(key).toLowerCase(), `${lang} ${key}`).toContain(term(Number(n), lang));
    }
  });

  it('flags a translation whose key is gone', () => {
    const base: Catalog = { a: { fr: 'x', en: 'y' } };
    expect(addTranslations(base, 'pt', 'locales/pt/x.json', { a: 'z', gone: 'w' })).toEqual([
      'gone: in locales/pt/x.json but not in locales/*.json',
    ]);
    expect(base.a?.pt).toBe('z');
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
    const full = (fr: string) => Object.fromEntries(LANGS.map((l) => [l, fr])) as Catalog[string];
    expect(
      lintCatalog({
        a: { ...full('x $1'), en: 'y' },
        'b-c': { ...full('x'), en: '' },
        d: { ...full('$1 $2'), ar: '$1' },
      }),
    ).toEqual([
      'a: fr and en use different $n parameters',
      'b-c: key must match /^[A-Za-z0-9_@]+$/',
      'b-c: missing en',
      'd: fr and ar use different $n parameters',
    ]);
    if (EXTRA_LANGS.length > 0)
      expect(lintCatalog({ e: { fr: 'x', en: 'y' } })).toContain(`e: missing ${EXTRA_LANGS[0]}`);
  });

  it('maps the browser language to the messages shown', () => {
    expect(messagesLang('en-GB')).toBe('en');
    expect(messagesLang('fr')).toBe('fr');
    expect(messagesLang('de-DE')).toBe('fr');
    expect(messagesLang('')).toBe('fr');
    for (const lang of EXTRA_LANGS) expect(messagesLang(`${lang}-XX`)).toBe(lang);
  });

  it('lays out Arabic right to left and every other language left to right', () => {
    expect(textDirection('ar')).toBe('rtl');
    for (const lang of LANGS.filter((l) => l !== 'ar')) expect(textDirection(lang)).toBe('ltr');
  });

  it('isolates substitutions in a right-to-left language only', () => {
    const t = translatorFromCatalog({ k: { fr: 'Encore $1', en: '$1 more' } }, 'fr');
    expect(isolatingTranslate(t, 'fr')).toBe(t);
    expect(isolatingTranslate(t, 'ar')('k', ['! @ #'])).toBe('Encore \u2066! @ #\u2069');
  });

  it("names each catalog's own language", () => {
    for (const lang of LANGS) expect(translatorFromCatalog(catalog, lang)(CATALOG_LANG_KEY)).toBe(lang);
  });
});
