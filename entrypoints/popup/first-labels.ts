import { LANGS, type Lang, type Translate } from '@/lib/i18n/catalog';
import type { PopupSettings } from '@/lib/settings/parse';

/**
 * The texts of the popup's first view as the browser translated them at the last open, beside the settings
 * mirror in the extension's own `localStorage`, so `popup-first.js` can paint without touching the
 * extension API, whose objects Firefox builds for the page on first use. Measured in Firefox, six paired runs
 * of 15 back-to-back loads each: the first script translating through `chrome.i18n` painted 1.00–1.41× a
 * static page (median 1.22×), the same script with stored texts 0.90–1.19× (median 1.08×). Interface text
 * only, never a password; rewritten by the full popup on every open and whenever the settings change, and
 * checked against the live translation at the takeover (a new browser language or an updated extension
 * repaints the view in the right words).
 */
export const LABELS_KEY = 'sesame.popupLabels';

/** Every key `paintFirstView` translates without a parameter (`first-labels.test.ts` holds it to that). */
export const FIRST_VIEW_KEYS = [
  'popup_title',
  'popup_subtitle',
  'popup_mode_legend',
  'popup_mode_memorable',
  'popup_mode_random',
  'popup_password_label',
  'pw_legend',
  'popup_generate',
  'pw_copy',
  'popup_options',
  'popup_words',
  'popup_azerty',
  'popup_lookalikes',
  'popup_print',
] as const;
/** The one parameterised text of the first view, kept for the length it was written for. */
export const LENGTH_KEY = 'popup_length';
/** Every text a record holds. */
const STORED_KEYS: readonly string[] = [...FIRST_VIEW_KEYS, LENGTH_KEY];

export interface FirstLabels {
  lang: Lang;
  /** The random length `texts.popup_length` was translated with. */
  length: number;
  texts: Readonly<Record<string, string>>;
}

// A label is a short sentence; anything longer is not what this module wrote.
const MAX_TEXT = 300;

export function labelsFor(t: Translate, lang: Lang, settings: PopupSettings): FirstLabels {
  const texts: Record<string, string> = {};
  for (const key of FIRST_VIEW_KEYS) texts[key] = t(key);
  texts[LENGTH_KEY] = t(LENGTH_KEY, [String(settings.length)]);
  return { lang, length: settings.length, texts };
}

/** Whether a view painted with `a` reads as one painted with `b`. */
export function sameLabels(a: FirstLabels, b: FirstLabels): boolean {
  if (a.lang !== b.lang || a.length !== b.length) return false;
  for (const key of STORED_KEYS) if (a.texts[key] !== b.texts[key]) return false;
  return true;
}

type KeyValue = Pick<Storage, 'getItem' | 'setItem'>;

/**
 * The stored labels when they are whole and fit `settings` (same random length), else null: the first
 * script then translates through the extension API as before.
 */
export function readFirstLabels(store: KeyValue | undefined, settings: PopupSettings): FirstLabels | null {
  try {
    const raw = store?.getItem(LABELS_KEY);
    if (typeof raw !== 'string' || raw.length > 20_000) return null;
    return parseFirstLabels(JSON.parse(raw), settings);
  } catch {
    return null;
  }
}

/** `value` as labels for `settings`, keeping only the known keys; null when anything is missing or off. */
export function parseFirstLabels(value: unknown, settings: PopupSettings): FirstLabels | null {
  try {
    if (typeof value !== 'object' || value === null) return null;
    const { lang, length, texts } = value as Partial<FirstLabels>;
    if (!(LANGS as readonly unknown[]).includes(lang)) return null;
    if (length !== settings.length || typeof texts !== 'object' || texts === null) return null;
    const kept: Record<string, string> = {};
    // An index loop: this runs before the first paint, where Firefox runs `for…of` as cold self-hosted script.
    for (let i = 0; i < STORED_KEYS.length; i++) {
      const key = STORED_KEYS[i] as string;
      const text: unknown = Object.hasOwn(texts, key) ? (texts as Record<string, unknown>)[key] : undefined;
      if (typeof text !== 'string' || text === '' || text.length > MAX_TEXT) return null;
      kept[key] = text;
    }
    return { lang: lang as Lang, length, texts: kept };
  } catch {
    // A throwing getter: not labels this module wrote.
    return null;
  }
}

export function writeFirstLabels(store: KeyValue | undefined, labels: FirstLabels): void {
  try {
    store?.setItem(LABELS_KEY, JSON.stringify(labels));
  } catch {
    // Storage full or disabled: the next first paint translates through the API.
  }
}

/**
 * A translator over stored labels. Throws on a key or length it does not hold, which stops the first paint
 * (the full popup then draws alone) rather than paint a key name.
 */
export function labelsTranslate(labels: FirstLabels): Translate {
  return (key, params) => {
    const text = Object.hasOwn(labels.texts, key) ? labels.texts[key] : undefined;
    // Only `popup_length` takes a parameter, and only the length it was stored for.
    const paramsHeld =
      key === LENGTH_KEY ? params?.length === 1 && params[0] === String(labels.length) : params === undefined;
    if (text === undefined || !paramsHeld) throw new Error(`no stored label for ${key}`);
    return text;
  };
}
