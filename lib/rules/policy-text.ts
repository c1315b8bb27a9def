import type { CharSetSpec } from './charset';
import {
  type Requirement,
  type RequirementKind,
  type RuleProfile,
  requirementKind,
  safeParseProfile,
} from './profile';

/** The classes a page's text names, each with its own count. */
export type CharClass = 'upper' | 'lower' | 'digit' | 'special';

/** What a page says about its own rules; a field is absent when the page does not say it clearly. */
export interface PartialProfile {
  minLength?: number;
  maxLength?: number;
  required?: Partial<Record<CharClass, number>>;
  /** "au moins une lettre": a letter of either case. */
  letter?: number;
  specials?: string;
  /**
   * The page defines its special character as anything that is neither a letter nor a digit (Pronote:
   * "caractère spécial (ni lettre, ni chiffre)"): no list, so nothing is refused.
   */
  anySymbol?: true;
  /** "pas plus de 2 caractères identiques à la suite". */
  maxConsecutive?: number;
}

// Criteria blocks are a few hundred characters; beyond this we are reading a whole page by mistake, and the
// cap keeps the scan bounded whatever a hostile page prints.
const MAX_TEXT = 50_000;
const MAX_LENGTH_VALUE = 4096;
const MAX_COUNT_VALUE = 64;

const NUMBER_WORDS: Record<string, number> = {
  un: 1,
  une: 1,
  deux: 2,
  trois: 3,
  quatre: 4,
  cinq: 5,
  six: 6,
  sept: 7,
  huit: 8,
  neuf: 9,
  dix: 10,
  onze: 11,
  douze: 12,
  treize: 13,
  quatorze: 14,
  quinze: 15,
  seize: 16,
  vingt: 20,
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  twenty: 20,
};

const NUM = `(\\d{1,5}|${Object.keys(NUMBER_WORDS)
  .sort((a, b) => b.length - a.length)
  .join('|')})`;

function toNumber(token: string | undefined): number | undefined {
  if (token === undefined) return undefined;
  if (/^\d+$/.test(token)) return Number(token);
  return NUMBER_WORDS[token];
}

/** Lengths of a password: "caractères" but not "caractères spéciaux", which is a class. */
const CHARS = `(?:caracteres?|characters?|chars?|signes?)`;
const NOT_A_CLASS = `(?!\\s?(?:speciau|special|non[ -]?alpha|numeri|majuscule|minuscule|en maj|en min|de type|parmi|autorise|allowed|upper|lower|capital|identiques?|consecutif|a la suite))`;
const NUM_START = `(?<![\\w.,/:-])`;
const NUM_END = `(?![\\w.,/:-]\\w)`;

