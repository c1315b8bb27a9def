import { describe, expect, it, vi } from 'vitest';
import {
  AUTOSTART_SCRIPT,
  forgetSite,
  GUIDE_SCRIPT,
  GUIDE_UI_SCRIPT,
  hostOfPattern,
  listSites,
  type RegisteredScript,
  reconcile,
  registrationFor,
  rememberedPatterns,
  rememberSite,
  type SitesApi,
  scriptIdFor,
  sitePatternFor,
} from './sites';

/** A browser in miniature: granted origins and registered scripts, with the real APIs' duplicate errors. */
function fakeBrowser(opts: { granted?: string[]; registered?: RegisteredScript[]; answer?: boolean } = {}) {
  const granted = new Set(opts.granted ?? ['https://*.lavienne86.fr/*']);
  const registered = new Map((opts.registered ?? []).map((s) => [s.id, s]));
  const api = {
    permissions: {
      getAll: vi.fn(async () => ({ origins: [...granted], permissions: ['storage'] })),
      request: vi.fn(async ({ origins }: { origins: string[] }) => {
        if (opts.answer === false) return false;
        for (const o of origins) granted.add(o);
        return true;
      }),
      remove: vi.fn(async ({ origins }: { origins: string[] }) => {
        for (const o of origins) granted.delete(o);
        return true;
      }),
    },
    scripting: {
      getRegisteredContentScripts: vi.fn(async (filter?: { ids?: string[] }) =>
        [...registered.values()].filter((s) => !filter?.ids || filter.ids.includes(s.id)),
      ),
      registerContentScripts: vi.fn(async (scripts: RegisteredScript[]) => {
        for (const s of scripts) if (registered.has(s.id)) throw new Error(`Duplicate script ID '${s.id}'`);
        for (const s of scripts) registered.set(s.id, s);
      }),
      unregisterContentScripts: vi.fn(async ({ ids }: { ids: string[] }) => {
        for (const id of ids) if (!registered.has(id)) throw new Error(`Nonexistent script ID '${id}'`);
        for (const id of ids) registered.delete(id);
      }),
    },
  };
  return { api: api satisfies SitesApi, granted, registered };
}

describe('patterns', () => {
  it.each([
    ['https://ent.example.fr/auth/reset?token=abc', 'https://ent.example.fr/*'],
    ['https://ENT.Example.fr:8443/x', 'https://ent.example.fr/*'],
    ['https://[::1]/x', 'https://[::1]/*'],
    ['http://ent.example.fr/', null],
    ['https://enej.lavienne86.fr/fr/mire', null],
    ['https://connect.enej.lavienne86.fr/', null],
    ['chrome://extensions/', null],
    ['about:blank', null],
    ['file:///home/x.html', null],
    ['not a url', null],
    [undefined, null],
  ])('%s → %s', (url, pattern) => {
    expect(sitePatternFor(url)).toBe(pattern);
  });

  it('remembered sites are the single https hosts among granted origins, ENEJ and wildcards left out', () => {
    expect(
      rememberedPatterns([
        'https://*.lavienne86.fr/*',
        'https://z.example/*',
        'https://a.example/*',
        'https://*/*',
        '<all_urls>',
        'http://b.example/*',
        'https://a.example/*',
      ]),
    ).toEqual(['https://a.example/*', 'https://z.example/*']);
    expect(rememberedPatterns(undefined)).toEqual([]);
    expect(hostOfPattern('https://a.example/*')).toBe('a.example');
    expect(hostOfPattern('https://a.example/path/*')).toBeNull();
  });

  it('registers the autostart flag then the guide, persistently, at document end', () => {
    expect(registrationFor('https://a.example/*')).toEqual({
      id: 'sesame-site:https://a.example/*',
      matches: ['https://a.example/*'],
      js: [AUTOSTART_SCRIPT, GUIDE_UI_SCRIPT, GUIDE_SCRIPT],
      runAt: 'document_end',
      persistAcrossSessions: true,
    });
  });
});

