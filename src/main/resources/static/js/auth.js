// Sign-up, sign-in, password reset and email verification. Every refusal is one sentence from the error code
// (messages/errors.js) or the field's own sentence; the server's words are never shown.
import { h, mount, form } from './dom.js';
import { publicPost, login as signIn, verifyMfa, currentUser, reloadMe } from './api.js';
import { buildHash } from './router.js';
import { authText } from './messages/auth.js';
import { passwordStrength, safeNext } from './shop-state.js';
import { hasMfa, signInButton, secondFactorButton, stopPasskeyAutofill } from './passkeys.js';
import { passkeyText } from './messages/passkeys.js';

const METER = { empty: 0, short: 1, weak: 1, fair: 2, strong: 3 };

/** Guidance as the password is typed: what is still missing, else a level, always with the breach check said. */
function strength(input, context) {
  const a = authText();
  const bar = h('span');
  const meter = h('div', { class: 'strength', 'aria-hidden': 'true' }, bar);
  const hint = h('span', { class: 'muted strength-hint', id: 'password-hint', 'aria-live': 'polite' }, a.passwordRules);
  // The server's verdict wins: a refused password shows as weak until it is changed.
  const refused = new Set();
  input.refused = () => { refused.add(input.value); input.dispatchEvent(new Event('input')); };
  input.addEventListener('input', () => {
    const guess = passwordStrength(input.value, context());
    const s = refused.has(input.value) && guess.level !== 'short' ? { level: 'weak', missing: guess.missing } : guess;
    meter.dataset.level = s.level;
    bar.style.width = `${(METER[s.level] / 3) * 100}%`;
    if (s.level === 'empty') hint.textContent = a.passwordRules;
    else if (s.missing.length) hint.textContent = a.strengthShort(s.missing.map((k) => a[k]).join(', '));
    else hint.textContent = a.strengthHint(a.strength[s.level]);
  });
  input.setAttribute('aria-describedby', `${input.getAttribute('aria-describedby') || ''} password-hint`.trim());
  return [meter, hint];
}

/** A refusal the client can name before asking the server: shown under the field like the server's would be. */
function fieldError(field) {
  const e = new Error('');
  e.problem = { errors: [{ field }] };
  return e;
}

export function register(params) {
  const a = authText();
  const next = safeNext(params && params.get('next'));
  const f = form([
    { name: 'fullName', label: a.fullName, autocomplete: 'name', max: 100, required: true, invalid: a.fullNameInvalid, missing: a.fullNameMissing },
    { name: 'email', label: a.email, type: 'email', autocomplete: 'email', max: 254, required: true, invalid: a.emailInvalid, missing: a.emailMissing },
    { name: 'password', label: a.password, type: 'password', autocomplete: 'new-password', max: 128, required: true,
      invalid: a.passwordInvalid, missing: a.passwordMissing },
  ], a.createAccount, async (v) => {
    if ([...v.password].length < 12) throw fieldError('password');
    // The answer is the same whether or not the address already has an account (no id): the mail says which.
    try {
      await publicPost('/api/v1/auth/register', { ...v, email: v.email.trim(), fullName: v.fullName.trim(), language: document.documentElement.lang });
    } catch (e) {
      if (e.code === 'weak_password') f.inputs.password.refused();
      throw e;
    }
    mount(h('h1', {}, a.checkMailTitle),
      h('div', { class: 'card', id: 'register-done' },
        h('p', {}, `${a.checkMailSent} `, h('strong', {}, v.email.trim()), '.'),
        h('p', {}, a.checkMailText),
        h('p', { class: 'muted' }, a.checkMailSpam),
        h('p', {}, h('a', { href: buildHash('/login', { next }) }, a.signIn))));
  });
  f.id = 'register-form';
  f.classList.add('auth-form');
  f.inputs.password.after(...strength(f.inputs.password, () => ({ email: f.inputs.email.value, fullName: f.inputs.fullName.value })));
  mount(h('h1', {}, a.registerTitle), f,
    h('p', {}, `${a.haveAccount} `, h('a', { href: buildHash('/login', { next }) }, a.signIn)));
}

