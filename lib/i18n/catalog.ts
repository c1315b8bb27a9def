/**
 * Our message catalog lives in `locales/*.json` as `{ key: { fr, en } }`, one file per area, so French and
 * English sit side by side. The build turns it into `_locales/<lang>/messages.json`; at run time the
 * extension reads messages through `browser.i18n` only.
 */
export const LANGS = ['fr', 'en'] as const;
export type Lang = (typeof LANGS)[number];

export interface CatalogEntry {
  fr: string;
  en: string;
  description?: string;
}
export type Catalog = Record<string, CatalogEntry>;

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

/** A message whose text, in each catalog, is that catalog's own language code. */
export const CATALOG_LANG_KEY = 'catalog_lang';

/** Translates a message key with `$1`…`$9` substitutions; the UI receives one of these. */
export type Translate = (key: string, params?: readonly string[]) => string;

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
    if (params(entry.fr) !== params(entry.en)) problems.push(`${key}: fr and en use different $n parameters`);
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
    const message = entry[lang].replace(/\$(?![1-9])/g, '$$$$').replace(PARAM_RE, (_m, n: string) => {
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
    return entry[lang].replace(PARAM_RE, (_m, n: string) => params[Number(n) - 1] ?? '');
  };
}
