import { resolve } from 'node:path';
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { translatorFromCatalog } from '@/lib/i18n/catalog';
import { loadCatalog } from '@/lib/i18n/load-catalog';
import { TypingHints } from './TypingHints';

const catalog = {
  ...loadCatalog(resolve(__dirname, '../locales')),
  test_hint_altgr: { fr: 'AltGr + $1', en: 'AltGr + $1' },
};
const t = translatorFromCatalog(catalog, 'fr');

describe('TypingHints', () => {
  let root: HTMLDivElement;
  beforeEach(() => {
    root = document.createElement('div');
    document.body.append(root);
  });
  afterEach(() => {
    render(null, root);
    root.remove();
  });

  it('lists each character with its translated hint', () => {
    render(
      <TypingHints
        t={t}
        hints={[
          { char: '@', key: 'test_hint_altgr', params: ['à'] },
          { char: '#', key: 'test_hint_altgr', params: ['"'] },
        ]}
      />,
      root,
    );
    const items = [...root.querySelectorAll('li')];
    expect(items.map((li) => li.getAttribute('data-char'))).toEqual(['@', '#']);
    expect(items[0]?.textContent).toBe('@AltGr + à');
    expect(items[0]?.querySelector('kbd')?.textContent).toBe('@');
    expect(root.querySelector('h2')?.textContent).toBe('Comment le taper (clavier AZERTY)');
  });

  it('renders nothing when the password has no special character', () => {
    render(<TypingHints t={t} hints={[]} />, root);
    expect(root.innerHTML).toBe('');
  });
});
