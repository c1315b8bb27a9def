import type { GuideOutcome, PageActions, PageStatus } from '@/components/popup/types';
import { GUIDE_SCRIPT, GUIDE_UI_SCRIPT, sitePatternFor } from '@/lib/sites/sites';

/** The slice of the WebExtension API the popup uses, so tests can hand in a fake. */
export interface PopupBrowser {
  tabs: {
    getCurrent(): Promise<TabLike | undefined>;
    query(query: { active?: boolean; currentWindow?: boolean }): Promise<TabLike[]>;
    sendMessage(tabId: number, message: unknown): Promise<unknown>;
    get?(tabId: number): Promise<{ url?: string }>;
    executeScript?(tabId: number, details: { file: string }): Promise<unknown>;
  };
  scripting?: { executeScript(injection: { target: { tabId: number }; files: string[] }): Promise<unknown> };
}

interface TabLike {
  id?: number;
  lastAccessed?: number;
}

/**
 * The same files the manifest injects on ENEJ hosts (the guide's UI first, which Chrome lets only ENEJ pages
 * import by URL); injected on demand elsewhere. One definition, shared with remembered sites (lib/sites).
 */
export { GUIDE_SCRIPT, GUIDE_UI_SCRIPT } from '@/lib/sites/sites';

// A content script that exists but never answers must not leave the popup waiting forever.
const REPLY_TIMEOUT_MS = 2000;

/**
 * The tab the popup acts on. Opened from the toolbar, the popup belongs to no tab and the page the family
 * is looking at is the active tab of the current window. Opened as a page in a tab of its own (the e2e
 * tests do this; so can a user), the active tab is the popup itself, so we take the tab used just before it:
 * the most recently accessed other tab.
 */
export async function findTargetTab(api: PopupBrowser): Promise<number | undefined> {
  const self = await api.tabs.getCurrent();
  if (self?.id === undefined) {
    const [active] = await api.tabs.query({ active: true, currentWindow: true });
    return active?.id;
  }
  const others = (await api.tabs.query({})).filter((tab) => tab.id !== undefined && tab.id !== self.id);
  others.sort((a, b) => (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0));
  return others[0]?.id;
}

async function ask(api: PopupBrowser, tabId: number, message: { type: string; password?: string }) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<undefined>((done) => {
    timer = setTimeout(() => done(undefined), REPLY_TIMEOUT_MS);
  });
  try {
    // Rejects when no content script listens in that tab: for us that simply means "no answer".
    return (await Promise.race([api.tabs.sendMessage(tabId, message), timeout]).catch(
      () => undefined,
    )) as unknown;
  } finally {
    clearTimeout(timer);
  }
}

function field(reply: unknown, name: string): unknown {
  return typeof reply === 'object' && reply !== null ? (reply as Record<string, unknown>)[name] : undefined;
}

export function parseStatus(reply: unknown): PageStatus {
  const kind = field(reply, 'kind');
  if (kind !== 'change-password' && kind !== 'success' && kind !== 'none') return null;
  return { kind, canFill: field(reply, 'canFill') === true };
}

export function createPageActions(api: PopupBrowser, tabId: Promise<number | undefined>): PageActions {
  return {
    async status() {
      const id = await tabId;
      return id === undefined ? null : parseStatus(await ask(api, id, { type: 'sesame:status' }));
    },
    async fill(password) {
      const id = await tabId;
      if (id === undefined) return 'failed';
      const reply = await ask(api, id, { type: 'sesame:fill', password });
      return field(reply, 'ok') === true ? 'filled' : 'failed';
    },
    async startGuide(): Promise<GuideOutcome> {
      const id = await tabId;
      if (id === undefined) return 'not-allowed';
      try {
        // Firefox has had `scripting` in MV2 since 102 (our minimum is 128); `tabs.executeScript` is the
        // MV2 fallback should a browser lack it.
        if (api.scripting)
          await api.scripting.executeScript({
            target: { tabId: id },
            files: [GUIDE_UI_SCRIPT, GUIDE_SCRIPT],
          });
        else if (api.tabs.executeScript) {
          await api.tabs.executeScript(id, { file: GUIDE_UI_SCRIPT });
          await api.tabs.executeScript(id, { file: GUIDE_SCRIPT });
        } else return 'not-allowed';
      } catch {
        // No activeTab grant, a browser page (chrome://, about:), the add-on store, a PDF viewer…
        return 'not-allowed';
      }
      if (field(await ask(api, id, { type: 'sesame:start-guide' }), 'ok') !== true) return 'no-form';
      // The guide accepts to start anywhere; whether it found a form to help with, the status says.
      const status = parseStatus(await ask(api, id, { type: 'sesame:status' }));
      return status?.kind === 'change-password' ? 'started' : 'no-form';
    },
    async diagnostic() {
      const id = await tabId;
      if (id === undefined) return null;
      const text = field(await ask(api, id, { type: 'sesame:diagnostic' }), 'text');
      return typeof text === 'string' ? text : null;
    },
    async sitePattern() {
      const id = await tabId;
      if (id === undefined || !api.tabs.get) return null;
      // The address is readable with the activeTab grant the toolbar click gave; without it, `url` is absent.
      const tab = await api.tabs.get(id).catch(() => undefined);
      return sitePatternFor(tab?.url);
    },
  };
}

/**
 * Page actions built on first use. The popup first asks for the page status after its first paint;
 * touching `browser.tabs` / `browser.scripting` earlier (Firefox builds each API namespace on first access)
 * and starting the tab lookup would delay the first password for nothing.
 */
export function lazyPageActions(make: () => PageActions): PageActions {
  let actions: PageActions | undefined;
  const get = () => {
    actions ??= make();
    return actions;
  };
  // Async, so a failure to build reaches callers as a rejection, which the popup already handles.
  return {
    status: async () => get().status(),
    fill: async (password) => get().fill(password),
    startGuide: async () => get().startGuide(),
    diagnostic: async () => (await get().diagnostic?.()) ?? null,
    sitePattern: async () => (await get().sitePattern?.()) ?? null,
  };
}
