import { defineContentScript } from 'wxt/utils/define-content-script';
import { startGuide } from './guide';

// The host list only decides where the guide starts by itself; the same file also runs when the popup
// injects it elsewhere (`scripting.executeScript`) and then waits for `sesame:start-guide`.
export default defineContentScript({
  matches: ['https://*.lavienne86.fr/*'],
  runAt: 'document_end',
  // The guide's CSS is handed to the shadow root inline (see guide.tsx) instead of WXT's 'ui' mode, which
  // fetches a file first: that fetch cost ~100 ms before the guide could show, and Chrome refuses it on
  // hosts outside web_accessible_resources, where the popup may inject us.
  cssInjectionMode: 'manual',
  main(ctx) {
    startGuide(ctx);
  },
});
