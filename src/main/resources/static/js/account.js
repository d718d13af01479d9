// The account page: profile, language, password, two-factor sign-in with its recovery codes, and the devices
// signed in. Each form says its own result right below it (a status next to the button), so a message never
// outlives the state that caused it and never sits above another form's error.
import { h, mount, when, form, busy } from './dom.js';
import { api, currentUser, reloadMe, endSession, refresh } from './api.js';
import { confirmAction } from './dialog.js';
import { notifyText } from './texts.js';
import { ACCOUNT, accountText, stepUpText } from './messages/account.js';
import { commonText } from './messages/common.js';
import { errorText } from './messages/errors.js';
import { chooseLanguage, lang, pick, LANGUAGES } from './i18n.js';
import { deviceName, describeAddress } from './devices.js';
import { hasMfa, passkeySection } from './passkeys.js';
import { passkeyText } from './messages/passkeys.js';
import * as privacy from './privacy.js';
import { emailPart, activityPart } from './account-security.js';

// A result to show once the page is drawn again (the language form re-renders the page in the new language).
let pending = null;

/** A status line that belongs to one form: announced politely, cleared when that form is sent again. */
function statusFor(formEl, id) {
  const status = h('p', { class: 'form-status ok', role: 'status', id });
  formEl.append(status);
  formEl.addEventListener('submit', () => { status.textContent = ''; });
  return status;
}

/** A refusal the server gives by code, moved to the field it is about (the field's own sentence shows there). */
function onField(e, codes) {
  const field = codes[e && e.code];
  if (!field) return e;
  return Object.assign(new Error(e.message), { code: 'field', status: e.status, problem: { errors: [{ field }] } });
}

function section(id, title, ...content) {
  return h('section', { class: 'card account-part', id, 'aria-labelledby': `${id}-title` },
    h('h2', { id: `${id}-title` }, title), ...content);
}

export async function page() {
  const me = await reloadMe();
  const t = accountText();
  const sessions = h('div', { id: 'sessions' });
  const phones = h('div', { id: 'phones' });
  const mfa = h('div', { id: 'mfa' });
  const resendStatus = h('span', { class: 'form-status', role: 'status', id: 'resend-status' });
  const mfaPart = section('mfa-section', t.mfa, h('p', { class: 'muted' }, t.mfaIntro), mfa);
  const parts = [profileSection(me, t), emailPart(me), languageSection(me, t), passwordSection(me, t), mfaPart,
    passkeySection(),
    section('sessions-section', t.sessions, h('p', { class: 'muted' }, t.sessionsIntro), sessions, phones), activityPart(),
    section('notifications-section', t.notifications,
      h('p', {}, h('a', { href: '#/settings/notifications', id: 'account-notification-settings' }, notifyText().settingsLink))),
    privacy.section()];
  // An administrator without MFA can do nothing else first: that part leads the page.
  if (me.role === 'ADMIN' && !hasMfa(me)) parts.unshift(parts.splice(parts.indexOf(mfaPart), 1)[0]);
  mount(h('h1', {}, t.title),
    me.role === 'ADMIN' && !hasMfa(me) ? h('p', { class: 'notice warning', id: 'admin-needs-mfa' }, t.adminNeedsMfa) : null,
    !me.emailVerified ? h('p', { class: 'notice warning', id: 'unverified' }, `${t.unverified} `,
      h('button', { type: 'button', class: 'secondary', onclick: async (event) => {
        resendStatus.textContent = '';
        try {
          await busy(event.currentTarget, () => api('POST', '/api/v1/me/verify-email/resend'));
          resendStatus.textContent = t.resent;
        } catch (e) {
          resendStatus.textContent = e.message;
        }
      } }, t.resend), ' ', resendStatus) : null,
    h('div', { class: 'account-grid' }, ...parts));
  renderMfa(mfa, me);
  loadSessions(sessions);
  loadPhones(phones);
  if (pending) {
    const { id, text, focus } = pending;
    pending = null;
    const status = document.getElementById(id);
    if (status) status.textContent = text;
    const target = focus && document.getElementById(focus);
    if (target) target.focus();
  }
}