describe('remember, forget, reconcile', () => {
  it('remembering asks for that one origin, then registers the guide there', async () => {
    const b = fakeBrowser();
    expect(await rememberSite(b.api, 'https://ent.example.fr/*')).toBe('remembered');
    expect(b.api.permissions.request).toHaveBeenCalledWith({ origins: ['https://ent.example.fr/*'] });
    expect([...b.registered.keys()]).toEqual([scriptIdFor('https://ent.example.fr/*')]);
    expect(await listSites(b.api)).toEqual(['https://ent.example.fr/*']);
  });

  it('a refused prompt registers nothing', async () => {
    const b = fakeBrowser({ answer: false });
    expect(await rememberSite(b.api, 'https://ent.example.fr/*')).toBe('refused');
    expect(b.registered.size).toBe(0);
  });

  it('never asks for a wildcard or another scheme', async () => {
    const b = fakeBrowser();
    expect(await rememberSite(b.api, 'https://*/*')).toBe('not-possible');
    expect(await rememberSite(b.api, 'http://a.example/*')).toBe('not-possible');
    expect(b.api.permissions.request).not.toHaveBeenCalled();
  });

  it('a request that throws (no user gesture, undeclared origin) is "not possible"', async () => {
    const b = fakeBrowser();
    b.api.permissions.request.mockRejectedValueOnce(new Error('must be called during a user gesture'));
    expect(await rememberSite(b.api, 'https://a.example/*')).toBe('not-possible');
  });

  it('forgetting unregisters and gives the permission back', async () => {
    const b = fakeBrowser();
    await rememberSite(b.api, 'https://a.example/*');
    await rememberSite(b.api, 'https://b.example/*');
    await forgetSite(b.api, 'https://a.example/*');
    expect([...b.registered.keys()]).toEqual([scriptIdFor('https://b.example/*')]);
    expect(b.granted.has('https://a.example/*')).toBe(false);
    // Forgetting twice is harmless.
    await forgetSite(b.api, 'https://a.example/*');
  });

  it('a permission withdrawn in the browser settings: reconcile unregisters its script', async () => {
    const b = fakeBrowser();
    await rememberSite(b.api, 'https://a.example/*');
    b.granted.delete('https://a.example/*');
    expect(await reconcile(b.api)).toEqual({ registered: [], unregistered: ['https://a.example/*'] });
    expect(b.registered.size).toBe(0);
  });

  it('at background start: re-registers what a browser restart lost, leaves others’ scripts alone', async () => {
    const b = fakeBrowser({
      granted: ['https://*.lavienne86.fr/*', 'https://a.example/*'],
      registered: [{ id: 'someone-else', matches: ['https://x/*'] }],
    });
    expect(await reconcile(b.api)).toEqual({ registered: ['https://a.example/*'], unregistered: [] });
    expect([...b.registered.keys()].sort()).toEqual(['sesame-site:https://a.example/*', 'someone-else']);
    // Idempotent.
    expect(await reconcile(b.api)).toEqual({ registered: [], unregistered: [] });
  });

  it('popup and background reconciling at once: the loser’s duplicate error is not an error', async () => {
    const b = fakeBrowser({ granted: ['https://a.example/*'] });
    await Promise.all([reconcile(b.api), reconcile(b.api)]);
    expect([...b.registered.keys()]).toEqual(['sesame-site:https://a.example/*']);
  });

  it('Chrome’s early duplicate refusal (the other registration not listed yet) is not an error', async () => {
    const b = fakeBrowser({ granted: ['https://a.example/*'] });
    b.api.scripting.registerContentScripts.mockRejectedValueOnce(
      new Error("Duplicate script ID 'sesame-site:https://a.example/*'"),
    );
    expect(await reconcile(b.api)).toEqual({ registered: [], unregistered: [] });
  });

  it('a registration that fails for another reason is reported', async () => {
    const b = fakeBrowser({ granted: ['https://a.example/*'] });
    b.api.scripting.registerContentScripts.mockRejectedValueOnce(new Error('Could not load file'));
    await expect(reconcile(b.api)).rejects.toThrow(/Could not load file/);
  });
});
