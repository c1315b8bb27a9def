/** The longest password the popup may ask us to fill; far above any real one, it bounds the work. */
export const MAX_FILL_LENGTH = 256;

/** The four messages the popup sends the content script (its whole contract with the page). */
export type GuideMessage =
  | { type: 'sesame:fill'; password: string }
  | { type: 'sesame:status' }
  | { type: 'sesame:start-guide' }
  | { type: 'sesame:diagnostic' };

const BARE_TYPES = new Set(['sesame:status', 'sesame:start-guide', 'sesame:diagnostic']);

export interface StatusReply {
  kind: 'change-password' | 'success' | 'none';
  canFill: boolean;
}

export type FillReply = { ok: true } | { ok: false; reason: string };

/** The page's structure as `lib/diagnostic` describes it: never a value, a query string or typed text. */
export interface DiagnosticReply {
  text: string;
}

/**
 * `null` for anything that is not exactly one of our messages (no extra key either); never throws.
 *
 * Checked by hand rather than with zod/mini: this runs in the content script that every ENEJ page loads, where
 * zod/mini alone weighed 17.6 KB of its 39 KB (issue 15's budget is 25 KB gzipped). Four fixed shapes need no
 * schema library; the rules, which are real data, are still validated by zod in the guide's own file.
 */
export function parseGuideMessage(message: unknown): GuideMessage | null {
  try {
    if (typeof message !== 'object' || message === null || Array.isArray(message)) return null;
    const record = message as Record<string, unknown>;
    const keys = Object.keys(record);
    const type = record.type;
    if (typeof type !== 'string') return null;
    if (BARE_TYPES.has(type)) return keys.length === 1 ? ({ type } as GuideMessage) : null;
    if (type !== 'sesame:fill' || keys.length !== 2) return null;
    const password = record.password;
    if (typeof password !== 'string' || password.length < 1 || password.length > MAX_FILL_LENGTH) return null;
    return { type, password };
  } catch {
    // Messages are structured clones, so this only guards against a getter that throws.
    return null;
  }
}

export interface SenderLike {
  id?: string;
  tab?: unknown;
  url?: string;
}

/**
 * Only our own extension pages (the popup, also when opened in a tab) may drive the guide, so the test is
 * the sender's URL, not whether it has a tab: a content script of ours in another tab has our id but a
 * web page's URL. Web pages cannot message us at all without `externally_connectable`; we check anyway
 * since a fill writes into the page.
 */
export function isFromOwnExtension(sender: SenderLike, runtimeId: string, extensionOrigin: string): boolean {
  if (!runtimeId || !extensionOrigin || sender.id !== runtimeId) return false;
  return sender.url?.startsWith(extensionOrigin) === true;
}
