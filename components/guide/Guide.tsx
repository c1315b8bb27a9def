import { useState } from 'preact/hooks';
import { Checklist } from '@/components/Checklist';
import { PasswordDisplay } from '@/components/PasswordDisplay';
import { StrengthMeter } from '@/components/StrengthMeter';
import { TypingHints, type TypingHintView } from '@/components/TypingHints';
import type { GuideView } from '@/lib/guide/state';
import { type Translate, textDirection } from '@/lib/i18n/catalog';
import type { StrengthResult } from '@/lib/strength/estimate';

export interface GeneratedView {
  password: string;
  hints: readonly TypingHintView[];
}

export interface GuideProps {
  t: Translate;
  view: GuideView;
  /** The page printed its own criteria (or a `passwordrules` attribute) and the list follows them. */
  pageRules: boolean;
  strength: StrengthResult | null;
  /** The estimator cannot load here (e.g. injected on a page outside ENEJ): the meter says so. */
  strengthUnavailable: boolean;
  capsLock: boolean;
  /** Last state change to announce, already translated; never the password. */
  announcement: string;
  generated: GeneratedView | null;
  /** Message key of the last generate/fill failure. */
  errorKey: string | null;
  onGenerate: (event: MouseEvent) => void;
  /** Resolves to whether the copy worked. */
  onCopy: () => Promise<boolean>;
  /** Language of the messages (`fr`, `ar`…), for screen readers' pronunciation and the writing direction. */
  lang?: string;
}

/** The guide shown under ENEJ's new-password field. State lives with the caller; this only renders. */
export function Guide(props: GuideProps) {
  const { t, view, generated } = props;
  const [hidden, setHidden] = useState(false);
  const [copyKey, setCopyKey] = useState<string | null>(null);
  return (
    <section
      class="guide"
      aria-labelledby="sesame-guide-title"
      lang={props.lang ?? 'fr'}
      dir={textDirection(props.lang ?? 'fr')}
    >
      <h2 id="sesame-guide-title" class="guide__title">
        {t('guide_title')}
      </h2>
      <p class="guide__intro">{t(props.pageRules ? 'guide_intro_page' : 'guide_intro')}</p>
      <Checklist results={view.results} confirm={view.confirm} t={t} />
      {props.capsLock ? (
        <p class="guide__warning" data-warning="capslock" role="alert">
          <span aria-hidden="true">⚠ </span>
          {t('guide_capslock')}
        </p>
      ) : null}
      {view.sameAsCurrent ? (
        <p class="guide__warning" data-warning="same-as-current">
          <span aria-hidden="true">⚠ </span>
          {t('guide_same_as_current')}
        </p>
      ) : null}
      {view.allMet ? (
        <p class="guide__done" data-done="true">
          <span aria-hidden="true">✓ </span>
          {t('guide_all_met')}
        </p>
      ) : null}
      <StrengthMeter
        result={view.started ? props.strength : null}
        t={t}
        placeholder={props.strengthUnavailable ? t('meter_unavailable') : undefined}
      />
      <div class="guide__generate">
        <button type="button" class="guide__button" data-action="generate" onClick={props.onGenerate}>
          {t('guide_generate')}
        </button>
        <p class="guide__hint">{t('guide_generate_help')}</p>
      </div>
      {props.errorKey ? (
        <p class="guide__warning" data-error={props.errorKey} role="alert">
          {t(props.errorKey)}
        </p>
      ) : null}
      {generated ? (
        <div class="guide__generated" data-generated="true">
          <h3 class="guide__subtitle">{t('guide_generated_title')}</h3>
          <PasswordDisplay
            password={generated.password}
            t={t}
            hidden={hidden}
            onToggleHidden={() => setHidden((h) => !h)}
            onCopy={() => {
              void props.onCopy().then((ok) => setCopyKey(ok ? 'guide_copied' : 'guide_copy_failed'));
            }}
          />
          {copyKey ? <p class="guide__hint">{t(copyKey)}</p> : null}
          <TypingHints hints={generated.hints} t={t} />
          <p class="guide__note">{t('guide_generated_filled')}</p>
          <p class="guide__note guide__note--strong">{t('guide_generated_write_down')}</p>
        </div>
      ) : null}
      <div class="guide__live" aria-live="polite" aria-atomic="true">
        {props.announcement}
      </div>
    </section>
  );
}
