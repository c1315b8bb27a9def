import { type PopupSettings, parseSettings } from '@/lib/settings/parse';

/**
 * A synchronous copy of the popup settings in the extension's own `localStorage`, so the first password
 * can be drawn before the asynchronous `storage.local` read returns. It holds exactly what `storage.local`
 * holds (the five parsed setting fields, never a password) and is rewritten from it on every open.
 */
export const MIRROR_KEY = 'sesame.popupSettings';

type KeyValue = Pick<Storage, 'getItem' | 'setItem'>;

/** The copied settings, or null when there is none or it cannot be read (then the caller waits). */
export function readSettingsMirror(store: KeyValue | undefined): PopupSettings | null {
  try {
    const raw = store?.getItem(MIRROR_KEY);
    if (typeof raw !== 'string' || raw.length > 1000) return null;
    return parseSettings(JSON.parse(raw));
  } catch {
    return null;
  }
}

export function writeSettingsMirror(store: KeyValue | undefined, settings: PopupSettings): void {
  try {
    // Parsed again so nothing but the five setting fields can ever land here.
    store?.setItem(MIRROR_KEY, JSON.stringify(parseSettings(settings)));
  } catch {
    // Storage full or disabled: the next open simply waits for `storage.local`.
  }
}

/** This page's `localStorage`, or nothing: reading the getter itself throws where site data is blocked. */
export function localStorageOrNothing(): Storage | undefined {
  try {
    return localStorage;
  } catch {
    return undefined;
  }
}

export function sameSettings(a: PopupSettings, b: PopupSettings): boolean {
  return (
    a.mode === b.mode &&
    a.words === b.words &&
    a.length === b.length &&
    a.azertyEasy === b.azertyEasy &&
    a.avoidLookAlikes === b.avoidLookAlikes
  );
}
