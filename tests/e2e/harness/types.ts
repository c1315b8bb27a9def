export type BrowserName = 'chromium' | 'firefox';

/** The languages Sésame ships (`lib/i18n/catalog.ts` `LANGS`). */
export type Locale = 'fr' | 'en' | 'ar' | 'pt' | 'tr' | 'es' | 'uk';

/**
 * How each browser is put in a language. Chromium on Linux follows the `LANGUAGE`/`LANG` environment (with
 * `chromium-l10n`, which ships every language); `tag` is its `--lang` and the page's locale. Firefox follows
 * `intl.locale.requested` only when that language's langpack is installed (`firefox-esr-l10n-<lang>`, listed in
 * `scripts/provision.sh`); without it, it serves English. Portuguese is European (most ENEJ families).
 */
export const LOCALE_SETTINGS: Readonly<
  Record<Locale, { tag: string; language: string; posix: string; firefox: string }>
> = {
  fr: { tag: 'fr', language: 'fr', posix: 'fr_FR', firefox: 'fr' },
  en: { tag: 'en-US', language: 'en_US', posix: 'en_US', firefox: 'en-US' },
  ar: { tag: 'ar', language: 'ar', posix: 'ar_EG', firefox: 'ar' },
  pt: { tag: 'pt-PT', language: 'pt_PT', posix: 'pt_PT', firefox: 'pt-PT' },
  tr: { tag: 'tr', language: 'tr', posix: 'tr_TR', firefox: 'tr' },
  es: { tag: 'es', language: 'es', posix: 'es_ES', firefox: 'es-ES' },
  uk: { tag: 'uk', language: 'uk', posix: 'uk_UA', firefox: 'uk' },
};

export interface LaunchOptions {
  /** UI language of the browser (and so of `i18n.getUILanguage()`); default `fr`. */
  locale?: Locale;
  /** Directory holding `chrome-mv3/` and `firefox-mv2/`; default `$SESAME_OUT_DIR` or `.output`. */
  outDir?: string;
  /** Default true. `npm run demo` opens a visible window when there is a display. */
  headless?: boolean;
  /**
   * Use this profile directory (made if missing) and keep it on `close()`, so a second `launch` with the same
   * directory is the same browser restarted. The caller deletes it. Default: a fresh temporary profile.
   */
  profileDir?: string;
  /** Every page's size in CSS px (tabs, extension pages); default the driver's (Chromium 1280×720, Firefox 800×600). */
  viewport?: { width: number; height: number };
  /** Device pixels per CSS px (a phone: 2–3); default 1. */
  deviceScaleFactor?: number;
  /** Chromium only: mobile emulation (the page's `<meta name="viewport">` is honoured, as on a phone). */
  isMobile?: boolean;
  /** Chromium only: touch events and `(pointer: coarse)`. */
  hasTouch?: boolean;
  /** `prefers-color-scheme` (Firefox: through its content-override pref). */
  colorScheme?: 'light' | 'dark';
  /** `forced-colors` (Windows high contrast). Firefox: "override the page's colours: always". */
  forcedColors?: 'active' | 'none';
  /** `prefers-reduced-motion`. */
  reducedMotion?: 'reduce' | 'no-preference';
}

export interface RouteResponse {
  status?: number;
  headers?: Record<string, string>;
  body: string | Uint8Array;
  /** Default `text/html; charset=utf-8`. */
  contentType?: string;
}

/** A URL prefix (`https://enej.lavienne86.fr/`) or a predicate over the full URL. */
export type RouteMatcher = string | ((url: string) => boolean);

export type RouteHandler = (url: string) => RouteResponse | Promise<RouteResponse>;

/**
 * `served`: answered by a route; `blocked`: no route matched, so it was aborted; `internal`: the
 * extension's own files or `data:`/`blob:`/`about:` URLs, let through untouched.
 */
export type RequestOutcome = 'served' | 'blocked' | 'internal';

export interface RecordedRequest {
  url: string;
  /** Playwright's resource type; Firefox (BiDi) only knows `document` vs `other`. */
  resourceType: string;
  outcome: RequestOutcome;
  /** URL of the page (or `service-worker:<url>`) that issued it, when the browser API says so. */
  initiator: string | null;
  /** True when issued by an extension context (popup, options, service worker). */
  fromExtension: boolean;
}

export interface ConsoleEntry {
  /** `log`, `warn`, `error`… or `pageerror` for uncaught exceptions. */
  type: string;
  text: string;
}

