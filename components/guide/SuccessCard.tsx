import type { Translate } from '@/lib/i18n/catalog';

export interface SuccessCardProps {
  t: Translate;
  onClose: () => void;
}

/** Shown once ENEJ says the password changed: what families must still do elsewhere. */
export function SuccessCard({ t, onClose }: SuccessCardProps) {
  return (
    <section class="guide guide--success" data-card="success" aria-labelledby="sesame-success-title">
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
