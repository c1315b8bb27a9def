import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { debounce } from './debounce';

describe('debounce', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('runs once with the last arguments after the quiet period', () => {
    const fn = vi.fn();
    const d = debounce(fn, 150, new AbortController().signal);
    d.call(1);
    vi.advanceTimersByTime(100);
    d.call(2);
    vi.advanceTimersByTime(149);
    expect(fn).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(fn).toHaveBeenCalledOnce();
    expect(fn).toHaveBeenCalledWith(2);
  });

  it('drops the pending call when its lifetime ends', () => {
    const fn = vi.fn();
    const life = new AbortController();
    const d = debounce(fn, 150, life.signal);
    d.call(1);
    life.abort();
    vi.advanceTimersByTime(1000);
    d.call(2);
    vi.advanceTimersByTime(1000);
    expect(fn).not.toHaveBeenCalled();
    expect(vi.getTimerCount()).toBe(0);
  });
});
