import { forgetSite, listSites, rememberSite, type SitesApi } from './sites';

export interface SiteActionsLike {
  list(): Promise<string[]>;
  remember(pattern: string): Promise<'remembered' | 'refused' | 'not-possible'>;
  forget(pattern: string): Promise<void>;
}

/**
 * The popup's handle on remembered sites. `browser.permissions` and `browser.scripting` are read on each
 * call, not here: Firefox builds an API namespace on first access, which the popup's first paint need not
 * pay for.
 */
export function siteActions(browser: unknown): SiteActionsLike {
  const api = () => browser as SitesApi;
  return {
    list: async () => listSites(api()),
    // Not async: the permission request must leave synchronously from the click that called us.
    remember: (pattern) => rememberSite(api(), pattern),
    forget: async (pattern) => forgetSite(api(), pattern),
  };
}
