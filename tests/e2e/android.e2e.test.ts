import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// Firefox for Android runs the Firefox build as it is: this checks the build that ships, not the config.
const dir = join(process.env.SESAME_OUT_DIR ?? '.output', 'firefox-mv2');
const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as {
  browser_specific_settings: { gecko_android?: { strict_min_version?: string } };
};

/**
 * Everything the extension asks of Firefox, as MDN's compatibility data names it. The build test below
 * (every `browser.*` member in the shipped code is listed here) keeps the list honest.
 */
const USED = [
  'webextensions.manifest.browser_specific_settings.gecko.data_collection_permissions',
  'webextensions.manifest.browser_action.default_popup',
  'webextensions.manifest.content_scripts',
  'webextensions.manifest.default_locale',
  'webextensions.manifest.permissions.activeTab',
  'webextensions.manifest.permissions.scripting',
  'webextensions.api.storage.local.get',
  'webextensions.api.storage.local.set',
  'webextensions.api.i18n.getMessage',
  'webextensions.api.i18n.getUILanguage',
  'webextensions.api.runtime.getURL',
  'webextensions.api.runtime.id',
  'webextensions.api.runtime.onMessage',
  'webextensions.api.extension.getViews',
  'webextensions.api.tabs.getCurrent',
  'webextensions.api.tabs.query',
  'webextensions.api.tabs.sendMessage',
  'webextensions.api.tabs.executeScript',
  'webextensions.api.scripting.executeScript',
  // Remembered sites (lib/sites, the popup and the background page).
  'webextensions.manifest.optional_permissions',
  'webextensions.manifest.background',
  'webextensions.api.tabs.get',
  'webextensions.api.permissions.getAll',
  'webextensions.api.permissions.request',
  'webextensions.api.permissions.remove',
  'webextensions.api.permissions.onAdded',
  'webextensions.api.permissions.onRemoved',
  'webextensions.api.runtime.onStartup',
  'webextensions.api.runtime.onInstalled',
  'webextensions.api.scripting.getRegisteredContentScripts',
  'webextensions.api.scripting.registerContentScripts',
  'webextensions.api.scripting.unregisterContentScripts',
  'api.Clipboard.writeText',
  'api.Crypto.getRandomValues',
  'api.Element.attachShadow',
  'javascript.operators.import',
  'css.at-rules.media.forced-colors',
  'css.at-rules.media.prefers-color-scheme',
  'css.properties.margin-inline',
] as const;

/**
 * Used only where present, each with a fallback: `window.print` (Android: 114; the card is shared or
 * copied instead), `navigator.share` (copy instead).
 */
const GUARDED = ['api.Window.print', 'api.Navigator.share'] as const;

// The compatibility data addons-linter (and so AMO) judges Android support with.
const require = createRequire(import.meta.url);
const bcdPath = require.resolve('@mdn/browser-compat-data', {
  paths: [dirname(require.resolve('addons-linter/package.json'))],
});
const bcd = JSON.parse(readFileSync(bcdPath.replace(/\.[cm]?js$/, '.json'), 'utf8')) as Record<
  string,
  unknown
>;

type Support = { version_added: string | boolean | null; version_removed?: string };
function androidSince(path: string): number {
  let node: unknown = bcd;
  for (const part of path.split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
  const raw = (node as { __compat?: { support: { firefox_android?: Support | Support[] } } } | undefined)
    ?.__compat?.support.firefox_android;
  if (!raw) throw new Error(`no Firefox for Android data for ${path}`);
  // The current entry is the first one without a removal (tabs.query went away in 79 and came back in 85).
  const entry = (Array.isArray(raw) ? raw : [raw]).find((s) => s.version_removed === undefined);
  if (!entry || typeof entry.version_added !== 'string')
    throw new Error(`${path} is not on Firefox for Android`);
  return Number.parseFloat(entry.version_added.replace(/^≤/, ''));
}

function lint(at: string): { code: string }[] {
  const out = spawnSync('npx', ['addons-linter', '--output', 'json', '--boring', at], { encoding: 'utf8' });
  const report = JSON.parse(out.stdout) as { errors: { code: string }[]; warnings: { code: string }[] };
  return [...report.errors, ...report.warnings];
}

describe('Firefox for Android', () => {
  const declared = manifest.browser_specific_settings.gecko_android?.strict_min_version;
  const copies: string[] = [];
  afterAll(() => {
    for (const copy of copies) rmSync(copy, { recursive: true, force: true });
  });

  it('declares gecko_android at the lowest version that has everything the extension uses', () => {
    expect(declared).toMatch(/^\d+\.0$/);
    const since = Object.fromEntries(USED.map((path) => [path, androidSince(path)]));
    const newest = Math.max(...Object.values(since));
    expect(Object.entries(since).filter(([, v]) => v > Number.parseFloat(declared ?? '0'))).toEqual([]);
    // Not one version higher than needed: families on an older Firefox would be turned away for nothing.
    expect(Number.parseFloat(declared ?? '0')).toBe(newest);
    // What is missing on some Androids is used behind a check, never at load.
    for (const path of GUARDED) expect(androidSince(path)).toBeGreaterThan(0);
  });

  it('every extension API member in the shipped code is in that list', () => {
    const code = ['popup-first.js', 'popup-main.js', 'content-scripts/enej.js', 'background.js']
      .map((file) => readFileSync(join(dir, file), 'utf8'))
      .join('\n');
    // Minified, `browser` has another name: the namespace and its member are what is left to find.
    const namespaces =
      'storage|i18n|runtime|extension|tabs|scripting|permissions|action|browserAction|downloads|notifications|windows|menus|contextMenus|commands|bookmarks|history|sidebarAction|webNavigation|webRequest|cookies|alarms';
    const found = new Set(
      [...code.matchAll(new RegExp(`\\.(${namespaces})\\.([A-Za-z]+)\\b`, 'g'))].map(
        (m) => `${m[1]}.${m[2]}`,
      ),
    );
    expect(found.size).toBeGreaterThanOrEqual(10);
    const listed = USED.map((p) => p.replace(/^webextensions\.api\./, ''));
    expect([...found].filter((m) => !listed.some((l) => l === m || l.startsWith(`${m}.`)))).toEqual([]);
  });

  it('addons-linter accepts the declared version and flags the one below it', () => {
    expect(lint(dir)).toEqual([]);
    const lower = mkdtempSync(join(tmpdir(), 'sesame-android-'));
    copies.push(lower);
    cpSync(dir, lower, { recursive: true });
    const edited = JSON.parse(readFileSync(join(lower, 'manifest.json'), 'utf8'));
    edited.browser_specific_settings.gecko_android.strict_min_version = `${Number.parseFloat(declared ?? '0') - 1}.0`;
    writeFileSync(join(lower, 'manifest.json'), JSON.stringify(edited));
    expect(lint(lower).map((p) => p.code)).toContain('KEY_FIREFOX_ANDROID_UNSUPPORTED_BY_MIN_VERSION');
  }, 120_000);
});
