// Passkeys (WebAuthn): the base64url conversions between the server's JSON and the browser's ArrayBuffers, the
// account page's "Passkeys" section, and signing in with a passkey (button, autofill, second factor). The server
// checks everything (challenge, origin, signature, counter); this module only carries the ceremony.
import { h, when, busy } from './dom.js';
import { api, publicPost, signInWith, currentUser, refresh, reloadMe } from './api.js';
import { confirmAction } from './dialog.js';
import { passkeyText } from './messages/passkeys.js';

/** ArrayBuffer (or view) → base64url without padding, as WebAuthn's JSON forms use it. */
export function toBase64Url(buffer) {
  const bytes = buffer instanceof ArrayBuffer ? new Uint8Array(buffer) : new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** base64url (with or without padding) → ArrayBuffer. */
export function fromBase64Url(text) {
  const base64 = String(text).replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes.buffer;
}

function descriptor(d) {
  return { type: d.type, id: fromBase64Url(d.id), ...(d.transports && d.transports.length ? { transports: d.transports } : {}) };
}

/** The server's creation options → what navigator.credentials.create takes. */
export function creationOptions(json) {
  return { ...json, challenge: fromBase64Url(json.challenge), user: { ...json.user, id: fromBase64Url(json.user.id) },
    excludeCredentials: (json.excludeCredentials || []).map(descriptor) };
}

/** The server's request options → what navigator.credentials.get takes. */
export function requestOptions(json) {
  return { ...json, challenge: fromBase64Url(json.challenge), allowCredentials: (json.allowCredentials || []).map(descriptor) };
}

/** A PublicKeyCredential as the JSON the server reads (WebAuthn's RegistrationResponseJSON / AuthenticationResponseJSON). */
export function credentialJson(credential) {
  const r = credential.response;
  const response = { clientDataJSON: toBase64Url(r.clientDataJSON) };
  if (r.attestationObject) {
    response.attestationObject = toBase64Url(r.attestationObject);
    response.transports = typeof r.getTransports === 'function' ? r.getTransports() : [];
  } else {
    response.authenticatorData = toBase64Url(r.authenticatorData);
    response.signature = toBase64Url(r.signature);
    if (r.userHandle) response.userHandle = toBase64Url(r.userHandle);
  }
  return { id: credential.id, rawId: toBase64Url(credential.rawId), type: credential.type, response,
    clientExtensionResults: typeof credential.getClientExtensionResults === 'function' ? credential.getClientExtensionResults() : {},
    authenticatorAttachment: credential.authenticatorAttachment || undefined };
}

export function supported() {
  return typeof window !== 'undefined' && !!window.PublicKeyCredential && !!navigator.credentials;
}

/** An account has MFA with TOTP on or at least one passkey. */
export function hasMfa(me) {
  return !!me && (!!me.mfaEnabled || (Array.isArray(me.mfaMethods) && me.mfaMethods.length > 0));
}

/** The sentence for a failure: the server's code, else the browser's refusal (cancelled, timed out) or a general one. */
function sentence(e) {
  const p = passkeyText();
  if (e && typeof e.status === 'number') return e.message;
  if (e && (e.name === 'NotAllowedError' || e.name === 'AbortError')) return p.cancelled;
  return p.failed;
}

// ----- signing in -----

let conditional = null;

/** Ends a pending autofill request: only one WebAuthn request may run at a time. */
function stopConditional() {
  if (conditional) conditional.abort();
  conditional = null;
}

async function assertAndSignIn(signal, mediation) {
  const options = await publicPost('/api/v1/auth/passkey/options');
  const credential = await navigator.credentials.get({ publicKey: requestOptions(options.publicKey), signal, ...(mediation ? { mediation } : {}) });
  if (!credential) throw Object.assign(new Error(''), { name: 'NotAllowedError' });
  await signInWith('/api/v1/auth/passkey/login', { challengeId: options.challengeId, credential: credentialJson(credential) });
}

/**
 * The sign-in page's passkey part: a button, and the browser's autofill offering passkeys on the email field
 * (conditional mediation) where available. {@code done()} runs after a successful sign-in; {@code status} shows a
 * refusal.
 */
export function signInButton(emailInput, status, done) {
  const p = passkeyText();
  if (!supported()) return null;
  const button = h('button', { type: 'button', class: 'secondary passkey-signin', id: 'passkey-signin', 'aria-describedby': 'passkey-signin-hint', onclick: async () => {
    stopConditional();
    status.textContent = '';
    try {
      await busy(button, () => assertAndSignIn(undefined, undefined));
      done();
    } catch (e) {
      status.textContent = sentence(e);
      startAutofill(emailInput, status, done);
    }
  } }, p.signIn);
  startAutofill(emailInput, status, done);
  return h('div', { class: 'passkey-login', id: 'passkey-login' },
    h('p', { class: 'or muted', 'aria-hidden': 'true' }, p.or), button,
    h('p', { class: 'hint muted', id: 'passkey-signin-hint' }, p.signInHint));
}

async function startAutofill(emailInput, status, done) {
  stopConditional();
  if (!emailInput || !window.PublicKeyCredential || typeof PublicKeyCredential.isConditionalMediationAvailable !== 'function') return;
  let available = false;
  try { available = await PublicKeyCredential.isConditionalMediationAvailable(); } catch { available = false; }
  if (!available) return;
  const controller = new AbortController();
  conditional = controller;
  // Leaving the sign-in page ends the pending request, so the next WebAuthn call elsewhere is not refused.
  window.addEventListener('hashchange', () => { if (conditional === controller) stopConditional(); }, { once: true });
  try {
    await assertAndSignIn(controller.signal, 'conditional');
    if (conditional === controller) conditional = null;
    done();
  } catch (e) {
    if (controller.signal.aborted) return;
    if (conditional === controller) conditional = null;
    status.textContent = sentence(e);
  }
}

/** The MFA step's passkey button: the account's own passkeys only; {@code done()} after the sign-in. */
export function secondFactorButton(mfaToken, status, done) {
  const p = passkeyText();
  if (!supported()) return null;
  const button = h('button', { type: 'button', id: 'mfa-passkey', onclick: async () => {
    stopConditional();
    status.textContent = '';
    try {
      await busy(button, async () => {
        const options = await publicPost('/api/v1/auth/mfa/passkey/options', { mfaToken });
        const credential = await navigator.credentials.get({ publicKey: requestOptions(options.publicKey) });
        await signInWith('/api/v1/auth/mfa/passkey', { mfaToken, challengeId: options.challengeId, credential: credentialJson(credential) });
      });
      done();
    } catch (e) {
      status.textContent = sentence(e);
    }
  } }, p.mfaUse);
  return button;
}

/** Stops the autofill request (the password form was sent: its MFA step may use a passkey next). */
export function stopPasskeyAutofill() {
  stopConditional();
}

// ----- the account page -----

/** The "Passkeys" section of the account page. */
export function passkeySection() {
  const p = passkeyText();
  const listBox = h('div', { id: 'passkey-list' });
  const status = h('p', { class: 'form-status ok', role: 'status', id: 'passkeys-status' });
  const section = h('section', { class: 'card account-part', id: 'passkeys-section', 'aria-labelledby': 'passkeys-section-title' },
    h('h2', { id: 'passkeys-section-title' }, p.title), h('p', { class: 'muted' }, p.intro), listBox);
  if (!supported()) {
    section.append(h('p', { class: 'notice warning', id: 'passkeys-unsupported' }, p.unsupported));
    load(listBox, status);
    section.append(status);
    return section;
  }
  const nameError = h('span', { class: 'field-error', id: 'passkey-name-error' });
  const nameInput = h('input', { id: 'passkey-name', name: 'name', type: 'text', maxlength: 60, autocomplete: 'off',
    value: p.defaultName, 'aria-describedby': 'passkey-name-hint passkey-name-error' });
  const addButton = h('button', { type: 'submit', id: 'passkey-add' }, p.add);
  const addForm = h('form', { id: 'passkey-add-form', novalidate: true },
    h('label', { for: 'passkey-name' }, p.name, nameInput, h('span', { class: 'hint muted', id: 'passkey-name-hint' }, p.nameHint), nameError),
    addButton);
  addForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (addButton.disabled) return;
    status.textContent = '';
    status.className = 'form-status ok';
    nameError.textContent = '';
    nameInput.removeAttribute('aria-invalid');
    const name = nameInput.value.trim();
    if (!name || name.length > 60) {
      nameError.textContent = name ? p.nameInvalid : p.nameMissing;
      nameInput.setAttribute('aria-invalid', 'true');
      nameInput.focus();
      return;
    }
    try {
      await busy(addButton, async () => {
        // A 403 reauthentication_required opens the "Confirm it's you" dialog and repeats the call (api.js).
        const options = await api('POST', '/api/v1/me/passkeys/registration-options');
        const credential = await navigator.credentials.create({ publicKey: creationOptions(options.publicKey) });
        await api('POST', '/api/v1/me/passkeys', { challengeId: options.challengeId, name, credential: credentialJson(credential) });
      });
    } catch (e) {
      if (e && e.code === 'passkey_name_invalid') {
        nameError.textContent = p.nameInvalid;
        nameInput.setAttribute('aria-invalid', 'true');
        nameInput.focus();
        return;
      }
      if (e && e.code === 'reauthentication_cancelled') return;
      status.className = 'form-status error';
      status.textContent = sentence(e);
      return;
    }
    const me = currentUser();
    if (me && me.role === 'ADMIN' && !hasMfa(me)) {
      // The access token in memory says "no MFA"; a refreshed one carries the passkey, so administration works at once.
      await refresh();
      await reloadMe();
      const notice = document.getElementById('admin-needs-mfa');
      if (notice) notice.remove();
    }
    await load(listBox, status);
    status.textContent = p.added(name);
  });
  section.append(addForm, status);
  load(listBox, status);
  return section;
}

