import type { Plugin } from 'vite';

// Preact renders `dangerouslySetInnerHTML` by assigning `innerHTML`. Sésame never uses it, and an
// extension that writes into school pages should not even carry the path: we replace that one assignment
// with a throw, so Mozilla's add-ons linter reports nothing and no component can start using it by accident.
const ASSIGNMENT = /\((\w+)\.innerHTML=(\w+)\.__html\)/g;

export function noRawHtml(): Plugin {
  return {
    name: 'sesame:no-raw-html',
    enforce: 'pre',
    transform(code, id) {
      if (!/[\\/]preact[\\/]dist[\\/]preact\.mjs$/.test(id)) return null;
      const replaced = code.replace(
        ASSIGNMENT,
        () => '(()=>{throw Error("dangerouslySetInnerHTML is disabled")})()',
      );
      // If a Preact upgrade reshapes that code, fail the build rather than ship it silently.
      if (replaced === code)
        throw new Error('no-raw-html: Preact innerHTML assignment not found; update the pattern');
      return { code: replaced, map: null };
    },
  };
}