function profileSection(me, t) {
  const f = form([
    { name: 'fullName', label: t.fullName, value: me.fullName, max: 100, required: true, autocomplete: 'name',
      missing: t.fullNameMissing, invalid: t.fullNameInvalid },
    { name: 'phone', label: t.phone, type: 'tel', value: me.phone || '', max: 32, autocomplete: 'tel', hint: t.phoneHint,
      invalid: t.phoneInvalid },
  ], t.saveProfile, async (v) => {
    await api('PATCH', '/api/v1/me', { fullName: v.fullName.trim(), phone: v.phone.trim() });
    await reloadMe();
    status.textContent = t.profileSaved;
  });
  f.id = 'profile-form';
  const status = statusFor(f, 'profile-status');
  return section('profile', t.profile,
    h('dl', { class: 'facts' }, h('dt', {}, t.email), h('dd', { id: 'account-email' }, me.email)), f);
}

function languageSection(me, t) {
  const names = commonText().languageNames;
  const current = LANGUAGES.includes(me.language) ? me.language : lang();
  const f = form([{ name: 'language', label: t.languageLabel, type: 'select', value: current,
    options: LANGUAGES.map((l) => [l, names[l]]) }], t.saveLanguage, async (v) => {
    await api('PATCH', '/api/v1/me', { language: v.language });
    // The switch in the header remembers the same choice; the page is drawn again in that language (once: the
    // profile is read again by the page itself, so no second drawing races this one) and says it was saved.
    pending = { id: 'language-status', text: pick(ACCOUNT, v.language).languageSaved, focus: 'language-select' };
    chooseLanguage(v.language);
  });
  f.id = 'language-form';
  // Each option is named in its own language (lang attribute), so a screen reader pronounces it right.
  for (const option of f.inputs.language.options) option.setAttribute('lang', option.value);
  f.inputs.language.id = 'language-select';
  f.inputs.language.closest('label').setAttribute('for', 'language-select');
  statusFor(f, 'language-status');
  return section('language-section', t.languageTitle, h('p', { class: 'muted' }, t.languageIntro), f);
}

function passwordSection(me, t) {
  const f = form([
    { name: 'currentPassword', label: t.currentPassword, type: 'password', autocomplete: 'current-password', max: 1024,
      required: true, missing: t.currentPasswordMissing, invalid: errorText('wrong_password') },
    { name: 'newPassword', label: t.newPassword, type: 'password', autocomplete: 'new-password', max: 1024,
      required: true, missing: t.newPasswordMissing, hint: t.newPasswordHint, invalid: errorText('weak_password') },
    ...(me.mfaEnabled ? [{ name: 'code', label: t.passwordCode, autocomplete: 'one-time-code', inputmode: 'numeric', max: 32,
      required: true, missing: t.passwordCodeMissing, invalid: errorText('invalid_mfa_code') }] : []),
  ], t.changePassword, async (v) => {
    try {
      await api('POST', '/api/v1/me/password', v);
    } catch (e) {
      throw onField(e, { wrong_password: 'currentPassword', invalid_mfa_code: 'code', mfa_required: 'code' });
    }
    status.textContent = t.passwordChanged;
  }, { reset: true });
  f.id = 'password-form';
  const status = statusFor(f, 'password-status');
  return section('password-section', t.password, h('p', { class: 'muted' }, t.passwordIntro), f);
}