export interface ElementInfo {
  tag: string;
  /** `textContent`, whitespace collapsed and trimmed. */
  text: string;
  attributes: Record<string, string>;
  /** `value` for inputs, textareas, selects; otherwise null. */
  value: string | null;
  visible: boolean;
  focused: boolean;
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: { target: unknown[]; html: string; failureSummary: string }[];
}

export interface HPage {
  readonly browser: BrowserName;
  /** Console messages and uncaught page errors, in order. */
  readonly consoleMessages: ConsoleEntry[];
  /** Current URL as the page itself reports it (`location.href`). */
  url(): Promise<string>;
  goto(url: string): Promise<void>;
  /** Runs `fn` in the page's main world. `fn` is serialised: it must not close over Node variables. */
  evaluate<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  /** Evaluates a script source (expression) in the page's main world. */
  evaluateSource<R = unknown>(source: string): Promise<R>;
  /** Focuses the element, then types `text` with real key events. */
  type(selector: string, text: string): Promise<void>;
  /** Sets `value` at once and fires `input` + `change` (for long or exotic strings typing would be slow). */
  fill(selector: string, value: string): Promise<void>;
  click(selector: string): Promise<void>;
  focus(selector: string): Promise<void>;
  /**
   * Presses a key on the focused element with real input events, e.g. `Enter`, `Tab`, `Shift+Tab`, `a`.
   * `CapsLock` throws: neither headless browser can turn the lock state on (see `pressWithCapsLock`).
   */
  press(key: string): Promise<void>;
  /**
   * Simulates typing `key` with Caps Lock on: SYNTHETIC (`isTrusted: false`) keydown/keyup events for
   * `CapsLock` then `key`, all with `getModifierState('CapsLock') === true`, on the element. No text is
   * inserted. The only way to exercise a Caps Lock warning in both headless browsers.
   */
  pressWithCapsLock(selector: string, key?: string): Promise<void>;
  /** First element matching the deep selector, described; null if none. */
  query(selector: string): Promise<ElementInfo | null>;
  queryAll(selector: string): Promise<ElementInfo[]>;
  /** `query('sesame-guide >>> ' + inner)`. */
  guide(inner: string): Promise<ElementInfo | null>;
  /** Polls `fn` in Node every 50 ms until it returns true; throws with `message` after `timeoutMs`. */
  waitFor(fn: () => boolean | Promise<boolean>, timeoutMs?: number, message?: string): Promise<void>;
  waitForSelector(selector: string, timeoutMs?: number): Promise<ElementInfo>;
  screenshot(path: string): Promise<void>;
  /** Resizes this page's viewport (CSS px), keeping the launch's device scale factor and emulation. */
  setViewport(size: { width: number; height: number }): Promise<void>;
  bringToFront(): Promise<void>;
  close(): Promise<void>;
  /** Escape hatch: the underlying Playwright or Puppeteer page. */
  readonly raw: unknown;
}

export interface Harness {
  readonly name: BrowserName;
  readonly locale: Locale;
  /** Chromium extension id, or the fixed Firefox internal UUID. */
  readonly extensionId: string;
  /** `chrome-extension://<id>` or `moz-extension://<uuid>` (no trailing slash). */
  readonly extensionOrigin: string;
  /** Every request seen so far, in order. */
  readonly requests: RecordedRequest[];
  /** Requests that no route answered (aborted). */
  blocked(): RecordedRequest[];
  /** Requests that left the browser sandbox or would have: everything but `internal`. */
  external(): RecordedRequest[];
  /** Later routes win over earlier ones for the same URL. */
  route(match: RouteMatcher, handler: RouteHandler): void;
  newPage(url?: string): Promise<HPage>;
  /** Opens an extension page (default `popup.html`) in a normal tab. */
  openExtensionPage(path?: string, query?: string | Record<string, string>): Promise<HPage>;
  /**
   * Does what a click on the toolbar button does for `page`'s tab (brought to the front first): grants
   * `activeTab` on it and opens the action popup. Chromium (CDP `Extensions.triggerAction`) returns the REAL
   * popup as an HPage. Firefox (privileged `browserAction.triggerAction` over BiDi) grants the same
   * permission and opens the popup, but the popup is not reachable over BiDi: it returns null, and the
   * grant can be exercised from any extension page of the harness (`openExtensionPage`).
   */
  triggerAction(page: HPage): Promise<HPage | null>;
  /** Every open page the harness knows about, including tabs opened by the extension. */
  pages(): HPage[];
  close(): Promise<void>;
}
