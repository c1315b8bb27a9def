import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { noRawHtml } from './no-raw-html';

const require = createRequire(import.meta.url);

describe('noRawHtml', () => {
  const plugin = noRawHtml();
  const transform = plugin.transform as (code: string, id: string) => { code: string } | null;
  const preactPath = require.resolve('preact').replace(/preact\.js$/, 'preact.mjs');

  it("removes Preact's only innerHTML assignment", () => {
    const source = readFileSync(preactPath, 'utf8');
    expect(source).toMatch(/\.innerHTML=\w+\.__html/);
    const out = transform(source, preactPath);
    expect(out?.code).not.toMatch(/\.innerHTML=/);
    expect(out?.code).toContain('dangerouslySetInnerHTML is disabled');
  });

  it('leaves other modules alone and fails loudly if Preact changes shape', () => {
    expect(transform('x.innerHTML=y.__html', '/a/b.js')).toBeNull();
    expect(() => transform('nothing here', '/n/node_modules/preact/dist/preact.mjs')).toThrow(/not found/);
  });
});
