import type { Translate } from '@/lib/i18n/catalog';
import { PasswordDisplay } from '../PasswordDisplay';

export interface PrintCardProps {
  password: string;
  /** Already formatted in the reader's language, e.g. "29 novembre 2025". */
  date: string;
  t: Translate;
}

/**
 * The card a family prints and keeps at home. It is in the DOM all the time but only the print style sheet
 * shows it (and hides the rest), so `window.print()` needs no extra page: a second page would need the
 * password handed to it, through a URL or storage, which is exactly what we never do.
 */
export function PrintCard({ password, date, t }: PrintCardProps) {
  return (
    <section class="print-card" data-testid="print-card">
      <h1>{t('print_title')}</h1>
      <PasswordDisplay password={password} t={t} testId="print-password" />
      <p>{t('print_date', [date])}</p>
      <p>{t('print_where')}</p>
      <p class="print-card__user">{t('print_user')}</p>
      <ul>
        <li>{t('print_keep_home')}</li>
        <li>{t('print_dont_share')}</li>
        <li>{t('print_if_seen')}</li>
      </ul>
    </section>
  );
}
