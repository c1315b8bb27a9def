import { describe, expect, it } from 'vitest';
import { ENEJ_PROFILE } from '@/lib/rules';
import { effectiveProfile } from './profile';

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
