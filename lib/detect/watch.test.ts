import { FIXTURES, readFixture } from '../../tests/fixtures';
import { byId, STEP_MUTATIONS } from '../../tests/fixtures/steps';
import { detectPage, type PageState } from './detect';
import {
  holdsPasswordLike,
  MAX_WATCHED,
  mutationsMatter,
  PASSWORD_LIKE_SELECTOR,
  passwordLikeIn,
} from './watch';

function parse(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

/** What the content script watches after a detection, as it does it. */
function watchedAfter(doc: Document, state: PageState): Element[] | null {
  if (state.kind !== 'change-password') return passwordLikeIn(doc);
  const { newPassword, confirm, current } = state.form;
  return [newPassword, confirm, current].filter((x): x is HTMLInputElement => x !== null);
}

const answer = (s: PageState) => (s.kind === 'change-password' ? s.form.newPassword : s.kind);

/** Records of `mutate` on `doc`, observed as the content script observes a page. */
function recordsOf(doc: Document, mutate: (doc: Document) => void): MutationRecord[] {
  const observer = new MutationObserver(() => {});
  observer.observe(doc.documentElement, {
    childList: true,
    subtree: true,
    attributes: true,
    attributeFilter: ['hidden', 'style', 'class', 'aria-hidden'],
  });
  mutate(doc);
  const records = observer.takeRecords();
  observer.disconnect();
  return records;
}

describe('PASSWORD_LIKE_SELECTOR', () => {
  it('matches every field detection finds in every fixture, before and after each step', () => {
    for (const f of FIXTURES) {
      const doc = parse(readFixture(f.name));
      const states = [detectPage(doc)];
      for (const step of STEP_MUTATIONS[f.name] ?? []) {
        step(doc);
        states.push(detectPage(doc));
      }
      for (const s of states) {
        if (s.kind !== 'change-password') continue;
        for (const field of [s.form.newPassword, s.form.confirm, s.form.current]) {
          if (field) expect(holdsPasswordLike(field), `${f.name}: ${field.outerHTML}`).toBe(true);
        }
      }
    }
  });

  it('finds nothing on the pages that hold no password field', () => {
    const doc = parse('<main><input type="search" name="q"><input type="email" id="courriel"></main>');
    expect(doc.querySelector(PASSWORD_LIKE_SELECTOR)).toBeNull();
    expect(passwordLikeIn(doc)).toEqual([]);
  });

  it('gives up watching one by one past MAX_WATCHED fields', () => {
    const many = '<input type="password">'.repeat(MAX_WATCHED + 1);
    expect(passwordLikeIn(parse(`<form>${many}</form>`))).toBeNull();
  });
});

describe('mutationsMatter', () => {
  const withSteps = FIXTURES.filter((f) => (STEP_MUTATIONS[f.name]?.length ?? 0) > 0);

  it.each(withSteps.map((f) => [f.name] as const))(
    '%s: every step that changes the answer is a burst that matters',
    (name) => {
      const doc = parse(readFixture(name));
      let state = detectPage(doc);
      for (const step of STEP_MUTATIONS[name] ?? []) {
        const watched = watchedAfter(doc, state);
        const records = recordsOf(doc, step);
        const next = detectPage(doc);
        if (answer(next) !== answer(state)) expect(mutationsMatter(records, watched)).toBe(true);
        state = next;
      }
    },
  );

  it('a form inserted later, anywhere, matters', () => {
    const doc = parse('<main id="app"><p>Chargement…</p></main>');
    expect(passwordLikeIn(doc)).toEqual([]);
    const records = recordsOf(doc, (d) => {
      const wrap = d.createElement('section');
      wrap.innerHTML = '<form><input type="password" id="a"><input type="password" id="b"></form>';
      byId(d, 'app').append(wrap);
    });
    expect(mutationsMatter(records, [])).toBe(true);
  });

  it('a busy page without a password field: clock, carousel, live feed do not matter', () => {
    const doc = parse(
      '<header><span id="clock">10:00:00</span></header><div id="carousel"><div class="slide active">1</div><div class="slide">2</div></div><ul id="feed"><li>Actu 1</li></ul>',
    );
    const records = recordsOf(doc, (d) => {
      byId(d, 'clock').textContent = '10:00:01';
      for (const slide of d.querySelectorAll('.slide')) slide.classList.toggle('active');
      const li = d.createElement('li');
      li.innerHTML = '<a href="#">Actu 2</a> <input type="checkbox" name="lu">';
      byId(d, 'feed').replaceChildren(li);
      (byId(d, 'carousel') as HTMLElement).style.transform = 'translateX(-100%)';
    });
    expect(records.length).toBeGreaterThan(0);
    expect(mutationsMatter(records, passwordLikeIn(doc))).toBe(false);
  });

  it('the change page: an animated bar and a clock beside the form do not matter, hiding the form does', () => {
    const doc = parse(readFixture('enej-change-password'));
    const state = detectPage(doc);
    const watched = watchedAfter(doc, state);
    const bar = doc.createElement('div');
    const clock = doc.createElement('span');
    doc.body.append(bar, clock);
    const busy = recordsOf(doc, () => {
      bar.style.width = '40%';
      bar.className = 'bar pulse';
      clock.textContent = '10:00:02';
    });
    expect(mutationsMatter(busy, watched)).toBe(false);

    const hidden = recordsOf(doc, (d) => byId(d, 'formulaireChangement').setAttribute('hidden', ''));
    expect(mutationsMatter(hidden, watched)).toBe(true);
    const removed = recordsOf(doc, (d) => byId(d, 'formulaireChangement').remove());
    expect(mutationsMatter(removed, watched)).toBe(true);
  });

  it('too many fields to watch: any attribute change matters', () => {
    const doc = parse(`<form>${'<input type="password">'.repeat(MAX_WATCHED + 1)}</form><p id="x"></p>`);
    const records = recordsOf(doc, (d) => byId(d, 'x').classList.add('on'));
    expect(mutationsMatter(records, null)).toBe(true);
  });
});

describe('detectPage({ success: false })', () => {
  it('does not look for the success step (the content script asks only after a form was seen)', () => {
    const doc = parse(readFixture('success'));
    expect(detectPage(doc).kind).toBe('success');
    expect(detectPage(doc, { success: false }).kind).toBe('none');
    const change = parse(readFixture('enej-change-password'));
    expect(detectPage(change, { success: false }).kind).toBe('change-password');
  });
});
