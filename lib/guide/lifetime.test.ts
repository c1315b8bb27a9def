import { describe, expect, it, vi } from 'vitest';
import { childLifetime, type Invalidatable, scopedContext } from './lifetime';

/** A parent lifetime that counts its registrations, like WXT's context does with its abort signal. */
function parent() {
  const controller = new AbortController();
  const registered = new Set<() => void>();
  const ctx = {
    options: { name: 'parent' },
    get isInvalid() {
      return controller.signal.aborted;
    },
    onInvalidated(cb: () => void) {
      registered.add(cb);
      controller.signal.addEventListener('abort', cb);
      return () => {
        registered.delete(cb);
        controller.signal.removeEventListener('abort', cb);
      };
    },
  } satisfies Invalidatable & Record<string, unknown>;
  return { ctx, end: () => controller.abort(), registered };
}

describe('childLifetime', () => {
  it('ends with its parent', () => {
    const p = parent();
    const life = childLifetime(p.ctx);
    expect(life.signal.aborted).toBe(false);
    p.end();
    expect(life.signal.aborted).toBe(true);
  });

  it('leaves nothing registered on the parent once it ended first', () => {
    const p = parent();
    for (let i = 0; i < 100; i++) childLifetime(p.ctx).abort();
    expect(p.registered.size).toBe(0);
    const live = childLifetime(p.ctx);
    expect(p.registered.size).toBe(1);
    live.abort();
    expect(p.registered.size).toBe(0);
  });
});

describe('scopedContext', () => {
  it('runs cleanup when its own signal ends, without registering on the parent', () => {
    const p = parent();
    const life = new AbortController();
    const scoped = scopedContext(p.ctx, life.signal);
    const cleanup = vi.fn();
    scoped.onInvalidated(cleanup);
    expect(p.registered.size).toBe(0);
    life.abort();
    expect(cleanup).toHaveBeenCalledOnce();
  });

  it('unregisters a cleanup on request', () => {
    const life = new AbortController();
    const scoped = scopedContext(parent().ctx, life.signal);
    const cleanup = vi.fn();
    scoped.onInvalidated(cleanup)();
    life.abort();
    expect(cleanup).not.toHaveBeenCalled();
  });

  it("reads everything else from the parent, getters included, and leaves the parent's method alone", () => {
    const p = parent();
    const scoped = scopedContext(p.ctx, new AbortController().signal);
    expect(scoped.options).toEqual({ name: 'parent' });
    expect(scoped.isInvalid).toBe(false);
    p.end();
    expect(scoped.isInvalid).toBe(true);
    expect(Object.hasOwn(p.ctx, 'onInvalidated')).toBe(true);
    expect(p.ctx.onInvalidated).not.toBe(scoped.onInvalidated);
  });
});
