import { describe, expect, it, vi } from 'vitest';
import type { StrengthEstimator } from './estimate';
import { publishStrength, STRENGTH_GLOBAL, strengthFromScript } from './script';

const fake: StrengthEstimator = {
  estimate: () => ({ score: 2, guessesLog10: 7, warning: null, suggestions: [], truncated: false }),
};

describe('strengthFromScript', () => {
  it('runs the script once, then reuses what it published', async () => {
    const realm = {};
    const run = vi.fn(async () => publishStrength(Promise.resolve(fake), realm));
    expect(await strengthFromScript(run, realm)).toBe(fake);
    expect(await strengthFromScript(run, realm)).toBe(fake);
    expect(run).toHaveBeenCalledOnce();
  });

  it('does not run the script when another context of the page already did', async () => {
    const realm = {};
    publishStrength(Promise.resolve(fake), realm);
    const run = vi.fn(async () => {});
    expect(await strengthFromScript(run, realm)).toBe(fake);
    expect(run).not.toHaveBeenCalled();
  });

  it('fails clearly when the script ran but published nothing or something else', async () => {
    await expect(strengthFromScript(async () => {}, {})).rejects.toThrow('guide-strength.js');
    const realm: Record<symbol, unknown> = { [STRENGTH_GLOBAL]: 'not a promise' };
    await expect(strengthFromScript(async () => {}, realm)).rejects.toThrow('did not publish');
  });

  it('propagates a failed import and a failed build, and retries after a failed build', async () => {
    await expect(strengthFromScript(() => Promise.reject(new Error('404')), {})).rejects.toThrow('404');
    const realm: Record<symbol, unknown> = {};
    let attempt = 0;
    const run = vi.fn(async () => {
      attempt++;
      publishStrength(attempt === 1 ? Promise.reject(new Error('boom')) : Promise.resolve(fake), realm);
    });
    await expect(strengthFromScript(run, realm)).rejects.toThrow('boom');
    expect(realm[STRENGTH_GLOBAL]).toBeUndefined();
    expect(await strengthFromScript(run, realm)).toBe(fake);
    expect(run).toHaveBeenCalledTimes(2);
  });
});
