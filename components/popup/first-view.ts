import type { Translate } from '@/lib/i18n/catalog';
import { LENGTH_RANGE, type PopupSettings, WORDS_RANGE } from '@/lib/settings/parse';
import { charKind, charsStyle, cssText, kindStyle, legendStyle } from '../password-style';

/**
 * `PopupApp`'s first render, written with the DOM instead of Preact, for the popup's first script
 * (`popup-first.js`): it paints the first password before Preact and the rest of the popup are even
 * loaded, then `PopupApp` hydrates these very nodes. Element for element, attribute for attribute (inline
 * styles as the same declarations, written as one attribute), text node for text node, the same as
 * `render(<PopupApp initialPassword={…} />)` before its effects run — `first-view.test.ts` compares the two
 * for every setting and language; a change to `PopupApp`'s first render (anything outside its
 * `firstPaintDone` branches) must be made here too.
 */
export interface FirstView {
  t: Translate;
  settings: PopupSettings;
  password: string;
}

type Child = Node | string;
/** Applied after the children, as Preact does for these (they are properties, not attributes). */
interface Props {
  value?: string;
  checked?: boolean;
}

// Plain loops below, no `map`, `Array.from`, spreads or `for…of` over arrays: in Firefox each of those runs
// as self-hosted script, cold in every new popup page (about 0.5 ms of this file's 2 ms, Gecko profiler).
function make(
  doc: Document,
  tag: string,
  attrs: Readonly<Record<string, string | Readonly<Record<string, string>> | undefined>>,
  children: readonly Child[] = [],
  props: Props = {},
): HTMLElement {
  const el = doc.createElement(tag);
  for (const name in attrs) {
    const value = attrs[name];
    if (value === undefined) continue;
    el.setAttribute(name, typeof value === 'string' ? value : cssText(value));
  }
  // Strings become text nodes even when empty: Preact keeps a text node for `{''}`, and hydration
  // walks text nodes too.
  for (let i = 0; i < children.length; i++) {
    const child = children[i] as Child;
    el.appendChild(typeof child === 'string' ? doc.createTextNode(child) : child);
  }
  if (props.value !== undefined) (el as HTMLInputElement).value = props.value;
  if (props.checked) (el as HTMLInputElement).checked = true;
  return el;
}

/** `PasswordDisplay` without a copy or show/hide button, as the popup and its print card use it. */
function passwordDisplay(
  doc: Document,
  t: Translate,
  password: string,
  id: string | undefined,
  testId: string,
) {
  // One span per code point, as `Array.from(password)` splits it in PasswordDisplay.
  const chars: HTMLElement[] = [];
  for (let i = 0; i < password.length; ) {
    const ch = String.fromCodePoint(password.codePointAt(i) as number);
    i += ch.length;
    const kind = charKind(ch);
    chars.push(make(doc, 'span', { class: `pw-char pw-${kind}`, style: kindStyle[kind] }, [ch]));
  }
  return make(doc, 'div', { class: 'sesame-password' }, [
    make(
      doc,
      'div',
      { id, class: 'sesame-password__chars', 'data-testid': testId, dir: 'ltr', style: charsStyle },
      chars,
    ),
    make(doc, 'p', { class: 'sesame-password__legend', style: legendStyle }, [t('pw_legend')]),
  ]);
}

function notice(doc: Document) {
  return make(doc, 'p', { class: 'popup__notice popup__notice--none', role: 'status' }, ['']);
}

