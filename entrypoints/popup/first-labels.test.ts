import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { paintFirstView } from '@/components/popup/first-view';
import { isolatingTranslate, type Lang, type Translate, translatorFromCatalog } from '@/lib/i18n/catalog';
import { loadCatalog } from '@/lib/i18n/load-catalog';
import { DEFAULT_SETTINGS, LENGTH_RANGE, type PopupSettings, WORDS_RANGE } from '@/lib/settings/parse';
import { memoryStore } from '@/tests/unit/support/memory-store';
import {
  FIRST_VIEW_KEYS,
  type FirstLabels,
  LABELS_KEY,
  LENGTH_KEY,
  labelsFor,
  labelsTranslate,
  parseFirstLabels,
  readFirstLabels,
  sameLabels,
  writeFirstLabels,
} from './first-labels';

const catalog = loadCatalog(resolve(__dirname, '../../locales'));
const translator = (lang: Lang) => isolatingTranslate(translatorFromCatalog(catalog, lang), lang);

const SETTINGS: PopupSettings[] = [
  { ...DEFAULT_SETTINGS },
  { ...DEFAULT_SETTINGS, words: WORDS_RANGE.max, azertyEasy: false },
  { ...DEFAULT_SETTINGS, mode: 'random', length: LENGTH_RANGE.min, avoidLookAlikes: true },
  { ...DEFAULT_SETTINGS, mode: 'random', length: 23, azertyEasy: false, avoidLookAlikes: false },
];
const PASSWORD = 'Girafe-Tulipe-Lune-472';

function painted(t: Translate, settings: PopupSettings): string {
  const root = document.createElement('div');
  paintFirstView(root, { t, settings, password: PASSWORD });
  return root.innerHTML;
}

describe('first view labels', () => {
  it('hold every text the first view translates, and the length text for the settings', () => {
    const used = new Set<string>();
    for (const settings of SETTINGS) {
      const t = translator('fr');
      paintFirstView(document.createElement('div'), {
        settings,
        password: PASSWORD,
        t: (key, params) => {
          used.add(params ? `${key}(${params.join(',')})` : key);
          return t(key, params);
        },
      });
    }
    const lengths = SETTINGS.filter((s) => s.mode === 'random').map((s) => `${LENGTH_KEY}(${s.length})`);
    expect([...used].sort()).toEqual([...FIRST_VIEW_KEYS, ...lengths].sort());
  });

  for (const lang of ['fr', 'en', 'ar', 'uk'] as const)
    it(`paint the very view the browser's translation paints (${lang})`, () => {
      for (const settings of SETTINGS) {
        const t = translator(lang);
        const stored = readFirstLabels(writtenStore(labelsFor(t, lang, settings)), settings);
        expect(stored).not.toBeNull();
        expect(painted(labelsTranslate(stored as FirstLabels), settings)).toBe(painted(t, settings));
      }
    });

  it('come back from storage as written, and hold no password', () => {
    const settings = SETTINGS[2] as PopupSettings;
    const labels = labelsFor(translator('ar'), 'ar', settings);
    const store = writtenStore(labels);
    expect([...store.data.keys()]).toEqual([LABELS_KEY]);
    expect(readFirstLabels(store, settings)).toEqual(labels);
    expect(store.data.get(LABELS_KEY)).not.toContain(PASSWORD);
  });

  it('are not used for other settings, or when anything in them is missing or odd', () => {
    const settings = SETTINGS[2] as PopupSettings;
    const good = labelsFor(translator('fr'), 'fr', settings);
    const variants: unknown[] = [
      null,
      'text',
      [],
      { ...good, lang: 'de' },
      { ...good, length: settings.length + 1 },
      { ...good, length: String(settings.length) },
      { ...good, texts: null },
      { ...good, texts: { ...good.texts, popup_title: '' } },
      { ...good, texts: { ...good.texts, popup_title: 7 } },
      { ...good, texts: { ...good.texts, popup_title: 'x'.repeat(301) } },
      { ...good, texts: Object.fromEntries(Object.entries(good.texts).filter(([k]) => k !== 'pw_copy')) },
      { ...good, texts: Object.create(good.texts) },
    ];
    for (const value of variants) {
      expect(parseFirstLabels(value, settings)).toBeNull();
      expect(readFirstLabels(memoryStore({ [LABELS_KEY]: JSON.stringify(value) }), settings)).toBeNull();
    }
    expect(readFirstLabels(writtenStore(good), { ...settings, length: settings.length + 1 })).toBeNull();
    expect(readFirstLabels(memoryStore({ [LABELS_KEY]: '{not json' }), settings)).toBeNull();
    expect(readFirstLabels(memoryStore({ [LABELS_KEY]: ' '.repeat(20_001) }), settings)).toBeNull();
    expect(readFirstLabels(memoryStore(), settings)).toBeNull();
    expect(readFirstLabels(undefined, settings)).toBeNull();
    const throwing = {
      getItem: () => {
        throw new Error('blocked');
      },
      setItem: () => {
        throw new Error('full');
      },
    };
    expect(readFirstLabels(throwing, settings)).toBeNull();
    expect(() => writeFirstLabels(throwing, good)).not.toThrow();
  });

  it('keep only the known texts', () => {
    const settings = SETTINGS[0] as PopupSettings;
    const good = labelsFor(translator('fr'), 'fr', settings);
    const read = parseFirstLabels({ ...good, texts: { ...good.texts, extra: 'x' }, more: 1 }, settings);
    expect(read).toEqual(good);
  });

  it('translate only what they hold: another key, or the length text with other numbers, throws', () => {
    const settings = SETTINGS[3] as PopupSettings;
    const t = labelsTranslate(labelsFor(translator('fr'), 'fr', settings));
    expect(t('popup_title')).toBe(translator('fr')('popup_title'));
    expect(t(LENGTH_KEY, [String(settings.length)])).toBe(
      translator('fr')(LENGTH_KEY, [String(settings.length)]),
    );
    expect(() => t(LENGTH_KEY, ['9'])).toThrow();
    expect(() => t(LENGTH_KEY)).toThrow();
    expect(() => t('popup_title', ['x'])).toThrow();
    expect(() => t('guide_title')).toThrow();
    expect(() => t('constructor')).toThrow();
  });

  it('tell a change of language or of any text', () => {
    const settings = SETTINGS[0] as PopupSettings;
    const fr = labelsFor(translator('fr'), 'fr', settings);
    expect(sameLabels(fr, labelsFor(translator('fr'), 'fr', settings))).toBe(true);
    expect(sameLabels(fr, labelsFor(translator('en'), 'en', settings))).toBe(false);
    expect(sameLabels(fr, { ...fr, texts: { ...fr.texts, pw_copy: 'Copier !' } })).toBe(false);
    expect(sameLabels(fr, { ...fr, texts: { ...fr.texts, [LENGTH_KEY]: 'x' } })).toBe(false);
    expect(sameLabels(fr, { ...fr, length: fr.length + 1 })).toBe(false);
  });
});

function writtenStore(labels: FirstLabels) {
  const store = memoryStore();
  writeFirstLabels(store, labels);
  return store;
}
