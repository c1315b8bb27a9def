import type { StrengthEstimator } from './estimate';

/**
 * The strength code ships once per package, as the unlisted script `guide-strength.js`: the content script
 * cannot split chunks, so the popup loads that same file instead of bundling its own copy of zxcvbn and
 * the dictionaries (~1 MB gzipped each time). The script is not a module with exports (WXT builds unlisted
 * scripts as IIFEs), so it hands the estimator over through this well-known symbol in the realm it runs in.
 */
export const STRENGTH_SCRIPT = '/guide-strength.js';
export const STRENGTH_GLOBAL: unique symbol = Symbol.for('sesame.strength') as never;

type Slot = Record<symbol, unknown>;

/** Called by `guide-strength.js` itself: publishes the (loading) estimator for whoever imported it. */
export function publishStrength(estimator: Promise<StrengthEstimator>, realm: object = globalThis): void {
  (realm as Slot)[STRENGTH_GLOBAL] = estimator;
}

/**
 * Runs `runScript` (which must import `STRENGTH_SCRIPT` by URL: the import has to be written at the call
 * site, where AMO's linter can see `import(chrome.runtime.getURL(…))`) unless the estimator is already
 * published, then returns it. Concurrent callers share one import; a failed one is retried next time.
 */
export async function strengthFromScript(
  runScript: () => Promise<unknown>,
  realm: object = globalThis,
): Promise<StrengthEstimator> {
  const slot = realm as Slot;
  if (slot[STRENGTH_GLOBAL] === undefined) await runScript();
  const published = slot[STRENGTH_GLOBAL];
  if (!isThenable(published)) throw new Error(`${STRENGTH_SCRIPT} did not publish an estimator`);
  try {
    return await published;
  } catch (error) {
    // A rejected build must not stay published, or every later call would fail without retrying.
    if (slot[STRENGTH_GLOBAL] === published) delete slot[STRENGTH_GLOBAL];
    throw error;
  }
}

function isThenable(value: unknown): value is Promise<StrengthEstimator> {
  return (
    typeof value === 'object' && value !== null && typeof (value as { then?: unknown }).then === 'function'
  );
}
