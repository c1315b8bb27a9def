import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { deferDictionaries } from './build/defer-dictionaries';
import { noRawHtml } from './build/no-raw-html';
import { PANEL_QUERY } from './entrypoints/popup/view';
import { LANGS, lintCatalog, toMessagesJson } from './lib/i18n/catalog';
import { loadCatalogWithProblems } from './lib/i18n/load-catalog';

// Manifest is generated per browser: Chrome gets MV3, Firefox WXT's default MV2, where `activeTab` +
// `scripting` still work without any permanent host permission.
export default defineConfig({
  imports: false,
  // A separate output folder lets parallel work (and the e2e suite) build without clobbering `.output/`.
  outDir: process.env.SESAME_OUT_DIR ?? '.output',
  // WXT already leaves out node_modules, dot-folders (.output*, .wxt, .demo, tests/e2e/.profiles) and *.test.*;
  // these are the other git-ignored leftovers a local run can produce. scripts/check-sources-zip.mjs rebuilds
  // from the zip and compares.
  zip: {
    // store/images is the store kit's screenshots (≈1 MB): nothing a reviewer needs to rebuild.
    excludeSources: ['tests/e2e/artifacts/**', 'stats.html', '**/*.log', 'store/images/**'],
  },
  hooks: {
    // The toolbar popup's page says so in its address (`entrypoints/popup/view.ts`): the popup's first script
    // then gives the panel its width before it touches the extension API.
    'build:manifestGenerated': (_wxt, manifest) => {
      const action = (manifest.action ?? manifest.browser_action) as { default_popup?: string } | undefined;
      if (action?.default_popup) action.default_popup = `${action.default_popup}?${PANEL_QUERY}`;
    },
    // `_locales` is generated from `locales/*.json` (French, English) and `locales/<lang>/*.json` (the other
    // languages): the build fails on any key missing in any language, or a translation of a removed key.
    'build:publicAssets': (wxt, files) => {
      const { catalog, problems: stale } = loadCatalogWithProblems(`${wxt.config.root}/locales`);
      const problems = [...stale, ...lintCatalog(catalog)];
      if (problems.length > 0) throw new Error(`locales/: ${problems.join('\n')}`);
      for (const lang of LANGS) {
        files.push({
          relativeDest: `_locales/${lang}/messages.json`,
          contents: toMessagesJson(catalog, lang),
        });
      }
    },
  },
  vite: () => ({
    plugins: [preact(), noRawHtml(), deferDictionaries()],
    // No page of ours preloads modules; without this Vite ships its modulepreload shim in the popup's
    // first script.
    build: { modulePreload: { polyfill: false } },
  }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'fr',
    permissions: ['storage', 'activeTab', 'scripting'],
    // Nothing beyond ENEJ at install: "Toujours aider sur ce site" asks for one `https://host/*` under this
    // declaration, from the family's click, and "Oublier ce site" gives it back (lib/sites). WXT 0.20.27
    // drops `optional_host_permissions` from an MV2 manifest instead of converting it, so Firefox gets the
    // MV2 key itself.
    ...(browser === 'firefox'
      ? { optional_permissions: ['https://*/*'] }
      : { optional_host_permissions: ['https://*/*'] }),
    // The guide's lazy files (its UI, zxcvbn and its word lists, the generator), imported (the lists fetched) by URL
    // from the content script on first use.
    // Chrome only lets a content script import what the page's origin may load, so they are listed for ENEJ hosts
    // only (elsewhere the popup, or a remembered site's registration, injects guide-ui.js first); Firefox content
    // scripts need no entry.
    ...(browser === 'firefox'
      ? {}
      : {
          web_accessible_resources: [
            {
              resources: ['guide-ui.js', 'guide-strength.js', 'strength-words.txt', 'guide-generate.js'],
              matches: ['https://*.lavienne86.fr/*'],
            },
          ],
        }),
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'sesame@sesame-famille.fr',
              // 140 is the first Firefox that reads `data_collection_permissions` (142 on Android).
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            // The lowest Firefox for Android with everything we use: 142 reads `data_collection_permissions`,
            // every API we call is older (tests/e2e/android.e2e.test.ts checks both against MDN's data and
            // addons-linter; window.print and navigator.share are used behind checks).
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
