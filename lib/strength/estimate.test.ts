import { resolve } from 'node:path';
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as fr from '@zxcvbn-ts/language-fr';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { translatorFromCatalog } from '../i18n/catalog';
import { loadCatalog } from '../i18n/load-catalog';
import { ENEJ_PROFILE, isCompliant } from '../rules';
import {
  capCodePoints,
  createStrengthEstimator,
  ENEJ_USER_INPUTS,
  enejUserInputs,
  STRENGTH_LIVE_MAX_INPUT,
  STRENGTH_MAX_INPUT,
  STRENGTH_MESSAGE_KEYS,
  STRENGTH_TRUNCATED_KEY,
  type StrengthEstimator,
  type StrengthResult,
  strengthLabelKey,
  WORD_PATTERN_WARNING,
} from './estimate';

const catalog = loadCatalog(resolve(__dirname, '../../locales'));
const t = translatorFromCatalog(catalog, 'fr');
const parts = {
  Factory: ZxcvbnFactory,
  dictionary: { ...common.dictionary, ...fr.dictionary },
  graphs: { azerty: common.adjacencyGraphs.azerty },
};
const NOW = new Date(2026, 10, 29);

let estimator: StrengthEstimator;
beforeAll(() => {
  estimator = createStrengthEstimator(parts, { now: () => NOW });
});

function emittedKeys(r: StrengthResult): string[] {
  return [...(r.warning ? [r.warning.key] : []), ...r.suggestions.map((s) => s.key)];
}

describe('passwords that tick every box of the checklist but are guessed fast', () => {
  it.each([
    ['Azerty1!', 'strength_warning_site_words'],
    ['Soleil2024!', WORD_PATTERN_WARNING],
    ['Pikachu1!', 'strength_warning_similar_to_common'],
    ['Enej2024!', 'strength_warning_site_words'],
    ['Pronote86!', 'strength_warning_site_words'],
    ['Chocolat1!', 'strength_warning_similar_to_common'],
    ['Ecole2024!', WORD_PATTERN_WARNING],
    ['Lucas2016!', WORD_PATTERN_WARNING],
    ['S0l3il2024!', WORD_PATTERN_WARNING],
  ])('%s scores at most 2 and says why in French', (password, warningKey) => {
    expect(isCompliant(password, ENEJ_PROFILE)).toBe(true);
    const r = estimator.estimate(password);
    expect(r.score).toBeLessThanOrEqual(2);
    expect(r.warning?.key).toBe(warningKey);
    expect(t(warningKey, r.warning?.params)).toMatch(/devine|essaie|utilis/);
    // The way out is offered too: several unrelated words.
    expect(r.suggestions.map((s) => s.key)).toContain('strength_suggestion_several_words');
    expect(t('strength_suggestion_several_words')).toMatch(/mots/);
  });

  it('says the site words warning in plain French', () => {
    expect(t('strength_warning_site_words')).toContain('ENEJ');
  });
});

describe('letter-for-symbol swaps', () => {
  it.each(['P@ssw0rd1!', 'Ch0c0l@t1!', 'M0tD3P@ss3!'])('%s is still read as a common word', (password) => {
    const r = estimator.estimate(password);
    expect(r.score).toBeLessThanOrEqual(2);
    expect(r.suggestions.map((s) => s.key)).toContain('strength_suggestion_l33t');
  });
});

describe('good passwords', () => {
  it.each(['Girafe-Tulipe-Nuage-Poire-47', 'Abeille-Radis-Tambour-9', 'Tk9#mPq2vX!e'])(
    '%s scores at least 3',
    (password) => {
      const r = estimator.estimate(password);
      expect(r.score).toBeGreaterThanOrEqual(3);
      expect(r.warning).toBeNull();
    },
  );

  it('does not lower a password whose tail follows several words', () => {
    // Only the first word is known: the rest is not a "digits + symbol" tail.
    expect(estimator.estimate('Girafe-Tulipe-Nuage-Poire-47').score).toBe(4);
  });

  it('prices a far year as less likely than this year', () => {
    const recent = estimator.estimate('Soleil2026!').guessesLog10;
    const old = estimator.estimate('Soleil1931!').guessesLog10;
    expect(old).toBeGreaterThan(recent);
  });

  it('prices a symbol outside the site list with a bigger alphabet', () => {
    const listed = estimator.estimate('Soleil2024!').guessesLog10;
    const other = estimator.estimate('Soleil2024?').guessesLog10;
    expect(other).toBeGreaterThan(listed);
  });
});

