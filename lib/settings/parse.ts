import { DEFAULT_MEMORABLE, DEFAULT_RANDOM, type GenerateOptions } from '@/lib/generate';

// No storage here: the popup's first script (`popup-first.js`) reads the settings mirror with these
// alone, and `@wxt-dev/storage` would more than double it. `settings.ts` adds `storage.local`.

/**
 * The popup's generator choices. Only these five fields are ever written to storage: a password, even the
 * last one shown, never is (the schema strips anything else on read and `saveSettings` writes only the
 * parsed object).
 */
export interface PopupSettings {
  mode: 'memorable' | 'random';
  /** Words in a memorable password. */
  words: number;
  /** Characters in a random password. */
  length: number;
  /** Use only specials that need no AltGr and no dead key on a French keyboard. */
  azertyEasy: boolean;
  /** Random mode: leave out l, I, 1, O, 0 and the like. */
  avoidLookAlikes: boolean;
}

export const WORDS_RANGE = { min: 3, max: 6 } as const;
// ENEJ asks for 8; the upper bound keeps the popup readable and the password typeable by a child.
export const LENGTH_RANGE = { min: 8, max: 32 } as const;

// The generator's own defaults, so the popup and the guide's "generate" suggest the same kind of password.
export const DEFAULT_SETTINGS: Readonly<PopupSettings> = Object.freeze({
  mode: 'memorable',
  words: DEFAULT_MEMORABLE.words,
  length: DEFAULT_RANDOM.length,
  azertyEasy: DEFAULT_MEMORABLE.azertyEasy,
  avoidLookAlikes: DEFAULT_RANDOM.avoidLookAlikes,
});

const isInt = (min: number, max: number) => (v: unknown) =>
  typeof v === 'number' && Number.isSafeInteger(v) && v >= min && v <= max;
const isBoolean = (v: unknown) => typeof v === 'boolean';
const isMode = (v: unknown) => v === 'memorable' || v === 'random';

/**
 * Validates whatever storage returned; never throws. Field by field fallback: one corrupt or out-of-range
 * value (an older version, a hand-edited profile) costs that field only, not the family's other choices.
 * Written by hand rather than with zod: it runs before the popup's first password, and zod would be most of
 * that script.
 */
export function parseSettings(raw: unknown): PopupSettings {
  const input: Record<string, unknown> =
    typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  const field = <T>(key: keyof PopupSettings, valid: (v: unknown) => boolean, fallback: T): T => {
    try {
      const value = input[key];
      return valid(value) ? (value as T) : fallback;
    } catch {
      // A throwing getter or proxy trap: that field only falls back.
      return fallback;
    }
  };
  return {
    mode: field('mode', isMode, DEFAULT_SETTINGS.mode),
    words: field('words', isInt(WORDS_RANGE.min, WORDS_RANGE.max), DEFAULT_SETTINGS.words),
    length: field('length', isInt(LENGTH_RANGE.min, LENGTH_RANGE.max), DEFAULT_SETTINGS.length),
    azertyEasy: field('azertyEasy', isBoolean, DEFAULT_SETTINGS.azertyEasy),
    avoidLookAlikes: field('avoidLookAlikes', isBoolean, DEFAULT_SETTINGS.avoidLookAlikes),
  };
}

/** The generator options (`lib/generate`) these settings stand for. */
export function toGenerateOptions(settings: PopupSettings): GenerateOptions {
  return settings.mode === 'memorable'
    ? { mode: 'memorable', words: settings.words, azertyEasy: settings.azertyEasy }
    : {
        mode: 'random',
        length: settings.length,
        avoidLookAlikes: settings.avoidLookAlikes,
        azertyEasy: settings.azertyEasy,
      };
}
