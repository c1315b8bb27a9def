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
});
