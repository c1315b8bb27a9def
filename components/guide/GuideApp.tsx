import { useEffect, useState } from 'preact/hooks';
import type { GuideSession } from '@/lib/guide/session';
import type { Lang, Translate } from '@/lib/i18n/catalog';
import type { RuleProfile } from '@/lib/rules/profile';
import { type GeneratedView, Guide } from './Guide';

/** Makes a password for the page's rules, or names why it cannot (a message key). */
export type Generate = (profile: RuleProfile) => GeneratedView | { errorKey: string };

export interface GuideAppProps {
  session: GuideSession;
  profile: RuleProfile;
  fromPage: boolean;
  /** Loads the generator on first use (it ships as a separate file). */
  generate: () => Promise<Generate>;
  t: Translate;
  lang: Lang;
}

/** The guide bound to one page session: state from the session, generate-and-fill, copy. */
export function GuideApp({ session, profile, fromPage, generate, t, lang }: GuideAppProps) {
  const [state, setState] = useState(session.getState());
  const [generated, setGenerated] = useState<GeneratedView | null>(null);
  const [errorKey, setErrorKey] = useState<string | null>(null);
  useEffect(() => {
    // Effects run after paint (later still in a background tab): catch up with whatever the session
    // emitted in between, or a Caps Lock press made before we subscribed would never show.
    setState(session.getState());
    return session.subscribe(() => setState(session.getState()));
  }, [session]);
  const said = state.announcement
    .map((a) =>
      t(
        a.key,
        a.params.map((p) => t(p)),
      ),
    )
    .join(' ');
  return (
    <Guide
      t={t}
      lang={lang}
      view={state.view}
      pageRules={fromPage}
      strength={state.strength}
      strengthUnavailable={state.strengthUnavailable}
      capsLock={state.capsLock}
      announcement={said}
      generated={generated}
      errorKey={errorKey}
      onGenerate={(event) => {
        // Only a real click fills the page: a script on the page cannot make us write into its fields.
        if (!event.isTrusted) return;
        generate().then(
          (run) => {
            const result = run(profile);
            if ('errorKey' in result) {
              setGenerated(null);
              setErrorKey(result.errorKey);
              return;
            }
            const filled = session.fill(result.password);
            setErrorKey(filled.ok ? null : 'guide_fill_error');
            setGenerated(result);
          },
          // Outside ENEJ, Chrome does not let the page's origin load our generator file.
          () => setErrorKey('guide_generate_unavailable'),
        );
      }}
      onCopy={async () => {
        if (!generated) return false;
        try {
          await navigator.clipboard.writeText(generated.password);
          return true;
        } catch {
          return false;
        }
      }}
    />
  );
}
