import { FIXTURES, getFixture, readFixture } from '../../tests/fixtures';
import { detectPage } from '../detect/detect';
import { buildDiagnostic, describeUrl, MAX_DIAGNOSTIC_CHARS } from './diagnostic';

function parse(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

function fixture(name: string): { doc: Document; url: string } {
  return { doc: parse(readFixture(name)), url: getFixture(name).url };
}

describe('describeUrl', () => {
  it('keeps host and path, drops query, fragment and credentials', () => {
    expect(
      describeUrl('https://user:pw@connect.enej.lavienne86.fr/fr/premiere-connexion?jeton=abc#x'),
    ).toEqual({
      host: 'connect.enej.lavienne86.fr',
      path: '/fr/premiere-connexion',
    });
  });

  it.each([
    ['/reset/c2VzYW1lLXRlc3QtdG9rZW4tOTk4Nw', '/reset/[…]'],
    ['/activation/7f3c9a1e-44b2-4a8e-9d0c-5b7e2f1a6c3d/fin', '/activation/[…]/fin'],
    ['/auth/a1b2c3d4e5f6', '/auth/[…]'],
    ['/fr/changement-mot-de-passe', '/fr/changement-mot-de-passe'],
    ['/fr/etape-2', '/fr/etape-2'],
    ['/realms/enej/login-actions/action-token', '/realms/enej/login-actions/action-token'],
  ])('%s → %s', (path, expected) => {
    expect(describeUrl(`https://ent.example.fr${path}`).path).toBe(expected);
  });

  it('survives garbage', () => {
    expect(describeUrl('not a url')).toEqual({ host: '?', path: '?' });
  });
});

describe('buildDiagnostic', () => {
  it('describes the first-connection page: fields, labels, buttons, rules, verdict', () => {
    const { doc, url } = fixture('enej-first-connection');
    const text = buildDiagnostic({ doc, url });
    expect(text).toContain('host: connect.enej.lavienne86.fr');
    expect(text).toContain('path: /fr/premiere-connexion\n');
    expect(text).toContain('h1: "Bienvenue sur ENEJ"');
    expect(text).toContain('form#activation method=post action=/auth/activation');
    expect(text).toContain(
      'input type=password name="password" id="password" autocomplete="off" label="Mot de passe"',
    );
    expect(text).toContain('input type=hidden name="activationCode" hidden');
    expect(text).toMatch(
      /input type=checkbox name="acceptCGU" id="acceptCGU" label="J'accepte les conditions/,
    );
    expect(text).toContain('buttons: "Valider"');
    expect(text).toContain('"8 caractères minimum, dont 1 majuscule');
    expect(text).toContain('detection: change-password');
    expect(text).toContain('current=- new=input#password confirm=input#confirmPassword');
  });

  it('never prints a typed value, a hidden token, the query string or an echoed secret', () => {
    const { doc, url } = fixture('enej-first-connection');
    const typed = 'Zebre-Vert-77!';
    (doc.getElementById('password') as HTMLInputElement).value = typed;
    (doc.getElementById('confirmPassword') as HTMLInputElement).value = typed;
    (doc.getElementById('email') as HTMLInputElement).value = 'parent.martin@example.fr';
    // A page that echoes what is typed into a visible line (a bad strength meter, a preview).
    doc.body.insertAdjacentHTML('beforeend', `<p>Mot de passe : ${typed} (12 caractères)</p>`);
    doc.body.insertAdjacentHTML(
      'beforeend',
      '<div contenteditable="true"><h2>Mon brouillon secret</h2></div>',
    );
    doc.body.insertAdjacentHTML('beforeend', '<textarea>un texte tapé à la main</textarea>');
    const text = buildDiagnostic({ doc, url });
    for (const secret of [
      typed,
      'parent.martin@example.fr',
      '7f3c9a1e', // the activation code, in a hidden field and in the query
      'jeton',
      'lea.martin12', // a hidden field's value (also printed by the page: it is scrubbed there too)
      'Mon brouillon secret',
      'un texte tapé',
    ]) {
      expect(text, secret).not.toContain(secret);
    }
    expect(text).toContain('[…]');
  });

  it('explains a none verdict with detection’s reasons', () => {
    const { doc, url } = fixture('keycloak-reauth');
    const text = buildDiagnostic({ doc, url });
    expect(text).toContain('detection: none');
    expect(text).toMatch(/rejected: single field without new-password evidence/);
    expect(text).toContain('buttons: "Connexion"');
    expect(text).not.toContain('client_id');
  });

  it('says there is no password field on a page without one', () => {
    const { doc, url } = fixture('enej-forgot-identifier');
    const text = buildDiagnostic({ doc, url });
    expect(text).toContain('(no password field found)');
    expect(text).toContain('select name="profil" id="profil" label="Profil"');
    expect(text).not.toContain('b7e1a9d3c4f5');
  });

  it('uses the verdict it is given', () => {
    const { doc, url } = fixture('mire');
    expect(buildDiagnostic({ doc, url, state: { kind: 'success', signals: ['given'] } })).toContain(
      'detection: success\n  given',
    );
  });

  it.each(FIXTURES.map((f) => [f.name] as const))('%s: no field value, no query value', (name) => {
    const { doc, url } = fixture(name);
    const values = [...doc.querySelectorAll('input')]
      .filter((i) => !['submit', 'button', 'checkbox', 'radio'].includes(i.type))
      .map((i) => i.getAttribute('value') ?? '')
      .filter((v) => v.length >= 3);
    const query = [...new URL(url).searchParams.values()].filter((v) => v.length >= 3);
    const text = buildDiagnostic({ doc, url });
    for (const secret of [...values, ...query]) expect(text, secret).not.toContain(secret);
    expect(text).toContain(`detection: ${detectPage(doc).kind}`);
  });

  it('stays bounded on a hostile page (speed is measured by npm run bench, not asserted here)', () => {
    const huge = 'é'.repeat(10_000);
    const doc = parse(
      `<h1>${huge}</h1>${Array.from({ length: 300 }, (_, i) => `<form id="f${i}"><label for="i${i}">${huge}</label><input id="i${i}" type="password"><button>${huge}</button></form>`).join('')}<p>${'8 caractères '.repeat(5000)}</p>`,
    );
    const text = buildDiagnostic({ doc, url: 'https://x.example/', state: { kind: 'none', signals: [] } });
    expect(text.length).toBeLessThanOrEqual(MAX_DIAGNOSTIC_CHARS);
    expect(text).toContain('more field(s) not listed');
    expect(text.split('\n').every((line) => line.length < 1000)).toBe(true);
  });

  it('handles an empty document', () => {
    const text = buildDiagnostic({ doc: parse(''), url: 'https://x.example/a?b=c' });
    expect(text).toContain('forms:\n  (none)');
    expect(text).toContain('headings:\n  (none)');
  });
});
