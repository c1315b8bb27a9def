import { useEffect, useState } from 'preact/hooks';
import type { Translate } from '@/lib/i18n/catalog';
import type { GuideOutcome, PageActions, PageStatus, SiteActions } from './types';

export interface SiteToolsProps {
  t: Translate;
  page: PageActions;
  /** Absent where the browser cannot register content scripts: no "remember" offer then. */
  sites?: SiteActions;
  /** Whether the popup has asked the page yet, and what it said. */
  checked: boolean;
  status: PageStatus;
  /** What the last "Aider sur cette page" did in this popup, if it was clicked. */
  guideOutcome: GuideOutcome | null;
  copy: (text: string) => Promise<void>;
}

type Notice = { key: string; params?: string[]; tone: 'ok' | 'error' } | null;

function hostOf(pattern: string): string {
  return /^https:\/\/([^/]+)\/\*$/.exec(pattern)?.[1] ?? pattern;
}

/**
 * The popup's tools for pages that are not ENEJ's change page: remember a site so the guide starts there
 * by itself, forget remembered sites, and copy a diagnostic of a page where the guide did not appear.
 */
export function SiteTools(props: SiteToolsProps) {
  const { t, page, sites, status } = props;
  const [pattern, setPattern] = useState<string | null>(null);
  const [remembered, setRemembered] = useState<string[]>([]);
  const [siteNotice, setSiteNotice] = useState<Notice>(null);
  const [diagnostic, setDiagnostic] = useState<string | null>(null);
  const [diagnosticNotice, setDiagnosticNotice] = useState<Notice>(null);
  const [busy, setBusy] = useState(false);

  const refresh = () => sites?.list().then(setRemembered, () => setRemembered([])) ?? Promise.resolve();

  useEffect(() => {
    if (!sites) return;
    let live = true;
    page.sitePattern?.().then(
      (p) => live && setPattern(p),
      () => {},
    );
    sites.list().then(
      (list) => live && setRemembered(list),
      () => {},
    );
    return () => {
      live = false;
    };
  }, [page, sites]);

  const guideHere = props.guideOutcome === 'started' || status?.kind === 'change-password';
  const canRemember = sites && pattern !== null && !remembered.includes(pattern) && guideHere;
  const showDiagnostic =
    props.checked && (status?.kind === 'none' || props.guideOutcome === 'no-form') && page.diagnostic;

  // No await before `remember`: the browser grants a permission only from inside the user's click.
  function onRemember() {
    if (!sites || !pattern || busy) return;
    setBusy(true);
    const host = hostOf(pattern);
    sites
      .remember(pattern)
      .then(
        (outcome) =>
          setSiteNotice(
            outcome === 'remembered'
              ? { key: 'popup_remember_done', params: [host], tone: 'ok' }
              : {
                  key: outcome === 'refused' ? 'popup_remember_refused' : 'popup_remember_failed',
                  tone: 'error',
                },
          ),
        () => setSiteNotice({ key: 'popup_remember_failed', tone: 'error' }),
      )
      .then(refresh)
      .finally(() => setBusy(false));
  }

  function onForget(site: string) {
    if (!sites || busy) return;
    setBusy(true);
    sites
      .forget(site)
      .then(
        () => setSiteNotice({ key: 'popup_forget_done', params: [hostOf(site)], tone: 'ok' }),
        () => setSiteNotice({ key: 'popup_forget_failed', tone: 'error' }),
      )
      .then(refresh)
      .finally(() => setBusy(false));
  }

  async function onDiagnostic() {
    if (!page.diagnostic) return;
    const text = await page.diagnostic().catch(() => null);
    setDiagnostic(text);
    if (text === null) {
      setDiagnosticNotice({ key: 'popup_diagnostic_failed', tone: 'error' });
      return;
    }
    try {
      await props.copy(text);
      setDiagnosticNotice({ key: 'popup_diagnostic_copied', tone: 'ok' });
    } catch {
      setDiagnosticNotice({ key: 'popup_diagnostic_copy_failed', tone: 'error' });
    }
  }

  return (
    <div class="popup__sites">
      {canRemember && pattern ? (
        <div class="popup__remember">
          <button
            type="button"
            class="button"
            data-action="remember-site"
            data-site={hostOf(pattern)}
            disabled={busy}
            onClick={onRemember}
          >
            {t('popup_remember_site')}
          </button>
          <p class="popup__hint">{t('popup_remember_hint', [hostOf(pattern)])}</p>
        </div>
      ) : null}
      {remembered.length > 0 ? (
        <section class="popup__site-list" aria-labelledby="popup-sites-title">
          <h2 id="popup-sites-title">{t('popup_sites_title')}</h2>
          <ul>
            {remembered.map((site) => (
              <li key={site} data-site={hostOf(site)}>
                <span class="popup__site-host">{hostOf(site)}</span>
                <button
                  type="button"
                  class="button button--small"
                  data-action="forget-site"
                  data-site={hostOf(site)}
                  aria-label={t('popup_forget_site_label', [hostOf(site)])}
                  disabled={busy}
                  onClick={() => onForget(site)}
                >
                  {t('popup_forget_site')}
                </button>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <p
        class={`popup__notice popup__notice--${siteNotice?.tone ?? 'none'}`}
        role="status"
        data-site-notice={siteNotice?.key}
      >
        {siteNotice ? t(siteNotice.key, siteNotice.params) : ''}
      </p>
      {showDiagnostic ? (
        <div class="popup__diagnostic">
          <button type="button" class="button" data-action="copy-diagnostic" onClick={onDiagnostic}>
            {t('popup_diagnostic')}
          </button>
          <p class="popup__hint">{t('popup_diagnostic_hint')}</p>
          <p
            class={`popup__notice popup__notice--${diagnosticNotice?.tone ?? 'none'}`}
            role="status"
            data-diagnostic-notice={diagnosticNotice?.key}
          >
            {diagnosticNotice ? t(diagnosticNotice.key) : ''}
          </p>
          {diagnostic !== null ? (
            // Read-only text: focusable, scrollable and selectable by keyboard when copying failed.
            <label class="popup__field">
              <span class="popup__field-label">{t('popup_diagnostic_label')}</span>
              <textarea
                class="popup__diagnostic-text"
                data-testid="diagnostic"
                readOnly
                rows={8}
                value={diagnostic}
              />
            </label>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