/** The recovery codes, shown once: a clear warning, copy and download, and "I have saved them". */
function recoveryCodes(codes, { title, warning, onDone }) {
  const t = accountText();
  const me = currentUser();
  const list = h('ol', { class: 'codes', id: 'recovery-codes', 'aria-label': t.codesList }, ...codes.map((c) => h('li', {}, h('code', {}, c))));
  const status = h('p', { class: 'form-status ok', role: 'status', id: 'codes-status' });
  const text = `${t.codesFileHeader(me ? me.email : '')}\n\n${codes.join('\n')}\n`;
  const copy = h('button', { type: 'button', class: 'secondary', id: 'copy-codes', onclick: async () => {
    status.textContent = '';
    try {
      if (!navigator.clipboard || !window.isSecureContext) throw new Error('no clipboard');
      await navigator.clipboard.writeText(codes.join('\n'));
      status.textContent = t.copied;
    } catch {
      // Without the Clipboard API the codes are selected, so the keyboard's copy takes them.
      const range = document.createRange();
      range.selectNodeContents(list);
      const selection = window.getSelection();
      selection.removeAllRanges();
      selection.addRange(range);
      status.textContent = t.copyFallback;
    }
  } }, t.copy);
  const download = h('button', { type: 'button', class: 'secondary', id: 'download-codes', onclick: () => {
    const url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
    const a = h('a', { href: url, download: t.codesFileName, hidden: true });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    status.textContent = t.downloaded(t.codesFileName);
  } }, t.download);
  return h('div', { class: 'recovery', id: 'recovery-box' },
    h('h3', { id: 'recovery-title', tabindex: '-1' }, title),
    h('p', { class: 'notice warning', id: 'recovery-warning' }, warning),
    list,
    h('div', { class: 'button-row' }, copy, download, onDone ? h('button', { type: 'button', id: 'codes-done', onclick: onDone }, t.codesDone) : null),
    status);
}

function renderMfa(box, me) {
  const t = accountText();
  if (me.mfaEnabled) {
    const codes = h('div', { id: 'new-recovery-codes' });
    const turnOff = form([
      { name: 'code', label: t.turnOffCode, autocomplete: 'one-time-code', max: 32, required: true, missing: t.turnOffCodeMissing,
        invalid: errorText('invalid_mfa_code') },
      { name: 'password', label: t.turnOffPassword, type: 'password', autocomplete: 'current-password', max: 1024, required: true,
        missing: t.turnOffPasswordMissing, invalid: errorText('wrong_password') },
    ], t.turnOff, async (v) => {
      try {
        await api('POST', '/api/v1/me/mfa/totp/disable', v);
      } catch (e) {
        throw onField(e, { wrong_password: 'password', invalid_mfa_code: 'code', invalid_credentials: 'password' });
      }
      if (me.role === 'ADMIN') {
        endSession(t.adminTurnedOff);
        return;
      }
      const again = await reloadMe();
      renderMfa(box, again);
      const state = box.querySelector('#mfa-state');
      if (state) state.textContent = t.turnedOff;
    });
    turnOff.id = 'mfa-off-form';
    const S = stepUpText();
    box.replaceChildren(h('p', { class: 'ok', id: 'mfa-state', tabindex: '-1' }, t.mfaOn),
      h('p', {}, h('button', { type: 'button', class: 'secondary', id: 'new-codes', onclick: async () => {
        const r = await confirmAction({ title: t.newCodesTitle, text: t.newCodesText, confirmText: t.newCodes, id: 'new-codes-form',
          fields: [{ name: 'code', label: S.code, required: true, max: 32, missing: S.missingCode, invalid: errorText('invalid_mfa_code'),
            autocomplete: 'one-time-code', inputmode: 'numeric' }],
          onConfirm: async (v) => {
            try {
              return await api('POST', '/api/v1/me/mfa/recovery-codes', { code: v.code });
            } catch (e) {
              throw onField(e, { invalid_mfa_code: 'code' });
            }
          } });
        if (r) {
          codes.replaceChildren(recoveryCodes(r.recoveryCodes, { title: t.codesTitle, warning: `${t.newCodesShown} ${t.codesWarning}`,
            onDone: () => codes.replaceChildren() }));
          codes.querySelector('#recovery-title').focus();
        }
      } }, t.newCodes)), codes,
      h('details', { class: 'turn-off' }, h('summary', {}, t.turnOffTitle), turnOff));
    return;
  }
  const setup = h('button', { type: 'button', id: 'mfa-setup', onclick: async () => {
    let s;
    const status = box.querySelector('#mfa-state');
    try {
      s = await busy(setup, () => api('POST', '/api/v1/me/mfa/totp/setup'));
    } catch (e) {
      if (status) { status.textContent = e.message; status.className = 'error'; }
      // Focus was in the dialog the person cancelled: back on the button, which is enabled again now.
      if (!document.activeElement || document.activeElement === document.body) setup.focus();
      return;
    }
    showSetup(box, s);
  } }, t.setUp);
  // With a passkey the account has a second factor already: only the authenticator app is off.
  const off = (me.mfaMethods || []).includes('passkey') ? passkeyText().totpOffWithPasskey : t.mfaOff;
  box.replaceChildren(h('p', { id: 'mfa-state', role: 'status' }, off), h('p', {}, setup));
}

