// Code that runs inside the page. Kept as source text rather than functions so both drivers evaluate the
// exact same thing and nothing depends on how the test runner transpiles closures.

/**
 * `a >>> b >>> c`: match `a` in the document, then `b` inside the OPEN shadow root of each match, and so
 * on. Without `>>>` it is plain `querySelectorAll` on the document (light DOM only), in both browsers.
 */
const DEEP_QUERY_ALL = `function deepQueryAll(selector) {
  const parts = selector.split('>>>').map((p) => p.trim()).filter((p) => p.length > 0);
  let scopes = [document];
  for (let i = 0; i < parts.length; i++) {
    const found = [];
    for (const scope of scopes) {
      const root = i === 0 ? scope : scope.shadowRoot;
      if (!root) continue;
      for (const el of root.querySelectorAll(parts[i])) found.push(el);
    }
    scopes = found;
  }
  return parts.length === 0 ? [] : scopes;
}`;

const DESCRIBE = `function describe(el) {
  const attributes = {};
  for (const a of el.attributes) attributes[a.name] = a.value;
  const style = getComputedStyle(el);
  const rect = el.getBoundingClientRect();
  const visible = (typeof el.checkVisibility === 'function' ? el.checkVisibility({ visibilityProperty: true, opacityProperty: true }) : style.display !== 'none' && style.visibility !== 'hidden') && rect.width > 0 && rect.height > 0;
  let active = document.activeElement;
  while (active && active.shadowRoot && active.shadowRoot.activeElement) active = active.shadowRoot.activeElement;
  return {
    tag: el.tagName.toLowerCase(),
    text: (el.textContent || '').replace(/\\s+/g, ' ').trim(),
    attributes,
    value: 'value' in el && (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement) ? el.value : null,
    visible,
    focused: active === el,
  };
}`;

export function queryAllSource(selector: string): string {
  return `(() => { ${DEEP_QUERY_ALL}; ${DESCRIBE}; return deepQueryAll(${JSON.stringify(selector)}).map(describe); })()`;
}

export function elementSource(selector: string): string {
  return `(() => { ${DEEP_QUERY_ALL}; return deepQueryAll(${JSON.stringify(selector)})[0] ?? null; })()`;
}

/** Uses the prototype's value setter so frameworks that patch the instance (Preact, React) see the change. */
export function fillSource(selector: string, value: string): string {
  return `(() => { ${DEEP_QUERY_ALL};
  const el = deepQueryAll(${JSON.stringify(selector)})[0];
  if (!el) return false;
  el.focus();
  const proto = el instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  const setter = Object.getOwnPropertyDescriptor(proto, 'value').set;
  setter.call(el, ${JSON.stringify(value)});
  el.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  el.dispatchEvent(new Event('change', { bubbles: true }));
  return true; })()`;
}

export function capsLockSource(selector: string, key: string): string {
  return `(() => { ${DEEP_QUERY_ALL};
  const el = deepQueryAll(${JSON.stringify(selector)})[0];
  if (!el) return false;
  el.focus();
  const send = (type, key, code) => el.dispatchEvent(new KeyboardEvent(type, { key, code, bubbles: true, composed: true, cancelable: true, modifierCapsLock: true }));
  send('keydown', 'CapsLock', 'CapsLock');
  send('keyup', 'CapsLock', 'CapsLock');
  const k = ${JSON.stringify(key)};
  const code = /^[a-z]$/i.test(k) ? 'Key' + k.toUpperCase() : '';
  send('keydown', k, code);
  send('keyup', k, code);
  return true; })()`;
}
