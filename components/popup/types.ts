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
  /** The page's structure from the content script there (`lib/diagnostic`); `null` when nothing answered. */
  diagnostic?(): Promise<string | null>;
  /** `https://host/*` of the tab's page when Sésame could remember it (https, not ENEJ), else `null`. */
  sitePattern?(): Promise<string | null>;
}

export type RememberOutcome = 'remembered' | 'refused' | 'not-possible';

/** The sites a family chose (lib/sites), as match patterns `https://host/*`. */
export interface SiteActions {
  list(): Promise<string[]>;
  /** Must be called straight from the click: the browser asks for permission only during a user action. */
  remember(pattern: string): Promise<RememberOutcome>;
  forget(pattern: string): Promise<void>;
}
