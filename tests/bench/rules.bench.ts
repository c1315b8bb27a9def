import { DEFAULT_MEMORABLE, DEFAULT_RANDOM, generatePassword, randomPlanInfo } from '../../lib/generate';
import { createSeededRandom } from '../../lib/random/source';
import { ENEJ_PROFILE, isCompliant, profileForPasswordRules } from '../../lib/rules';
import { APPLE_RULES, appleAccepts, appleParse } from '../fixtures/apple';
import { type BenchRow, median, percentile } from './support';

// Apple's 434 real rule sets (tests/fixtures/apple): how many we read, whether what we generate passes, how
// often rejection sampling gets a compliant draw, and what it costs to serve every site once.
export async function run(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const area = 'rules (Apple 434)';

  let start = performance.now();
  const profiles = APPLE_RULES.map(([site, text]) => ({
    site,
    text,
    profile: profileForPasswordRules(text),
  }));
  const readMs = performance.now() - start;
  const read = profiles.filter((p) => p.profile !== null);
  rows.push({
    area,
    metric: 'rule sets read',
    value: read.length,
    unit: `/ ${APPLE_RULES.length}`,
    budget: 434,
    better: 'higher',
  });
  rows.push({
    area,
    metric: 'time to read and validate all',
    value: Math.round(readMs),
    unit: 'ms',
    budget: 1000,
  });

  // Cold: the first password for each site builds its counting tables.
  start = performance.now();
  for (const [i, { profile }] of read.entries()) {
    if (!profile) continue;
    generatePassword(profile, DEFAULT_RANDOM, createSeededRandom(i));
    generatePassword(profile, DEFAULT_MEMORABLE, createSeededRandom(i));
  }
  rows.push({
    area,
    metric: 'time to generate 1 random + 1 memorable for every site (cold)',
    value: Math.round(performance.now() - start),
    unit: 'ms',
    budget: 2000,
  });

  // Acceptance: 20 random + 20 memorable per site, 200 each where max-consecutive is set (as the unit test).
  let total = 0;
  let accepted = 0;
  let fellBack = 0;
  const randomVariants = [
    DEFAULT_RANDOM,
    { ...DEFAULT_RANDOM, avoidLookAlikes: false, azertyEasy: false, length: 8 },
    { ...DEFAULT_RANDOM, length: 32 },
  ];
  for (const [i, { text, profile }] of read.entries()) {
    if (!profile) continue;
    const apple = appleParse(text).rules;
    const n = profile.maxConsecutive !== undefined ? 200 : 20;
    const random = createSeededRandom(1000 + i);
    for (let k = 0; k < n; k++) {
      for (const options of [
        randomVariants[k % 3] ?? DEFAULT_RANDOM,
        { ...DEFAULT_MEMORABLE, words: 2 + (k % 7) },
      ]) {
        const g = generatePassword(profile, options, random);
        total++;
        if (g.fellBack) fellBack++;
        if (isCompliant(g.password, profile) && appleAccepts(apple, g.password)) accepted++;
      }
    }
  }
  rows.push({
    area,
    metric: `passwords accepted by Apple's semantics and isCompliant (of ${total})`,
    value: Math.round((accepted / total) * 10000) / 100,
    unit: '%',
    budget: 100,
    better: 'higher',
  });
  rows.push({
    area,
    metric: 'memorable requests that fell back to random (said so)',
    value: Math.round((fellBack / (total / 2)) * 1000) / 10,
    unit: '%',
  });

  // Rejection sampling: the exact chance that one uniform draw meets every rule, with the default settings.
  const rates = read.map(({ profile }) =>
    randomPlanInfo(profile as NonNullable<typeof profile>, DEFAULT_RANDOM),
  );
  const acceptance = rates.map((r) => r.acceptance * 100);
  const byRejection = rates.filter((r) => r.method === 'rejection').length;
  rows.push({
    area,
    metric: 'random mode: sites drawn by rejection (rest: exact DP sampler)',
    value: byRejection,
    unit: `/ ${rates.length}`,
  });
  rows.push({
    area,
    metric: 'rejection acceptance rate, median over sites',
    value: round2(median(acceptance)),
    unit: '%',
  });
  rows.push({
    area,
    metric: 'rejection acceptance rate, 5th percentile',
    value: round2(percentile(acceptance, 5)),
    unit: '%',
  });
  rows.push({
    area,
    metric: 'rejection acceptance rate, worst site',
    value: round2(Math.min(...acceptance)),
    unit: '%',
  });
  const enej = randomPlanInfo(ENEJ_PROFILE, DEFAULT_RANDOM);
  rows.push({
    area: 'rules',
    metric: 'ENEJ default random: rejection acceptance rate',
    value: round2(enej.acceptance * 100),
    unit: '%',
    note: enej.method,
  });
  return rows;
}

const round2 = (x: number) => Math.round(x * 100) / 100;
