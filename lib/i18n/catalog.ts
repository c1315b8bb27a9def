/**
 * Our message catalog lives in `locales/*.json` as `{ key: { fr, en } }`, one file per area, so French and
 * English sit side by side; every other language has its own folder, `locales/<lang>/<area>.json` as
 * `{ key: text }`, so adding a key in French and English never touches (or conflicts with) a translation.
 * The build turns it all into `_locales/<lang>/messages.json` and fails on any key missing in any language;
 * at run time the extension reads messages through `browser.i18n` only.
 */
export const BASE_LANGS = ['fr', 'en'] as const;
/** The languages of ENEJ's families besides French and English (issue 11), each in `locales/<lang>/`. */
export const EXTRA_LANGS = ['ar', 'pt', 'tr', 'es', 'uk'] as const;
export const LANGS = [...BASE_LANGS, ...EXTRA_LANGS] as const;
export type Lang = (typeof LANGS)[number];
export type ExtraLang = (typeof EXTRA_LANGS)[number];

export type CatalogEntry = {
  fr: string;
  en: string;
  description?: string;
} & Partial<Record<ExtraLang, string>>;
export type Catalog = Record<string, CatalogEntry>;
/** One added language's file: `{ key: text }`. */
export type Translations = Record<string, string>;

const RTL_LANGS: readonly string[] = ['ar'];

/** Writing direction of a language's messages, for `dir` on the guide's and the popup's root. */
export function textDirection(lang: string): 'rtl' | 'ltr' {
  return RTL_LANGS.includes(lang) ? 'rtl' : 'ltr';
}

/**
 * The language the messages are actually shown in, for `lang` attributes. Pass `t(CATALOG_LANG_KEY)`
 * first: the browser may serve a catalog other than `getUILanguage()` suggests (measured: headless
 * Chromium without its language pack reports `fr-FR` and serves `en`). Browsers look up `en` for `en-GB`
 * and fall back to the default locale (French) for languages we do not ship.
 */
export function messagesLang(uiLanguage: string): Lang {
  const primary = uiLanguage.toLowerCase().split(/[-_]/)[0] ?? '';
  return (LANGS as readonly string[]).includes(primary) ? (primary as Lang) : 'fr';
}

/**
 * Adds an added language's translations to the French/English catalog. Keys the catalog does not have are
 * returned as problems (a translation left behind after its key was renamed or removed).
 */
export function addTranslations(
  catalog: Catalog,
  lang: ExtraLang,
  file: string,
  texts: Translations,
): string[] {
  const problems: string[] = [];
  for (const [key, text] of Object.entries(texts)) {
    const entry = catalog[key];
    if (!entry) problems.push(`${key}: in ${file} but not in locales/*.json`);
    else entry[lang] = text;
  }
  return problems;
}

/** A message whose text, in each catalog, is that catalog's own language code. */
export const CATALOG_LANG_KEY = 'catalog_lang';

/** Translates a message key with `$1`…`$9` substitutions; the UI receives one of these. */
export type Translate = (key: string, params?: readonly string[]) => string;

const LRI = '\u2066';
const PDI = '\u2069';

/**
 * In a right-to-left language, each substitution (a count, a refused "?", the list of specials, a key label
 * such as "- (6)", the digits "6 7 9") is wrapped in Left-to-Right Isolate … Pop Directional Isolate, so it
 * reads as it does in French and its neighbours' punctuation does not jump across it. Left-to-right
 * isolates, not first-strong ones: these strings mostly hold no strong character, and Chromium laid
 * "6 7 9" out as "9 7 6" inside a first-strong isolate. Left-to-right languages get `t` unchanged.
 */
export function isolatingTranslate(t: Translate, lang: string): Translate {
  if (textDirection(lang) === 'ltr') return t;
  return (key, params) =>
    t(
      key,
      params?.map((p) => `${LRI}${p}${PDI}`),
    );
}

const KEY_RE = /^[A-Za-z0-9_@]+$/;
const PARAM_RE = /\$([1-9])/g;

export function mergeCatalogs(parts: Record<string, Catalog>): Catalog {
  const merged: Catalog = {};
  for (const [file, catalog] of Object.entries(parts)) {
    for (const [key, entry] of Object.entries(catalog)) {
      if (key in merged) throw new Error(`message key "${key}" defined twice (again in ${file})`);
      merged[key] = entry;
    }
  }
  return merged;
}

/** Problems that would make a locale render wrongly; empty when the catalog is sound. */
export function lintCatalog(catalog: Catalog): string[] {
  const problems: string[] = [];
  for (const [key, entry] of Object.entries(catalog)) {
    if (!KEY_RE.test(key)) problems.push(`${key}: key must match ${KEY_RE}`);
    for (const lang of LANGS) {
      if (typeof entry[lang] !== 'string' || entry[lang].trim() === '')
        problems.push(`${key}: missing ${lang}`);
    }
    const params = (s: string) =>
      [...(s ?? '').matchAll(PARAM_RE)]
        .map((m) => m[1])
        .sort()
        .join(',');
    for (const lang of LANGS) {
      if (
        lang !== 'fr' &&
        typeof entry[lang] === 'string' &&
        params(entry.fr) !== params(entry[lang] as string)
      )
        problems.push(`${key}: fr and ${lang} use different $n parameters`);
    }
  }
  return problems;
}

/**
 * Chrome and Firefox both want named placeholders for substitutions, so `$1` in our text becomes `$P1$`
 * with a placeholder whose content is `$1`. A literal dollar sign is written `$$` in the output.
 */
export function toMessagesJson(catalog: Catalog, lang: Lang): string {
  const out: Record<
    string,
    { message: string; description?: string; placeholders?: Record<string, { content: string }> }
  > = {};
  for (const key of Object.keys(catalog).sort()) {
    const entry = catalog[key] as CatalogEntry;
    const placeholders: Record<string, { content: string }> = {};
    const message = (entry[lang] ?? '').replace(/\$(?![1-9])/g, '$$$$').replace(PARAM_RE, (_m, n: string) => {
      placeholders[`p${n}`] = { content: `$${n}` };
      return `$P${n}$`;
    });
    out[key] = { message };
    if (entry.description) out[key].description = entry.description;
    if (Object.keys(placeholders).length > 0) out[key].placeholders = placeholders;
  }
  return `${JSON.stringify(out, null, 2)}\n`;
}

/** Same substitution semantics as `browser.i18n.getMessage`, for unit tests and the build's checks. */
export function translatorFromCatalog(catalog: Catalog, lang: Lang): Translate {
  return (key, params = []) => {
    const entry = catalog[key];
    if (!entry) throw new Error(`unknown message key "${key}"`);
    const text = entry[lang];
    if (text === undefined) throw new Error(`message key "${key}" has no ${lang} text`);
    return text.replace(PARAM_RE, (_m, n: string) => params[Number(n) - 1] ?? '');
  };
}