/** The QR code and key, and the first code that turns MFA on. */
function showSetup(box, s) {
  const t = accountText();
  const enable = form([{ name: 'code', label: t.enableCode, autocomplete: 'one-time-code', inputmode: 'numeric', max: 32,
    hint: t.enableCodeHint, required: true, missing: t.enableCodeMissing, invalid: t.enableCodeInvalid }], t.turnOn, async (v) => {
    let r;
    try {
      r = await api('POST', '/api/v1/me/mfa/totp/enable', { code: v.code.replace(/\s+/g, '') });
    } catch (e) {
      throw onField(e, { invalid_mfa_code: 'code' });
    }
    // The access token in memory was issued before MFA was on; an administrator's old token still meets the
    // "set up MFA first" gate. A refresh brings one that carries MFA, so the administration works at once.
    await refresh();
    const me = await reloadMe();
    showEnabled(box, me, r.recoveryCodes);
  });
  enable.id = 'mfa-enable-form';
  box.replaceChildren(h('p', {}, t.scan),
    h('img', { src: s.qrCode, alt: t.qrAlt, width: 200, height: 200, class: 'qr' }),
    h('p', {}, `${t.secretLabel}: `, h('code', { id: 'totp-secret', class: 'secret' }, s.secret)), enable);
  enable.inputs.code.focus();
}

function showEnabled(box, me, codes) {
  const t = accountText();
  const admin = me.role === 'ADMIN';
  // replaceChildren would show a left-out part (null) as the text "null".
  box.replaceChildren(...[h('p', { class: 'ok', id: 'mfa-state', tabindex: '-1' }, t.turnedOn),
    admin ? h('p', { class: 'notice ok', id: 'admin-ready' }, `${t.adminReady} `, h('a', { href: '#/admin', id: 'open-admin' }, t.openAdmin)) : null,
    recoveryCodes(codes, { title: t.codesTitle, warning: t.codesWarning, onDone: () => {
      renderMfa(box, currentUser());
      const state = box.querySelector('#mfa-state');
      if (state) state.focus();
    } })].filter(Boolean));
  const notice = document.getElementById('admin-needs-mfa');
  if (notice) notice.remove();
  // An administrator's sessions list was refused before MFA was on; it can be read now.
  const sessions = document.getElementById('sessions');
  if (sessions) loadSessions(sessions);
  box.querySelector('#recovery-title').focus();
}

/**
 * The phones with the mobile app that receive this account's pushes (each bound to a sign-in): shown only when
 * there are any, each with "Stop notifications", so a phone nobody recognises can be cut off from here.
 */
