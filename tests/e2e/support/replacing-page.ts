import { html } from '../harness';

/** Served on an ENEJ origin by robustness tests. */
export const REPLACING_URL = 'https://connect.enej.lavienne86.fr/fr/robustesse/remplacement';

const FORM = `
  <h1>Changement du mot de passe</h1>
  <label for="actuel">Mot de passe actuel</label>
  <input type="password" id="actuel" name="actuel">
  <div class="champ">
    <label for="nouveau">Nouveau mot de passe</label>
    <input type="password" id="nouveau" name="nouveau">
  </div>
  <label for="confirmation">Confirmation du nouveau mot de passe</label>
  <input type="password" id="confirmation" name="confirmation">
  <button type="submit">Suivant</button>`;

/**
 * A change-password page whose own script throws its form away and builds a new one, the way frameworks
 * re-render: `window.replaceForm(n, gapMs)` replaces it `n` times, waiting `gapMs` between replacements
 * (0 = one synchronous burst). Every replaced new-password input is kept in `window.__old` so tests can
 * look for listeners left on it.
 */
export const REPLACING_PAGE = html(
  `<main><form id="f" novalidate>${FORM}</form></main>
<script>
window.__old = [];
window.replaceForm = async (n, gapMs) => {
  for (let i = 0; i < n; i++) {
    const old = document.getElementById('f');
    window.__old.push(old.querySelector('#nouveau'));
    const fresh = document.createElement('form');
    fresh.id = 'f';
    fresh.noValidate = true;
    fresh.innerHTML = ${JSON.stringify(FORM)};
    old.replaceWith(fresh);
    if (gapMs > 0) await new Promise((r) => setTimeout(r, gapMs));
  }
  return window.__old.length;
};
</script>`,
  'ENEJ Connect - Changement du mot de passe',
);
