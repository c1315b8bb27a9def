import { describe, expect, it } from 'vitest';
import { loadStrengthEstimator } from './index';

describe('loadStrengthEstimator', () => {
  it('loads zxcvbn once and shares the estimator', async () => {
    const [a, b] = await Promise.all([loadStrengthEstimator(), loadStrengthEstimator()]);
    expect(a).toBe(b);
    expect(await loadStrengthEstimator()).toBe(a);
  });

  it('rates with the French dictionaries and the AZERTY keyboard', async () => {
    const estimator = await loadStrengthEstimator();
    // "Soleil" is only in the French word list; "qsdfgh" is a row on AZERTY, not on QWERTY.
    expect(estimator.estimate('soleil').score).toBe(0);
    expect(estimator.estimate('qsdfghj').warning?.key).toBe('strength_warning_straight_row');
    expect(estimator.estimate('Girafe-Tulipe-Nuage-Poire-47').score).toBe(4);
  });
});
