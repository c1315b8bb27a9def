import { storage } from '@wxt-dev/storage';
import { DEFAULT_SETTINGS, type PopupSettings, parseSettings } from './parse';

export * from './parse';

/** The `storage.local` key of the settings (`local:popupSettings` for `@wxt-dev/storage`). */
export const SETTINGS_KEY = 'popupSettings';
const ITEM = `local:${SETTINGS_KEY}` as const;

// `storage.getItem`/`setItem` rather than `storage.defineItem`: a defined item with a version starts its
// migration reads as soon as the module loads, and the popup's first script must do nothing before it
// has drawn the first password. One key, validated on every read.
export async function loadSettings(): Promise<PopupSettings> {
  try {
    return parseSettings(await storage.getItem<unknown>(ITEM));
  } catch {
    // Storage unavailable (e.g. a disabled profile directory): the popup still works with defaults.
    return { ...DEFAULT_SETTINGS };
  }
}

export async function saveSettings(settings: PopupSettings): Promise<void> {
  await storage.setItem(ITEM, parseSettings(settings));
}
