import { evaluate, type RuleProfile, type RuleResult, ruleKind } from '@/lib/rules';

export type ChecklistRuleId = RuleResult['id'] | 'confirm';

export interface FieldValues {
  newPassword: string;
  /** `null` when the page has no confirmation field. */
  confirm: string | null;
  /** `null` when the page has no current-password field (or it is on another step). */
  current: string | null;
}

/** What the guide shows; derived from the fields each time, never kept longer than the page. */
export interface GuideView {
  results: RuleResult[];
  confirm: 'ok' | 'missing' | null;
  /** Every rule, and the confirmation when there is one. */
  allMet: boolean;
  sameAsCurrent: boolean;
  /** Something was typed in the new-password field. */
  started: boolean;
}

/**
 * The verdict on the fields' current values. Linear in their length, so a 10,000-character paste costs
 * one pass; the comparisons with the other fields stay in memory and are never kept.
 */
export function computeView(values: FieldValues, profile: RuleProfile): GuideView {
  const results = evaluate(values.newPassword, profile);
  const confirm =
    values.confirm === null
      ? null
      : values.confirm !== '' && values.confirm === values.newPassword
        ? 'ok'
        : 'missing';
  const sameAsCurrent =
    values.current !== null && values.newPassword !== '' && values.current === values.newPassword;
  return {
    results,
    confirm,
    allMet: results.every((r) => r.met) && confirm !== 'missing' && !sameAsCurrent,
    sameAsCurrent,
    started: values.newPassword !== '',
  };
}

export interface Announcement {
  key: string;
  params: string[];
}

function states(view: GuideView): Map<ChecklistRuleId, boolean> {
  const map = new Map<ChecklistRuleId, boolean>(view.results.map((r) => [r.id, r.met]));
  if (view.confirm !== null) map.set('confirm', view.confirm === 'ok');
  return map;
}

/**
 * What a screen reader should hear after a change: only rules that flipped, never counts that merely
 * moved ("7 left" → "6 left") and never the password. `allMet` collapses everything into one sentence.
 * Rule names are message keys `guide_rulename_<kind>`, resolved by the caller.
 */
export function announcements(prev: GuideView | null, next: GuideView): Announcement[] {
  if (!next.started && (prev === null || !prev.started)) return [];
  if (next.allMet && !prev?.allMet) return [{ key: 'guide_announce_all', params: [] }];
  const before = prev ? states(prev) : new Map<ChecklistRuleId, boolean>();
  const out: Announcement[] = [];
  for (const [id, met] of states(next)) {
    const was = before.get(id);
    // Before typing, every rule is "missing": only news of progress (or a regression) is worth saying.
    if (was === undefined ? met : was !== met) {
      out.push({
        key: met ? 'guide_announce_ok' : 'guide_announce_missing',
        // `special-2` is named like `special`: a second list of symbols is still "a special character".
        params: [`guide_rulename_${ruleKind(id)}`],
      });
    }
  }
  return out;
}
