import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type PopupSettings } from '@/lib/settings/settings';
import { memoryStore } from '@/tests/unit/support/memory-store';
import { MIRROR_KEY, readSettingsMirror, sameSettings, writeSettingsMirror } from './settings-mirror';

const random: PopupSettings = {
  mode: 'random',
  words: 4,
  length: 20,
  azertyEasy: false,
  avoidLookAlikes: true,
};

describe('settings mirror', () => {
  it('round-trips the settings and nothing else', () => {
    const store = memoryStore();
    writeSettingsMirror(store, { ...random, password: 'Secret-1!' } as PopupSettings);
    expect(readSettingsMirror(store)).toEqual(random);
    expect(store.data.get(MIRROR_KEY)).not.toContain('Secret');
  });

  it('has nothing to say when empty, corrupt, huge or unavailable', () => {
    expect(readSettingsMirror(memoryStore())).toBeNull();
    expect(readSettingsMirror(memoryStore({ [MIRROR_KEY]: '{not json' }))).toBeNull();
    expect(readSettingsMirror(memoryStore({ [MIRROR_KEY]: `"${'😀'.repeat(10_000)}"` }))).toBeNull();
    expect(readSettingsMirror(undefined)).toBeNull();
    const throwing = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    expect(readSettingsMirror(throwing)).toBeNull();
    expect(() => writeSettingsMirror(throwing, random)).not.toThrow();
  });

  it('repairs bad fields field by field, like storage', () => {
    const store = memoryStore({ [MIRROR_KEY]: JSON.stringify({ ...random, length: 9999 }) });
    expect(readSettingsMirror(store)).toEqual({ ...random, length: DEFAULT_SETTINGS.length });
  });

  it('compares every field', () => {
    expect(sameSettings(random, { ...random })).toBe(true);
    for (const key of Object.keys(random) as (keyof PopupSettings)[]) {
      const other = {
        ...random,
        [key]: key === 'mode' ? 'memorable' : typeof random[key] === 'boolean' ? !random[key] : 5,
      };
      expect(sameSettings(random, other as PopupSettings), key).toBe(false);
    }
  });
});
