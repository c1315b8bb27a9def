import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import * as z from 'zod/mini';
import {
  DEFAULT_SETTINGS,
  LENGTH_RANGE,
  loadSettings,
  parseSettings,
  saveSettings,
  toGenerateOptions,
  WORDS_RANGE,
} from './settings';

describe('popup settings', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it('starts from the defaults: memorable, AZERTY-easy, no look-alikes', async () => {
    expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
    expect(DEFAULT_SETTINGS.mode).toBe('memorable');
    expect(DEFAULT_SETTINGS.azertyEasy).toBe(true);
  });

  it('round-trips through storage.local (via @wxt-dev/storage)', async () => {
    const chosen = {
      mode: 'random',
      words: 5,
      length: 20,
      azertyEasy: false,
      avoidLookAlikes: false,
    } as const;
    await saveSettings(chosen);
    expect(await loadSettings()).toEqual(chosen);
    const raw = await fakeBrowser.storage.local.get(null);
    expect(raw.popupSettings).toEqual(chosen);
    expect(Object.keys(raw).filter((k) => !k.startsWith('popupSettings'))).toEqual([]);
  });

  it('never writes anything but the five settings', async () => {
    await saveSettings({ ...DEFAULT_SETTINGS, password: 'Secret1!' } as never);
    const raw = await fakeBrowser.storage.local.get(null);
    expect(JSON.stringify(raw)).not.toContain('Secret1!');
  });

  it('falls back field by field on corrupt values', async () => {
    await fakeBrowser.storage.local.set({
      popupSettings: { mode: 'pirate', words: 99, length: 12.5, azertyEasy: 'yes', avoidLookAlikes: false },
    });
    expect(await loadSettings()).toEqual({ ...DEFAULT_SETTINGS, avoidLookAlikes: false });
  });

  it('accepts any junk without throwing', () => {
    for (const junk of [
      null,
      undefined,
      42,
      'x',
      [],
      { words: Number.NaN },
      { length: '😀'.repeat(10_000) },
    ]) {
      expect(parseSettings(junk)).toEqual(DEFAULT_SETTINGS);
    }
  });

  it('reads settings saved by a defined item with version metadata, and writes only its own key', async () => {
    const saved = { mode: 'random', words: 4, length: 14, azertyEasy: false, avoidLookAlikes: true } as const;
    await fakeBrowser.storage.local.set({ popupSettings: saved, popupSettings$: { v: 1 } });
    expect(await loadSettings()).toEqual(saved);
    await saveSettings({ ...saved, length: 15 });
    expect(await fakeBrowser.storage.local.get(null)).toEqual({
      popupSettings: { ...saved, length: 15 },
      popupSettings$: { v: 1 },
    });
  });

  it('keeps defaults when storage throws', async () => {
    fakeBrowser.storage.local.get = () => Promise.reject(new Error('disk'));
    expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
  });
});

describe('toGenerateOptions', () => {
  it('passes only the options of the chosen mode, and the generator accepts them', async () => {
    const { generatePassword } = await import('@/lib/generate');
    const { createSeededRandom } = await import('@/lib/random/source');
    const { ENEJ_PROFILE, isCompliant } = await import('@/lib/rules');
    const memorable = toGenerateOptions({ ...DEFAULT_SETTINGS, words: 5, azertyEasy: false });
    expect(memorable).toEqual({ mode: 'memorable', words: 5, azertyEasy: false });
    const random = toGenerateOptions({
      ...DEFAULT_SETTINGS,
      mode: 'random',
      length: 9,
      avoidLookAlikes: false,
    });
    expect(random).toEqual({ mode: 'random', length: 9, avoidLookAlikes: false, azertyEasy: true });
    const made = generatePassword(ENEJ_PROFILE, random, createSeededRandom(1));
    expect(made.password).toHaveLength(9);
    expect(isCompliant(made.password, ENEJ_PROFILE)).toBe(true);
  });
});

// The hand-written check replaced this zod schema (kept here as the reference): same answer on any input.
const zodReference = z.object({
  mode: z.catch(z.enum(['memorable', 'random']), DEFAULT_SETTINGS.mode),
  words: z.catch(z.int().check(z.gte(WORDS_RANGE.min), z.lte(WORDS_RANGE.max)), DEFAULT_SETTINGS.words),
  length: z.catch(z.int().check(z.gte(LENGTH_RANGE.min), z.lte(LENGTH_RANGE.max)), DEFAULT_SETTINGS.length),
  azertyEasy: z.catch(z.boolean(), DEFAULT_SETTINGS.azertyEasy),
  avoidLookAlikes: z.catch(z.boolean(), DEFAULT_SETTINGS.avoidLookAlikes),
});

function reference(raw: unknown) {
  return zodReference.parse(typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? raw : {});
}

describe('parseSettings, field by field', () => {
  const nearValues = fc.oneof(
    fc.constantFrom('memorable', 'random', 'Random', ' random', '', 'pirate'),
    fc.integer({ min: -2, max: 40 }),
    fc.constantFrom(2.5, 12.0000001, -0, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53, 1e300, 3n, '5'),
    fc.boolean(),
    fc.constantFrom(0, 1, 'true', 'false', null, undefined, [], {}, [true]),
  );
  const settingsLike = fc.record(
    {
      mode: nearValues,
      words: nearValues,
      length: nearValues,
      azertyEasy: nearValues,
      avoidLookAlikes: nearValues,
      password: fc.string(),
    },
    { requiredKeys: [] },
  );

  it('agrees with the zod schema it replaced, on near-valid and arbitrary input', () => {
    fc.assert(
      fc.property(fc.oneof(settingsLike, fc.anything()), (raw) => {
        expect(parseSettings(raw)).toEqual(reference(raw));
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps valid values and replaces each invalid one with its default', () => {
    expect(
      parseSettings({ mode: 'random', words: 6, length: 32, azertyEasy: false, avoidLookAlikes: true }),
    ).toEqual({
      mode: 'random',
      words: 6,
      length: 32,
      azertyEasy: false,
      avoidLookAlikes: true,
    });
    expect(parseSettings({ words: 2, length: 33 })).toEqual(DEFAULT_SETTINGS);
    expect(parseSettings({ words: 4.5, length: 1e300, azertyEasy: 1, avoidLookAlikes: 'true' })).toEqual(
      DEFAULT_SETTINGS,
    );
    expect(parseSettings({ length: 2 ** 53 + 10, words: Number.POSITIVE_INFINITY })).toEqual(
      DEFAULT_SETTINGS,
    );
  });

  it('returns only the five fields, never anything else it was given', () => {
    const parsed = parseSettings({ ...DEFAULT_SETTINGS, password: 'Secret1!', __proto__: { mode: 'x' } });
    expect(Object.keys(parsed).sort()).toEqual(['avoidLookAlikes', 'azertyEasy', 'length', 'mode', 'words']);
    expect(JSON.stringify(parsed)).not.toContain('Secret1!');
  });

  it('survives throwing getters and proxies', () => {
    const hostile = new Proxy(
      {},
      {
        get() {
          throw new Error('trap');
        },
      },
    );
    expect(parseSettings(hostile)).toEqual(DEFAULT_SETTINGS);
    const oneBad = {
      mode: 'random',
      get words(): number {
        throw new Error('getter');
      },
    };
    expect(parseSettings(oneBad)).toEqual({ ...DEFAULT_SETTINGS, mode: 'random' });
  });
});
