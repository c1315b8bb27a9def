import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { generateFor } from './enej.content/generate';

// The word list alone would push the guide's content script past its 40 KB budget, and most visitors
// never click "Générer": the generator ships as this file, imported by URL on the first click.
export default defineUnlistedScript(() => {
  (globalThis as unknown as Record<symbol, unknown>)[Symbol.for('sesame.generate')] = generateFor;
});
