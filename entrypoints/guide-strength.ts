import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { loadStrengthEstimator } from '@/lib/strength';

// The guide's content script cannot split chunks, so zxcvbn ships as this separate file, imported by URL
// on the first keystroke; it hands the estimator back through a well-known symbol in the same world.
export default defineUnlistedScript(() => {
  (globalThis as unknown as Record<symbol, unknown>)[Symbol.for('sesame.strength')] = loadStrengthEstimator();
});
