import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { loadStrengthEstimator, STRENGTH_LIVE_MAX_INPUT, type StrengthEstimator } from '@/lib/strength';
import { publishStrength } from '@/lib/strength/script';

// The one copy of zxcvbn in the package: the guide's content script (which cannot split chunks) and the
// popup both import this file by URL on first use, and take the estimator from `STRENGTH_GLOBAL`.
// The guide re-estimates as the family types, so the shared estimator caps at the live meter's length
// unless the caller asks otherwise (the popup rates one finished password and asks for the full cap).
export default defineUnlistedScript(() => {
  publishStrength(
    loadStrengthEstimator().then(
      (estimator): StrengthEstimator => ({
        estimate: (password, userInputs, limits) =>
          estimator.estimate(password, userInputs, { maxInput: STRENGTH_LIVE_MAX_INPUT, ...limits }),
      }),
    ),
  );
});
