// Text helpers shared by detection: every comparison runs on a bounded, accent-free, lower-case copy so
// that a 10,000-character label or an emoji costs nothing and "Réinitialisé" matches "reinitialise".

/** Longest slice of raw text ever examined; labels and headings are far shorter. */
export const MAX_TEXT = 300;

const DIACRITICS = /[\u0300-\u036f]/g;
const SPACES = /\s+/g;

export function normalizeText(raw: string | null | undefined, max = MAX_TEXT): string {
  if (!raw) return '';
  // Slicing first bounds the cost; a lone surrogate left by the cut is harmless to normalize().
  return raw.slice(0, max).normalize('NFD').replace(DIACRITICS, '').toLowerCase().replace(SPACES, ' ').trim();
}

/** Display form for signals and policy texts: whitespace collapsed, original case and accents kept. */
export function cleanText(raw: string | null | undefined, max = MAX_TEXT): string {
  if (!raw) return '';
  return raw.slice(0, max).replace(SPACES, ' ').trim();
}

// Role vocabularies, matched on normalized text (French first, then English).
export const CURRENT_WORDS =
  /\b(actuel(le)?|ancien(ne)?|courant|precedent|existant|current|old|existing|previous|present)\b/;
export const NEW_WORDS = /\b(nouveau|nouvel(le)?|new|choisi(r|ssez)?|choose|desired)\b/;
export const CONFIRM_WORDS =
  /\b(confirm\w*|repet\w*|retap\w*|ressais\w*|resaisi\w*|verifi\w*|repeat|retype|re-?enter|again|a nouveau|une seconde fois|une deuxieme fois)\b/;

// Name/id fragments: `ancienMdp`, `password-new`, `confirmpassword`, `new_password2`…
export const CURRENT_TOKENS = /old|ancien|actuel|current|existing|previous|courant/;
export const NEW_TOKENS = /new|nouv|neuf/;
export const CONFIRM_TOKENS = /confirm|verif|repeat|retype|again|check|(pass\w*|mdp|pwd|pw)[-_]?(2|bis)$/;
export const PASSWORDISH_TOKENS = /pass|mdp|pwd|motdepasse|secret/;

export const CHANGE_HEADING =
  /(changement|modification|mise a jour|renouvel\w*|changer|modifier|choisir|choisissez|definir|definissez|nouveau) (du |de |d'un |votre |le |un |mon )*(nouveau )?mot de passe|mot de passe (a )?expire|(change|update|reset|renew|choose a new|new) (your |a )?password/;

// Success wording of ENEJ, Keycloak (accountPasswordUpdatedMessage) and the usual variants.
export const SUCCESS_WORDS =
  /\bmot de passe (a ete|est|bien) (bien )?(change|modifie|mis a jour|enregistre|reinitialise|valide)|\bmot de passe\b.{0,40}\b(change|modifie|mis a jour|enregistre) avec succes|password (has been|was) (successfully )?(changed|updated|reset)|password (changed|updated) successfully/;

export const POLICY_WORDS =
  /caracteres?|majuscule|minuscule|chiffre|speciaux|special|longueur|taille minimale|nombre minimal|au moins|minimum|maximum|autorises|uppercase|lowercase|digit|number|symbol|character|at least|length/;

/** Index of the first match, or -1. */
export function matchAt(re: RegExp, text: string): number {
  const m = re.exec(text);
  return m ? m.index : -1;
}