async function loadPhones(box) {
  const t = accountText();
  let items;
  try {
    items = await api('GET', '/api/v1/me/push-tokens');
  } catch {
    // A secondary list: the sessions above say what matters when this cannot be read.
    box.replaceChildren();
    return;
  }
  if (items.length === 0) {
    box.replaceChildren();
    return;
  }
  const status = h('p', { class: 'form-status ok', role: 'status', id: 'phones-status' });
  box.replaceChildren(h('h3', {}, t.phones), h('ul', { class: 'sessions', id: 'phones-list' }, ...items.map((p) => {
    const name = t.phoneName[p.platform] || p.platform;
    return h('li', { class: 'session', dataset: { phone: p.id } },
      h('p', { class: 'session-device' }, h('strong', {}, name)),
      h('dl', { class: 'facts' },
        h('dt', {}, t.phoneAdded), h('dd', {}, when(p.createdAt)),
        h('dt', {}, t.phoneLastPush), h('dd', {}, p.lastSuccessAt ? when(p.lastSuccessAt) : t.phoneNoPushYet)),
      h('button', { type: 'button', class: 'secondary remove-phone', 'aria-label': t.phoneRemoveLabel(name),
        onclick: async (event) => {
          try {
            await busy(event.currentTarget, () => api('DELETE', `/api/v1/me/push-tokens/${encodeURIComponent(p.id)}`));
          } catch (e) {
            status.textContent = e.message;
            return;
          }
          await loadPhones(box);
          const again = box.querySelector('#phones-status');
          if (again) again.textContent = t.phoneRemoved(name);
          else {
            const gone = h('p', { class: 'form-status ok', role: 'status', id: 'phones-status' }, t.phoneRemoved(name));
            box.replaceChildren(gone);
          }
        } }, t.phoneRemove));
  })), status);
}

async function loadSessions(box) {
  const t = accountText();
  let items;
  box.replaceChildren(h('p', { class: 'muted', role: 'status' }, commonText().loading));
  try {
    items = await api('GET', '/api/v1/me/sessions');
  } catch (e) {
    box.replaceChildren(h('p', { class: 'error', role: 'alert' }, e.message));
    return;
  }
  const status = h('p', { class: 'form-status ok', role: 'status', id: 'sessions-status' });
  // This device first, then the most recently used.
  const sorted = [...items].sort((a, b) => (b.current - a.current) || String(b.lastUsedAt).localeCompare(String(a.lastUsedAt)));
  const others = sorted.filter((s) => !s.current);
  // With two or more other devices, one button ends them all (a lost phone, a shared computer).
  const everywhere = others.length < 2 ? null : h('button', { type: 'button', class: 'secondary', id: 'end-other-sessions',
    onclick: async (event) => {
      try {
        await busy(event.currentTarget, () => api('DELETE', '/api/v1/me/sessions'));
      } catch (e) {
        status.textContent = e.message;
        return;
      }
      await loadSessions(box);
      const again = box.querySelector('#sessions-status');
      if (again) again.textContent = t.signedOutEverywhereElse;
    } }, t.signOutEverywhereElse);
  box.replaceChildren(...[h('ul', { class: 'sessions', id: 'sessions-list' }, ...sorted.map((s) => sessionItem(s, t, status, box))),
    others.length === 0 ? h('p', { class: 'muted' }, t.noSessions) : null, everywhere, status].filter(Boolean));
}

function sessionItem(s, t, status, box) {
  const name = deviceName(s.device, t.device);
  const where = describeAddress(s.ip);
  const address = where.kind === 'loopback' ? t.address.loopback
    : where.kind === 'local' ? `${t.address.local} (${where.text})`
      : where.kind === 'unknown' ? t.address.unknown : where.text;
  return h('li', { class: `session${s.current ? ' current' : ''}`, dataset: { session: s.id } },
    h('p', { class: 'session-device' }, h('strong', {}, name), s.current ? h('span', { class: 'badge ok' }, t.thisDevice) : null),
    h('dl', { class: 'facts' },
      h('dt', {}, t.addressLabel), h('dd', {}, address),
      h('dt', {}, t.signedInAt), h('dd', {}, when(s.createdAt)),
      h('dt', {}, t.lastUsed), h('dd', {}, when(s.lastUsedAt))),
    s.current ? null : h('button', { type: 'button', class: 'secondary end-session', 'aria-label': t.signOutThereLabel(name),
      onclick: async (event) => {
        try {
          await busy(event.currentTarget, () => api('DELETE', `/api/v1/me/sessions/${encodeURIComponent(s.id)}`));
        } catch (e) {
          status.textContent = e.message;
          return;
        }
        await loadSessions(box);
        const again = box.querySelector('#sessions-status');
        if (again) again.textContent = t.signedOutThere(name);
      } }, t.signOutThere));
}
