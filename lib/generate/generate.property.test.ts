import fc from 'fast-check';
import { createSeededRandom } from '../random/source';
import { allowedSpecials, isCompliant, type RuleProfile, simpleProfile } from '../rules';
import { type GenerateOptions, GenerationError, generatePassword } from './generate';

const PUNCTUATION = [...'!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~'];

/** Any profile the schema accepts within the brief's ranges; maxLength, when present, leaves room. */
const profileArb: fc.Arbitrary<RuleProfile> = fc
  .record({
    minLength: fc.integer({ min: 4, max: 32 }),
    extra: fc.option(fc.integer({ min: 0, max: 24 }), { nil: undefined }),
    upper: fc.integer({ min: 0, max: 3 }),
    lower: fc.integer({ min: 0, max: 3 }),
    digit: fc.integer({ min: 0, max: 3 }),
    special: fc.integer({ min: 0, max: 3 }),
    specials: fc.subarray(PUNCTUATION, { minLength: 1 }),
    others: fc.constantFrom('refused', 'printable-ascii', 'any'),
  })
  .map((r) => {
    const needed = r.upper + r.lower + r.digit + r.special;
    return simpleProfile({
      id: 'prop',
      minLength: r.minLength,
      ...(r.extra === undefined ? {} : { maxLength: Math.max(r.minLength, needed) + r.extra }),
      required: { upper: r.upper, lower: r.lower, digit: r.digit, special: r.special },
      specials: r.specials.join(''),
      others: r.others,
    });
  });

const optionsArb: fc.Arbitrary<GenerateOptions> = fc.oneof(
  fc.record({
    mode: fc.constant('memorable' as const),
    words: fc.integer({ min: 2, max: 8 }),
    separator: fc.option(fc.constantFrom(...PUNCTUATION), { nil: undefined }),
    azertyEasy: fc.boolean(),
  }),
  fc.record({
    mode: fc.constant('random' as const),
    length: fc.integer({ min: 1, max: 40 }),
    avoidLookAlikes: fc.boolean(),
    azertyEasy: fc.boolean(),
  }),
);

describe('generatePassword, properties', () => {
  it('always returns a compliant password, or refuses only a separator the site does not list', () => {
    fc.assert(
      fc.property(profileArb, optionsArb, fc.integer(), (profile, options, seed) => {
        const random = createSeededRandom(seed);
        const badSeparator =
          options.mode === 'memorable' &&
          options.separator !== undefined &&
          !allowedSpecials(profile).includes(options.separator);
        let g: ReturnType<typeof generatePassword>;
        try {
          g = generatePassword(profile, options, random);
        } catch (e) {
          expect(e).toBeInstanceOf(GenerationError);
          expect((e as GenerationError).key).toBe('gen_error_separator');
          expect(badSeparator).toBe(true);
          return;
        }
        expect(badSeparator).toBe(false);
        expect(isCompliant(g.password, profile)).toBe(true);
        expect(Number.isFinite(g.entropyBits) && g.entropyBits > 0).toBe(true);
        if (options.mode === 'random') expect(g).toMatchObject({ mode: 'random', fellBack: false });
        else expect(g.mode === 'memorable' ? !g.fellBack : g.fellBack).toBe(true);
        if (options.mode === 'memorable' && options.separator !== undefined && g.mode === 'memorable')
          expect(g.password).toContain(options.separator);
      }),
      { numRuns: 1500, seed: 20240413 },
    );
    // Each run validates a new profile and counts its compliant strings exactly: ~5 ms on a shared core.
  }, 60_000);

  it('is reproducible for a seed', () => {
    fc.assert(
      fc.property(profileArb, optionsArb, fc.integer(), (profile, options, seed) => {
        const run = (s: number) => {
          try {
            return generatePassword(profile, options, createSeededRandom(s)).password;
          } catch {
            return 'error';
          }
        };
        expect(run(seed)).toBe(run(seed));
      }),
      { numRuns: 300, seed: 7 },
    );
  });
});
