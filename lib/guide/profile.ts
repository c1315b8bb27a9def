import {
  ENEJ_PROFILE,
  mergeProfile,
  parsePasswordRules,
  parsePolicyTexts,
  type RuleProfile,
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
    if (parsed.ok) profile = mergeProfile(profile, parsed.rules);
  }
  return { profile, fromPage: !sameRules(profile, ENEJ_PROFILE) };
}

/** Whether two profiles accept the same passwords; a page that prints ENEJ's own rules changes nothing. */
function sameRules(a: RuleProfile, b: RuleProfile): boolean {
  return (
    a.minLength === b.minLength &&
    a.maxLength === b.maxLength &&
    a.specials === b.specials &&
    a.others === b.others &&
    (['upper', 'lower', 'digit', 'special'] as const).every((c) => a.required[c] === b.required[c])
  );
}
