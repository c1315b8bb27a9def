import {
  applyPasswordRules,
  ENEJ_PROFILE,
  mergeProfile,
  parsePasswordRules,
  parsePolicyTexts,
  type RuleProfile,
  sameRules,
} from '@/lib/rules';

/**
 * ENEJ's rules, overridden by whatever the page itself says: first the criteria it prints next to the
 * fields, then a `passwordrules` attribute, the most precise statement. The page is the authority on what
 * it accepts; our built-in profile only fills the gaps. An unreadable attribute is ignored, not guessed.
 */
export function effectiveProfile(
  policyTexts: readonly string[],
  passwordRules: string | null = null,
): { profile: RuleProfile; fromPage: boolean } {
  let profile = mergeProfile(ENEJ_PROFILE, parsePolicyTexts(policyTexts));
  if (passwordRules !== null) {
    const parsed = parsePasswordRules(passwordRules);
    if (parsed.ok) profile = applyPasswordRules(profile, parsed);
  }
  return { profile, fromPage: !sameRules(profile, ENEJ_PROFILE) };
}
