import { DEFAULT_MEMORABLE, DEFAULT_RANDOM, generatePassword } from '../../lib/generate';
import { createCryptoRandom } from '../../lib/random/source';
import { ENEJ_PROFILE } from '../../lib/rules';
import { type BenchRow, throughput } from './support';

// Its own module, so that the other lib figures still come out if generation fails to build.
export async function run(): Promise<BenchRow[]> {
  // The production source: CSPRNG draws are part of what a click costs.
  const random = createCryptoRandom();
  const modes = [
    ['memorable', DEFAULT_MEMORABLE],
    ['random', { ...DEFAULT_RANDOM, avoidLookAlikes: false }],
    ['random + no look-alikes', { ...DEFAULT_RANDOM, avoidLookAlikes: true }],
  ] as const;
  // A click must feel instant; 1,000 a second leaves room to retry or show several at once.
  return modes.map(([name, options]) => ({
    area: 'generate',
    metric: `${name}, generations per second`,
    value: Math.round(throughput(() => generatePassword(ENEJ_PROFILE, options, random), 1000)),
    unit: '/s',
    budget: 1000,
    better: 'higher' as const,
  }));
}
