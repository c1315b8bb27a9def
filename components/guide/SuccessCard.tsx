import { type Translate, textDirection } from '@/lib/i18n/catalog';

export interface SuccessCardProps {
  t: Translate;
  /** Language of the messages, for screen readers and the writing direction. */
  lang?: string;
  onClose: () => void;
}

/** Shown once ENEJ says the password changed: what families must still do elsewhere. */
export function SuccessCard({ t, lang = 'fr', onClose }: SuccessCardProps) {
  return (
    <section
      class="guide guide--success"
      data-card="success"
      aria-labelledby="sesame-success-title"
      lang={lang}
      dir={textDirection(lang)}
    >
      <h2 id="sesame-success-title" class="guide__title">
        <span aria-hidden="true">✓ </span>
        {t('guide_success_title')}
      </h2>
      <ul class="guide__list">
        <li>{t('guide_success_next_login')}</li>
        <li>{t('guide_success_apps')}</li>
        <li>{t('guide_success_educonnect')}</li>
      </ul>
      <button type="button" class="guide__button" data-action="close" onClick={onClose}>
        {t('guide_success_close')}
      </button>
    </section>
  );
}
