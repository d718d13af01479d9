// Sign-up, sign-in, password reset and email verification.
import { h, mount, flash, money, when, list, form } from './dom.js';
import { api, publicGet, publicPost, login as signIn, verifyMfa, currentUser, reloadMe } from './api.js';
import { addressBlock, searchPlaces } from './address.js';
import { mapFigure } from './map.js';
import { placesText, errorText, installText, moneyText } from './texts.js';
import { zoneFor, range, dateOnly, heading, replaceSection, schedulingBlock, appointmentBlock, actionButton, reasonForm,
  disclosure, reportView, disputeView, follow, jobSignature, says } from './installation.js';
import { confirmAction } from './dialog.js';
import { ref, summaryTable, documentsSection, refundsSection, cancellationText, times } from './billing.js';

/** Client-side hints that mirror the server's rules; the server's verdict (zxcvbn) is the one that counts. */
function strength(input, meter, hint, context) {
  input.addEventListener('input', () => {
    const v = input.value;
    const { email = '', fullName = '' } = context();
    const problems = [];
    if ([...v].length < 12) problems.push('at least 12 characters');
    if (!/\p{L}/u.test(v)) problems.push('a letter');
    if (!/[^\p{L}]/u.test(v)) problems.push('a digit or symbol');
    const local = email.split('@')[0].toLowerCase();
    if (local.length >= 3 && v.toLowerCase().includes(local)) problems.push('not your email');
    for (const part of fullName.toLowerCase().split(/[\s'.-]+/)) {
      if (part.length >= 3 && v.toLowerCase().includes(part)) { problems.push('not your name'); break; }
    }
    const variety = new Set(v).size;
    const score = problems.length ? Math.min(1, problems.length === 1 ? 1 : 0) : Math.min(4, 2 + Math.floor(variety / 8));
    meter.firstChild.style.width = `${(score / 4) * 100}%`;
    meter.firstChild.style.background = score >= 3 ? 'var(--ok)' : 'var(--bad)';
    hint.textContent = problems.length ? `Needs ${problems.join(', ')}.` : 'Looks good; the server also checks it is not easy to guess.';
  });
}

export function register() {
  const meter = h('div', { class: 'strength' }, h('span'));
  const hint = h('span', { class: 'muted', id: 'password-hint' });
  const f = form([
    { name: 'fullName', label: 'Full name', autocomplete: 'name', max: 100 },
    { name: 'email', label: 'Email', type: 'email', autocomplete: 'email', max: 254 },
    { name: 'password', label: 'Password', type: 'password', autocomplete: 'new-password', max: 128 },
  ], 'Create account', async (v) => {
    // The answer is the same whether or not the address already has an account (no id): the mail says which.
    await publicPost('/api/v1/auth/register', v);
    mount(h('h1', {}, 'Check your mailbox'),
      h('div', { class: 'card', id: 'register-done' },
        h('p', {}, 'We sent a mail to ', h('strong', {}, v.email.trim()), '.'),
        h('p', {}, 'Open the link in it to confirm your address, then sign in. If you already have an account, '
          + 'the mail tells you how to sign in or reset your password.'),
        h('p', { class: 'muted' }, 'No mail after a few minutes? Look in your spam folder, or register again.'),
        h('p', {}, h('a', { href: '#/login' }, 'Sign in'))));
  });
  f.id = 'register-form';
  f.inputs.password.after(meter, hint);
  strength(f.inputs.password, meter, hint, () => ({ email: f.inputs.email.value, fullName: f.inputs.fullName.value }));
  mount(h('h1', {}, 'Create your account'), f);
}

export function login() {
  const area = h('div');
  const f = form([
    { name: 'email', label: 'Email', type: 'email', autocomplete: 'username' },
    { name: 'password', label: 'Password', type: 'password', autocomplete: 'current-password' },
  ], 'Sign in', async (v) => {
    const result = await signIn(v.email, v.password);
    if (result.mfaRequired) {
      const mfa = form([{ name: 'code', label: 'Code from your authenticator app (or a recovery code)', autocomplete: 'one-time-code' }],
        'Verify', async (c) => { await verifyMfa(result.mfaToken, c.code.trim()); location.hash = '#/'; });
      mfa.id = 'mfa-form';
      area.replaceChildren(h('p', {}, 'Two-factor authentication is on for this account.'), mfa);
      return;
    }
    location.hash = currentUser().role === 'ADMIN' && !currentUser().mfaEnabled ? '#/account' : '#/';
  });
  f.id = 'login-form';
  area.append(f, h('p', {}, h('a', { href: '#/forgot' }, 'Forgot your password?'), ' · ', h('a', { href: '#/register' }, 'Create an account')));
  mount(h('h1', {}, 'Sign in'), area);
}

export function forgot() {
  mount(h('h1', {}, 'Forgot your password?'), form([{ name: 'email', label: 'Email', type: 'email' }], 'Send me a link',
    async (v) => {
      const r = await publicPost('/api/v1/auth/password-reset/request', v);
      flash(r.message);
    }));
}

function fragmentToken(name) {
  return new URLSearchParams(location.hash.replace(/^#/, '')).get(name);
}

export async function verifyEmail() {
  const token = fragmentToken('token');
  history.replaceState(null, '', '/#/');
  try {
    await publicPost('/api/v1/auth/verify-email', { token });
    if (currentUser()) await reloadMe();
    mount(h('h1', {}, 'Email confirmed'), h('p', { id: 'verified', class: 'ok' }, 'Thank you: your email is confirmed.'),
      h('p', {}, h('a', { href: currentUser() ? '#/catalog' : '#/login' }, currentUser() ? 'Shop panels' : 'Sign in')));
  } catch (e) {
    mount(h('h1', {}, 'This link does not work'), h('p', { class: 'error' }, e.message));
  }
}

export function resetPassword() {
  const token = fragmentToken('token');
  history.replaceState(null, '', '/#/');
  mount(h('h1', {}, 'Choose a new password'), form([{ name: 'newPassword', label: 'New password', type: 'password', autocomplete: 'new-password' }],
    'Set password', async (v) => {
      await publicPost('/api/v1/auth/password-reset/confirm', { token, newPassword: v.newPassword });
      sessionStorage.setItem('sd_flash', 'Your password is changed; every session was signed out. Sign in with the new one.');
      location.hash = '#/login';
    }));
}
