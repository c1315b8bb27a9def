// What `npm run demo` and `npm run store:assets` share: the replica ENEJ pages served on their real
// addresses by the e2e harness, and the helpers a scripted visit needs.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

export const root = resolve(import.meta.dirname, '..');
export const demoDir = join(root, '.demo');
export const INDEX_URL = 'https://enej.lavienne86.fr/demo/';
// A current password the replica accepts; the new one is Sésame's to make.
export const CURRENT_PASSWORD = 'Provisoire-2024';
export const G = 'sesame-guide >>> ';
export const outDir = resolve(root, process.env.SESAME_OUT_DIR ?? '.output');

/** In plain words, for the index page; the fixtures' own notes are for developers. */
const PAGE_LABELS = {
  'enej-change-password':
    'La page « Changement du mot de passe » d’ENEJ (avril 2024) : la démonstration principale',
  'keycloak-update-password': 'Mise à jour du mot de passe, thème Keycloak de base',
  'keycloak-v2-update-password': 'Mise à jour du mot de passe, thème Keycloak récent (boutons « afficher »)',
  'keycloak-account-password': 'Espace « Mon compte » : changer son mot de passe',
  'lemonldap-password': 'Portail LemonLDAP : changer son mot de passe',
  'ent-ng-force-change': 'ENT « Open ENT NG » : changement obligatoire',
  'multi-step': 'En deux étapes : le mot de passe actuel, puis « Suivant » pour le nouveau',
  'inserted-later': 'Formulaire qui apparaît après un petit temps de chargement',
  'custom-policy-12': 'Page qui demande d’autres règles (12 caractères) : le guide suit la page',
  'passwordrules-attr': 'Règles données dans le code de la page (attribut passwordrules)',
  'strict-csp': 'Page très verrouillée (politique de sécurité stricte)',
  'spa-pushstate': 'Application d’une seule page : « Se connecter » mène au changement sans recharger',
  success: 'Le mot de passe vient d’être changé : carte de fin',
  'placeholders-only': 'Champs sans étiquette, seulement un texte d’exemple dans chaque case',
  english: 'Page en anglais',
  mire: 'Page d’accueil « Se connecter » : pas de guide',
  'keycloak-login': 'Page de connexion : pas de guide (ce n’est pas un changement)',
  'reauth-current-only': 'On redemande seulement le mot de passe actuel : pas de guide',
  messagerie: 'Messagerie ENEJ : pas de guide',
  'outside-enej-change-password':
    'Un autre site que ENEJ : pas de guide, sauf avec « Aider sur cette page » dans le générateur',
};

