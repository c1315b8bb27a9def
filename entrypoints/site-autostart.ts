import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { AUTOSTART_KEY } from '@/lib/sites/sites';

// Registered just before the guide's content script on the sites a family chose (lib/sites): both run in
// the same isolated world, so this flag tells the guide to start by itself there, as it does on ENEJ.
export default defineUnlistedScript(() => {
  (globalThis as unknown as Record<symbol, boolean>)[AUTOSTART_KEY] = true;
});
