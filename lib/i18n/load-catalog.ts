import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { addTranslations, type Catalog, EXTRA_LANGS, mergeCatalogs, type Translations } from './catalog';

const jsonFiles = (dir: string) =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort();

/**
 * Node-only (build and tests): reads every `locales/*.json` file (French and English), then each added
 * language's `locales/<lang>/*.json`. `problems` lists translations whose key no longer exists;
 * `lintCatalog` then finds the keys a language lacks.
 */
export function loadCatalogWithProblems(dir: string): { catalog: Catalog; problems: string[] } {
  const parts: Record<string, Catalog> = {};
  for (const file of jsonFiles(dir))
    parts[file] = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Catalog;
  const catalog = mergeCatalogs(parts);
  const problems: string[] = [];
  for (const lang of EXTRA_LANGS) {
    const langDir = join(dir, lang);
    if (!existsSync(langDir)) continue;
    for (const file of jsonFiles(langDir)) {
      const texts = JSON.parse(readFileSync(join(langDir, file), 'utf8')) as Translations;
      problems.push(...addTranslations(catalog, lang, `locales/${lang}/${file}`, texts));
    }
  }
  return { catalog, problems };
}

export function loadCatalog(dir: string): Catalog {
  return loadCatalogWithProblems(dir).catalog;
}
