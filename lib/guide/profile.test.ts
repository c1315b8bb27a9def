import { describe, expect, it } from 'vitest';
import { ENEJ_PROFILE } from '@/lib/rules';
import { effectiveProfile } from './profile';

describe('effectiveProfile', () => {
  it('keeps ENEJ rules when the page says nothing usable', () => {
    expect(effectiveProfile([])).toEqual({ profile: ENEJ_PROFILE, fromPage: false });
    expect(effectiveProfile(['Bienvenue sur ENEJ'])).toEqual({ profile: ENEJ_PROFILE, fromPage: false });
  });

  it('follows the criteria the page prints', () => {
    const { profile, fromPage } = effectiveProfile(['Le mot de passe doit contenir au moins 12 caractères']);
    expect(fromPage).toBe(true);
    expect(profile.minLength).toBe(12);
    expect(profile.specials).toBe(ENEJ_PROFILE.specials);
  });
});
