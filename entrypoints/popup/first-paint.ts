import { type PopupSettings, parseSettings } from '@/lib/settings/parse';
import { type FirstLabels, parseFirstLabels } from './first-labels';

/**
 * What the popup's first script (`popup-first.js`) hands to the full popup (`popup-main.js`) when it has
 * painted a password: the settings it used and the password itself, so the full popup shows that very
 * password instead of drawing another under the family's eyes. It lives only in this page's memory, under a
 * global symbol both classic scripts see, from the first paint until the takeover removes it: never in
 * storage, never in the DOM beyond the password's own text.
 */
export interface FirstPaint {
  settings: PopupSettings;
  /**
   * The stored texts the view was painted with; absent when it was translated through the API, null when
   * what was handed over cannot be read as labels (then the view's words are not to be trusted).
   */
  labels?: FirstLabels | null;
  password: string;
  entropyBits: number;
  /** Stops holding clicks on the painted view and gives the controls clicked meanwhile (`holdClicks`). */
  heldClicks: () => HTMLElement[];
}

const KEY = Symbol.for('sesame.popupFirstPaint');

type Holder = Record<symbol, unknown>;

export function handOver(value: FirstPaint, holder: object = globalThis): void {
  (holder as Holder)[KEY] = value;
}

/** The painted password's details, once: reading removes them. `undefined` when nothing was painted. */
export function takeOver(holder: object = globalThis): FirstPaint | undefined {
  const value = (holder as Holder)[KEY];
  delete (holder as Holder)[KEY];
  if (typeof value !== 'object' || value === null) return undefined;
  const { settings, labels, password, entropyBits, heldClicks } = value as Partial<FirstPaint>;
  if (typeof password !== 'string' || password === '' || typeof entropyBits !== 'number') return undefined;
  const parsed = parseSettings(settings);
  return {
    settings: parsed,
    ...(labels === undefined ? {} : { labels: parseFirstLabels(labels, parsed) }),
    password,
    entropyBits,
    heldClicks: typeof heldClicks === 'function' ? heldClicks : () => [],
  };
}
