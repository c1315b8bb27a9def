/**
 * Puts a value in a page's field the way typing would, so frameworks that track the value (React's
 * value tracker, Angular/Vue listeners) and the page's own validation all see it: the prototype's native
 * setter bypasses any instance-level override, then bubbling `input` and `change` events follow.
 */
export function setNativeValue(input: HTMLInputElement, value: string): void {
  const view = input.ownerDocument.defaultView;
  // The element's own realm: in tests (and iframes) `HTMLInputElement` of this script may differ.
  const proto = (view?.HTMLInputElement ?? HTMLInputElement).prototype;
  const setter = Object.getOwnPropertyDescriptor(proto, 'value')?.set;
  if (setter) setter.call(input, value);
  else input.value = value;
  const EventCtor = view?.Event ?? Event;
  input.dispatchEvent(new EventCtor('input', { bubbles: true }));
  input.dispatchEvent(new EventCtor('change', { bubbles: true }));
}

export interface FillTargets {
  newPassword: HTMLInputElement;
  confirm: HTMLInputElement | null;
}

export type FillOutcome = { ok: true } | { ok: false; reason: 'disconnected' | 'not-editable' | 'rejected' };

function editable(input: HTMLInputElement): boolean {
  return !input.disabled && !input.readOnly;
}

/**
 * Fills the new-password field and its confirmation. Refuses fields that left the page or that the
 * site locked, and reports `rejected` when the site rewrote the value (e.g. a `maxlength` cut), so the
 * caller never claims a fill that did not happen.
 */
export function fillPasswordFields(targets: FillTargets, password: string): FillOutcome {
  const fields = [targets.newPassword, ...(targets.confirm ? [targets.confirm] : [])];
  for (const f of fields) {
    if (!f.isConnected) return { ok: false, reason: 'disconnected' };
    if (!editable(f)) return { ok: false, reason: 'not-editable' };
  }
  for (const f of fields) setNativeValue(f, password);
  return fields.every((f) => f.value === password) ? { ok: true } : { ok: false, reason: 'rejected' };
}
