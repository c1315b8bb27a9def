import { describe, expect, it } from 'vitest';
import { ENEJ_PROFILE } from '@/lib/rules';
import { announcements, computeView } from './state';

const view = (newPassword: string, confirm: string | null = '', current: string | null = null) =>
  computeView({ newPassword, confirm, current }, ENEJ_PROFILE);

const stateOf = (v: ReturnType<typeof view>) =>
  Object.fromEntries([...v.results.map((r) => [r.id, r.met]), ['confirm', v.confirm]]);

describe('computeView', () => {
  it('starts with everything missing', () => {
    const v = view('');
    expect(v.started).toBe(false);
    expect(v.allMet).toBe(false);
    expect(stateOf(v)).toMatchObject({
      length: false,
      upper: false,
      lower: false,
      digit: false,
      special: false,
    });
    expect(v.confirm).toBe('missing');
  });

  it('needs an identical, non-empty confirmation', () => {
    expect(view('Azerty123!', 'Azerty123!').allMet).toBe(true);
    expect(view('Azerty123!', 'Azerty123').confirm).toBe('missing');
    expect(view('Azerty123!', 'azerty123!').allMet).toBe(false);
    expect(view('', '').confirm).toBe('missing');
    expect(view('Azerty123!', null).confirm).toBeNull();
    expect(view('Azerty123!', null).allMet).toBe(true);
  });

  it('flags a new password equal to the current one', () => {
    const v = view('Azerty123!', 'Azerty123!', 'Azerty123!');
    expect(v.sameAsCurrent).toBe(true);
    expect(v.allMet).toBe(false);
    expect(view('', '', '').sameAsCurrent).toBe(false);
  });

  it('copes with hostile input', () => {
    const nasty = `é 😀\uD800${'x'.repeat(10_000)}`;
    const v = view(nasty, nasty);
    expect(v.results.find((r) => r.id === 'allowed')?.met).toBe(false);
    expect(v.confirm).toBe('ok');
  });
});

describe('announcements', () => {
  it('says nothing before typing', () => {
    expect(announcements(null, view(''))).toEqual([]);
  });

  it('announces only rules that flipped', () => {
    const a = view('a');
    expect(announcements(view(''), a)).toEqual([
      { key: 'guide_announce_ok', params: ['guide_rulename_lower'] },
    ]);
    // With no previous view, the rules already met are news too.
    expect(announcements(null, a).map((x) => x.params[0])).toEqual([
      'guide_rulename_lower',
      'guide_rulename_allowed',
    ]);
    // Another lowercase letter changes a count, not a state: silence.
    expect(announcements(a, view('ab'))).toEqual([]);
    expect(announcements(view('ab'), view('abé'))).toEqual([
      { key: 'guide_announce_missing', params: ['guide_rulename_allowed'] },
    ]);
  });

  it('collapses into one sentence when everything is met', () => {
    expect(announcements(view('Azerty123!', 'Azerty123'), view('Azerty123!', 'Azerty123!'))).toEqual([
      { key: 'guide_announce_all', params: [] },
    ]);
  });

  it('never carries the password', () => {
    const secret = 'Zorglub42!';
    const all = [...announcements(null, view(secret)), ...announcements(view('Z'), view(secret, secret))];
    expect(JSON.stringify(all)).not.toContain('Zorglub');
  });
});