export function login(params) {
  const a = authText();
  const next = safeNext(params && params.get('next'));
  const area = h('div');
  const f = form([
    // "webauthn": the browser's autofill offers this site's passkeys on the field too (conditional mediation).
    { name: 'email', label: a.email, type: 'email', autocomplete: 'username webauthn', required: true, missing: a.emailMissing, invalid: a.emailInvalid },
    { name: 'password', label: a.password, type: 'password', autocomplete: 'current-password', required: true, missing: a.passwordMissing },
  ], a.signIn, async (v) => {
    const result = await signIn(v.email.trim(), v.password);
    if (result.mfaRequired) {
      stopPasskeyAutofill();
      const methods = Array.isArray(result.methods) ? result.methods : ['totp'];
      const p = passkeyText();
      const passkeyStatus = h('p', { class: 'error', role: 'alert', id: 'mfa-passkey-status' });
      const passkey = methods.includes('passkey') ? secondFactorButton(result.mfaToken, passkeyStatus, done) : null;
      const parts = [];
      if (passkey) parts.push(h('p', {}, p.mfaIntro), h('p', {}, passkey), passkeyStatus);
      if (methods.includes('totp')) {
        const mfa = form([{ name: 'code', label: a.mfaCode, autocomplete: 'one-time-code', required: true, missing: a.mfaCodeMissing, inputmode: 'numeric' }],
          a.verify, async (c) => { await verifyMfa(result.mfaToken, c.code.trim()); done(); });
        mfa.id = 'mfa-form';
        parts.push(h('p', {}, passkey ? p.mfaOrCode : a.mfaIntro), mfa);
        area.replaceChildren(...parts);
        if (passkey) passkey.focus();
        else mfa.inputs.code.focus();
        return;
      }
      area.replaceChildren(...parts);
      if (passkey) passkey.focus();
      return;
    }
    done();
  });
  function done() {
    const me = currentUser();
    location.hash = me.role === 'ADMIN' && !hasMfa(me) ? '#/account' : next || '#/';
  }
  f.id = 'login-form';
  f.classList.add('auth-form');
  const passkeyStatus = h('p', { class: 'error', role: 'alert', id: 'passkey-signin-status' });
  const passkey = signInButton(f.inputs.email, passkeyStatus, done);
  area.append(...[f, passkey, passkey ? passkeyStatus : null,
    h('p', {}, h('a', { href: '#/forgot' }, a.forgotLink), ' · ', h('a', { href: buildHash('/register', { next }) }, a.registerLink))].filter(Boolean));
  mount(h('h1', {}, a.signInTitle), area);
}

export function forgot() {
  const a = authText();
  const done = h('p', { class: 'ok', id: 'forgot-done', role: 'status' });
  const f = form([{ name: 'email', label: a.email, type: 'email', autocomplete: 'email', required: true, missing: a.emailMissing, invalid: a.emailInvalid }],
    a.sendLink, async (v) => {
      done.textContent = '';
      await publicPost('/api/v1/auth/password-reset/request', { email: v.email.trim() });
      done.textContent = a.forgotSent;
    }, { reset: true });
  f.id = 'forgot-form';
  f.classList.add('auth-form');
  mount(h('h1', {}, a.forgotTitle), h('p', {}, a.forgotIntro), f, done);
}

function fragmentToken(name) {
  return new URLSearchParams(location.hash.replace(/^#/, '')).get(name);
}

export async function verifyEmail() {
  const a = authText();
  const token = fragmentToken('token');
  history.replaceState(null, '', '/#/');
  try {
    await publicPost('/api/v1/auth/verify-email', { token });
    if (currentUser()) await reloadMe();
    mount(h('h1', {}, a.confirmedTitle), h('p', { id: 'verified', class: 'ok' }, a.confirmedText),
      h('p', {}, h('a', { class: 'cta', href: currentUser() ? '#/catalog' : '#/login' }, currentUser() ? a.shopPanels : a.signIn)));
  } catch (e) {
    mount(h('h1', {}, a.badLinkTitle), h('p', { class: 'error' }, e.message));
  }
}

export function resetPassword() {
  const a = authText();
  const token = fragmentToken('token');
  history.replaceState(null, '', '/#/');
  const f = form([{ name: 'newPassword', label: a.newPassword, type: 'password', autocomplete: 'new-password', required: true, max: 128,
    invalid: a.passwordInvalid, missing: a.passwordMissing }],
  a.setPassword, async (v) => {
    if ([...v.newPassword].length < 12) throw fieldError('newPassword');
    try {
      await publicPost('/api/v1/auth/password-reset/confirm', { token, newPassword: v.newPassword });
    } catch (e) {
      if (e.code === 'weak_password') f.inputs.newPassword.refused();
      throw e;
    }
    sessionStorage.setItem('sd_flash', a.passwordChanged);
    location.hash = '#/login';
  });
  f.id = 'reset-form';
  f.classList.add('auth-form');
  f.inputs.newPassword.after(...strength(f.inputs.newPassword, () => ({})));
  mount(h('h1', {}, a.newPasswordTitle), f);
}
