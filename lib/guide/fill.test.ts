import { afterEach, describe, expect, it } from 'vitest';
import { fillPasswordFields, setNativeValue } from './fill';

function field(): HTMLInputElement {
  const input = document.createElement('input');
  input.type = 'password';
  document.body.append(input);
  return input;
}

describe('setNativeValue', () => {
  afterEach(() => {
    document.body.replaceChildren();
  });

  it('bypasses an instance-level value override, as React installs one', () => {
    const input = field();
    let tracked = '';
    // What React's value tracker does: shadow `value` on the instance and remember what it saw.
    Object.defineProperty(input, 'value', {
      configurable: true,
      get() {
        return tracked;
      },
      set(v: string) {
        tracked = v;
      },
    });
    setNativeValue(input, 'Abcdefg1!');
    expect(tracked).toBe('');
    const native = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.get?.call(input);
    expect(native).toBe('Abcdefg1!');
  });

  it('dispatches bubbling input then change events', () => {
    const input = field();
    const seen: string[] = [];
    document.body.addEventListener('input', (e) => seen.push(`${e.type}:${e.bubbles}`));
    document.body.addEventListener('change', (e) => seen.push(`${e.type}:${e.bubbles}`));
    setNativeValue(input, 'x');
    expect(seen).toEqual(['input:true', 'change:true']);
  });
});

describe('fillPasswordFields', () => {
  afterEach(() => {
    document.body.replaceChildren();
  });

  it('fills the new password and its confirmation', () => {
    const a = field();
    const b = field();
    expect(fillPasswordFields({ newPassword: a, confirm: b }, 'Lune-Vélo7')).toEqual({ ok: true });
    expect([a.value, b.value]).toEqual(['Lune-Vélo7', 'Lune-Vélo7']);
  });

  it('works without a confirmation field', () => {
    const a = field();
    expect(fillPasswordFields({ newPassword: a, confirm: null }, 'Abc-1234')).toEqual({ ok: true });
  });

  it('touches nothing when a field is locked or gone', () => {
    const a = field();
    const b = field();
    b.readOnly = true;
    expect(fillPasswordFields({ newPassword: a, confirm: b }, 'Abc-1234')).toEqual({
      ok: false,
      reason: 'not-editable',
    });
    expect(a.value).toBe('');
    b.remove();
    expect(fillPasswordFields({ newPassword: a, confirm: b }, 'Abc-1234')).toEqual({
      ok: false,
      reason: 'disconnected',
    });
  });

  it('reports a value the site cut short', () => {
    const a = field();
    a.addEventListener('input', () => {
      a.value = a.value.slice(0, 4);
    });
    expect(fillPasswordFields({ newPassword: a, confirm: null }, 'Abc-1234')).toEqual({
      ok: false,
      reason: 'rejected',
    });
  });
});