function escapeHtml(text) {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function indexPage(fixtures) {
  const groups = [
    ['Pages où le guide apparaît', (f) => !f.outsideEnej && f.expect.kind === 'change-password'],
    [
      'Pages où le guide apparaît après une action (suivre l’indication)',
      (f) => f.expect.kind === 'none' && (f.steps ?? []).some((s) => s.expect.kind === 'change-password'),
    ],
    ['Fin du changement', (f) => f.expect.kind === 'success'],
    [
      'Pages où le guide ne doit pas apparaître',
      (f) =>
        f.outsideEnej || (f.expect.kind === 'none' && !(f.steps ?? []).some((s) => s.expect.kind !== 'none')),
    ],
  ];
  const sections = groups.map(([title, keep]) => {
    const items = fixtures
      .filter(keep)
      .map(
        (f) =>
          `<li><a href="${escapeHtml(f.url)}">${escapeHtml(PAGE_LABELS[f.name] ?? f.note)}</a>` +
          `<br><small><code>${escapeHtml(f.name)}</code> — ${escapeHtml(f.url)}</small></li>`,
      );
    return `<h2>${title}</h2><ul>${items.join('')}</ul>`;
  });
  return `<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><title>Sésame — démonstration</title>
<link rel="icon" href="data:,">
<style>
  body { font-family: system-ui, sans-serif; max-width: 760px; margin: 24px auto; padding: 0 16px; color: #1d2b3a; line-height: 1.45; }
  h1 { margin-bottom: 4px; } h2 { font-size: 1.1rem; margin-top: 28px; color: #004a8f; }
  li { margin-bottom: 10px; } small { color: #5a6b7b; } code { font-size: .85em; }
  .note { background: #eef2f6; border-radius: 8px; padding: 12px 16px; }
</style></head>
<body>
<h1>Sésame — démonstration</h1>
<p class="note">Ces pages sont des <strong>copies de test</strong> des pages d’ENEJ, montrées à leur vraie adresse
par le navigateur de démonstration : rien n’est envoyé sur Internet, et aucun vrai compte n’est touché.
Le <strong>générateur</strong> s’ouvre avec le bouton Sésame de la barre d’outils (il est aussi ouvert dans un
onglet à côté).</p>
${sections.join('\n')}
</body></html>`;
}

/** Builds the extension when this output folder has none yet (`npm run build` honours SESAME_OUT_DIR). */
export function ensureBuilt() {
  const missing = ['chrome-mv3', 'firefox-mv2'].filter((d) => !existsSync(join(outDir, d, 'manifest.json')));
  if (missing.length === 0) return;
  console.log(`No ${missing.join(' / ')} in ${relative(root, outDir) || '.'}: npm run build…`);
  const result = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit', env: process.env });
  if (result.status !== 0) {
    console.error('npm run build failed.');
    process.exit(1);
  }
}

/**
 * The harness and fixtures are TypeScript; esbuild (a dev dependency already) bundles them for Node. Each
 * module's `import.meta.url` is pinned to its own source file, so fixture files are read from where they live.
 */
export async function loadHarness() {
  const { build } = await import('esbuild');
  mkdirSync(demoDir, { recursive: true });
  // Run outputs stay out of git without touching the project's .gitignore.
  writeFileSync(join(demoDir, '.gitignore'), '*\n');
  const outfile = join(demoDir, '.cache', 'harness.mjs');
  const pinImportMeta = {
    name: 'pin-import-meta-url',
    setup(b) {
      b.onLoad({ filter: /\.ts$/ }, (args) => ({
        contents: readFileSync(args.path, 'utf8').replaceAll(
          'import.meta.url',
          JSON.stringify(pathToFileURL(args.path).href),
        ),
        loader: 'ts',
      }));
    },
  };
  await build({
    stdin: {
      contents: [
        "export { launch } from './tests/e2e/harness/index.ts';",
        "export { states, serveFixtures, shownPassword } from './tests/e2e/support/guide.ts';",
        "export { FIXTURES, getFixture } from './tests/fixtures/index.ts';",
      ].join('\n'),
      resolveDir: root,
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    outfile,
    logLevel: 'warning',
    plugins: [pinImportMeta],
  });
  return import(`${pathToFileURL(outfile).href}?t=${Date.now()}`);
}

export function serveAll(lib, h) {
  // Fixtures sharing a path are told apart by their query string; serveFixtures handles that.
  lib.serveFixtures(
    h,
    lib.FIXTURES.map((f) => f.name),
  );
  const page = indexPage(lib.FIXTURES);
  h.route(
    (url) => url.split(/[?#]/)[0] === INDEX_URL,
    () => ({ body: page }),
  );
}

export async function setViewport(page, width, height) {
  const raw = page.raw;
  if (typeof raw.setViewportSize === 'function') await raw.setViewportSize({ width, height });
  else await raw.setViewport({ width, height });
}

export async function waitStrength(page, selector) {
  await page.waitFor(
    async () => ((await page.query(selector))?.attributes['data-strength'] ?? '') !== '',
    15_000,
    'the strength estimate',
  );
}

/** Three rules met, one refused accent: what a child typing "Soleil3é" sees (ENEJ replica page). */
export async function typeHalfway(lib, page) {
  await page.type('#nouveauMdp', 'Soleil3é');
  await page.waitFor(
    async () => {
      const s = await lib.states(page);
      return s.digit === 'ok' && s.upper === 'ok' && s.allowed === 'missing';
    },
    5000,
    'the guide to follow typing',
  );
  await waitStrength(page, `${G}[data-strength]`);
}

/** Clears the new password, types the current one, then "Générer": every rule met, both fields filled. */
export async function generateAllMet(lib, page) {
  await page.fill('#nouveauMdp', '');
  await page.type('#ancienMdp', CURRENT_PASSWORD);
  await page.click(`${G}[data-action="generate"]`);
  await page.waitFor(
    async () => Object.values(await lib.states(page)).every((state) => state === 'ok'),
    5000,
    'every rule met after "Générer"',
  );
  await waitStrength(page, `${G}[data-strength]`);
}
