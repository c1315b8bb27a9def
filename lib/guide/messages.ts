import * as z from 'zod/mini';

/** The longest password the popup may ask us to fill; far above any real one, it bounds the work. */
export const MAX_FILL_LENGTH = 256;

const fillSchema = z.strictObject({
  type: z.literal('sesame:fill'),
  password: z.string().check(z.minLength(1), z.maxLength(MAX_FILL_LENGTH)),
});
const statusSchema = z.strictObject({ type: z.literal('sesame:status') });
const startSchema = z.strictObject({ type: z.literal('sesame:start-guide') });
const diagnosticSchema = z.strictObject({ type: z.literal('sesame:diagnostic') });

export const guideMessageSchema = z.discriminatedUnion('type', [
  fillSchema,
  statusSchema,
  startSchema,
  diagnosticSchema,
]);
export type GuideMessage = z.infer<typeof guideMessageSchema>;

export interface StatusReply {
  kind: 'change-password' | 'success' | 'none';
  canFill: boolean;
}

export type FillReply = { ok: true } | { ok: false; reason: string };

/** The page's structure as `lib/diagnostic` describes it: never a value, a query string or typed text. */
export interface DiagnosticReply {
  text: string;
}

/** `null` for anything that is not exactly one of our messages; never throws. */
export function parseGuideMessage(message: unknown): GuideMessage | null {
  try {
    const result = guideMessageSchema.safeParse(message);
    return result.success ? result.data : null;
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
