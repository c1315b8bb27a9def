import { useEffect, useRef, useState } from 'preact/hooks';
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

/** What this device offers for keeping the card, asked when the family asks for it. */
export interface KeepAbilities {
  /** `window.print` exists. */
  print: boolean;
  /** `navigator.share` exists (Android, some desktops). */
  share: boolean;
  /** A phone (Firefox for Android): a printer is seldom at hand, the share sheet and notes apps are. */
  phone: boolean;
}

export type KeepAction = 'print' | 'share' | 'copy';

/**
 * On a computer with printing, the card is printed at once. Where printing is missing (or on a phone, where
 * it seldom leads to paper), the family chooses: print if it can, share the card's text to an app of its
 * choice, or copy it. Copy is always offered: it is the one that works everywhere.
 */
export function keepActions({ print, share, phone }: KeepAbilities): KeepAction[] {
  if (print && !phone) return ['print'];
  const actions: KeepAction[] = [];
  if (print) actions.push('print');
  if (share) actions.push('share');
  actions.push('copy');
  return actions;
}

/** The card as plain text, in the order it is printed, for sharing or pasting into notes. */
export function cardText(t: Translate, password: string, date: string): string {
  return [
    t('print_title'),
    '',
    password,
    '',
    t('print_date', [date]),
    t('print_where'),
    t('print_user'),
    '',
    `- ${t('print_keep_home')}`,
    `- ${t('print_dont_share')}`,
    `- ${t('print_if_seen')}`,
  ].join('\n');
}

export interface KeepCardProps {
  t: Translate;
  /** null while there is no password (the generator failed). */
  password: string | null;
  date: string;
  abilities: () => KeepAbilities;
  print: () => void;
  /** Hands the text to the system's share sheet; rejects with `AbortError` when the family closes it. */
  share: (data: { title: string; text: string }) => Promise<void>;
  copy: (text: string) => Promise<void>;
}

type Notice = { key: string; tone: 'ok' | 'error' } | null;

/** The "card to keep" button, and where printing is not the way, the choice of print / share / copy. */
export function KeepCard({ t, password, date, abilities, print, share, copy }: KeepCardProps) {
  const [actions, setActions] = useState<KeepAction[] | null>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const first = useRef<HTMLButtonElement>(null);
  // The choice appears below the button: take the focus there, as a keyboard or screen reader user expects.
  useEffect(() => {
    if (actions) first.current?.focus();
  }, [actions]);
  // "Copied" spoke of the previous password's card.
  useEffect(() => setNotice(null), [password]);

  const run = async (action: KeepAction) => {
    if (!password) return;
    if (action === 'print') {
      print();
      return;
    }
    const text = cardText(t, password, date);
    if (action === 'copy') {
      await copy(text).then(
        () => setNotice({ key: 'popup_card_copied', tone: 'ok' }),
        () => setNotice({ key: 'popup_copy_failed', tone: 'error' }),
      );
      return;
    }
    await share({ title: t('print_title'), text }).then(
      () => setNotice(null),
      (error: unknown) => {
        // Closing the share sheet is a choice, not a failure.
        if (error instanceof Error && error.name === 'AbortError') return;
        setNotice({ key: 'popup_card_share_failed', tone: 'error' });
      },
    );
  };

  return (
    <div class="popup__keep">
      <button
        type="button"
        class="button popup__print"
        data-action="print"
        disabled={!password}
        onClick={() => {
          const offered = keepActions(abilities());
          if (offered.length === 1 && offered[0] === 'print') void run('print');
          else setActions(offered);
        }}
      >
        {t('popup_print')}
      </button>
      {actions ? (
        <div class="popup__keep-choice" data-testid="keep-choice">
          <p class="popup__hint">{t('popup_card_hint')}</p>
          <div class="popup__actions">
            {actions.map((action, i) => (
              <button
                key={action}
                ref={i === 0 ? first : undefined}
                type="button"
                class="button"
                data-action={`card-${action}`}
                disabled={!password}
                onClick={() => void run(action)}
              >
                {t(`popup_card_${action}`)}
              </button>
            ))}
          </div>
        </div>
      ) : null}
      <p
        class={`popup__notice popup__notice--${notice?.tone ?? 'none'}`}
        role="status"
        data-notice={notice?.key}
      >
        {notice ? t(notice.key) : ''}
      </p>
    </div>
  );
}