describe('user inputs', () => {
  it('lists the ENEJ words and the last three years from the clock', () => {
    expect(ENEJ_USER_INPUTS).toEqual(
      expect.arrayContaining(['enej', 'pronote', 'vienne', 'poitiers', 'collège', 'college', 'lavienne86']),
    );
    expect(ENEJ_USER_INPUTS).toEqual(expect.arrayContaining(['educonnect', 'ent', 'motdepasse', 'azerty']));
    expect(enejUserInputs(new Date(2031, 0, 1)).slice(-3)).toEqual(['2031', '2030', '2029']);
  });

  it('uses the injected clock for years', () => {
    const in2040 = createStrengthEstimator(parts, { now: () => new Date(2040, 5, 1) });
    const in1990 = createStrengthEstimator(parts, { now: () => new Date(1990, 5, 1) });
    const password = 'Soleil2040!';
    expect(in2040.estimate(password).guessesLog10).toBeLessThan(in1990.estimate(password).guessesLog10);
  });

  it('counts the login name the caller passes as a site word', () => {
    const without = estimator.estimate('Kerouani77!');
    const withName = estimator.estimate('Kerouani77!', ['kerouani']);
    expect(withName.guessesLog10).toBeLessThan(without.guessesLog10);
    expect(withName.warning?.key).toBe('strength_warning_site_words');
  });

  // Its speed is a figure of `npm run bench`, not an assertion here.
  it('ignores junk and floods of user inputs', () => {
    const junk = [...Array.from({ length: 5000 }, (_, i) => `name${i}`), '', '   '];
    const r = estimator.estimate('Girafe-Tulipe-Nuage-Poire-47', junk);
    expect(r.score).toBe(4);
    // Values a page could hand over by mistake must not throw.
    expect(() => estimator.estimate('abc', [null, 42, undefined] as unknown as string[])).not.toThrow();
    expect(() => estimator.estimate('abc', null as unknown as string[])).not.toThrow();
  });
});

