import { storage } from '@wxt-dev/storage';
import * as z from 'zod/mini';
import { DEFAULT_MEMORABLE, DEFAULT_RANDOM, type GenerateOptions } from '@/lib/generate';

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

// Field by field fallback: one corrupt or out-of-range value (an older version, a hand-edited profile)
// costs that field only, not the family's other choices.
const settingsSchema = z.object({
  mode: z.catch(z.enum(['memorable', 'random']), DEFAULT_SETTINGS.mode),
  words: z.catch(z.int().check(z.gte(WORDS_RANGE.min), z.lte(WORDS_RANGE.max)), DEFAULT_SETTINGS.words),
  length: z.catch(z.int().check(z.gte(LENGTH_RANGE.min), z.lte(LENGTH_RANGE.max)), DEFAULT_SETTINGS.length),
  azertyEasy: z.catch(z.boolean(), DEFAULT_SETTINGS.azertyEasy),
  avoidLookAlikes: z.catch(z.boolean(), DEFAULT_SETTINGS.avoidLookAlikes),
});

/** Validates whatever storage returned; never throws. */
export function parseSettings(raw: unknown): PopupSettings {
  const input = typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? raw : {};
  return settingsSchema.parse(input);
}

export const settingsItem = storage.defineItem<PopupSettings>('local:popupSettings', {
  fallback: { ...DEFAULT_SETTINGS },
  version: 1,
});

export async function loadSettings(): Promise<PopupSettings> {
  try {
    return parseSettings(await settingsItem.getValue());
  } catch {
    // Storage unavailable (e.g. a disabled profile directory): the popup still works with defaults.
    return { ...DEFAULT_SETTINGS };
  }
}

export async function saveSettings(settings: PopupSettings): Promise<void> {
  await settingsItem.setValue(parseSettings(settings));
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