/** Appends `PopupApp`'s first render, holding `password`, to `root` (which should be empty). */
export function paintFirstView(root: HTMLElement, { t, settings, password }: FirstView): void {
  const doc = root.ownerDocument;
  const modeChoice = (mode: PopupSettings['mode']) =>
    make(doc, 'label', { class: 'popup__mode' }, [
      make(doc, 'input', { type: 'radio', name: 'mode', 'data-mode': mode }, [], {
        value: mode,
        checked: settings.mode === mode,
      }),
      make(doc, 'span', {}, [t(mode === 'memorable' ? 'popup_mode_memorable' : 'popup_mode_random')]),
    ]);
  const wordChoices: HTMLElement[] = [];
  for (let n = WORDS_RANGE.min; n <= WORDS_RANGE.max; n++)
    wordChoices.push(make(doc, 'option', {}, [String(n)]));

  const sizeField =
    settings.mode === 'memorable'
      ? make(doc, 'label', { class: 'popup__field' }, [
          make(doc, 'span', { class: 'popup__field-label' }, [t('popup_words')]),
          make(
            doc,
            'select',
            { 'data-option': 'words' },
            // Preact leaves an option's value alone when it equals the option's text, as here.
            wordChoices,
            { value: String(settings.words) },
          ),
        ])
      : make(doc, 'label', { class: 'popup__field' }, [
          make(doc, 'span', { class: 'popup__field-label' }, [t('popup_length', [String(settings.length)])]),
          make(
            doc,
            'input',
            {
              type: 'range',
              'data-option': 'length',
              min: String(LENGTH_RANGE.min),
              max: String(LENGTH_RANGE.max),
            },
            [],
            { value: String(settings.length) },
          ),
        ]);
  const check = (option: 'azertyEasy' | 'avoidLookAlikes', checked: boolean, label: string) =>
    make(doc, 'label', { class: 'popup__check' }, [
      make(doc, 'input', { type: 'checkbox', 'data-option': option }, [], { checked }),
      make(doc, 'span', {}, [t(label)]),
    ]);

  const options = [
    make(doc, 'summary', {}, [t('popup_options')]),
    sizeField,
    check('azertyEasy', settings.azertyEasy, 'popup_azerty'),
  ];
  if (settings.mode === 'random')
    options.push(check('avoidLookAlikes', settings.avoidLookAlikes, 'popup_lookalikes'));

  const main = make(doc, 'main', { class: 'popup__main' }, [
    make(doc, 'header', { class: 'popup__header' }, [
      make(doc, 'h1', {}, [t('popup_title')]),
      make(doc, 'p', {}, [t('popup_subtitle')]),
    ]),
    make(doc, 'fieldset', { class: 'popup__modes' }, [
      make(doc, 'legend', { class: 'sr-only' }, [t('popup_mode_legend')]),
      modeChoice('memorable'),
      modeChoice('random'),
    ]),
    make(doc, 'section', { class: 'popup__password', 'aria-labelledby': 'popup-password-label' }, [
      make(doc, 'h2', { id: 'popup-password-label', class: 'sr-only' }, [t('popup_password_label')]),
      passwordDisplay(doc, t, password, 'popup-password', 'password'),
      make(doc, 'div', { class: 'popup__actions' }, [
        make(doc, 'button', { type: 'button', class: 'button button--primary', 'data-action': 'generate' }, [
          t('popup_generate'),
        ]),
        make(doc, 'button', { type: 'button', class: 'button', 'data-action': 'copy' }, [t('pw_copy')]),
      ]),
      notice(doc),
      make(
        doc,
        'p',
        { class: 'sr-only', 'aria-live': 'polite', 'aria-atomic': 'true', 'data-testid': 'announce' },
        [''],
      ),
    ]),
    make(doc, 'section', { class: 'popup__page', 'data-page-state': 'checking' }, [notice(doc)]),
    make(doc, 'details', { class: 'popup__options' }, options),
    make(doc, 'div', { class: 'popup__keep' }, [
      make(doc, 'button', { type: 'button', class: 'button popup__print', 'data-action': 'print' }, [
        t('popup_print'),
      ]),
      notice(doc),
    ]),
  ]);

  root.append(make(doc, 'div', { class: 'popup' }, [main]));
}
/**
 * Holds the clicks on the painted view's buttons, radios and boxes until the full popup has taken it over:
 * until then they have no behaviour, so a click is kept (and a radio or box keeps its state) rather than
 * lost. The returned function stops holding and gives the clicked controls, in order, for the full popup
 * to click again once its handlers are on them.
 */
export function holdClicks(root: HTMLElement): () => HTMLElement[] {
  const held: HTMLElement[] = [];
  const hold = (event: Event) => {
    const control = (event.target as Element | null)?.closest<HTMLElement>('button, input');
    if (!control || !root.contains(control)) return;
    event.preventDefault();
    held.push(control);
  };
  root.addEventListener('click', hold, true);
  return () => {
    root.removeEventListener('click', hold, true);
    return held.splice(0);
  };
}
