import { resolve } from 'node:path';
import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createGuideSession } from '@/lib/guide/session';
import { translatorFromCatalog } from '@/lib/i18n/catalog';
import { loadCatalog } from '@/lib/i18n/load-catalog';
import { ENEJ_PROFILE } from '@/lib/rules';
import { GuideApp } from './GuideApp';

const t = translatorFromCatalog(loadCatalog(resolve(__dirname, '../../locales')), 'fr');

function setup(generate = vi.fn(), generateRequested?: () => boolean) {
  document.body.innerHTML = '<input id="new" type="password"><div id="host"></div>';
  const field = document.getElementById('new') as HTMLInputElement;
  const host = document.getElementById('host') as HTMLElement;
  const life = new AbortController();
  const session = createGuideSession({
    fields: { newPassword: field, confirm: null, current: null },
    profile: ENEJ_PROFILE,
    signal: life.signal,
    loadEstimator: () => new Promise(() => {}),
  });
  render(
    <GuideApp
      session={session}
      profile={ENEJ_PROFILE}
      fromPage={false}
      generate={generate}
      t={t}
      lang="fr"
      generateRequested={generateRequested}
    />,
    host,
  );
  return { field, host, life, generate };
}

/** happy-dom ignores `modifierCapsLock`, so the event reports the lock itself. */
function capsLockKey(): KeyboardEvent {
  const event = new KeyboardEvent('keydown', { key: 'A' });
  Object.defineProperty(event, 'getModifierState', { value: (key: string) => key === 'CapsLock' });
  return event;
}

describe('GuideApp', () => {
  afterEach(() => {
    render(null, document.getElementById('host') as HTMLElement);
  });

  it('shows a Caps Lock state the session saw before the component subscribed', async () => {
    const { field, host, life } = setup();
    // Synchronously after the first render: Preact has not run its effects (subscriptions) yet.
    field.dispatchEvent(capsLockKey());
    await vi.waitFor(() => expect(host.querySelector('[data-warning="capslock"]')).not.toBeNull());
    life.abort();
  });

  it('does not generate on a click a script made', async () => {
    const { host, life, generate } = setup();
    (host.querySelector('[data-action="generate"]') as HTMLButtonElement).click();
    await new Promise((r) => setTimeout(r, 20));
    expect(generate).not.toHaveBeenCalled();
    life.abort();
  });

  it("carries out the first frame's generate click once, when it takes over", async () => {
    const run = vi.fn(() => ({ password: 'Velo-Rouge-42!', hints: [] }));
    const generate = vi.fn(async () => run);
    const { field, life } = setup(generate, () => true);
    await vi.waitFor(() => expect(field.value).toBe('Velo-Rouge-42!'));
    await new Promise((r) => setTimeout(r, 20));
    expect(generate).toHaveBeenCalledTimes(1);
    expect(run).toHaveBeenCalledWith(ENEJ_PROFILE);
    life.abort();
  });

  it('does not generate on its own when the first frame was not clicked', async () => {
    const { life, generate } = setup(vi.fn(), () => false);
    await new Promise((r) => setTimeout(r, 20));
    expect(generate).not.toHaveBeenCalled();
    life.abort();
  });
});
