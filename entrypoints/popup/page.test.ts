import { describe, expect, it, vi } from 'vitest';
import {
  createPageActions,
  findTargetTab,
  GUIDE_SCRIPT,
  GUIDE_UI_SCRIPT,
  lazyPageActions,
  type PopupBrowser,
  parseStatus,
} from './page';

type Tab = { id?: number; lastAccessed?: number; active?: boolean };

function fakeApi(opts: { self?: Tab; tabs: Tab[]; reply?: (msg: { type: string }) => unknown }) {
  const api = {
    tabs: {
      getCurrent: vi.fn(async () => opts.self),
      query: vi.fn(async (q: { active?: boolean }) =>
        q.active ? opts.tabs.filter((t) => t.active) : opts.tabs,
      ),
      sendMessage: vi.fn(async (_id: number, msg: { type: string }) => {
        const reply = opts.reply?.(msg);
        if (reply instanceof Error) throw reply;
        return reply;
      }),
      executeScript: vi.fn(async () => []),
    },
    scripting: { executeScript: vi.fn(async () => []) },
  };
  return api as typeof api & PopupBrowser;
}

describe('findTargetTab', () => {
  it('uses the active tab when the popup is a real popup', async () => {
    const api = fakeApi({ tabs: [{ id: 1 }, { id: 2, active: true }] });
    expect(await findTargetTab(api)).toBe(2);
    expect(api.tabs.query).toHaveBeenCalledWith({ active: true, currentWindow: true });
  });

  it('uses the most recently used other tab when the popup is open in a tab', async () => {
    const api = fakeApi({
      self: { id: 9, lastAccessed: 500 },
      tabs: [
        { id: 9, lastAccessed: 500, active: true },
        { id: 3, lastAccessed: 300 },
        { id: 4, lastAccessed: 400 },
        { id: 5 },
      ],
    });
    expect(await findTargetTab(api)).toBe(4);
  });

  it('has no target when the popup tab is alone', async () => {
    expect(await findTargetTab(fakeApi({ self: { id: 9 }, tabs: [{ id: 9 }] }))).toBeUndefined();
  });
});

