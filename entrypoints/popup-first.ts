import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { startFirstPaint } from './popup/first';

// A classic script (WXT builds unlisted scripts as one IIFE) loaded by a plain `<script src>` at the end
// of `popup.html`: Firefox paints a page whose first script is a module noticeably later than one with a
// classic script, whatever the module holds.
export default defineUnlistedScript(startFirstPaint);