const LENGTH_PATTERNS: { re: RegExp; min?: number; max?: number }[] = [
  // "entre 8 et 20 caractères", "de 8 à 20 caractères", "8 à 20 caractères", "between 8 and 64 characters", "8-64 characters"
  {
    re: new RegExp(`${NUM_START}${NUM}\\s?(?:et|and|a|to|-|–)\\s?${NUM}\\s${CHARS}\\b${NOT_A_CLASS}`, 'g'),
    min: 1,
    max: 2,
  },
  // "au moins 12 caractères", "minimum 8 caractères", "at least 8 characters"
  {
    re: new RegExp(
      `(?:\\bau moins|\\bau minimum|\\bminimum(?: de)?|\\bmin\\.?|\\bat least|\\ba minimum of|\\bno less than|\\bpas moins de)\\s(?:de\\s)?${NUM}${NUM_END}\\s${CHARS}\\b${NOT_A_CLASS}`,
      'g',
    ),
    min: 1,
  },
  // "8 caractères minimum", "8 caractères ou plus", "8 characters or more", "8+ caractères"
  {
    re: new RegExp(
      `${NUM_START}${NUM}\\s${CHARS}\\s(?:au\\s)?(?:minimum|min\\b|au moins|ou plus|et plus|or more|at least)`,
      'g',
    ),
    min: 1,
  },
  { re: new RegExp(`${NUM_START}(\\d{1,5})\\s?\\+\\s?${CHARS}\\b${NOT_A_CLASS}`, 'g'), min: 1 },
  // Keycloak "longueur minimale 8", LemonLDAP "Minimal size: 8", "taille minimale : 8"
  {
    re: /\b(?:longueur|taille)\s(?:minimale?|minimum|min)\s?(?:de\s|est de\s|:\s?)?(\d{1,5})(?![\w])/g,
    min: 1,
  },
  { re: /\b(?:minimal|minimum|min)\s(?:size|length)\s?(?:is\s|of\s|:\s?)?(\d{1,5})(?![\w])/g, min: 1 },
  // "20 caractères maximum", "au plus 20 caractères", "longueur maximale 64"
  {
    re: new RegExp(
      `${NUM_START}${NUM}\\s${CHARS}\\s(?:au\\s)?(?:maximum|max\\b|au plus|at most|or fewer|or less)`,
      'g',
    ),
    max: 1,
  },
  {
    re: new RegExp(
      `(?:\\bau plus|\\bau maximum|\\bmaximum(?: de)?|\\bmax\\.?|\\bat most|\\bup to|\\bno more than|\\bpas plus de|\\bjusqu'a)\\s(?:de\\s)?${NUM}${NUM_END}\\s${CHARS}\\b${NOT_A_CLASS}`,
      'g',
    ),
    max: 1,
  },
  {
    re: /\b(?:longueur|taille)\s(?:maximale?|maximum|max)\s?(?:de\s|est de\s|:\s?)?(\d{1,5})(?![\w])/g,
    max: 1,
  },
  { re: /\b(?:maximal|maximum|max)\s(?:size|length)\s?(?:is\s|of\s|:\s?)?(\d{1,5})(?![\w])/g, max: 1 },
];

const CLASS_WORDS: Record<CharClass, string> = {
  upper: `(?:(?:lettres?|caracteres?)\\s)?(?:en\\s)?majuscules?|lettres?\\scapitales?|(?:uppercase|upper case|upper-case)(?:\\s(?:letters?|characters?|chars?))?|(?:upper|capital)\\s(?:letters?|characters?|chars?)`,
  lower: `(?:(?:lettres?|caracteres?)\\s)?(?:en\\s)?minuscules?|(?:lowercase|lower case|lower-case)(?:\\s(?:letters?|characters?|chars?))?|(?:lower|small)\\s(?:letters?|characters?|chars?)`,
  digit: `chiffres?|(?:caracteres?\\s)?numeriques?|(?:numerical\\s)?digits?|numbers?|numerals?|numeric characters?`,
  special: `caracteres?\\sspeciau[xl]|caracteres?\\sspecial|caracteres?\\snon[ -]alphanumeriques?|symboles?|special\\s(?:characters?|chars?)|symbols?|non-alphanumeric characters?`,
};

// A count in "pas plus de 2 chiffres identiques" or "au plus 3 chiffres" is a limit, not a requirement.
const CLASS_AFTER = `(?![a-z])(?!\\s?(?:of\\b|consecutifs?|identiques?|a la suite|de suite|repetes?|in a row|consecutive|identical|en double))`;
const CLASS_BEFORE = `(?<!(?:au plus|maximum|max|at most|no more than|pas plus de|sans|without|aucun)\\s)`;

