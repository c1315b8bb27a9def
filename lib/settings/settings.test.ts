import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS, loadSettings, parseSettings, saveSettings, toGenerateOptions } from './settings';

describe('popup settings', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it('starts from the defaults: memorable, AZERTY-easy, no look-alikes', async () => {
    expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
    expect(DEFAULT_SETTINGS.mode).toBe('memorable');
    expect(DEFAULT_SETTINGS.azertyEasy).toBe(true);
  });

  it('round-trips through browser.storage.local', async () => {
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
    // Besides the value, @wxt-dev/storage may only add its own version metadata.
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
