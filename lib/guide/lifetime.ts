/** The one thing a lifetime needs from its parent: a way to hear that the parent ended. */
export interface Invalidatable {
  /** Registers `cb` for the parent's end; returns a function that unregisters it. */
  onInvalidated(cb: () => void): () => void;
}

/**
 * A lifetime that ends with `parent` or earlier. When it ends first, it unregisters itself from `parent`:
 * a content script lives as long as the tab, and one forgotten registration per remount would keep every
 * replaced form (and its session) alive until the tab closes.
 */
export function childLifetime(parent: Invalidatable): AbortController {
  const life = new AbortController();
  const forget = parent.onInvalidated(() => life.abort());
  life.signal.addEventListener('abort', forget, { once: true });
  return life;
}

/**
 * `ctx` as seen by code that ties its cleanup to `ctx.onInvalidated` (WXT's `createShadowRootUi` does, once
 * per UI, and never unregisters): the same object for everything else, but ending with `signal`, so that
 * cleanup is released when the UI goes rather than when the whole script does.
 */
export function scopedContext<T extends Invalidatable>(ctx: T, signal: AbortSignal): T {
  const scoped = Object.create(ctx) as T;
  scoped.onInvalidated = (cb) => {
    signal.addEventListener('abort', cb, { once: true });
    return () => signal.removeEventListener('abort', cb);
  };
  return scoped;
}
