import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '@/lib/settings/parse';
import { labelsFor } from './first-labels';
import { handOver, takeOver } from './first-paint';

describe('first paint hand-over', () => {
  it('gives the painted password to the full popup once, then forgets it', () => {
    const page = {};
    const painted = {
      settings: { ...DEFAULT_SETTINGS, words: 5 },
      password: 'Loup-Pomme-Lune-Sac-218',
      entropyBits: 62,
      heldClicks: () => [],
    };
    handOver(painted, page);
    expect(takeOver(page)).toEqual(painted);
    expect(takeOver(page)).toBeUndefined();
    expect(Object.getOwnPropertySymbols(page)).toEqual([]);
  });

  it('is nothing when nothing was painted, or when what is there is not a painted password', () => {
    expect(takeOver({})).toBeUndefined();
    for (const junk of [null, 'x', { password: '', entropyBits: 1 }, { password: 'abc' }]) {
      const page = { [Symbol.for('sesame.popupFirstPaint')]: junk };
      expect(takeOver(page)).toBeUndefined();
      expect(Object.getOwnPropertySymbols(page)).toEqual([]);
    }
  });

  it('always gives a way to release held clicks', () => {
    const page = {};
    handOver(
      { settings: DEFAULT_SETTINGS, password: 'Abc-123', entropyBits: 1, heldClicks: 'x' } as never,
      page,
    );
    expect(takeOver(page)?.heldClicks()).toEqual([]);
  });

  it('validates the settings again', () => {
    const page = {};
    handOver(
      { settings: { mode: 'x' } as never, password: 'Abc-123', entropyBits: 1, heldClicks: () => [] },
      page,
    );
    expect(takeOver(page)?.settings).toEqual(DEFAULT_SETTINGS);
  });

  it('passes the stored labels the view was painted with, and marks unreadable ones', () => {
    const settings = { ...DEFAULT_SETTINGS };
    const labels = labelsFor((key) => `«${key}»`, 'fr', settings);
    const base = { settings, password: 'Abc-123', entropyBits: 1, heldClicks: () => [] };
    let page = {};
    handOver({ ...base, labels }, page);
    expect(takeOver(page)?.labels).toEqual(labels);
    page = {};
    handOver({ ...base, labels: { ...labels, lang: 'xx' } as never }, page);
    const taken = takeOver(page);
    expect(taken && 'labels' in taken && taken.labels).toBeNull();
    page = {};
    handOver(base, page);
    expect(takeOver(page)).not.toHaveProperty('labels');
  });
});
