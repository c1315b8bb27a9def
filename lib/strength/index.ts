import { createStrengthEstimator, type StrengthEstimator } from './estimate';

export * from './estimate';

let pending: Promise<StrengthEstimator> | null = null;

/**
 * The shared estimator, built on first use. zxcvbn and its dictionaries weigh ~540 KB gzipped, so they are
 * reached only through `import()`: bundlers put them in a chunk of their own that pages load when the
 * meter is first needed. (A content script is one IIFE bundle where `import()` is inlined: it must not
 * import this module, or the dictionaries land in it.)
 */
export function loadStrengthEstimator(): Promise<StrengthEstimator> {
  pending ??= Promise.all([
    import('@zxcvbn-ts/core'),
    import('@zxcvbn-ts/language-common'),
    import('@zxcvbn-ts/language-fr'),
  ]).then(([core, common, fr]) =>
    createStrengthEstimator({
      Factory: core.ZxcvbnFactory,
      dictionary: { ...common.dictionary, ...fr.dictionary },
      // Families here type on French AZERTY; QWERTY rows like "qwerty" are not what they would type.
      graphs: { azerty: common.adjacencyGraphs.azerty },
    }),
  );
  // A failed load (chunk missing after an update) must not stay cached: the next call tries again.
  pending.catch(() => {
    pending = null;
  });
  return pending;
}
