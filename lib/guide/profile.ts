import {
  applyPasswordRules,
  applyPatternRule,
  ENEJ_PROFILE,
  mergeProfile,
  parsePasswordRules,
  parsePatternRule,
  parsePolicyTexts,
  type RuleProfile,
  sameRules,
} from '@/lib/rules';
import { statesOnlyEnejRules } from './first-frame';

/**
 * ENEJ's rules, overridden by whatever the page itself says: first the criteria it prints next to the
 * fields, then a `passwordrules` attribute, then the field's own validation regex (`ng-pattern`/`pattern`),
 * which is what the page actually enforces. The page is the authority on what it accepts; our built-in
 * profile only fills the gaps. An unreadable attribute or regex is ignored, not guessed.
 */
export function effectiveProfile(
  policyTexts: readonly string[],
  passwordRules: string | null = null,
  pattern: string | null = null,
): { profile: RuleProfile; fromPage: boolean } {
  // ENEJ's own criteria, as its pages print them, say exactly ENEJ_PROFILE. Reading them costs nothing
  // warm, but the first reading compiles some thirty regular expressions and zod's schema: 30–57 ms in
  // Firefox, 18–70 ms in Chromium, in the task where the guide's UI takes over the page (issue 15).
  if (passwordRules === null && pattern === null && statesOnlyEnejRules(policyTexts))
    return { profile: ENEJ_PROFILE, fromPage: false };
  let profile = mergeProfile(ENEJ_PROFILE, parsePolicyTexts(policyTexts));
  if (passwordRules !== null) {
    const parsed = parsePasswordRules(passwordRules);
    if (parsed.ok) profile = applyPasswordRules(profile, parsed);
  }
  if (pattern !== null) {
    const rule = parsePatternRule(pattern);
    if (rule) profile = applyPatternRule(profile, rule);
  }
  return { profile, fromPage: !sameRules(profile, ENEJ_PROFILE) };
}

/** Where the guide's rules come from, as `data-testid="rules-source"` says it. */
export type RulesSource = 'enej' | 'page' | 'default';

export function rulesSource(fromPage: boolean, onEnejHost: boolean): RulesSource {
  if (fromPage) return 'page';
  return onEnejHost ? 'enej' : 'default';
}