describe('input cap', () => {
  it('counts code points, keeping pairs whole', () => {
    expect(capCodePoints('abc', 2)).toEqual({ text: 'ab', truncated: true });
    expect(capCodePoints('abc', 3)).toEqual({ text: 'abc', truncated: false });
    expect(capCodePoints('😀😀😀', 2)).toEqual({ text: '😀😀', truncated: true });
    expect(capCodePoints('😀😀', 2)).toEqual({ text: '😀😀', truncated: false });
    expect(capCodePoints('\uD800a\uDC00b', 3)).toEqual({ text: '\uD800a\uDC00', truncated: true });
  });

  it(`estimates only the first ${STRENGTH_MAX_INPUT} code points`, () => {
    const head = 'Girafe-Tulipe-Nuage-Poire-47-Banane-Cerise-Soleil-Plage-Velo-9!x';
    expect([...head].length).toBe(STRENGTH_MAX_INPUT);
    const exact = estimator.estimate(head);
    expect(exact.truncated).toBe(false);
    const long = estimator.estimate(`${head}${'Zq8!'.repeat(2500)}`);
    expect(long.truncated).toBe(true);
    expect({ ...long, truncated: false }).toEqual(exact);
  });

  it(`rates live (capped at ${STRENGTH_LIVE_MAX_INPUT}) the same as its first ${STRENGTH_LIVE_MAX_INPUT} characters`, () => {
    const long = 'Le-chat-de-ma-soeur-mange-des-croquettes-au-poulet-2025!';
    const live = estimator.estimate(long, [], { maxInput: STRENGTH_LIVE_MAX_INPUT });
    expect(live.truncated).toBe(true);
    expect({ ...live, truncated: false }).toEqual(estimator.estimate(long.slice(0, STRENGTH_LIVE_MAX_INPUT)));
    expect(live.score).toBe(4);
    // Never above the full estimate: cutting only removes guesses.
    expect(live.guessesLog10).toBeLessThanOrEqual(estimator.estimate(long).guessesLog10);
  });

  it('still rates weak passwords weak under the live cap, even padded past it', () => {
    for (const weak of ['Soleil2024!', 'azertyuiop', 'P@ssw0rd', 'motdepasse123']) {
      expect(
        estimator.estimate(weak, [], { maxInput: STRENGTH_LIVE_MAX_INPUT }).score,
        weak,
      ).toBeLessThanOrEqual(1);
    }
    const padded = `${'azerty'.repeat(5)}aa${'Zq8!Xy'.repeat(6)}`;
    const live = estimator.estimate(padded, [], { maxInput: STRENGTH_LIVE_MAX_INPUT });
    expect(live.truncated).toBe(true);
    expect(live.score).toBeLessThanOrEqual(estimator.estimate(padded).score);
  });

  it('ignores a limit that is not a positive integer and never goes above the hard cap', () => {
    const text = 'x'.repeat(100);
    for (const maxInput of [0, -3, 1.5, Number.NaN, 1000]) {
      const r = estimator.estimate(text, [], { maxInput });
      expect(r).toEqual(estimator.estimate(text));
    }
    expect(estimator.estimate('abcdef', [], { maxInput: 3 }).truncated).toBe(true);
  });

  // What keeps the live meter under the long-task line is that its work is bounded by the cap, whatever the
  // input: that is asserted here; the time itself is a figure of `npm run bench`.
  it('estimates a long live input on its first 32 code points only', () => {
    const text = 'Mon-grand-frère-joue-au-foot-le-mercredi-après-midi-à-Poitiers!';
    const live = estimator.estimate(text, [], { maxInput: STRENGTH_LIVE_MAX_INPUT });
    const head = [...text].slice(0, STRENGTH_LIVE_MAX_INPUT).join('');
    expect(live.truncated).toBe(true);
    expect(live.guessesLog10).toBe(estimator.estimate(head).guessesLog10);
  });

  it('estimates 10,000 characters on the first 64 only', () => {
    const text = 'aZ9!'.repeat(2500);
    const r = estimator.estimate(text);
    expect(r.truncated).toBe(true);
    expect(r.guessesLog10).toBe(estimator.estimate(text.slice(0, STRENGTH_MAX_INPUT)).guessesLog10);
  });

  it('has a French message for the cut', () => {
    expect(t(STRENGTH_TRUNCATED_KEY, [String(STRENGTH_MAX_INPUT)])).toContain('64 premiers');
  });
});

describe('bad input', () => {
  it.each([
    ['empty', ''],
    ['emoji', '🦒🌷☁️🍐'],
    ['accents', 'Éléphant-Château-Forêt'],
    ['lone surrogates', '\uD800\uDC00\uDFFF\uD83D'],
    ['controls', '\u0000\u0007\u200B\u202E'],
    ['10,000 emoji', '😀'.repeat(10_000)],
  ])('%s never throws', (_name, password) => {
    const r = estimator.estimate(password);
    expect([0, 1, 2, 3, 4]).toContain(r.score);
    expect(Number.isFinite(r.guessesLog10)).toBe(true);
  });

  it('never throws and only emits known keys, whatever the input', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 80 }), (password) => {
        const r = estimator.estimate(password);
        expect([0, 1, 2, 3, 4]).toContain(r.score);
        for (const key of emittedKeys(r)) expect(STRENGTH_MESSAGE_KEYS).toContain(key);
      }),
      { numRuns: 60 },
    );
  });

  it('treats a non-string like an empty password', () => {
    expect(estimator.estimate(undefined as unknown as string).score).toBe(0);
  });
});

describe('messages', () => {
  it('has every key it can emit in French and English', () => {
    for (const key of STRENGTH_MESSAGE_KEYS) {
      expect(catalog[key]?.fr, key).toBeTruthy();
      expect(catalog[key]?.en, key).toBeTruthy();
    }
  });

  it('has no strength_ message it cannot emit', () => {
    const ours = Object.keys(catalog).filter((k) => k.startsWith('strength_'));
    expect(ours.sort()).toEqual([...STRENGTH_MESSAGE_KEYS].sort());
  });

  it('labels the five scores', () => {
    expect(strengthLabelKey(0)).toBe('strength_label_0');
    expect(t(strengthLabelKey(0))).toBe('très facile à deviner');
    expect(t(strengthLabelKey(4))).toBe('très solide');
  });
});
