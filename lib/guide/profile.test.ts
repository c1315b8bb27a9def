import { describe, expect, it } from 'vitest';
import { collectPolicyTexts, detectPage, readPasswordRulesAttr, readPatternAttr } from '@/lib/detect/detect';
import { ENEJ_PROFILE, isCompliant } from '@/lib/rules';
import { readFixture } from '../../tests/fixtures';
import { effectiveProfile, rulesSource } from './profile';

describe('effectiveProfile', () => {
  it('keeps ENEJ rules when the page says nothing usable', () => {
    expect(effectiveProfile([])).toEqual({ profile: ENEJ_PROFILE, fromPage: false });
    expect(effectiveProfile(['Bienvenue sur ENEJ'])).toEqual({ profile: ENEJ_PROFILE, fromPage: false });
  });

  it('says the page adds nothing when it prints ENEJ rules', () => {
    const printed = [
      'Mot contenant 1 majuscule',
      'Mot contenant 1 caractère spécial parmi ! @ # $ % ^ & * _ - + = ~ `',
      'Mot contenant 8 caractères minimum',
    ];
    expect(effectiveProfile(printed).fromPage).toBe(false);
  });

  it('reads ENEJ’s own sentences without the rules engine, and anything else with it', () => {
    // ENEJ's sentences (first-frame.test.tsx proves the engine reads them as ENEJ_PROFILE) give the profile
    // itself; one word changed, or a rule attribute on the field, and the page's text is read again.
    expect(effectiveProfile(['Mot contenant 8 caractères minimum']).profile).toBe(ENEJ_PROFILE);
    expect(effectiveProfile(['Mot contenant 10 caractères minimum']).profile.minLength).toBe(10);
    expect(effectiveProfile(['Mot contenant 2 chiffres']).fromPage).toBe(true);
    const attr = effectiveProfile(['Mot contenant 1 chiffre'], 'minlength: 12;');
    expect(attr.profile.minLength).toBe(12);
    const pattern = effectiveProfile(['Mot contenant 1 chiffre'], null, '^.{10,}$');
    expect(pattern.fromPage).toBe(true);
  });

  it('follows the criteria the page prints', () => {
    const { profile, fromPage } = effectiveProfile(['Le mot de passe doit contenir au moins 12 caractères']);
    expect(fromPage).toBe(true);
    expect(profile.minLength).toBe(12);
    expect(profile.requirements).toEqual(ENEJ_PROFILE.requirements);
    expect(profile.allowed).toEqual(ENEJ_PROFILE.allowed);
  });
});

describe('effectiveProfile with passwordrules', () => {
  it('applies a valid attribute on top of the printed criteria', () => {
    const { profile, fromPage } = effectiveProfile(
      [],
      'minlength: 10; required: upper; required: lower; required: digit; required: [-!@#$%&*_+=];',
    );
    expect(fromPage).toBe(true);
    expect(profile.minLength).toBe(10);
  });

  it('ignores an attribute it cannot read', () => {
    expect(effectiveProfile([], 'minlength: banana; ???')).toEqual({
      profile: ENEJ_PROFILE,
      fromPage: false,
    });
    expect(effectiveProfile([], 'x'.repeat(100_000)).fromPage).toBe(false);
  });
});

describe('effectiveProfile with a validation regex', () => {
  it("follows entcore's ng-pattern over the printed text, maximum included", () => {
    const { profile, fromPage } = effectiveProfile(
      ['Choisissez 8 caractères minimum, lettres et chiffres obligatoires.'],
      null,
      '/^(?=.*[a-z])(?=.*[A-Z])(?=.*\\d)(?=.*[^a-zA-Z0-9]).{10,64}$/',
    );
    expect(fromPage).toBe(true);
    expect(profile).toMatchObject({ minLength: 10, maxLength: 64 });
  });

  it('keeps the rest when the regex is an expression or too clever', () => {
    expect(effectiveProfile([], null, 'passwordRegex')).toEqual({ profile: ENEJ_PROFILE, fromPage: false });
    expect(effectiveProfile([], null, '/^(a|b).{8,}$/').fromPage).toBe(false);
  });
});

describe('rulesSource', () => {
  it('says page, ENEJ or usual', () => {
    expect(rulesSource(true, true)).toBe('page');
    expect(rulesSource(false, true)).toBe('enej');
    expect(rulesSource(false, false)).toBe('default');
  });
});

describe('effectiveProfile on the saved pages', () => {
  const pageRules = (name: string) => {
    const doc = new DOMParser().parseFromString(readFixture(name), 'text/html');
    const page = detectPage(doc);
    if (page.kind !== 'change-password') throw new Error(`${name}: no form`);
    return effectiveProfile(
      collectPolicyTexts(doc, page.form),
      readPasswordRulesAttr(page.form),
      readPatternAttr(page.form),
    );
  };

  it('pronote-rules: 12–32, a letter, any non-letter non-digit as special, nothing refused', () => {
    const { profile, fromPage } = pageRules('pronote-rules');
    expect(fromPage).toBe(true);
    expect(profile).toMatchObject({ minLength: 12, maxLength: 32, allowed: { classes: ['unicode'] } });
    expect(isCompliant('Velo?rouge42', profile)).toBe(true);
    expect(isCompliant('velo?rouge42', profile)).toBe(false);
    expect(isCompliant(`Velo?rouge42${'x'.repeat(21)}`, profile)).toBe(false);
  });

  it('ent-ng-pattern: the ng-pattern regex, not the default text', () => {
    const { profile, fromPage } = pageRules('ent-ng-pattern');
    expect(fromPage).toBe(true);
    expect(profile).toMatchObject({ minLength: 10, maxLength: 24 });
    expect(isCompliant('Velo?rouge4', profile)).toBe(true);
    expect(isCompliant('Velo?rouge', profile)).toBe(false);
  });

  it('ent-ng-force-change (no regex) keeps reading its printed text', () => {
    expect(pageRules('ent-ng-force-change').profile.minLength).toBe(8);
  });
});
