import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { startPopup } from './popup/main';

// The full popup, loaded by `popup-first.js` once the first password is on screen (or at once when that
// script painted nothing). A classic script too: it joins the page's globals, where the first script left
// the painted password's details.
export default defineUnlistedScript(startPopup);
