import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Catalog, mergeCatalogs } from './catalog';

/** Node-only (build and tests): reads every `locales/*.json` file. */
export function loadCatalog(dir: string): Catalog {
  const parts: Record<string, Catalog> = {};
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    parts[file] = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Catalog;
  }
  return mergeCatalogs(parts);
}
