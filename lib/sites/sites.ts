// Sites a family chose ("Toujours aider sur ce site"): one https origin at a time, granted by the browser as
// an optional host permission from a click in the popup, with the guide's content script registered there
// so it starts by itself. The permission is the source of truth: a registration exists exactly for each
// granted origin, whoever granted or withdrew it (our popup, the browser's own settings). Registrations
// are named after their origin, so reconciling needs no memory of earlier calls (an MV3 worker has none).

/** Where the guide starts without being asked (the manifest's `matches`); never a "remembered site". */
export const ENEJ_MATCH = 'https://*.lavienne86.fr/*';
/** Declared in `optional_host_permissions` (MV2: `optional_permissions`); only single origins are requested. */
export const OPTIONAL_SITES = 'https://*/*';
/** The guide's content script, the same file the manifest runs on ENEJ hosts. */
export const GUIDE_SCRIPT = '/content-scripts/enej.js';
/**
 * The guide's UI, which the content script imports by URL on ENEJ hosts. Chrome lets a page's origin load it
 * only there (web_accessible_resources), so on any other site it is injected first, into the same world.
 */
export const GUIDE_UI_SCRIPT = '/guide-ui.js';
/** Runs just before the guide on a remembered site and tells it to start by itself. */
export const AUTOSTART_SCRIPT = '/site-autostart.js';
/** Set in the content scripts' world by `AUTOSTART_SCRIPT`. */
export const AUTOSTART_KEY = Symbol.for('sesame.autostart');
export const SCRIPT_ID_PREFIX = 'sesame-site:';

export interface RegisteredScript {
  id: string;
  matches?: string[];
  js?: string[];
  runAt?: 'document_start' | 'document_end' | 'document_idle';
  persistAcrossSessions?: boolean;
}

/** The slice of `permissions` + `scripting` this module uses, so tests hand in a fake. */
export interface SitesApi {
  permissions: {
    getAll(): Promise<{ origins?: string[] }>;
    request(permissions: { origins: string[] }): Promise<boolean>;
    remove(permissions: { origins: string[] }): Promise<boolean>;
  };
  scripting: {
    getRegisteredContentScripts(filter?: { ids?: string[] }): Promise<RegisteredScript[]>;
    registerContentScripts(scripts: RegisteredScript[]): Promise<unknown>;
    unregisterContentScripts(filter: { ids: string[] }): Promise<unknown>;
  };
}

const ENEJ_HOST = /(^|\.)lavienne86\.fr$/i;

/**
 * The origin pattern Sésame may ask for, for a page address: `https://host/*`, or `null` for anything
 * else (http, browser pages, files, ENEJ hosts, which the manifest already covers). The port is left out:
 * match patterns have none, so `https://host/*` covers every port of that host.
 */
export function sitePatternFor(url: string | undefined): string | null {
  if (!url) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'https:' || !parsed.hostname || ENEJ_HOST.test(parsed.hostname)) return null;
  // IPv6 literals keep their brackets in `hostname`, which is what match patterns expect.
  return `https://${parsed.hostname.toLowerCase()}/*`;
}

/** `https://host/*` → `host`; anything else (a wildcard, another scheme) → `null`. */
export function hostOfPattern(pattern: string): string | null {
  const m = /^https:\/\/([^/*]+)\/\*$/.exec(pattern);
  return m?.[1] ?? null;
}

/** Remembered sites among granted origins: single https hosts, outside ENEJ, sorted. */
export function rememberedPatterns(origins: readonly string[] | undefined): string[] {
  const out = new Set<string>();
  for (const origin of origins ?? []) {
    const host = hostOfPattern(origin);
    if (host && !ENEJ_HOST.test(host)) out.add(`https://${host.toLowerCase()}/*`);
  }
  return [...out].sort();
}

export function scriptIdFor(pattern: string): string {
  return `${SCRIPT_ID_PREFIX}${pattern}`;
}

export function registrationFor(pattern: string): RegisteredScript {
  return {
    id: scriptIdFor(pattern),
    matches: [pattern],
    js: [AUTOSTART_SCRIPT, GUIDE_UI_SCRIPT, GUIDE_SCRIPT],
    runAt: 'document_end',
    // Chrome and Firefox (105+) keep it across browser restarts; `reconcile` at each background start
    // covers a browser that would not (Firefox drops them for a temporarily loaded add-on).
    persistAcrossSessions: true,
  };
}

export async function listSites(api: SitesApi): Promise<string[]> {
  return rememberedPatterns((await api.permissions.getAll()).origins);
}

/**
 * Makes registrations match granted origins: registers the missing ones, unregisters those whose
 * permission is gone. Safe to run concurrently with itself (the popup and the background may both run
 * it after a grant): a registration that appeared meanwhile is not an error.
 */
export async function reconcile(api: SitesApi): Promise<{ registered: string[]; unregistered: string[] }> {
  const wanted = await listSites(api);
  const existing = (await api.scripting.getRegisteredContentScripts()).filter((s) =>
    s.id.startsWith(SCRIPT_ID_PREFIX),
  );
  const existingIds = new Set(existing.map((s) => s.id));
  const wantedIds = new Set(wanted.map(scriptIdFor));
  const stale = existing.map((s) => s.id).filter((id) => !wantedIds.has(id));
  const missing = wanted.filter((pattern) => !existingIds.has(scriptIdFor(pattern)));
  if (stale.length > 0) {
    await api.scripting.unregisterContentScripts({ ids: stale }).catch(() => unregisterEach(api, stale));
  }
  const registered: string[] = [];
  for (const pattern of missing) {
    if (await registerOne(api, pattern)) registered.push(pattern);
  }
  return { registered, unregistered: stale.map((id) => id.slice(SCRIPT_ID_PREFIX.length)) };
}

async function registerOne(api: SitesApi, pattern: string): Promise<boolean> {
  try {
    await api.scripting.registerContentScripts([registrationFor(pattern)]);
    return true;
  } catch (error) {
    // Registered meanwhile by the other side (popup or background): the state we wanted. Chrome refuses a
    // duplicate id as soon as the first call starts, before `getRegisteredContentScripts` lists it.
    if (/duplicate/i.test(String((error as Error)?.message ?? error))) return false;
    const now = await api.scripting.getRegisteredContentScripts({ ids: [scriptIdFor(pattern)] });
    if (now.length > 0) return false;
    throw error;
  }
}

async function unregisterEach(api: SitesApi, ids: string[]): Promise<void> {
  for (const id of ids) await api.scripting.unregisterContentScripts({ ids: [id] }).catch(() => {});
}

export type RememberOutcome = 'remembered' | 'refused' | 'not-possible';

/**
 * Asks the browser for one origin (must run inside the click's handler: no await before the request),
 * then registers the guide there. In Firefox the permission doorhanger may close the popup before the
 * request resolves: the background's `permissions.onAdded` then does the registering.
 */
export async function rememberSite(api: SitesApi, pattern: string): Promise<RememberOutcome> {
  if (!hostOfPattern(pattern)) return 'not-possible';
  let granted: boolean;
  try {
    granted = await api.permissions.request({ origins: [pattern] });
  } catch {
    return 'not-possible';
  }
  if (!granted) return 'refused';
  await reconcile(api);
  return 'remembered';
}

/** Unregisters the guide and gives the permission back. */
export async function forgetSite(api: SitesApi, pattern: string): Promise<void> {
  await api.scripting.unregisterContentScripts({ ids: [scriptIdFor(pattern)] }).catch(() => {
    // Not registered (any more): nothing to undo.
  });
  await api.permissions.remove({ origins: [pattern] });
}
