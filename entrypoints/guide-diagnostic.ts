import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { buildDiagnostic } from '@/lib/diagnostic/diagnostic';

// Only asked for when the guide stayed away and the family clicks "Copier un diagnostic": kept out of the
// content script every ENEJ page loads, and imported by URL on that click.
export default defineUnlistedScript(() => {
  (globalThis as unknown as Record<symbol, unknown>)[Symbol.for('sesame.diagnostic')] = buildDiagnostic;
});
