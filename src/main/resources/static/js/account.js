import { h, mount, flash, when, list, form } from './dom.js';
import { api, currentUser, reloadMe, endSession } from './api.js';
import { confirmAction } from './dialog.js';
import { STEP_UP, ACCOUNT_ACTIONS, notifyText } from './texts.js';

export async function page() {
  const me = await reloadMe();
  const sessions = h('div', { id: 'sessions' });
  const mfa = h('section', { id: 'mfa' });
  mount(h('h1', {}, 'Your account'),
    me.role === 'ADMIN' && !me.mfaEnabled ? h('p', { class: 'error' }, 'Administrators must turn on two-factor authentication before anything else.') : null,
    !me.emailVerified ? h('p', { class: 'error', id: 'unverified' }, 'Your email is not confirmed yet. ',
      h('button', { class: 'secondary', onclick: async () => { await api('POST', '/api/v1/me/verify-email/resend'); flash('A new link is on its way.'); } }, 'Send the link again')) : null,
    h('h2', {}, 'Profile'),
    form([
      { name: 'fullName', label: 'Full name', value: me.fullName, max: 100 },
      { name: 'phone', label: 'Phone', value: me.phone || '', max: 32 },
    ], 'Save', async (v) => { await api('PATCH', '/api/v1/me', v); await reloadMe(); flash('Saved.'); }),
    h('h2', {}, 'Password'),
    form([
      { name: 'currentPassword', label: 'Current password', type: 'password', autocomplete: 'current-password' },
      { name: 'newPassword', label: 'New password', type: 'password', autocomplete: 'new-password' },
      ...(me.mfaEnabled ? [{ name: 'code', label: 'Authenticator code', autocomplete: 'one-time-code' }] : []),
    ], 'Change password', async (v) => { await api('POST', '/api/v1/me/password', v); flash('Password changed; your other sessions are signed out.'); }),
    h('h2', {}, notifyText().title),
    h('p', {}, h('a', { href: '#/settings/notifications', id: 'account-notification-settings' }, notifyText().settingsLink)),
    h('h2', {}, 'Two-factor authentication'), mfa,
    h('h2', {}, 'Where you are signed in'), sessions);
  renderMfa(mfa, me);
  loadSessions(sessions);
}

function renderMfa(box, me) {
  if (me.mfaEnabled) {
    const codes = h('div', { id: 'new-recovery-codes' });
    box.replaceChildren(h('p', { class: 'ok' }, 'On.'),
      h('p', {}, h('button', { class: 'secondary', id: 'new-codes', onclick: async () => {
        const r = await confirmAction({ title: ACCOUNT_ACTIONS.newCodesTitle, text: ACCOUNT_ACTIONS.newCodesText,
          confirmText: ACCOUNT_ACTIONS.newCodes, id: 'new-codes-form',
          fields: [{ name: 'code', label: STEP_UP.code, required: true, max: 6, missing: STEP_UP.missingCode }],
          onConfirm: (v) => api('POST', '/api/v1/me/mfa/recovery-codes', { code: v.code }) });
        if (r) {
          codes.replaceChildren(h('p', { class: 'ok' }, ACCOUNT_ACTIONS.newCodesShown),
            h('ul', { class: 'codes', id: 'recovery-codes' }, ...r.recoveryCodes.map((c) => h('li', {}, c))));
        }
      } }, ACCOUNT_ACTIONS.newCodes)), codes, form([
      { name: 'code', label: 'Code or recovery code' },
      { name: 'password', label: 'Password', type: 'password', autocomplete: 'current-password' },
    ], 'Turn off', async (v) => {
      await api('POST', '/api/v1/me/mfa/totp/disable', v);
      if (me.role === 'ADMIN') endSession('Two-factor authentication is off. Please sign in again.');
      else { await reloadMe(); renderMfa(box, currentUser()); }
    }));
    return;
  }
  box.replaceChildren(h('p', {}, 'Off. ', h('button', { id: 'mfa-setup', onclick: async () => {
    let s;
    try { s = await api('POST', '/api/v1/me/mfa/totp/setup'); } catch (e) { flash(e.message, 'error'); return; }
    const enable = form([{ name: 'code', label: 'Code shown by your app', autocomplete: 'one-time-code' }], 'Turn on', async (v) => {
      const r = await api('POST', '/api/v1/me/mfa/totp/enable', v);
      await reloadMe();
      box.replaceChildren(h('p', { class: 'ok' }, 'Two-factor authentication is on. Keep these recovery codes safe; they are shown only now.'),
        h('ul', { class: 'codes', id: 'recovery-codes' }, ...r.recoveryCodes.map((c) => h('li', {}, c))));
    });
    box.replaceChildren(h('p', {}, 'Scan this code with an authenticator app, or type the key.'),
      h('img', { src: s.qrCode, alt: 'QR code for your authenticator app', width: 200, height: 200 }),
      h('p', {}, h('code', { id: 'totp-secret' }, s.secret)), enable);
  } }, 'Set up')));
}

async function loadSessions(box) {
  await list(box, () => api('GET', '/api/v1/me/sessions'), (s) => h('div', { class: 'card' },
    h('p', {}, s.device || 'Unknown device', s.current ? h('span', { class: 'badge' }, ' this one') : null),
    h('p', { class: 'muted' }, `${s.ip} · signed in ${when(s.createdAt)} · last used ${when(s.lastUsedAt)}`),
    s.current ? null : h('button', { class: 'secondary', onclick: async () => {
      await api('DELETE', `/api/v1/me/sessions/${s.id}`);
      loadSessions(box);
    } }, 'Sign out there')), 'No sessions.');
}
