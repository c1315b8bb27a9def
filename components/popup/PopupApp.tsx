import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Translate } from '@/lib/i18n/catalog';
import { evaluate } from '@/lib/rules/evaluate';
import { ENEJ_PROFILE } from '@/lib/rules/profile';
import { LENGTH_RANGE, type PopupSettings, WORDS_RANGE } from '@/lib/settings/settings';
import type { StrengthResult } from '@/lib/strength';
import { Checklist } from '../Checklist';
import { PasswordDisplay } from '../PasswordDisplay';
import { StrengthMeter } from '../StrengthMeter';
import { TypingHints } from '../TypingHints';
import { type KeepAbilities, KeepCard, PrintCard } from './PrintCard';
import { SiteTools } from './SiteTools';
import type { FillOutcome, GuideOutcome, PageActions, PageStatus, PopupPassword, SiteActions } from './types';

export interface PopupAppProps {
  t: Translate;
  /** BCP 47 language of the UI, for the printed date. */
  lang: string;
  initialSettings: PopupSettings;
  /**
   * The password the popup's first script already painted (`components/popup/first-view.ts`): shown
   * instead of generating one, so the family never sees the first password replaced by another.
   */
  initialPassword?: PopupPassword;
  /** Called on every change of a setting (never with a password). */
  onSettingsChange: (settings: PopupSettings) => void;
  /** Makes a new compliant password; may throw when the settings cannot be met. */
  generate: (settings: PopupSettings) => PopupPassword;
  /** Loads the (large) strength estimator after the first password is on screen. */
  loadStrength: () => Promise<(password: string) => StrengthResult>;
  copy: (password: string) => Promise<void>;
  page: PageActions;
  /** Sites the family chose (issue 10); without it the popup offers no "remember this site". */
  sites?: SiteActions;
  print: () => void;
  now: () => Date;
  /** What the device offers for the card, asked at the click; default: printing, as on a computer. */
  keepAbilities?: () => KeepAbilities;
  /** The system share sheet (`navigator.share`), where there is one. */
  share?: (data: { title: string; text: string }) => Promise<void>;
}

const PRINT_ONLY: KeepAbilities = { print: true, share: false, phone: false };
const NO_SHARE = () => Promise.reject(new Error('no share sheet'));

type Notice = { key: string; tone: 'ok' | 'error' } | null;
type PageState = { checked: false } | { checked: true; status: PageStatus };

const WORD_CHOICES = range(WORDS_RANGE.min, WORDS_RANGE.max);

function range(min: number, max: number): number[] {
  return Array.from({ length: max - min + 1 }, (_, i) => min + i);
}

function tryGenerate(generate: PopupAppProps['generate'], settings: PopupSettings): PopupPassword | null {
  try {
    return generate(settings);
  } catch {
    return null;
  }
}

