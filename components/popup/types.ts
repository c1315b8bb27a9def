import type { TypingHintView } from '../TypingHints';

/** What the popup shows for one generated password; the entrypoint builds it from `lib/generate`. */
export interface PopupPassword {
  password: string;
  entropyBits: number;
  hints: readonly TypingHintView[];
}

/** The content script's answer to `sesame:status`; `null` when nothing answered (not an ENEJ page). */
export type PageStatus = { kind: 'change-password' | 'success' | 'none'; canFill: boolean } | null;

export type FillOutcome = 'filled' | 'failed';
/** `not-allowed`: the browser refused the injection (its own pages, the web store, no activeTab grant). */
export type GuideOutcome = 'started' | 'no-form' | 'not-allowed';

/** Everything the popup does to the page in the tab behind it. */
export interface PageActions {
  status(): Promise<PageStatus>;
  fill(password: string): Promise<FillOutcome>;
  startGuide(): Promise<GuideOutcome>;
}
