import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { reconcile, type SitesApi } from '@/lib/sites/sites';

// Only keeps the guide's registrations in step with the sites the family allowed (lib/sites). An event
// page in Firefox (Android may kill a persistent one), a service worker in Chrome: it wakes for a
// permission change or a browser start, does its few calls, and sleeps. It makes no network request.
export default defineBackground({
  persistent: false,
  main() {
    const api = browser as unknown as SitesApi;
    const sync = () => {
      reconcile(api).catch(() => {
        // A file missing from the package or a browser without `scripting`: the popup still shows the
        // site, and its "Oublier ce site" still removes the permission.
      });
    };
    // Listeners first and synchronously: a worker woken by one of these events only delivers it to
    // listeners added before its first turn ends.
    browser.permissions.onAdded.addListener(sync);
    browser.permissions.onRemoved.addListener(sync);
    browser.runtime.onStartup.addListener(sync);
    browser.runtime.onInstalled.addListener(sync);
    sync();
  },
});