export function PopupApp(props: PopupAppProps) {
  const { t, generate, page } = props;
  const [settings, setSettings] = useState<PopupSettings>(props.initialSettings);
  // Generated synchronously for the first render: the password is what the family opened the popup for.
  const [current, setCurrent] = useState<PopupPassword | null>(
    () => props.initialPassword ?? tryGenerate(generate, settings),
  );
  const [generateFailed, setGenerateFailed] = useState(current === null);
  const [announcement, setAnnouncement] = useState('');
  const [copyNotice, setCopyNotice] = useState<Notice>(null);
  const [pageNotice, setPageNotice] = useState<Notice>(null);
  const [pageState, setPageState] = useState<PageState>({ checked: false });
  const [guideOutcome, setGuideOutcome] = useState<GuideOutcome | null>(null);
  const [estimate, setEstimate] = useState<((password: string) => StrengthResult) | null>(null);
  const [strengthUnavailable, setStrengthUnavailable] = useState(false);
  const busy = useRef(false);
  // The first frame holds what the family came for (the password, its buttons, the page action, the
  // options and the print card); the checklist, the strength panel, the typing hints and the printed date
  // follow one frame later. Preact runs effects after the browser has painted, so this costs the first
  // paint nothing, and nothing there can be used within a frame anyway.
  const [firstPaintDone, setFirstPaintDone] = useState(false);
  useEffect(() => setFirstPaintDone(true), []);

  useEffect(() => {
    let live = true;
    page.status().then(
      (status) => live && setPageState({ checked: true, status }),
      () => live && setPageState({ checked: true, status: null }),
    );
    props.loadStrength().then(
      (fn) => live && setEstimate(() => fn),
      () => live && setStrengthUnavailable(true),
    );
    return () => {
      live = false;
    };
  }, [page, props.loadStrength]);

  const password = current?.password ?? '';
  const results = useMemo(
    () => (firstPaintDone ? evaluate(password, ENEJ_PROFILE) : []),
    [firstPaintDone, password],
  );
  const strength = useMemo(() => (estimate && password ? estimate(password) : null), [estimate, password]);

  function regenerate(next: PopupSettings, announce: boolean) {
    const made = tryGenerate(generate, next);
    setGenerateFailed(made === null);
    if (made === null) return;
    setCurrent(made);
    setCopyNotice(null);
    setPageNotice(null);
    if (announce) setAnnouncement(t('popup_announce', [made.password]));
  }

  function change<K extends keyof PopupSettings>(key: K, value: PopupSettings[K]) {
    const next = { ...settings, [key]: value };
    setSettings(next);
    props.onSettingsChange(next);
    regenerate(next, true);
  }

  async function onCopy() {
    if (!password) return;
    try {
      await props.copy(password);
      setCopyNotice({ key: 'popup_copied', tone: 'ok' });
    } catch {
      setCopyNotice({ key: 'popup_copy_failed', tone: 'error' });
    }
  }

  // One page action at a time: a double click must not fill twice or inject the guide twice.
  async function runPageAction(action: () => Promise<FillOutcome | GuideOutcome>) {
    if (busy.current) return;
    busy.current = true;
    try {
      const outcome = await action().catch((): FillOutcome => 'failed');
      if (outcome === 'started' || outcome === 'no-form' || outcome === 'not-allowed')
        setGuideOutcome(outcome);
      const key = {
        filled: 'popup_fill_done',
        failed: 'popup_fill_failed',
        started: 'popup_guide_started',
        'no-form': 'popup_guide_no_form',
        'not-allowed': 'popup_guide_not_allowed',
      }[outcome];
      setPageNotice({ key, tone: outcome === 'filled' || outcome === 'started' ? 'ok' : 'error' });
    } finally {
      busy.current = false;
    }
  }

  const status = pageState.checked ? pageState.status : null;
  const canFill = status?.kind === 'change-password' && status.canFill;
  // Building a date formatter costs Firefox about half a millisecond, so it waits for the first paint too.
  const date = useMemo(
    () =>
      firstPaintDone ? new Intl.DateTimeFormat(props.lang, { dateStyle: 'long' }).format(props.now()) : '',
    [firstPaintDone, props.lang, props.now],
  );

  return (
    <div class="popup">
      <main class="popup__main">
        <header class="popup__header">
          <h1>{t('popup_title')}</h1>
          <p>{t('popup_subtitle')}</p>
        </header>

        <fieldset class="popup__modes">
          <legend class="sr-only">{t('popup_mode_legend')}</legend>
          {(['memorable', 'random'] as const).map((mode) => (
            <label key={mode} class="popup__mode">
              <input
                type="radio"
                name="mode"
                value={mode}
                data-mode={mode}
                checked={settings.mode === mode}
                onChange={() => change('mode', mode)}
              />
              <span>{t(mode === 'memorable' ? 'popup_mode_memorable' : 'popup_mode_random')}</span>
            </label>
          ))}
        </fieldset>

        <section class="popup__password" aria-labelledby="popup-password-label">
          <h2 id="popup-password-label" class="sr-only">
            {t('popup_password_label')}
          </h2>
          {current ? (
            <PasswordDisplay password={current.password} t={t} id="popup-password" />
          ) : (
            <p class="popup__error" role="alert">
              {t('popup_generate_error')}
            </p>
          )}
          {generateFailed && current ? (
            <p class="popup__error" role="alert">
              {t('popup_generate_error')}
            </p>
          ) : null}
          <div class="popup__actions">
            <button
              type="button"
              class="button button--primary"
              data-action="generate"
              onClick={() => regenerate(settings, true)}
            >
              {t('popup_generate')}
            </button>
            <button type="button" class="button" data-action="copy" onClick={onCopy} disabled={!current}>
              {t('pw_copy')}
            </button>
          </div>
          <p
            class={`popup__notice popup__notice--${copyNotice?.tone ?? 'none'}`}
            role="status"
            data-notice={copyNotice?.key}
          >
            {copyNotice ? t(copyNotice.key) : ''}
          </p>
          {/* Read out on regeneration only; the first password is announced with the page itself. */}
          <p class="sr-only" aria-live="polite" aria-atomic="true" data-testid="announce">
            {announcement}
          </p>
        </section>

        <section
          class="popup__page"
          data-page-state={pageState.checked ? (status?.kind ?? 'unknown') : 'checking'}
        >
          {canFill ? (
            <>
              <p class="popup__hint">{t('popup_fill_hint')}</p>
              <button
                type="button"
                class="button button--primary"
                data-action="fill"
                disabled={!current}
                onClick={() => runPageAction(() => page.fill(password))}
              >
                {t('popup_fill')}
              </button>
            </>
          ) : status?.kind === 'success' ? (
            <p class="popup__hint">{t('popup_success_page')}</p>
          ) : pageState.checked ? (
            <>
              <button
                type="button"
                class="button"
                data-action="guide"
                onClick={() => runPageAction(() => page.startGuide())}
              >
                {t('popup_guide')}
              </button>
              <p class="popup__hint">{t('popup_guide_hint')}</p>
            </>
          ) : null}
          <p
            class={`popup__notice popup__notice--${pageNotice?.tone ?? 'none'}`}
            role="status"
            data-notice={pageNotice?.key}
          >
            {pageNotice ? t(pageNotice.key) : ''}
          </p>
          {firstPaintDone ? (
            <SiteTools
              t={t}
              page={page}
              sites={props.sites}
              checked={pageState.checked}
              status={status}
              guideOutcome={guideOutcome}
              copy={props.copy}
            />
          ) : null}
        </section>

        {firstPaintDone ? (
          <>
            <section class="popup__checks" aria-labelledby="popup-checks-title">
              <h2 id="popup-checks-title">{t('popup_checklist_title')}</h2>
              <Checklist results={results} t={t} />
            </section>

            <section class="popup__strength" aria-labelledby="popup-strength-title">
              <h2 id="popup-strength-title" class="sr-only">
                {t('popup_strength_title')}
              </h2>
              <StrengthMeter
                result={strength}
                t={t}
                placeholder={t(strengthUnavailable ? 'popup_strength_unavailable' : 'popup_strength_loading')}
              />
              {current ? (
                <p class="popup__entropy" data-testid="entropy">
                  {t('popup_entropy', [String(Math.round(current.entropyBits))])}
                </p>
              ) : null}
            </section>

            {current ? (
              <div class="popup__hints">
                <TypingHints hints={current.hints} t={t} />
              </div>
            ) : null}
          </>
        ) : null}

        <details class="popup__options">
          <summary>{t('popup_options')}</summary>
          {settings.mode === 'memorable' ? (
            <label class="popup__field">
              <span class="popup__field-label">{t('popup_words')}</span>
              <select
                data-option="words"
                value={String(settings.words)}
                onChange={(e) => change('words', Number(e.currentTarget.value))}
              >
                {WORD_CHOICES.map((n) => (
                  <option key={n} value={String(n)}>
                    {String(n)}
                  </option>
                ))}
              </select>
            </label>
          ) : (
            <label class="popup__field">
              <span class="popup__field-label">{t('popup_length', [String(settings.length)])}</span>
              <input
                type="range"
                data-option="length"
                min={LENGTH_RANGE.min}
                max={LENGTH_RANGE.max}
                value={settings.length}
                onChange={(e) => change('length', Number(e.currentTarget.value))}
              />
            </label>
          )}
          <label class="popup__check">
            <input
              type="checkbox"
              data-option="azertyEasy"
              checked={settings.azertyEasy}
              onChange={(e) => change('azertyEasy', e.currentTarget.checked)}
            />
            <span>{t('popup_azerty')}</span>
          </label>
          {settings.mode === 'random' ? (
            <label class="popup__check">
              <input
                type="checkbox"
                data-option="avoidLookAlikes"
                checked={settings.avoidLookAlikes}
                onChange={(e) => change('avoidLookAlikes', e.currentTarget.checked)}
              />
              <span>{t('popup_lookalikes')}</span>
            </label>
          ) : null}
        </details>

        <KeepCard
          t={t}
          password={current?.password ?? null}
          date={date}
          abilities={props.keepAbilities ?? (() => PRINT_ONLY)}
          print={props.print}
          share={props.share ?? NO_SHARE}
          copy={props.copy}
        />
      </main>
      {/* Printed only, never on screen, and dated after the first paint: it joins the page then too. */}
      {firstPaintDone && current ? <PrintCard password={current.password} date={date} t={t} /> : null}
    </div>
  );
}
