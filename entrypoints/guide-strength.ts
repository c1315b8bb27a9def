import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { loadStrengthEstimator } from '@/lib/strength';
import { publishStrength } from '@/lib/strength/script';

// The one copy of zxcvbn in the package: the guide's content script (which cannot split chunks) and the
// popup both import this file by URL on first use, and take the estimator from `STRENGTH_GLOBAL`.
export default defineUnlistedScript(() => {
  publishStrength(loadStrengthEstimator());
});
