// What the content script does between full detections. `detectPage` reads labels, headings, styles and
// (for the success step) the page's text: too much to run on every burst of mutations of a page that
// animates, ticks a clock or rotates a carousel. These checks decide, from the mutation records alone,
// whether a burst can change detectPage's answer; they touch only the nodes the records name.

/**
 * Every input `detectPage` may take for a password field matches this (it is a superset: type password,
 * a password autocomplete, a password-ish name or id), and so do the show/hide buttons that let it take a
 * plain text field. Attribute selectors with `i` match the way detection lower-cases names.
 */
export const PASSWORD_LIKE_SELECTOR = [
  'input[type="password" i]',
  'input[autocomplete*="password" i]',
  ...['pass', 'mdp', 'pwd', 'secret'].flatMap((token) => [
    `input[name*="${token}" i]`,
    `input[id*="${token}" i]`,
  ]),
  '[data-password-toggle][aria-controls]',
].join(', ');

/** Beyond this many password-like elements, any attribute change counts (a hostile or odd page). */
export const MAX_WATCHED = 50;

const ELEMENT_NODE = 1;

/** Whether `node` is, or holds, something detection could take for a password field. */
export function holdsPasswordLike(node: Node): boolean {
  if (node.nodeType !== ELEMENT_NODE) return false;
  const el = node as Element;
  return el.matches(PASSWORD_LIKE_SELECTOR) || el.querySelector(PASSWORD_LIKE_SELECTOR) !== null;
}

/**
 * What a page's mutations are checked against: on a change page, the fields the guide follows; elsewhere,
 * every password-like element (a hidden wizard step's fields). Empty when the page has none, and then only
 * added nodes matter. Capped: `null` means "too many to watch one by one".
 */
export function passwordLikeIn(doc: Document): Element[] | null {
  const all = doc.querySelectorAll(PASSWORD_LIKE_SELECTOR);
  if (all.length > MAX_WATCHED) return null;
  return Array.from(all);
}

/**
 * Whether a burst of mutations can change what `detectPage` answers, given the elements it hinges on
 * (`watched`, see `passwordLikeIn`; `null` = too many, any attribute change on the page counts):
 * - a password-like element was added or removed anywhere;
 * - a watched element left the document;
 * - something changed on a watched element or around it (an ancestor hidden or revealed by `hidden`,
 *   `class`, `style`, `aria-hidden`; a label or heading added inside the form).
 * A clock ticking, a carousel turning or a strength bar growing elsewhere on the page is none of these.
 */
export function mutationsMatter(
  records: readonly MutationRecord[],
  watched: readonly Element[] | null,
): boolean {
  for (const w of watched ?? []) if (!w.isConnected) return true;
  for (const record of records) {
    if (record.type === 'childList') {
      for (const node of record.addedNodes) if (holdsPasswordLike(node)) return true;
      for (const node of record.removedNodes) if (holdsPasswordLike(node)) return true;
    } else if (record.type !== 'attributes') continue;
    if (watched === null) {
      if (record.type === 'attributes') return true;
      continue;
    }
    const target = record.target;
    for (const w of watched) if (target.contains(w)) return true;
  }
  return false;
}