describe('page actions', () => {
  it('reads the status and treats silence as "not an ENEJ page"', async () => {
    const enej = fakeApi({ tabs: [], reply: () => ({ kind: 'change-password', canFill: true }) });
    expect(await createPageActions(enej, Promise.resolve(1)).status()).toEqual({
      kind: 'change-password',
      canFill: true,
    });
    const other = fakeApi({ tabs: [], reply: () => new Error('Could not establish connection') });
    expect(await createPageActions(other, Promise.resolve(1)).status()).toBeNull();
    expect(await createPageActions(other, Promise.resolve(undefined)).status()).toBeNull();
  });

  it('gives up on a content script that never answers', async () => {
    vi.useFakeTimers();
    try {
      const api = fakeApi({ tabs: [] });
      api.tabs.sendMessage.mockReturnValue(new Promise(() => {}));
      const pending = createPageActions(api, Promise.resolve(1)).status();
      await vi.advanceTimersByTimeAsync(2500);
      expect(await pending).toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });

  it('sends the password to fill only to the target tab', async () => {
    const api = fakeApi({ tabs: [], reply: (m) => (m.type === 'sesame:fill' ? { ok: true } : undefined) });
    expect(await createPageActions(api, Promise.resolve(7)).fill('Ab1!abcd')).toBe('filled');
    expect(api.tabs.sendMessage).toHaveBeenCalledWith(7, { type: 'sesame:fill', password: 'Ab1!abcd' });
    const refused = fakeApi({ tabs: [], reply: () => ({ ok: false, reason: 'no-form' }) });
    expect(await createPageActions(refused, Promise.resolve(7)).fill('x')).toBe('failed');
  });

  it('injects the guide script then starts it', async () => {
    const api = fakeApi({
      tabs: [],
      reply: (m) => (m.type === 'sesame:status' ? { kind: 'change-password', canFill: true } : { ok: true }),
    });
    expect(await createPageActions(api, Promise.resolve(7)).startGuide()).toBe('started');
    expect(api.scripting.executeScript).toHaveBeenCalledWith({
      target: { tabId: 7 },
      files: [GUIDE_UI_SCRIPT, GUIDE_SCRIPT],
    });
    expect(api.tabs.sendMessage).toHaveBeenCalledWith(7, { type: 'sesame:start-guide' });
  });

  it('falls back to tabs.executeScript without the scripting API', async () => {
    const api = fakeApi({
      tabs: [],
      reply: (m) => (m.type === 'sesame:status' ? { kind: 'none', canFill: false } : { ok: true }),
    });
    const noScripting = { tabs: api.tabs } as PopupBrowser;
    expect(await createPageActions(noScripting, Promise.resolve(7)).startGuide()).toBe('no-form');
    expect(api.tabs.executeScript).toHaveBeenNthCalledWith(1, 7, { file: GUIDE_UI_SCRIPT });
    expect(api.tabs.executeScript).toHaveBeenNthCalledWith(2, 7, { file: GUIDE_SCRIPT });
  });

  it('reports a refused injection', async () => {
    const api = fakeApi({ tabs: [] });
    api.scripting.executeScript.mockRejectedValue(new Error('Cannot access contents of the page'));
    expect(await createPageActions(api, Promise.resolve(7)).startGuide()).toBe('not-allowed');
    expect(api.tabs.sendMessage).not.toHaveBeenCalled();
  });
});

describe('diagnostic and site pattern', () => {
  it('asks the tab for its diagnostic and accepts only text', async () => {
    const api = fakeApi({
      tabs: [],
      reply: (m) => (m.type === 'sesame:diagnostic' ? { text: 'host: x' } : undefined),
    });
    expect(await createPageActions(api, Promise.resolve(4)).diagnostic?.()).toBe('host: x');
    expect(api.tabs.sendMessage).toHaveBeenCalledWith(4, { type: 'sesame:diagnostic' });
    const silent = fakeApi({ tabs: [], reply: () => new Error('Could not establish connection') });
    expect(await createPageActions(silent, Promise.resolve(4)).diagnostic?.()).toBeNull();
    const odd = fakeApi({ tabs: [], reply: () => ({ text: 42 }) });
    expect(await createPageActions(odd, Promise.resolve(4)).diagnostic?.()).toBeNull();
    expect(await createPageActions(api, Promise.resolve(undefined)).diagnostic?.()).toBeNull();
  });

  it('gives the tab’s remember-able origin, from the address the activeTab grant reveals', async () => {
    const api = fakeApi({ tabs: [] });
    const withGet = (url: string | undefined) =>
      ({ ...api, tabs: { ...api.tabs, get: vi.fn(async () => ({ url })) } }) as PopupBrowser;
    expect(
      await createPageActions(withGet('https://ent.example.fr/a?b=c'), Promise.resolve(2)).sitePattern?.(),
    ).toBe('https://ent.example.fr/*');
    expect(
      await createPageActions(withGet('https://enej.lavienne86.fr/'), Promise.resolve(2)).sitePattern?.(),
    ).toBeNull();
    expect(await createPageActions(withGet(undefined), Promise.resolve(2)).sitePattern?.()).toBeNull();
    expect(await createPageActions(api, Promise.resolve(2)).sitePattern?.()).toBeNull();
  });
});

describe('parseStatus', () => {
  it('accepts only well-formed answers', () => {
    expect(parseStatus({ kind: 'success' })).toEqual({ kind: 'success', canFill: false });
    expect(parseStatus({ kind: 'evil', canFill: true })).toBeNull();
    expect(parseStatus('change-password')).toBeNull();
    expect(parseStatus(null)).toBeNull();
  });
});

describe('lazyPageActions', () => {
  it('builds the real actions on the first call only, and forwards every call', async () => {
    const api = fakeApi({
      tabs: [],
      reply: (msg) => (msg.type === 'sesame:fill' ? { ok: true } : { kind: 'none' }),
    });
    const make = vi.fn(() => createPageActions(api, Promise.resolve(3)));
    const page = lazyPageActions(make);
    expect(make).not.toHaveBeenCalled();
    expect(api.tabs.sendMessage).not.toHaveBeenCalled();
    expect(await page.status()).toEqual({ kind: 'none', canFill: false });
    expect(await page.fill('Ab1!abcd')).toBe('filled');
    expect(api.tabs.sendMessage).toHaveBeenLastCalledWith(3, { type: 'sesame:fill', password: 'Ab1!abcd' });
    expect(await page.startGuide()).toBe('no-form');
    expect(make).toHaveBeenCalledTimes(1);
  });

  it('passes a failure to build on to the caller, and tries again next time', async () => {
    let attempts = 0;
    const page = lazyPageActions(() => {
      attempts++;
      throw new Error('no tabs API');
    });
    await expect(page.status()).rejects.toThrow('no tabs API');
    await expect(page.fill('x')).rejects.toThrow('no tabs API');
    expect(attempts).toBe(2);
  });
});