const CLASS_PATTERNS: { cls: CharClass; counted: RegExp; labelled: RegExp; mandatory: RegExp }[] = (
  ['upper', 'lower', 'digit', 'special'] as const
).map((cls) => ({
  cls,
  // "1 majuscule", "au moins une lettre majuscule", "deux chiffres", "one uppercase letter"
  counted: new RegExp(`${CLASS_BEFORE}${NUM_START}${NUM}\\s(?:${CLASS_WORDS[cls]})${CLASS_AFTER}`, 'g'),
  // LemonLDAP "Minimal upper characters: 1", "Nombre minimal de majuscules : 1"
  labelled: new RegExp(
    `\\b(?:nombre (?:minimal|minimum) de|minimal|minimum|min\\.?)\\s(?:de\\s)?(?:${CLASS_WORDS[cls]})\\s?:\\s?(\\d{1,5})(?![\\w])`,
    'g',
  ),
  // "lettres et chiffres obligatoires"
  mandatory: new RegExp(`\\b(?:${CLASS_WORDS[cls]})(?:\\set\\s[a-z ]{1,40})?\\sobligatoires?\\b`),
}));

// Clauses about something other than the password ("Votre identifiant contient 8 caractères").
const OTHER_SUBJECT =
  /\b(?:identifiant|nom d'utilisateur|login|username|user name|pseudo|code postal|telephone|numero|courriel|e-?mail|adresse|code de verification|sms)\b/;
const PASSWORD_SUBJECT = /\b(?:mot de passe|mots de passe|password|passphrase|mdp|passe)\b/;

const SPECIAL_WORD_FOR_ANY = `(?:caracteres?\\s(?:speciau[xl]|special)|special\\s(?:characters?|chars?)|symboles?|symbols?)`;
const SPECIAL_WORD = `(?:caracteres?\\s(?:speciau[xl]|special|non[ -]alphanumeriques?)|special\\s(?:characters?|chars?)|symboles?|symbols?|specials?|signes?)`;
const LIST_TRIGGERS: RegExp[] = [
  // "1 caractère spécial parmi ! @ #", "one symbol from: ! @ #"
  new RegExp(
    `${SPECIAL_WORD}(?:\\s[a-z]{1,12}){0,3}?\\s(?:parmi|among|one of|from)(?:\\sles\\s(?:suivants|caracteres suivants))?\\s?:?`,
  ),
  // "caractères spéciaux autorisés : …", "allowed special characters: …", "symboles acceptés …"
  new RegExp(
    `(?:${SPECIAL_WORD}|caracteres?)\\s(?:autorises?|acceptes?|permis|valides|suivants|allowed|accepted|permitted)\\s?:?`,
  ),
  new RegExp(`\\b(?:allowed|accepted|permitted|valid)\\s${SPECIAL_WORD}\\s?:?`),
  // "Caractères spéciaux : ! @ #"
  new RegExp(`${SPECIAL_WORD}\\s?:`),
];

const FORBIDDEN =
  /\b(?:interdits?|refuses?|forbidden|not allowed|non autorises?|pas autorises?|exclus?|prohibited|sauf|except|disallowed)\b/;
const ASCII_PUNCT = /[!-/:-@[-`{-~]/;
const LIST_CONNECTORS = new Set(['et', 'ou', 'and', 'or']);

/** Reads the special characters listed after a trigger; returns '' when nothing usable is there. */
function readSpecialList(rest: string): string {
  let text = rest
    .replace(/\betc\b\.?/g, ' ')
    .replace(/\.{3,}|…/g, ' ')
    .trim();
  // "(! @ # $)" lists the set in parentheses: keep what is inside.
  if (/^\(\S/.test(text) && text.lastIndexOf(')') > 0) text = text.slice(1, text.lastIndexOf(')'));
  const tokens = text.split(' ').filter((t) => t !== '');
  const chars: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    let token = tokens[i] as string;
    const word = token.replace(/[^a-z]/g, '');
    if (/^[a-z]{2,}$/.test(word) && /[a-z]{2,}/.test(token)) {
      if (LIST_CONNECTORS.has(word) && word === token) continue;
      break;
    }
    // A comma glued to an item separates it from the next; a lone "," is itself a character.
    if (token.length > 1 && token.endsWith(',')) token = token.slice(0, -1);
    // A period glued to the last item of a spaced list ends the sentence.
    if (i === tokens.length - 1 && tokens.length > 1 && token.length > 1 && token.endsWith('.'))
      token = token.slice(0, -1);
    const quoted = /^(["'])(.+)\1$/.exec(token);
    if (quoted && (quoted[2] as string).length === 1) token = quoted[2] as string;
    for (const ch of token) if (ASCII_PUNCT.test(ch)) chars.push(ch);
  }
  return [...new Set(chars)].join('');
}

// "au moins une lettre" (either case), but not "une lettre majuscule" nor "lettres et chiffres".
const LETTER_COUNTED = new RegExp(
  `${NUM_START}${NUM}\\s(?:lettres?|letters?)(?![a-z])(?!\\s?(?:majuscules?|minuscules?|capitales?|en maj|en min|accentuees?|uppercase|lowercase|upper|lower|capital|small))`,
  'g',
);
// "ni lettre, ni chiffre", "ni une lettre ni un chiffre", "neither a letter nor a digit", "non alphanumérique"
// right after a special character: the class is everything else, not a list.
const ANY_SYMBOL = new RegExp(
  `${SPECIAL_WORD_FOR_ANY}\\s?[(,:-]?\\s?(?:c'est-a-dire\\s)?(?:ni\\s(?:une\\s)?lettre,?\\s?ni\\s(?:un\\s)?chiffre|neither\\s(?:a\\s)?letter\\snor\\s(?:a\\s)?(?:digit|number))`,
);
// "mélanger des minuscules et des majuscules", "mix of upper and lower case"
const MIXED_CASE =
  /\b(?:melanger|melangez|melange|mixer|mixez|mix(?:ing)?|alterner)\b.{0,30}\b(?:minuscules|majuscules|lower|upper)\b.{0,20}\b(?:minuscules|majuscules|lower|upper)/;
// "pas plus de 2 caractères identiques à la suite", "no more than 2 identical characters in a row"
const MAX_CONSECUTIVE = new RegExp(
  `(?:\\bpas plus de|\\bau plus|\\bmaximum|\\bno more than|\\bat most)\\s${NUM}\\s(?:identical\\s)?(?:caracteres?|characters?|fois)\\s(?:identiques?\\s)?(?:a la suite|consecutifs?|de suite|identiques?|in a row|consecutive(?:ly)?|identical(?: in a row)?)`,
);

function splitClauses(text: string): string[] {
  const cut = text.lastIndexOf('\n', MAX_TEXT);
  const capped = text.length > MAX_TEXT ? text.slice(0, cut > 0 ? cut : MAX_TEXT) : text;
  return (
    capped
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .replace(/[\u200B-\u200D\u2060\uFEFF]/g, '')
      // Sentence ends: a word, a period, a space and a capital letter.
      .replace(/([\p{L}\d)»"])\.\s+(?=[\p{Lu}«"])/gu, '$1.\n')
      .split(/[\n\r\u2028\u2029\u2022\u25AA\u25E6\u2023\u2043\u25CF]/)
      .map((line) =>
        line
          .replace(/\s+/g, ' ')
          .replace(/[’‘`´]/g, (c) => (c === '`' ? c : "'"))
          .toLowerCase()
          .replace(/\(s\)/g, 's')
          .trim(),
      )
      .filter((line) => line !== '')
  );
}

class Collector {
  private readonly values = new Map<string, Set<number | string>>();
  add(field: string, value: number | string | undefined): void {
    if (value === undefined) return;
    let set = this.values.get(field);
    if (!set) {
      set = new Set();
      this.values.set(field, set);
    }
    set.add(value);
  }
  /** The value when every mention agrees, otherwise nothing: two different minimums mean we misread. */
  get(field: string): number | string | undefined {
    const set = this.values.get(field);
    return set && set.size === 1 ? [...set][0] : undefined;
  }
}

function inRange(n: number | undefined, min: number, max: number): number | undefined {
  return n !== undefined && Number.isInteger(n) && n >= min && n <= max ? n : undefined;
}

/**
 * Reads the password criteria a page prints about itself (French or English). Anything unclear or
 * contradictory is left out rather than guessed: the caller keeps its own value for that field.
 */
export function parsePolicyText(text: string): PartialProfile {
  if (typeof text !== 'string' || text === '') return {};
  const found = new Collector();
  for (const clause of splitClauses(text)) {
    if (OTHER_SUBJECT.test(clause) && !PASSWORD_SUBJECT.test(clause)) continue;
    for (const { re, min, max } of LENGTH_PATTERNS) {
      for (const m of clause.matchAll(re)) {
        const lo = min === undefined ? undefined : inRange(toNumber(m[min]), 1, MAX_LENGTH_VALUE);
        const hi = max === undefined ? undefined : inRange(toNumber(m[max]), 1, MAX_LENGTH_VALUE);
        if (min !== undefined && lo === undefined) continue;
        if (max !== undefined && hi === undefined) continue;
        if (lo !== undefined && hi !== undefined && lo > hi) continue;
        found.add('minLength', lo);
        found.add('maxLength', hi);
      }
    }
    for (const { cls, counted, labelled, mandatory } of CLASS_PATTERNS) {
      let explicit = false;
      for (const re of [counted, labelled]) {
        for (const m of clause.matchAll(re)) {
          const n = inRange(toNumber(m[1]), 0, MAX_COUNT_VALUE);
          if (n !== undefined) {
            found.add(cls, n);
            explicit = true;
          }
        }
      }
      if (!explicit && mandatory.test(clause)) found.add(cls, 1);
    }
    for (const m of clause.matchAll(LETTER_COUNTED)) {
      const n = inRange(toNumber(m[1]), 0, MAX_COUNT_VALUE);
      if (n !== undefined) found.add('letter', n);
    }
    if (ANY_SYMBOL.test(clause)) found.add('anySymbol', 1);
    if (MIXED_CASE.test(clause)) {
      found.add('upper', 1);
      found.add('lower', 1);
    }
    const run = MAX_CONSECUTIVE.exec(clause);
    const runMax = run ? inRange(toNumber(run[1]), 1, MAX_COUNT_VALUE) : undefined;
    if (runMax !== undefined) found.add('maxConsecutive', runMax);
    // "Les caractères suivants sont interdits : …" lists what is refused, not what is allowed.
    const listsRefused = FORBIDDEN.test(clause);
    for (const trigger of listsRefused ? [] : LIST_TRIGGERS) {
      const m = trigger.exec(clause);
      if (!m) continue;
      const list = readSpecialList(clause.slice(m.index + m[0].length));
      if (list !== '') {
        found.add('specials', list);
        break;
      }
    }
  }
  const out: PartialProfile = {};
  const minLength = found.get('minLength') as number | undefined;
  const maxLength = found.get('maxLength') as number | undefined;
  if (minLength !== undefined && maxLength !== undefined && minLength > maxLength) {
    // Contradictory page: trust neither bound.
  } else {
    if (minLength !== undefined) out.minLength = minLength;
    if (maxLength !== undefined) out.maxLength = maxLength;
  }
  const required: Partial<Record<CharClass, number>> = {};
  for (const cls of ['upper', 'lower', 'digit', 'special'] as const) {
    const n = found.get(cls) as number | undefined;
    if (n !== undefined) required[cls] = n;
  }
  if (Object.keys(required).length > 0) out.required = required;
  const specials = found.get('specials') as string | undefined;
  if (specials !== undefined) out.specials = specials;
  const letter = found.get('letter') as number | undefined;
  if (letter !== undefined) out.letter = letter;
  if (found.get('anySymbol') === 1) out.anySymbol = true;
  const maxConsecutive = found.get('maxConsecutive') as number | undefined;
  if (maxConsecutive !== undefined) out.maxConsecutive = maxConsecutive;
  return out;
}

/** Convenience for the detector's list of criteria texts; each text is read as its own lines. */
export function parsePolicyTexts(texts: readonly string[]): PartialProfile {
  return parsePolicyText(texts.join('\n'));
}

/** True when the partial profile says anything at all. */
export function hasPolicy(partial: PartialProfile): boolean {
  return (
    partial.minLength !== undefined ||
    partial.maxLength !== undefined ||
    partial.specials !== undefined ||
    partial.letter !== undefined ||
    partial.anySymbol !== undefined ||
    partial.maxConsecutive !== undefined ||
    (partial.required !== undefined && Object.values(partial.required).some((n) => n !== undefined))
  );
}

/**
 * Sets the requirement of one kind: its count (0 removes it) and, when given, its set; a kind the base
 * does not have is added at the end.
 */
function setRequirement(
  reqs: Requirement[],
  kind: RequirementKind,
  min: number | undefined,
  set: CharSetSpec | undefined,
): void {
  const at = reqs.findIndex((r) => requirementKind(r.set) === kind);
  const current = at >= 0 ? reqs[at] : undefined;
  const n = min ?? current?.min ?? 1;
  const s = set ?? current?.set;
  if (s === undefined) return;
  if (n === 0) {
    if (at >= 0) reqs.splice(at, 1);
    return;
  }
  if (at >= 0) reqs[at] = { min: n, set: s };
  else reqs.push({ min: n, set: s });
}

/**
 * The page's own criteria override `base` field by field. A merge that does not validate (say the page
 * prints a maximum below our minimum) is a misreading or a broken page, so `base` is kept whole.
 */
export function mergeProfile(base: RuleProfile, page: PartialProfile): RuleProfile {
  if (!hasPolicy(page)) return base;
  const reqs: Requirement[] = [...base.requirements];
  for (const cls of ['upper', 'lower', 'digit'] as const) {
    const n = page.required?.[cls];
    if (n !== undefined) setRequirement(reqs, cls, n, { classes: [cls], chars: '' });
  }
  if (page.letter !== undefined)
    setRequirement(reqs, 'letter', page.letter, { classes: ['upper', 'lower'], chars: '' });
  const specialSet: CharSetSpec | undefined = page.anySymbol
    ? { classes: ['symbol'], chars: '' }
    : page.specials !== undefined
      ? { classes: [], chars: page.specials }
      : undefined;
  const specialCount = page.required?.special ?? (page.anySymbol ? 1 : undefined);
  if (specialSet !== undefined || specialCount !== undefined)
    setRequirement(reqs, 'special', specialCount, specialSet);

  let allowed = base.allowed;
  // A special that is "anything but a letter or a digit" refuses nothing; a printed list replaces ours.
  if (page.anySymbol) allowed = { classes: ['unicode'], chars: '' };
  else if (page.specials !== undefined)
    allowed = {
      classes: base.allowed.classes.filter((c) => c === 'upper' || c === 'lower' || c === 'digit'),
      chars: page.specials,
    };
  const merged: RuleProfile = {
    id: 'page',
    minLength: page.minLength ?? base.minLength,
    requirements: reqs,
    allowed,
  };
  const maxLength = page.maxLength ?? base.maxLength;
  if (maxLength !== undefined) merged.maxLength = maxLength;
  const maxConsecutive = page.maxConsecutive ?? base.maxConsecutive;
  if (maxConsecutive !== undefined) merged.maxConsecutive = maxConsecutive;
  // An empty list ("caractères spéciaux : ") is a misreading, not "no special allowed".
  if (page.specials === '') return base;
  const checked = safeParseProfile(merged);
  return checked.ok ? checked.profile : base;
}
