import type { RuleProfile } from '@/lib/rules';
import type { StrengthEstimator, StrengthResult } from '@/lib/strength/estimate';
import { debounce } from './debounce';
import { type FillOutcome, fillPasswordFields } from './fill';
import { type Announcement, announcements, computeView, type GuideView } from './state';

export interface SessionFields {
  newPassword: HTMLInputElement;
  confirm: HTMLInputElement | null;
  current: HTMLInputElement | null;
}

export interface SessionState {
  view: GuideView;
  strength: StrengthResult | null;
  strengthUnavailable: boolean;
  capsLock: boolean;
  /** The latest non-empty set of state changes; unchanged while nothing flips. */
  announcement: Announcement[];
}

export interface SessionOptions {
  fields: SessionFields;
  profile: RuleProfile;
  /** Everything the session attaches dies with it. */
  signal: AbortSignal;
  /** Called on the first keystroke only, so nothing heavy loads for a visitor who never types. */
  loadEstimator: () => Promise<StrengthEstimator>;
  userInputs?: readonly string[];
  /** Quiet time before the strength estimate runs; ~150 ms keeps it off the typing path. */
  debounceMs?: number;
}

export interface GuideSession {
  getState(): SessionState;
  subscribe(listener: () => void): () => void;
  /** Re-reads the fields, e.g. after the page changed them without an event. */
  refresh(): void;
  fill(password: string): FillOutcome;
}

/**
 * Follows a change-password form: listens to its fields (input for the rules, key events for Caps Lock),
 * derives the guide's state and estimates strength lazily. Field values are read on demand and never
 * copied anywhere but the transient view and the estimator call.
 */
export function createGuideSession(options: SessionOptions): GuideSession {
  const { fields, profile, signal } = options;
  const listeners = new Set<() => void>();
  const read = () => ({
    newPassword: fields.newPassword.value,
    confirm: fields.confirm ? fields.confirm.value : null,
    current: fields.current ? fields.current.value : null,
  });
  let state: SessionState = {
    view: computeView(read(), profile),
    strength: null,
    strengthUnavailable: false,
    capsLock: false,
    announcement: [],
  };
  let estimator: StrengthEstimator | null = null;
  let loading = false;
  /**
   * The estimate under way in slices and the value it rates (held only while it runs), stopped when the
   * new password changes or the session ends.
   */
  let running: { job: AbortController; password: string } | null = null;
  const stopRunning = () => {
    running?.job.abort();
    running = null;
  };
  signal.addEventListener('abort', stopRunning, { once: true });

  const emit = (next: Partial<SessionState>) => {
    if (signal.aborted) return;
    state = { ...state, ...next };
    for (const l of listeners) l();
  };

  const estimate = debounce(
    () => {
      if (!estimator || signal.aborted) return;
      const password = fields.newPassword.value;
      // Typing in the other fields restarts the debounce, not an estimate of the same value.
      if (running?.password === password) return;
      stopRunning();
      if (password === '' || !estimator.estimateInSlices) {
        emit({ strength: password === '' ? null : estimator.estimate(password, options.userInputs) });
        return;
      }
      // In slices, so the page (and the next keystroke) gets the main thread between them; a change of
      // the value meanwhile stops it (see `refresh`) and the next pause starts a fresh one.
      const job = new AbortController();
      const current = { job, password };
      running = current;
      estimator.estimateInSlices(password, options.userInputs, undefined, { signal: job.signal }).then(
        (strength) => {
          if (job.signal.aborted) return;
          running = null;
          emit({ strength });
        },
        () => {
          // Stopped, or failed: the meter keeps its last score until the next pause estimates again.
          if (running === current) running = null;
        },
      );
    },
    options.debounceMs ?? 150,
    signal,
  );

  const startEstimator = () => {
    if (estimator || loading || state.strengthUnavailable) return;
    loading = true;
    options.loadEstimator().then(
      (e) => {
        estimator = e;
        loading = false;
        estimate.call();
      },
      () => {
        loading = false;
        emit({ strengthUnavailable: true });
      },
    );
  };

  const refresh = () => {
    // An estimate of a value the field no longer holds is of no use.
    if (running && running.password !== fields.newPassword.value) stopRunning();
    const view = computeView(read(), profile);
    const said = announcements(state.view, view);
    emit({
      view,
      announcement: said.length > 0 ? said : state.announcement,
      ...(view.started ? {} : { strength: null }),
    });
    if (view.started) {
      startEstimator();
      estimate.call();
    } else estimate.cancel();
  };

  const onKey = (event: Event) => {
    const ke = event as KeyboardEvent;
    if (typeof ke.getModifierState !== 'function') return;
    const on = ke.getModifierState('CapsLock');
    if (on !== state.capsLock) emit({ capsLock: on });
  };

  for (const field of [fields.newPassword, fields.confirm, fields.current]) {
    if (!field) continue;
    field.addEventListener('input', refresh, { signal });
    field.addEventListener('keydown', onKey, { signal });
    field.addEventListener('keyup', onKey, { signal });
  }
  signal.addEventListener('abort', () => listeners.clear(), { once: true });

  return {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    refresh,
    fill(password) {
      // The fill's own input events run `refresh`, so the checklist follows.
      return fillPasswordFields(fields, password);
    },
  };
}
