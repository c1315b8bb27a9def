import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { APPLE_RULES, appleAccepts, appleParse } from '../../tests/fixtures/apple';
import { generatePassword } from '../generate';
import { createSeededRandom } from '../random/source';
import { evaluate, isCompliant } from './evaluate';
import { parsePasswordRules, profileForPasswordRules, toPasswordRules } from './passwordrules';

// Apple's 434 real sites (tests/fixtures/apple): every rule set read, every generated password accepted by
// Apple's own parser's semantics and by ours, and the near misses refused by both.

const profiles = APPLE_RULES.map(([site, text]) => ({ site, text, profile: profileForPasswordRules(text) }));

describe("Apple's password-rules.json", () => {
  it('has the 434 sites, and Apple parses each without complaint', () => {
    expect(APPLE_RULES).toHaveLength(434);
    for (const [site, text] of APPLE_RULES) expect(appleParse(text).errors, site).toEqual([]);
  });

  it('is read whole: 434 of 434 rule sets', () => {
    const unread = profiles
      .filter((p) => p.profile === null)
      .map((p) => [p.site, parsePasswordRules(p.text)]);
    expect(unread).toEqual([]);
  });

  it('round-trips through toPasswordRules', () => {
    for (const { site, profile } of profiles) {
      if (!profile) continue;
      expect(profileForPasswordRules(toPasswordRules(profile)), site).toEqual(profile);
    }
  });

  // A few lengths (each clamped to the site's bounds) rather than any: every new length costs an exact
  // count, and this file shares two cores with the rest of the suite's timing-sensitive tests.
  const randomOptions = fc.record({
    length: fc.constantFrom(1, 8, 12, 14, 16, 20, 32, 40),
    avoidLookAlikes: fc.boolean(),
    azertyEasy: fc.boolean(),
  });
  const memorableOptions = fc.record({ words: fc.integer({ min: 2, max: 8 }), azertyEasy: fc.boolean() });

  it('gets passwords Apple and isCompliant accept: 20 random + 20 memorable per site, 200 each with max-consecutive', () => {
    let checked = 0;
    for (const { site, text, profile } of profiles) {
      if (!profile) continue;
      const apple = appleParse(text).rules;
      const runs = profile.maxConsecutive !== undefined ? 200 : 20;
      const accept = (password: string) => {
        checked++;
        if (!isCompliant(password, profile) || !appleAccepts(apple, password))
          throw new Error(`${site}: ${JSON.stringify(password)} refused (${text})`);
      };
      fc.assert(
        fc.property(fc.integer(), randomOptions, (seed, o) => {
          accept(generatePassword(profile, { mode: 'random', ...o }, createSeededRandom(seed)).password);
        }),
        { numRuns: runs, seed: 13 },
      );
      fc.assert(
        fc.property(fc.integer(), memorableOptions, (seed, o) => {
          accept(generatePassword(profile, { mode: 'memorable', ...o }, createSeededRandom(seed)).password);
        }),
        { numRuns: runs, seed: 13 },
      );
    }
    expect(checked).toBeGreaterThanOrEqual(434 * 40);
  }, 600_000);

  it('refuses, like Apple, a password one character short of the minimum', () => {
    let sites = 0;
    for (const { site, text, profile } of profiles) {
      if (!profile || profile.minLength < 2) continue;
      sites++;
      const apple = appleParse(text).rules;
      const ok = generatePassword(
        profile,
        { mode: 'random', length: profile.minLength, avoidLookAlikes: false, azertyEasy: false },
        createSeededRandom(sites),
      ).password;
      expect([...ok].length, site).toBe(profile.minLength);
      const short = [...ok].slice(0, -1).join('');
      expect(isCompliant(short, profile), site).toBe(false);
      expect(evaluate(short, profile)[0]?.met, site).toBe(false);
      expect(appleAccepts(apple, short), site).toBe(false);
    }
    expect(sites).toBeGreaterThan(400);
  });

  it('refuses, like Apple, a password with one run too long', () => {
    let sites = 0;
    for (const { site, text, profile } of profiles) {
      if (!profile || profile.maxConsecutive === undefined) continue;
      sites++;
      const k = profile.maxConsecutive;
      const apple = appleParse(text).rules;
      const ok = [
        ...generatePassword(
          profile,
          { mode: 'random', length: 20, avoidLookAlikes: false, azertyEasy: false },
          createSeededRandom(sites),
        ).password,
      ];
      // The first character repeated k + 1 times in place: same length, one run too long.
      const bad = [...Array.from({ length: k + 1 }, () => ok[0]), ...ok.slice(k + 1)].join('');
      const consecutive = evaluate(bad, profile).find((r) => r.id === 'consecutive');
      expect(consecutive?.met, site).toBe(false);
      expect(isCompliant(bad, profile), site).toBe(false);
      expect(appleAccepts(apple, bad), site).toBe(false);
    }
    expect(sites).toBe(81);
  });
});
