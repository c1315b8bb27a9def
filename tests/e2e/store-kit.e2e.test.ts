import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extensionDir, readManifest } from './harness/common';

// Browser-independent checks of what the build produced against what the stores will be told. Here rather
// than in the unit run because they need the built manifests (npm test builds between the two).
const root = resolve(import.meta.dirname, '../..');
const outDir = resolve(root, process.env.SESAME_OUT_DIR ?? '.output');
const listing = JSON.parse(readFileSync(join(root, 'store/listing.json'), 'utf8'));
const privacy = readFileSync(join(root, listing.privacyPolicy), 'utf8');
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
const builds = { chrome: 'chromium', firefox: 'firefox' } as const;

type Manifest = Record<string, unknown> & {
  content_scripts?: { matches?: string[] }[];
  web_accessible_resources?: ({ matches?: string[] } | string)[];
};

/** Every permission and host a store reviewer sees in this manifest, whatever key it sits under. */
function askedFor(manifest: Manifest): string[] {
  const list = (key: string) => (manifest[key] as string[] | undefined) ?? [];
  const asked = new Set([
    ...list('permissions'),
    ...list('optional_permissions'),
    ...list('host_permissions'),
    ...list('optional_host_permissions'),
    ...(manifest.content_scripts ?? []).flatMap((script) => script.matches ?? []),
    ...(manifest.web_accessible_resources ?? []).flatMap((entry) =>
      typeof entry === 'string' ? [] : (entry.matches ?? []),
    ),
  ]);
  return [...asked].sort();
}

describe('store kit against the built packages', () => {
  it.each(Object.keys(builds))(
    'justifies every permission and host of the %s build, in French and English',
    (build) => {
      const manifest = readManifest(extensionDir(builds[build as keyof typeof builds], outDir)) as Manifest;
      const asked = askedFor(manifest);
      expect(asked.length).toBeGreaterThan(0);
      for (const permission of asked) {
        for (const lang of ['fr', 'en']) {
          expect(listing.languages[lang].permissions, `${build}: ${permission} (${lang})`).toHaveProperty([
            permission,
          ]);
        }
        expect(privacy, `PRIVACY.md explains ${permission}`).toContain(`\`${permission}\``);
      }
    },
  );

  it.each(Object.keys(builds))(
    'ships the version package.json says, in the %s manifest and zip name',
    (build) => {
      const manifest = readManifest(extensionDir(builds[build as keyof typeof builds], outDir));
      expect(manifest.version).toBe(version);
      expect(existsSync(join(outDir, `sesame-${version}-${build}.zip`))).toBe(true);
    },
  );

  it('ships the sources zip of this version', () => {
    expect(existsSync(join(outDir, `sesame-${version}-sources.zip`))).toBe(true);
  });
});