async function load(box, status) {
  const p = passkeyText();
  let items;
  try {
    items = await api('GET', '/api/v1/me/passkeys');
  } catch (e) {
    box.replaceChildren(h('p', { class: 'error', role: 'alert' }, sentence(e)));
    return;
  }
  if (!items.length) {
    box.replaceChildren(h('p', { class: 'muted', id: 'passkeys-none' }, p.none));
    return;
  }
  box.replaceChildren(h('ul', { class: 'passkeys', 'aria-label': p.listLabel },
    ...items.map((k) => h('li', { class: 'passkey', dataset: { passkey: k.id } },
      h('p', { class: 'passkey-name' }, h('strong', {}, k.name)),
      h('dl', { class: 'facts' },
        h('dt', {}, p.created), h('dd', {}, when(k.createdAt)),
        h('dt', {}, p.lastUsed), h('dd', {}, k.lastUsedAt ? when(k.lastUsedAt) : p.never)),
      h('div', { class: 'button-row' },
        h('button', { type: 'button', class: 'secondary passkey-rename', 'aria-label': p.renameLabel(k.name), onclick: async () => {
          status.textContent = '';
          const renamed = await confirmAction({ title: p.renameTitle, text: p.renameText, confirmText: p.rename, id: 'passkey-rename-form',
            fields: [{ name: 'name', label: p.renameField, required: true, max: 60, missing: p.nameMissing, invalid: p.nameInvalid }],
            onConfirm: (v) => api('PATCH', `/api/v1/me/passkeys/${encodeURIComponent(k.id)}`, { name: v.name }) });
          if (renamed) {
            await load(box, status);
            status.textContent = p.renamed(renamed.name);
          }
        } }, p.rename),
        h('button', { type: 'button', class: 'secondary danger passkey-remove', 'aria-label': p.removeLabel(k.name), onclick: async () => {
          status.textContent = '';
          const confirmed = await confirmAction({ title: p.removeTitle, text: p.removeText(k.name), confirmText: p.remove, danger: true,
            id: 'passkey-remove-form', onConfirm: () => true });
          if (!confirmed) return;
          try {
            // The step-up dialog opens here when the session has not confirmed it is you lately (api.js).
            await api('DELETE', `/api/v1/me/passkeys/${encodeURIComponent(k.id)}`);
          } catch (e) {
            if (e && e.code === 'reauthentication_cancelled') return;
            status.className = 'form-status error';
            status.textContent = sentence(e);
            return;
          }
          await load(box, status);
          status.className = 'form-status ok';
          status.textContent = p.removed(k.name);
        } }, p.remove))))));
}
