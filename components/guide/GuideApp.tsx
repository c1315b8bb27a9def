import { useEffect, useState } from 'preact/hooks';
import type { GuideSession } from '@/lib/guide/session';
import type { Lang, Translate } from '@/lib/i18n/catalog';
import type { RuleProfile } from '@/lib/rules/profile';
import { type GeneratedView, Guide, type RulesSource } from './Guide';

/** Makes a password for the page's rules, or names why it cannot (a message key). */
export type Generate = (profile: RuleProfile) => GeneratedView | { errorKey: string };

export interface GuideAppProps {
  session: GuideSession;
  profile: RuleProfile;
  fromPage: boolean;
  /** Where the rules come from; `enej` or `page` (from `fromPage`) when absent. */
  rulesSource?: RulesSource;
  /** Loads the generator on first use (it ships as a separate file). */
  generate: () => Promise<Generate>;
  t: Translate;
  lang: Lang;
  /**
   * Whether the family clicked "generate" on the content script's first frame before this UI took it over
   * (checked by the content script to be a real click): the click is carried out as soon as this mounts.
   */
  generateRequested?: () => boolean;
}

/** The guide bound to one page session: state from the session, generate-and-fill, copy. */
export function GuideApp({
  session,
  profile,
  fromPage,
  rulesSource,
  generate,
  t,
  lang,
  generateRequested,
}: GuideAppProps) {
  const [state, setState] = useState(session.getState());
  const [generated, setGenerated] = useState<GeneratedView | null>(null);
  const [errorKey, setErrorKey] = useState<string | null>(null);
  useEffect(() => {
    // Effects run after paint (later still in a background tab): catch up with whatever the session
    // emitted in between, or a Caps Lock press made before we subscribed would never show.
    setState(session.getState());
    return session.subscribe(() => setState(session.getState()));
  }, [session]);
  const runGenerate = () => {
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
  };
  // Once, on mount (no dependencies: later renders must not repeat it): the first frame's click, which the
  // content script checked was the family's own.
  useEffect(() => {
    if (generateRequested?.()) runGenerate();
  }, []);
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
      rulesSource={rulesSource}
      strength={state.strength}
      strengthUnavailable={state.strengthUnavailable}
      capsLock={state.capsLock}
      announcement={said}
      generated={generated}
      errorKey={errorKey}
      onGenerate={(event) => {
        // Only a real click fills the page: a script on the page cannot make us write into its fields.
        if (event.isTrusted) runGenerate();
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
