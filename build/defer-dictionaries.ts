import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

const DECOMPRESS = '@zxcvbn-ts/dictionary-compression/decompress';

// zxcvbn-ts's language packages decompress their word lists when their modules run: in the guide that is
// one long task the moment the strength script loads. In the extension's build their `decompress` is
// swapped for `deferDecompress` (lib/strength/sliced.ts), which keeps the encoded string, and
// `prepareDictionaries` does the same work later in slices. Unit tests (Vitest) keep the real function.
export function deferDictionaries(): Plugin {
  const replacement = fileURLToPath(new URL('./defer-decompress.ts', import.meta.url));
  return {
    name: 'sesame:defer-dictionaries',
    enforce: 'pre',
    resolveId(id) {
      if (process.env.VITEST) return null;
      return id === DECOMPRESS ? replacement : null;
    },
  };
}
