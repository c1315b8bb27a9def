import type { GeneratedView } from '@/components/guide/Guide';
import { DEFAULT_MEMORABLE, generatePassword, typingHints } from '@/lib/generate';
import { createCryptoRandom } from '@/lib/random/source';
import type { RuleProfile } from '@/lib/rules';

/** A memorable, AZERTY-easy password for the page's effective rules, or the key explaining why not. */
export function generateFor(profile: RuleProfile): GeneratedView | { errorKey: string } {
  try {
    const g = generatePassword(profile, { ...DEFAULT_MEMORABLE, azertyEasy: true }, createCryptoRandom());
    return { password: g.password, hints: typingHints(g.password), fellBack: g.fellBack };
  } catch (err) {
    const key = (err as { key?: unknown } | null)?.key;
    return { errorKey: typeof key === 'string' ? key : 'guide_generate_error' };
  }
}
