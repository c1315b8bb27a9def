/**
 * How the popup page is framed. `panel`: the desktop toolbar popup, which the browser sizes to its content,
 * so the page must give itself a width. `page`: a tab, or Firefox for Android's popup, which fills the
 * screen: the page follows the window's width, down to 320 px.
 */
export type PopupView = 'panel' | 'page';

export interface ViewSignals {
  /**
   * Whether the browser lists this window among the extension's popup views (`extension.getViews`);
   * `null` when it could not say.
   */
  inPopupViews: boolean | null;
  userAgent: string;
}

/** Firefox for Android (and the Chromium browsers of Android that run extensions) say so in their UA. */
export function isAndroid(userAgent: string): boolean {
  return /\bAndroid\b/i.test(userAgent);
}

export function popupView({ inPopupViews, userAgent }: ViewSignals): PopupView {
  // On Android the "popup" is a full-screen page even though the browser lists it as a popup view.
  if (isAndroid(userAgent)) return 'page';
  // Unknown on a desktop: a panel without a width collapses to a sliver, a tab with one only scrolls.
  return inPopupViews === false ? 'page' : 'panel';
}

/**
 * What the manifest appends to the toolbar popup's page (`wxt.config.ts`), so the popup's first script knows
 * it is the toolbar panel before it may touch the extension API (`extension.getViews` says the same, later).
 */
export const PANEL_QUERY = 'view=panel';
const [PANEL_PARAM, PANEL_VALUE] = PANEL_QUERY.split('=') as [string, string];

/** The frame the page's own address declares: the manifest's toolbar popup, or a tab. */
export function viewFromAddress(search: string, userAgent: string): PopupView {
  const declared = new URLSearchParams(search).get(PANEL_PARAM) === PANEL_VALUE;
  return popupView({ inPopupViews: declared, userAgent });
}
