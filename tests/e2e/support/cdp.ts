import type { Page } from 'playwright-core';
import type { HPage } from '../harness';

/**
 * Chromium only: looks inside the content script's isolated world over CDP, which no page script can see
 * (the main world has its own `MutationObserver`, its own `addEventListener`, and wrapping them there
 * observes nothing of ours).
 */
export interface IsolatedWorldProbe {
  /** Live instances (after a forced GC) whose prototype is the isolated world's `<Ctor>.prototype`. */
  count(ctor: string): Promise<number>;
  /**
   * Listener types registered by the content script on `expression`'s element (evaluated in the page's
   * main world), as Chromium's `DOMDebugger.getEventListeners` reports them for the isolated world.
   */
  listeners(expression: string): Promise<string[]>;
  /**
   * Every console call made in this tab since the probe started, in any world (the page's, ours):
   * Playwright's own console log only knows the worlds it created, not a content script's.
   */
  readonly console: string[];
  /** Runs `expression` in the content script's world (to prove `console` hears that world). */
  evaluate(expression: string): Promise<void>;
  dispose(): Promise<void>;
}

interface ContextDescription {
  id: number;
  origin: string;
  name: string;
  auxData?: { isDefault?: boolean; type?: string; frameId?: string };
}

const GROUP = 'sesame-probe';

type Send = (method: string, params?: Record<string, unknown>) => Promise<Record<string, unknown>>;

export async function probeIsolatedWorld(page: HPage, extensionOrigin: string): Promise<IsolatedWorldProbe> {
  const raw = page.raw as Page;
  const session = await raw.context().newCDPSession(raw);
  const contexts: ContextDescription[] = [];
  session.on('Runtime.executionContextCreated', (e: { context: ContextDescription }) =>
    contexts.push(e.context),
  );
  const consoleTexts: string[] = [];
  session.on(
    'Runtime.consoleAPICalled',
    (e: { args: { value?: unknown; description?: string; unserializableValue?: string }[] }) => {
      consoleTexts.push(
        e.args.map((a) => (a.value !== undefined ? String(a.value) : (a.description ?? ''))).join(' '),
      );
    },
  );
  const send = session.send.bind(session) as unknown as Send;
  await send('Runtime.enable');
  await send('DOM.enable');
  const ours = contexts.filter((c) => c.auxData?.type === 'isolated' && c.origin === extensionOrigin);
  const main = contexts.find((c) => c.auxData?.isDefault === true);
  const world = ours.at(-1);
  if (!world || !main) {
    await session.detach();
    throw new Error(
      `no isolated world of ${extensionOrigin} (contexts: ${contexts.map((c) => `${c.name}|${c.origin}`).join(', ')})`,
    );
  }
  const objectId = async (expression: string, contextId: number): Promise<string> => {
    const r = (await send('Runtime.evaluate', { expression, contextId, objectGroup: GROUP })) as {
      result: { objectId?: string };
      exceptionDetails?: unknown;
    };
    if (!r.result.objectId) throw new Error(`${expression} is not an object: ${JSON.stringify(r)}`);
    return r.result.objectId;
  };
  return {
    console: consoleTexts,
    async evaluate(expression) {
      await send('Runtime.evaluate', { expression, contextId: world.id });
    },
    async count(ctor) {
      const proto = await objectId(`${ctor}.prototype`, world.id);
      await send('HeapProfiler.collectGarbage');
      const q = (await send('Runtime.queryObjects', { prototypeObjectId: proto, objectGroup: GROUP })) as {
        objects: { objectId: string };
      };
      const len = (await send('Runtime.callFunctionOn', {
        objectId: q.objects.objectId,
        functionDeclaration: 'function () { return this.length; }',
        returnByValue: true,
      })) as { result: { value: number } };
      await send('Runtime.releaseObjectGroup', { objectGroup: GROUP });
      return len.result.value;
    },
    async listeners(expression) {
      const inMain = await objectId(expression, main.id);
      const { node } = (await send('DOM.describeNode', { objectId: inMain })) as {
        node: { backendNodeId: number };
      };
      const { object } = (await send('DOM.resolveNode', {
        backendNodeId: node.backendNodeId,
        executionContextId: world.id,
        objectGroup: GROUP,
      })) as { object: { objectId: string } };
      const { listeners } = (await send('DOMDebugger.getEventListeners', { objectId: object.objectId })) as {
        listeners: { type: string }[];
      };
      // Handles pin what they point to: released at once so the probe itself keeps nothing alive.
      await send('Runtime.releaseObjectGroup', { objectGroup: GROUP });
      return listeners.map((l) => l.type).sort();
    },
    async dispose() {
      await session.detach().catch(() => {});
    },
  };
}
