import { ENEJ_PROFILE, type RuleProfile } from '@/lib/rules';
import { mergeProfile, parsePolicyTexts } from '@/lib/rules/policy-text';

/**
 * ENEJ's rules, overridden by whatever the page itself prints next to the fields: the page is the
 * authority on what it will accept, our built-in profile only fills the gaps.
 */
export function effectiveProfile(policyTexts: readonly string[]): {
  profile: RuleProfile;
  fromPage: boolean;
} {
  const profile = mergeProfile(ENEJ_PROFILE, parsePolicyTexts(policyTexts));
  return { profile, fromPage: profile !== ENEJ_PROFILE };
}
