import { describe, expect, it } from 'vitest';
import { isFromOwnExtension, MAX_FILL_LENGTH, parseGuideMessage } from './messages';

describe('parseGuideMessage', () => {
  it('accepts the three messages of the contract', () => {
    expect(parseGuideMessage({ type: 'sesame:fill', password: 'Abc-1234' })).toEqual({
      type: 'sesame:fill',
      password: 'Abc-1234',
    });
    expect(parseGuideMessage({ type: 'sesame:status' })).toEqual({ type: 'sesame:status' });
    expect(parseGuideMessage({ type: 'sesame:start-guide' })).toEqual({ type: 'sesame:start-guide' });
    expect(parseGuideMessage({ type: 'sesame:diagnostic' })).toEqual({ type: 'sesame:diagnostic' });
  });

  it.each([
    null,
    undefined,
    'sesame:status',
    42,
    {},
    { type: 'sesame:fill' },
    { type: 'sesame:fill', password: '' },
    { type: 'sesame:fill', password: 12345678 },
    { type: 'sesame:fill', password: 'x'.repeat(MAX_FILL_LENGTH + 1) },
    { type: 'sesame:fill', password: 'Abc-1234', extra: true },
    { type: 'sesame:status', password: 'Abc-1234' },
    { type: 'sesame:diagnostic', selector: 'input' },
    { type: 'sesame:other' },
    { type: ['sesame:status'] },
  ])('rejects %j', (message) => {
    expect(parseGuideMessage(message)).toBeNull();
  });

  it('survives hostile objects', () => {
    const trap = new Proxy(
      {},
      {
        get() {
          throw new Error('boom');
        },
      },
    );
    expect(() => parseGuideMessage(trap)).not.toThrow();
  });
});

describe('isFromOwnExtension', () => {
  const id = 'abcdefghijklmnop';
  const origin = 'chrome-extension://abcdefghijklmnop/';

  it('accepts our popup', () => {
    expect(isFromOwnExtension({ id, url: `${origin}popup.html` }, id, origin)).toBe(true);
    // The popup page opened in a tab (how a user may open it, and how Firefox e2e drives it).
    expect(isFromOwnExtension({ id, tab: { id: 7 }, url: `${origin}popup.html` }, id, origin)).toBe(true);
  });

  it('rejects other extensions, tabs and web pages', () => {
    expect(isFromOwnExtension({ id: 'other', url: `${origin}popup.html` }, id, origin)).toBe(false);
    expect(isFromOwnExtension({ id, tab: { id: 3 }, url: 'https://enej.lavienne86.fr/' }, id, origin)).toBe(
      false,
    );
    expect(isFromOwnExtension({ id, url: 'https://evil.example/' }, id, origin)).toBe(false);
    expect(isFromOwnExtension({}, '', origin)).toBe(false);
    // No URL means we cannot tell where it came from.
    expect(isFromOwnExtension({ id }, id, origin)).toBe(false);
    expect(isFromOwnExtension({ id, url: 'chrome-extension://abcdefghijklmnopq/x' }, id, origin)).toBe(false);
  });
});
