import { afterEach, describe, expect, it, vi } from 'vitest';
import { ENEJ_PROFILE } from '@/lib/rules';
import type { StrengthEstimator, StrengthResult } from '@/lib/strength/estimate';
import { createGuideSession } from './session';

function setup(loadEstimator: () => Promise<StrengthEstimator> = () => new Promise(() => {})) {
  document.body.innerHTML =
    '<form><input id="cur" type="password"><input id="new" type="password"><input id="conf" type="password"></form>';
  const get = (id: string) => document.getElementById(id) as HTMLInputElement;
  const life = new AbortController();
  const session = createGuideSession({
    fields: { newPassword: get('new'), confirm: get('conf'), current: get('cur') },
    profile: ENEJ_PROFILE,
    signal: life.signal,
    loadEstimator,
    debounceMs: 10,
  });
  const type = (id: string, value: string) => {
    get(id).value = value;
    get(id).dispatchEvent(new Event('input', { bubbles: true }));
  };
  return { session, life, type, get };
}

const fakeEstimator: StrengthEstimator = {
  estimate: (p) => ({
    score: p.length > 12 ? 4 : 1,
    guessesLog10: 3,
    warning: null,
    suggestions: [],
    truncated: false,
  }),
};

describe('createGuideSession', () => {
  afterEach(() => {
    document.body.replaceChildren();
  });

  it('follows typing in each field', () => {
    const { session, type } = setup();
    const seen = vi.fn();
    session.subscribe(seen);
    type('new', 'Azerty123!');
    expect(session.getState().view.results.every((r) => r.met)).toBe(true);
    expect(session.getState().view.confirm).toBe('missing');
    type('conf', 'Azerty123!');
    expect(session.getState().view.allMet).toBe(true);
    expect(session.getState().announcement).toEqual([{ key: 'guide_announce_all', params: [] }]);
    type('cur', 'Azerty123!');
    expect(session.getState().view.sameAsCurrent).toBe(true);
    expect(seen).toHaveBeenCalledTimes(3);
  });

  it('loads the estimator only once typing starts, and debounces the estimate', async () => {
    const load = vi.fn(() => Promise.resolve(fakeEstimator));
    const { session, type } = setup(load);
    expect(load).not.toHaveBeenCalled();
    type('new', 'a');
    type('new', 'ab');
    type('new', 'Abcdefghijkl-9');
    expect(load).toHaveBeenCalledOnce();
    await vi.waitFor(() => expect(session.getState().strength?.score).toBe(4));
    type('new', '');
    expect(session.getState().strength).toBeNull();
  });

  it('estimates in slices when the estimator can, and drops an estimate the next keystroke outdates', async () => {
    // Each estimate waits until the test lets it finish, as slices wait for the page's turn.
    const pending: { password: string; signal?: AbortSignal; finish: () => void }[] = [];
    const sliced: StrengthEstimator = {
      estimate: () => {
        throw new Error('the guide estimates in slices');
      },
      estimateInSlices: (password, _inputs, _limits, slicing) =>
        new Promise((resolve, reject) => {
          const signal = slicing?.signal;
          signal?.addEventListener('abort', () => reject(signal.reason));
          pending.push({
            password,
            signal,
            finish: () => resolve({ ...(fakeEstimator.estimate(password) as StrengthResult) }),
          });
        }),
    };
    const { session, type } = setup(() => Promise.resolve(sliced));
    type('new', 'Abcdefghijkl-9');
    await vi.waitFor(() => expect(pending).toHaveLength(1));
    // The family types on while it runs: that estimate stops and never reaches the meter.
    type('new', 'Abc');
    expect(pending[0]?.signal?.aborted).toBe(true);
    pending[0]?.finish();
    await vi.waitFor(() => expect(pending).toHaveLength(2));
    expect(session.getState().strength).toBeNull();
    // Typing the confirmation meanwhile does not start the same estimate over.
    type('conf', 'A');
    await new Promise((r) => setTimeout(r, 30));
    expect(pending).toHaveLength(2);
    expect(pending[1]?.signal?.aborted).toBe(false);
    pending[1]?.finish();
    await vi.waitFor(() => expect(session.getState().strength?.score).toBe(1));
  });

  it('stops an estimate under way when the field is emptied or the guide goes', async () => {
    const signals: AbortSignal[] = [];
    const sliced: StrengthEstimator = {
      ...fakeEstimator,
      estimateInSlices: (_password, _inputs, _limits, slicing) => {
        if (slicing?.signal) signals.push(slicing.signal);
        return new Promise(() => {});
      },
    };
    const { session, life, type } = setup(() => Promise.resolve(sliced));
    type('new', 'Abcdefghijkl-9');
    await vi.waitFor(() => expect(signals).toHaveLength(1));
    type('new', '');
    expect(signals[0]?.aborted).toBe(true);
    expect(session.getState().strength).toBeNull();
    type('new', 'Abcdefghijkl-8');
    await vi.waitFor(() => expect(signals).toHaveLength(2));
    life.abort();
    expect(signals[1]?.aborted).toBe(true);
  });

  it('shows the checklist without strength when the estimator cannot load', async () => {
    const { session, type } = setup(() => Promise.reject(new Error('blocked')));
    type('new', 'abc');
    await vi.waitFor(() => expect(session.getState().strengthUnavailable).toBe(true));
    expect(session.getState().view.results[0]?.met).toBe(false);
  });

  it('notices Caps Lock on the page fields', () => {
    const { session, get } = setup();
    const key = (on: boolean) => {
      const e = new KeyboardEvent('keydown', { key: 'A', bubbles: true });
      Object.defineProperty(e, 'getModifierState', { value: (k: string) => k === 'CapsLock' && on });
      get('new').dispatchEvent(e);
    };
    key(true);
    expect(session.getState().capsLock).toBe(true);
    key(false);
    expect(session.getState().capsLock).toBe(false);
  });

  it('detaches everything when its lifetime ends', async () => {
    const load = vi.fn(() => Promise.resolve(fakeEstimator));
    const { session, life, type } = setup(load);
    const seen = vi.fn();
    session.subscribe(seen);
    life.abort();
    type('new', 'Azerty123!');
    expect(seen).not.toHaveBeenCalled();
    expect(load).not.toHaveBeenCalled();
    expect(session.getState().view.started).toBe(false);
  });

  it('fills both fields and the checklist follows', () => {
    const { session, get } = setup();
    expect(session.fill('Lune-Vent-42!x')).toEqual({ ok: true });
    expect(get('conf').value).toBe('Lune-Vent-42!x');
    expect(session.getState().view.confirm).toBe('ok');
  });
});
