import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { startGuide } from './guide';
import { guideUi } from './ui';

const FIXTURE = readFileSync(resolve(__dirname, '../../tests/fixtures/enej-change-password.html'), 'utf8');
const own = () => ({ id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/popup.html') });

const listening = () =>
  (fakeBrowser.runtime.onMessage as unknown as { hasListeners(): boolean }).hasListeners();

function loadFixture() {
  const body = FIXTURE.slice(FIXTURE.indexOf('<body>') + 6, FIXTURE.indexOf('<script>'));
  document.body.innerHTML = body;
}

async function send(message: unknown, sender: object = own()) {
  const replies: unknown[] = [];
  // The fake's typing omits `sendResponse`, which the content script answers through.
  const trigger = fakeBrowser.runtime.onMessage.trigger as unknown as (
    ...args: unknown[]
  ) => Promise<unknown>;
  await trigger(message, sender, (r: unknown) => replies.push(r));
  return replies[0];
}

// In the extension the UI comes from guide-ui.js, imported by URL; here, straight from its module.
const loadUi = vi.fn(async () => guideUi);

describe('startGuide', () => {
  beforeEach(() => {
    loadUi.mockClear();
    fakeBrowser.reset();
    Object.assign(fakeBrowser.i18n, {
      getMessage: (key: string) => key,
      getUILanguage: () => 'fr',
    });
    // No stylesheet to fetch in unit tests.
    vi.stubGlobal('fetch', () => Promise.reject(new Error('offline')));
    loadFixture();
  });
  afterEach(() => {
    document.body.replaceChildren();
    vi.unstubAllGlobals();
  });

  it('waits for start-guide outside ENEJ, then mounts one guide after the new field', async () => {
    const ctx = new ContentScriptContext('enej');
    startGuide(ctx, loadUi);
    await new Promise((r) => setTimeout(r, 20));
    expect(document.querySelectorAll('sesame-guide')).toHaveLength(0);
    expect(await send({ type: 'sesame:status' })).toEqual({ kind: 'none', canFill: false });
    expect(await send({ type: 'sesame:start-guide' })).toEqual({ ok: true });
    await vi.waitFor(() => expect(document.querySelectorAll('sesame-guide')).toHaveLength(1));
    const host = document.querySelector('sesame-guide') as Element;
    expect(host.shadowRoot?.querySelector('[data-rule="length"]')).not.toBeNull();
    expect(await send({ type: 'sesame:status' })).toEqual({ kind: 'change-password', canFill: true });
    ctx.abort();
  });

  it('mounts the UI a task after preparing it: loading, reading the rules and rendering are not one task', async () => {
    const ctx = new ContentScriptContext('enej');
    let inPageBeforeTheTurn: boolean | undefined;
    const splitUi = vi.fn(async () => ({
      ...guideUi,
      prepareGuide: async (...args: Parameters<typeof guideUi.prepareGuide>) => {
        const prepared = await guideUi.prepareGuide(...args);
        // Queued before the content script's own turn: runs once the task that prepared the UI has ended.
        setTimeout(() => {
          inPageBeforeTheTurn = document.querySelector('sesame-guide') !== null;
        }, 0);
        return prepared;
      },
    }));
    startGuide(ctx, splitUi);
    await send({ type: 'sesame:start-guide' });
    await vi.waitFor(() => expect(document.querySelector('sesame-guide')).not.toBeNull());
    expect(inPageBeforeTheTurn).toBe(false);
    ctx.abort();
  });

  it('fills only for our own extension and a well-formed message', async () => {
    const ctx = new ContentScriptContext('enej');
    startGuide(ctx, loadUi);
    await send({ type: 'sesame:start-guide' });
    await vi.waitFor(() => expect(document.querySelector('sesame-guide')).not.toBeNull());
    const field = document.getElementById('nouveauMdp') as HTMLInputElement;
    expect(
      await send({ type: 'sesame:fill', password: 'Velo-Rouge-42!' }, { id: 'other-extension' }),
    ).toBeUndefined();
    expect(
      // Our own content script in another tab: our id, but a web page's URL.
      await send(
        { type: 'sesame:fill', password: 'Velo-Rouge-42!' },
        { id: fakeBrowser.runtime.id, tab: { id: 1 }, url: 'https://enej.lavienne86.fr/autre' },
      ),
    ).toBeUndefined();
    expect(await send({ type: 'sesame:fill', password: 42 })).toBeUndefined();
    expect(field.value).toBe('');
    expect(await send({ type: 'sesame:fill', password: 'Velo-Rouge-42!' })).toEqual({ ok: true });
    expect(field.value).toBe('Velo-Rouge-42!');
    expect((document.getElementById('confirmationMdp') as HTMLInputElement).value).toBe('Velo-Rouge-42!');
    ctx.abort();
  });

  it('undoes everything when the context is invalidated', async () => {
    const disconnect = vi.spyOn(MutationObserver.prototype, 'disconnect');
    const ctx = new ContentScriptContext('enej');
    startGuide(ctx, loadUi);
    await send({ type: 'sesame:start-guide' });
    await vi.waitFor(() => expect(document.querySelector('sesame-guide')).not.toBeNull());
    expect(listening()).toBe(true);
    ctx.notifyInvalidated();
    expect(document.querySelector('sesame-guide')).toBeNull();
    expect(disconnect).toHaveBeenCalled();
    expect(listening()).toBe(false);
    // The page keeps changing: nothing comes back.
    document.getElementById('formulaireChangement')?.replaceWith(document.createElement('div'));
    loadFixture();
    await new Promise((r) => setTimeout(r, 30));
    expect(document.querySelector('sesame-guide')).toBeNull();
  });

  it('replaces an older copy of itself instead of adding a second guide', async () => {
    const first = new ContentScriptContext('enej');
    startGuide(first, loadUi);
    await send({ type: 'sesame:start-guide' });
    await vi.waitFor(() => expect(document.querySelector('sesame-guide')).not.toBeNull());
    // A second injection (popup's executeScript) makes a new context, which stops the old one.
    const second = new ContentScriptContext('enej');
    expect(first.isInvalid).toBe(true);
    startGuide(second, loadUi);
    await send({ type: 'sesame:start-guide' });
    await new Promise((r) => setTimeout(r, 30));
    expect(document.querySelectorAll('sesame-guide')).toHaveLength(1);
    second.abort();
  });

  it("puts the served catalog's language on the <html> inside the guide's shadow root", async () => {
    const ctx = new ContentScriptContext('enej');
    startGuide(ctx, loadUi);
    await send({ type: 'sesame:start-guide' });
    await vi.waitFor(() => expect(document.querySelector('sesame-guide')).not.toBeNull());
    const html = document.querySelector('sesame-guide')?.shadowRoot?.querySelector('html');
    // The fake catalog answers every key with the key itself: `catalog_lang` is not a language, so French.
    expect(html?.getAttribute('lang')).toBe('fr');
    ctx.abort();
  });

  it('never loads the UI on a page without a change form, however much it changes', async () => {
    document.body.innerHTML = '<main><h1>Accueil</h1><ul id="fil"></ul><input type="search" name="q"></main>';
    const ctx = new ContentScriptContext('enej');
    startGuide(ctx, loadUi);
    await send({ type: 'sesame:start-guide' });
    for (let i = 0; i < 5; i++) {
      const li = document.createElement('li');
      li.className = i % 2 ? 'neuve' : '';
      li.textContent = `Actualité ${i}`;
      document.getElementById('fil')?.replaceChildren(li);
      await new Promise((r) => setTimeout(r, 5));
    }
    expect(loadUi).not.toHaveBeenCalled();
    expect(document.querySelector('sesame-guide')).toBeNull();
    // A form arriving later is found, and only then does the UI load.
    loadFixture();
    await vi.waitFor(() => expect(document.querySelector('sesame-guide')).not.toBeNull());
    expect(loadUi).toHaveBeenCalled();
    ctx.abort();
  });

  describe('on ENEJ, the first frame', () => {
    const ENEJ_URL = 'https://connect.enej.lavienne86.fr/fr/changement-mot-de-passe';
    let before = '';
    beforeEach(() => {
      before = location.href;
      (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(ENEJ_URL);
    });
    afterEach(() => {
      (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(before);
    });

    function deferredUi() {
      let release: (ok: boolean) => void = () => {};
      const load = vi.fn(
        () =>
          new Promise<typeof guideUi>((resolve, reject) => {
            release = (ok) => (ok ? resolve(guideUi) : reject(new Error('guide-ui.js gone')));
          }),
      );
      return { load, release: (ok: boolean) => release(ok) };
    }

    it('is in the page before the UI has loaded, and the UI takes over the same host', async () => {
      const ui = deferredUi();
      const ctx = new ContentScriptContext('enej');
      startGuide(ctx, ui.load);
      await vi.waitFor(() => expect(ui.load).toHaveBeenCalled());
      const host = document.querySelector('sesame-guide') as HTMLElement;
      expect(host).not.toBeNull();
      expect(host.hasAttribute('data-first-frame')).toBe(true);
      const rules = [...(host.shadowRoot?.querySelectorAll('[data-rule]') ?? [])].map((li) =>
        li.getAttribute('data-rule'),
      );
      expect(rules).toEqual(['length', 'upper', 'lower', 'digit', 'special', 'allowed', 'confirm']);
      const frameHtml = host.shadowRoot?.querySelector('body')?.innerHTML;

      ui.release(true);
      await vi.waitFor(() => expect(host.hasAttribute('data-first-frame')).toBe(false));
      expect(document.querySelectorAll('sesame-guide')).toHaveLength(1);
      expect(document.querySelector('sesame-guide')).toBe(host);
      expect(host.shadowRoot?.querySelector('body')?.innerHTML).toBe(frameHtml);
      ctx.abort();
      expect(document.querySelector('sesame-guide')).toBeNull();
    });

    it('goes away when the UI cannot load', async () => {
      const ui = deferredUi();
      const ctx = new ContentScriptContext('enej');
      startGuide(ctx, ui.load);
      await vi.waitFor(() => expect(document.querySelector('sesame-guide')).not.toBeNull());
      ui.release(false);
      await vi.waitFor(() => expect(document.querySelector('sesame-guide')).toBeNull());
      // Taking the frame away is a mutation beside the field: it must not start the same load again.
      await new Promise((r) => setTimeout(r, 50));
      expect(ui.load).toHaveBeenCalledTimes(1);
      expect(document.querySelector('sesame-guide')).toBeNull();
      ctx.abort();
    });

    it('goes away with the script that drew it', async () => {
      const ui = deferredUi();
      const ctx = new ContentScriptContext('enej');
      startGuide(ctx, ui.load);
      await vi.waitFor(() => expect(document.querySelector('sesame-guide')).not.toBeNull());
      ctx.abort();
      expect(document.querySelector('sesame-guide')).toBeNull();
      ui.release(true);
      await new Promise((r) => setTimeout(r, 30));
      expect(document.querySelector('sesame-guide')).toBeNull();
    });

    it('is not drawn where the page states other rules: the guide waits for its UI', async () => {
      document
        .querySelector('#nouveauMdp')
        ?.insertAdjacentHTML('afterend', '<ul><li>Mot contenant 12 caractères minimum</li></ul>');
      const ui = deferredUi();
      const ctx = new ContentScriptContext('enej');
      startGuide(ctx, ui.load);
      await vi.waitFor(() => expect(ui.load).toHaveBeenCalled());
      expect(document.querySelector('sesame-guide')).toBeNull();
      ui.release(true);
      await vi.waitFor(() => expect(document.querySelector('sesame-guide')).not.toBeNull());
      ctx.abort();
    });
  });
});
