import { createHash } from 'node:crypto';
import {
  FIXTURES,
  type FixtureExpect,
  getFixture,
  readFixture,
  STRICT_CSP_SCRIPT_HASH,
  STRICT_CSP_STYLE_HASH,
} from '../../tests/fixtures';
import { STEP_MUTATIONS } from '../../tests/fixtures/steps';
import { collectPolicyTexts, detectPage, type PageState, readPasswordRulesAttr } from './index';
import { isProbablyVisible } from './visibility';

function parse(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

function load(name: string): Document {
  return parse(readFixture(name));
}

function one(doc: Document, selector: string): HTMLInputElement {
  const found = doc.querySelectorAll(selector);
  expect(found.length, `selector ${selector} must match exactly one element`).toBe(1);
  return found[0] as HTMLInputElement;
}

/** Roles as elements, resolved before any mutation so tests can strip ids and names afterwards. */
interface Roles {
  current: HTMLInputElement | null;
  newPassword: HTMLInputElement;
  confirm: HTMLInputElement | null;
}

function rolesOf(doc: Document, e: FixtureExpect): Roles {
  if (!e.newPassword) throw new Error('expectation has no newPassword selector');
  return {
    current: e.current ? one(doc, e.current) : null,
    newPassword: one(doc, e.newPassword),
    confirm: e.confirm ? one(doc, e.confirm) : null,
  };
}

function expectRoles(state: PageState, roles: Roles): void {
  const why = JSON.stringify(state.kind === 'change-password' ? state.form.signals : state.signals, null, 1);
  expect(state.kind, why).toBe('change-password');
  if (state.kind !== 'change-password') return;
  expect(state.form.newPassword, `new password field\n${why}`).toBe(roles.newPassword);
  expect(state.form.current, `current password field\n${why}`).toBe(roles.current);
  expect(state.form.confirm, `confirmation field\n${why}`).toBe(roles.confirm);
  expect(state.form.container.contains(roles.newPassword)).toBe(true);
}

function expectState(doc: Document, e: FixtureExpect): void {
  const state = detectPage(doc);
  if (e.kind === 'change-password') expectRoles(state, rolesOf(doc, e));
  else expect(state.kind, JSON.stringify(state)).toBe(e.kind);
}

const CHANGE_FIXTURES = FIXTURES.filter((f) => f.expect.kind === 'change-password');

describe('fixtures metadata', () => {
  it('every fixture file exists, is self-contained and declares an empty favicon', () => {
    for (const f of FIXTURES) {
      const html = readFixture(f.name);
      expect(html, f.name).toContain('<link rel="icon" href="data:,">');
      // No resource is fetched by the page itself: no src/href to another origin except plain links.
      expect(html, f.name).not.toMatch(
        /<(script|img|iframe|link|source|video|audio)[^>]+(src|href)="(https?:)?\/\//i,
      );
      expect(html, f.name).not.toMatch(/@import|url\(\s*['"]?(https?:)?\/\//i);
      expect(html, f.name).not.toMatch(/fetch\(|XMLHttpRequest|sendBeacon|Math\.random/);
    }
  });

  it('names are unique, urls are ENEJ hosts unless marked outsideEnej', () => {
    expect(new Set(FIXTURES.map((f) => f.name)).size).toBe(FIXTURES.length);
    // e2e tests route each page by its URL: two fixtures on one URL would shadow each other.
    expect(new Set(FIXTURES.map((f) => f.url)).size).toBe(FIXTURES.length);
    for (const f of FIXTURES) {
      const host = new URL(f.url).hostname;
      const enej = host === 'lavienne86.fr' || host.endsWith('.lavienne86.fr');
      expect(enej, `${f.name}: ${host}`).toBe(f.outsideEnej !== true);
    }
    expect(() => getFixture('no-such-page')).toThrow(/unknown fixture/);
  });

  it('steps are mirrored by a DOM mutation in these tests', () => {
    for (const f of FIXTURES) {
      expect(STEP_MUTATIONS[f.name]?.length ?? 0, f.name).toBe(f.steps?.length ?? 0);
    }
  });

  it('strict-csp hashes match the inline script and style, so the page still works under its CSP', () => {
    const html = readFixture('strict-csp');
    const hash = (tag: string) => {
      const blocks = [...html.matchAll(new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`, 'g'))];
      expect(blocks.length).toBe(1);
      const body = blocks[0]?.[1] ?? '';
      return `'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`;
    };
    expect(hash('script')).toBe(STRICT_CSP_SCRIPT_HASH);
    expect(hash('style')).toBe(STRICT_CSP_STYLE_HASH);
    expect(html).not.toMatch(/ style="/);
    expect(getFixture('strict-csp').headers?.['content-security-policy']).toContain(STRICT_CSP_SCRIPT_HASH);
  });

  it('the ENEJ page prints the criteria exactly as the notice does', () => {
    const html = readFixture('enej-change-password');
    for (const text of [
      'Changement du mot de passe',
      'Mot de passe actuel',
      'Choisir un nouveau mot de passe',
      '>Suivant<',
      'Votre mot de passe a été changé avec succès',
      'Vous pouvez vous connecter avec votre nouveau mot de passe à ENEJ Connect.',
      'Retour à la connexion',
    ]) {
      expect(html).toContain(text);
    }
    expect(html).not.toMatch(/password-new|password-confirm|autocomplete="(new|current)-password"/);
  });
});

describe('detectPage on every fixture at load', () => {
  it.each(FIXTURES.map((f) => [f.name, f] as const))('%s', (_name, f) => {
    expectState(load(f.name), f.expect);
  });
});

describe('detectPage through each fixture’s steps', () => {
  const withSteps = FIXTURES.filter((f) => f.steps && f.steps.length > 0);
  it.each(withSteps.map((f) => [f.name, f] as const))('%s', (_name, f) => {
    const doc = load(f.name);
    expectState(doc, f.expect);
    const mutations = STEP_MUTATIONS[f.name] ?? [];
    f.steps?.forEach((step, i) => {
      mutations[i]?.(doc);
      expectState(doc, step.expect);
    });
  });
});

describe('no single signal is required', () => {
  it.each(CHANGE_FIXTURES.map((f) => [f.name, f] as const))(
    '%s without ids (labels lose their "for" target)',
    (_n, f) => {
      const doc = load(f.name);
      const roles = rolesOf(doc, f.expect);
      for (const input of doc.querySelectorAll('input')) input.removeAttribute('id');
      expectRoles(detectPage(doc), roles);
    },
  );

  it.each(CHANGE_FIXTURES.map((f) => [f.name, f] as const))('%s without ids nor names', (_n, f) => {
    const doc = load(f.name);
    const roles = rolesOf(doc, f.expect);
    for (const input of doc.querySelectorAll('input')) {
      input.removeAttribute('id');
      input.removeAttribute('name');
    }
    expectRoles(detectPage(doc), roles);
  });

  const withAutocomplete = CHANGE_FIXTURES.filter((f) =>
    /autocomplete="(new|current)-password"/.test(readFixture(f.name)),
  );
  it('has fixtures keeping autocomplete only', () =>
    expect(withAutocomplete.length).toBeGreaterThanOrEqual(5));
  it.each(withAutocomplete.map((f) => [f.name, f] as const))('%s with only autocomplete left', (_n, f) => {
    const doc = load(f.name);
    const roles = rolesOf(doc, f.expect);
    for (const el of doc.querySelectorAll('label, legend, h1, h2, h3, [trspan], .visually-hidden'))
      el.remove();
    for (const input of doc.querySelectorAll('input')) {
      for (const attr of ['id', 'name', 'placeholder', 'aria-label', 'title', 'aria-describedby'])
        input.removeAttribute(attr);
    }
    doc.title = '';
    expectRoles(detectPage(doc), roles);
  });

  it.each(CHANGE_FIXTURES.map((f) => [f.name, f] as const))(
    '%s without any label text keeps names/order',
    (_n, f) => {
      const doc = load(f.name);
      const roles = rolesOf(doc, f.expect);
      for (const el of doc.querySelectorAll('label')) el.remove();
      for (const input of doc.querySelectorAll('input')) {
        input.removeAttribute('placeholder');
        input.removeAttribute('aria-label');
      }
      expectRoles(detectPage(doc), roles);
    },
  );

  it('labels beat order: ENEJ page with the current field moved after the confirmation', () => {
    const doc = load('enej-change-password');
    const roles = rolesOf(doc, getFixture('enej-change-password').expect);
    const currentBlock = roles.current?.closest('.champ');
    const confirmBlock = roles.confirm?.closest('.champ');
    if (!currentBlock || !confirmBlock) throw new Error('fixture layout changed');
    confirmBlock.after(currentBlock);
    expect(roles.confirm?.compareDocumentPosition(roles.current as Node)).toBe(4); // FOLLOWING
    expectRoles(detectPage(doc), roles);
  });

  it('labels beat order: Keycloak with confirmation placed before the new field', () => {
    const doc = load('keycloak-update-password');
    const roles = rolesOf(doc, getFixture('keycloak-update-password').expect);
    const groupNew = roles.newPassword.closest('.form-group');
    const groupConfirm = roles.confirm?.closest('.form-group');
    if (!groupNew || !groupConfirm) throw new Error('fixture layout changed');
    groupNew.before(groupConfirm);
    expectRoles(detectPage(doc), roles);
  });

  it('order alone decides when nothing else is said: 3 bare fields under a change heading', () => {
    const doc = parse(
      '<h1>Changement du mot de passe</h1><form><input type="password"><input type="password"><input type="password"><button>Suivant</button></form>',
    );
    const [a, b, c] = [...doc.querySelectorAll('input')] as HTMLInputElement[];
    expectRoles(detectPage(doc), {
      current: a ?? null,
      newPassword: b as HTMLInputElement,
      confirm: c ?? null,
    });
  });

  it('order alone: 2 bare fields under a change heading are new + confirmation', () => {
    const doc = parse(
      '<h1>Choisir un nouveau mot de passe</h1><form><input type="password"><input type="password"></form>',
    );
    const [a, b] = [...doc.querySelectorAll('input')] as HTMLInputElement[];
    expectRoles(detectPage(doc), { current: null, newPassword: a as HTMLInputElement, confirm: b ?? null });
  });

  it('a field with current + new labels and no confirmation', () => {
    const doc = parse(
      '<form><label>Mot de passe actuel <input type="password" id="a"></label><label>Nouveau mot de passe <input type="password" id="b"></label></form>',
    );
    expectRoles(detectPage(doc), { current: one(doc, '#a'), newPassword: one(doc, '#b'), confirm: null });
  });

  it('aria-labelledby names the field', () => {
    const doc = parse(
      '<form><span id="l1">Ancien mot de passe</span><span id="l2">Nouveau</span><span id="l3">Vérification</span>' +
        '<input type="password" aria-labelledby="l2" id="x"><input type="password" aria-labelledby="l1" id="y">' +
        '<input type="password" aria-labelledby="l3" id="z"></form>',
    );
    expectRoles(detectPage(doc), {
      current: one(doc, '#y'),
      newPassword: one(doc, '#x'),
      confirm: one(doc, '#z'),
    });
  });

  it('formless fields get their common ancestor as container', () => {
    const doc = parse(
      '<main><div id="box"><h2>Modifier votre mot de passe</h2><input type="password" id="a" autocomplete="new-password"><input type="password" id="b" autocomplete="new-password"></div></main>',
    );
    const state = detectPage(doc);
    expectRoles(state, { current: null, newPassword: one(doc, '#a'), confirm: one(doc, '#b') });
    if (state.kind === 'change-password') expect(state.form.container.id).toBe('box');
  });
});

describe('negatives and visibility', () => {
  it('ignores hidden, display:none, type=hidden, disabled and template fields', () => {
    const doc = parse(
      '<form><input type="password" id="h1" hidden autocomplete="new-password">' +
        '<div style="display: none"><input type="password" id="h2" autocomplete="new-password"></div>' +
        '<input type="hidden" name="password-new">' +
        '<input type="password" id="h3" disabled autocomplete="new-password">' +
        '<template><input type="password" autocomplete="new-password"></template></form>',
    );
    expect(detectPage(doc).kind).toBe('none');
  });

  it('ignores fields hidden by a stylesheet class (multi-step built with CSS)', () => {
    const doc = parse(
      '<style>.step.off { display: none }</style><form><div class="step"><label for="c">Mot de passe actuel</label><input type="password" id="c"></div>' +
        '<div class="step off"><label for="n">Nouveau mot de passe</label><input type="password" id="n">' +
        '<label for="k">Confirmer</label><input type="password" id="k"></div></form>',
    );
    expect(detectPage(doc).kind).toBe('none');
    doc.querySelector('.off')?.classList.remove('off');
    expectRoles(detectPage(doc), {
      current: one(doc, '#c'),
      newPassword: one(doc, '#n'),
      confirm: one(doc, '#k'),
    });
  });

  it('isProbablyVisible reads attributes and inline style up the tree', () => {
    const doc = parse(
      '<div id="a"><input id="v"></div><div hidden><input id="h"></div><p style="visibility:hidden"><input id="s"></p><div inert><input id="i"></div>',
    );
    expect(isProbablyVisible(one(doc, '#v'))).toBe(true);
    expect(isProbablyVisible(one(doc, '#h'))).toBe(false);
    expect(isProbablyVisible(one(doc, '#s'))).toBe(false);
    expect(isProbablyVisible(one(doc, '#i'))).toBe(false);
  });

  it('sign-in with an e-mail and one password is none, even with a "mot de passe" heading', () => {
    const doc = parse(
      '<h1>Mot de passe</h1><form><input type="email" name="email"><input type="password" name="pass"><button>Connexion</button></form>',
    );
    expect(detectPage(doc).kind).toBe('none');
  });

  it('success text inside a template, a hidden block or a sentence about other passwords does not count', () => {
    expect(
      detectPage(parse('<template><p>Votre mot de passe a été changé avec succès</p></template>')).kind,
    ).toBe('none');
    expect(
      detectPage(parse('<div hidden><p>Votre mot de passe a été changé avec succès</p></div>')).kind,
    ).toBe('none');
    expect(detectPage(parse('<p>Les mots de passe ont été réinitialisés par le rectorat.</p>')).kind).toBe(
      'none',
    );
  });

  it.each([
    'Votre mot de passe a été mis à jour.',
    'Mot de passe modifié avec succès',
    'Votre mot de passe a été <strong>changé</strong> avec succès',
    'Your password has been changed.',
  ])('success: %s', (html) => {
    expect(detectPage(parse(`<main><p>${html}</p></main>`)).kind).toBe('success');
  });

  it('a visible change form wins over a success message elsewhere', () => {
    const doc = load('enej-change-password');
    doc.body.insertAdjacentHTML('afterbegin', '<p>Votre mot de passe a été changé avec succès</p>');
    expect(detectPage(doc).kind).toBe('change-password');
  });

  it('the outside-ENEJ page is detected: host filtering is not detection’s job', () => {
    const f = getFixture('outside-enej-change-password');
    expect(f.outsideEnej).toBe(true);
    expect(detectPage(load(f.name)).kind).toBe('change-password');
  });

  it('signals explain the decision and never contain a typed value', () => {
    const doc = load('enej-change-password');
    const secret = 'Zz9!secret-value';
    for (const input of doc.querySelectorAll('input')) input.value = secret;
    const state = detectPage(doc);
    expect(state.kind).toBe('change-password');
    if (state.kind !== 'change-password') return;
    const text = state.form.signals.join('\n');
    expect(text).toContain('heading');
    expect(text).toMatch(/label "mot de passe actuel"/);
    expect(text).not.toContain(secret);
    const none = detectPage(load('keycloak-login'));
    expect(none.kind === 'none' && none.signals.some((s) => s.includes('rejected'))).toBe(true);
  });
});

describe('first connection and forgotten password', () => {
  it('first connection: the e-mail, the CGU box and the hidden activation code are never password fields', () => {
    const doc = load('enej-first-connection');
    const state = detectPage(doc);
    expectRoles(state, {
      current: null,
      newPassword: one(doc, '#password'),
      confirm: one(doc, '#confirmPassword'),
    });
    if (state.kind !== 'change-password') return;
    expect(state.form.container.id).toBe('activation');
    const signals = state.form.signals.join('\n');
    expect(signals).not.toMatch(/email|acceptCGU|activationCode/);
    expect(signals).not.toContain('7f3c9a1e');
  });

  it('an e-mail typed as text with a "confirm" name is not taken for the confirmation', () => {
    const doc = load('enej-first-connection');
    one(doc, '#email').insertAdjacentHTML(
      'afterend',
      '<label for="confirmEmail">Confirmer l’adresse e-mail</label><input type="text" id="confirmEmail" name="confirmEmail" autocomplete="email">',
    );
    expectRoles(detectPage(doc), {
      current: null,
      newPassword: one(doc, '#password'),
      confirm: one(doc, '#confirmPassword'),
    });
  });

  it.each([
    'keycloak-reset-password',
    'keycloak-reauth',
    'enej-forgot-identifier',
    'enej-first-connection-signin',
  ])('%s: none, and the signals say why', (name) => {
    const state = detectPage(load(name));
    expect(state.kind).toBe('none');
    if (state.kind !== 'none') return;
    const passwordFields = load(name).querySelectorAll('input[type="password"]').length;
    if (passwordFields > 0) expect(state.signals.some((s) => s.includes('rejected'))).toBe(true);
    else expect(state.signals.some((s) => s.includes('rejected'))).toBe(false);
  });

  it('the sign-in step of a first connection stays none even under a "choose your password" heading', () => {
    const doc = load('enej-first-connection-signin');
    const h1 = doc.querySelector('h1');
    if (h1) h1.textContent = 'Choisissez votre nouveau mot de passe';
    expect(detectPage(doc).kind).toBe('none');
  });
});

describe('hostile input', () => {
  // Speed is measured by `npm run bench` (guide appearance), never asserted here.
  it('1,000 inputs: finds the real form', () => {
    const junk = Array.from({ length: 1000 }, (_, i) => `<input type="password" name="p${i}">`).join('');
    const doc = parse(
      `<form id="junk">${junk}</form>${readFixture('keycloak-update-password').replace(/^[\s\S]*<body>/, '')}`,
    );
    const state = detectPage(doc);
    expectRoles(state, {
      current: null,
      newPassword: one(doc, '#password-new'),
      confirm: one(doc, '#password-confirm'),
    });
  });

  it('1,000 text inputs and labels: no candidate, none', () => {
    const doc = parse(
      `<form>${Array.from({ length: 1000 }, (_, i) => `<label for="t${i}">Champ ${i}</label><input id="t${i}">`).join('')}</form>`,
    );
    expect(detectPage(doc).kind).toBe('none');
  });

  it('huge labels, emoji, accents, lone surrogates and odd ids do not crash', () => {
    const huge = 'é'.repeat(10_000);
    const doc = parse(
      `<h1>${huge}\uD800 Changement du mot de passe</h1><form>` +
        `<label for="a&quot;\\b">${huge}🔑\uDC00 actuel</label><input type="password" id='a"\\b'>` +
        `<label for="n">Nouveau 🔐 mot de passe ${huge}</label><input type="password" id="n" placeholder="${'\uD83D'.repeat(500)}">` +
        `<label for="c">Confirmation\uD800</label><input type="text" id="c" name="mdp-confirmation">` +
        `<button data-password-toggle aria-controls="c\n]x">👁</button></form><p>${huge.repeat(3)}</p>`,
    );
    const state = detectPage(doc);
    expectRoles(state, {
      current: doc.querySelectorAll('input')[0] as HTMLInputElement,
      newPassword: one(doc, '#n'),
      confirm: one(doc, '#c'),
    });
    if (state.kind === 'change-password') {
      expect(collectPolicyTexts(doc, state.form).every((t) => t.length <= 300)).toBe(true);
    }
  });

  it('empty and body-less documents', () => {
    expect(detectPage(parse('')).kind).toBe('none');
    const doc = document.implementation.createDocument(null, 'svg', null);
    expect(detectPage(doc as unknown as Document).kind).toBe('none');
  });
});

describe('collectPolicyTexts and readPasswordRulesAttr', () => {
  function formOf(name: string) {
    const state = detectPage(load(name));
    if (state.kind !== 'change-password') throw new Error(`${name} not detected`);
    return { doc: state.form.newPassword.ownerDocument, form: state.form };
  }

  it('returns the ENEJ criteria as printed, in order, and nothing else', () => {
    const { doc, form } = formOf('enej-change-password');
    expect(collectPolicyTexts(doc, form)).toEqual([
      'Mot contenant 1 majuscule',
      'Mot contenant 1 minuscule',
      'Mot contenant 1 chiffre',
      'Mot contenant 1 caractère spécial parmi ! @ # $ % ^ & * _ - + = ~ `',
      'Mot contenant 8 caractères minimum',
    ]);
  });

  it('returns the page’s own different policy', () => {
    const { doc, form } = formOf('custom-policy-12');
    expect(collectPolicyTexts(doc, form)).toEqual([
      '12 caractères minimum',
      'Au moins 1 lettre majuscule et 1 lettre minuscule',
      'Au moins 2 chiffres',
      'Au moins 1 caractère spécial parmi ! ? # @',
    ]);
  });

  it('takes LemonLDAP list items whole, value included', () => {
    const { doc, form } = formOf('lemonldap-password');
    const texts = collectPolicyTexts(doc, form);
    expect(texts).toContain('Taille minimale : 8');
    expect(texts).toContain('Caractères spéciaux autorisés : ! @ # $ % ^ & * _ - + = ~ `');
    expect(texts).toHaveLength(6);
  });

  it('follows aria-describedby outside the form', () => {
    const doc = parse(
      '<ul id="rules"><li>10 caractères minimum</li></ul><form><label for="n">Nouveau mot de passe</label>' +
        '<input type="password" id="n" aria-describedby="rules"><label for="c">Confirmation</label><input type="password" id="c"></form>',
    );
    const state = detectPage(doc);
    if (state.kind !== 'change-password') throw new Error('not detected');
    expect(collectPolicyTexts(doc, state.form)).toEqual(['10 caractères minimum']);
  });

  it('is empty where the page prints no criteria, and skips hidden ones', () => {
    const { doc, form } = formOf('keycloak-update-password');
    expect(collectPolicyTexts(doc, form)).toEqual([]);
    const ent = formOf('ent-ng-force-change');
    expect(collectPolicyTexts(ent.doc, ent.form)).toEqual([
      'Choisissez 8 caractères minimum, lettres et chiffres obligatoires.',
    ]);
  });

  it('reads the passwordrules attribute', () => {
    const { form } = formOf('passwordrules-attr');
    expect(readPasswordRulesAttr(form)).toBe(
      'minlength: 10; maxlength: 64; required: upper; required: lower; required: digit; required: [-!@#$%&*_+=]; allowed: [-!@#$%&*_+=];',
    );
    expect(readPasswordRulesAttr(formOf('enej-change-password').form)).toBeNull();
  });
});
