// The API client. The access token lives only in this module's memory; the refresh token only in its HttpOnly
// cookie, which this code never sees. A marker in localStorage ("a session may exist") only saves a pointless
// refresh call for visitors who never signed in; it holds no secret.

import { reauthenticate as reauthDialog } from './dialog.js';
import { problemText } from './messages/errors.js';
import { pick } from './i18n.js';
import { COMMON } from './messages/common.js';

let accessToken = null;
let me = null;
const listeners = new Set();
const MARKER = 'sd_session';

export class ApiError extends Error {
  constructor(status, problem) {
    // Always a sentence for people, from the code or the status; the server's detail is for developers and logs.
    super(problemText(problem && problem.code, status));
    this.status = status;
    this.problem = problem;
    this.code = problem && problem.code;
  }
}

export function onSessionChange(fn) { listeners.add(fn); }
function changed(reason) { listeners.forEach((fn) => fn(me, reason)); }

export function currentUser() { return me; }
export function hasRole(role) { return !!me && me.role === role; }

// How far the server's clock is ahead of this browser's (ms), from the Date header of its answers: deadlines the
// server sets (an offer's expiry) are counted down against the server's time, not a wrong clock on the device.
let serverOffset = 0;

function noteServerTime(header) {
  const at = Date.parse(header || '');
  if (Number.isNaN(at)) return;
  // The header has whole seconds: half a second is the middle guess of the true time. Differences within that
  // rounding are ignored, so a countdown does not jitter between answers.
  const next = at + 500 - Date.now();
  if (Math.abs(next - serverOffset) > 1500) serverOffset = next;
}

/** The server's current time in ms (the browser's clock corrected by the last answer's Date header). */
export function serverNow() {
  return Date.now() + serverOffset;
}

/**
 * One request. With {@code conditional} (a GET for polling) it sends If-None-Match when an ETag is given and
 * answers { status, etag, data } instead of the data alone, so a 304 ("nothing changed") is not an error.
 */
async function raw(method, path, body, auth, conditional, extra) {
  // Tells the server this is the web client: the refresh token then stays in its HttpOnly cookie only.
  const headers = { ...(extra || {}), Accept: 'application/json', 'X-Requested-With': 'SunDispatch' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (auth && accessToken) headers.Authorization = `Bearer ${accessToken}`;
  if (conditional && conditional.etag) headers['If-None-Match'] = conditional.etag;
  let response;
  try {
    response = await fetch(path, {
      method, headers, body: body === undefined ? undefined : JSON.stringify(body), credentials: 'same-origin',
      cache: conditional ? 'no-store' : undefined,
    });
  } catch {
    throw new ApiError(0, { code: 'network' }); // offline, or the server is not reachable
  }
  noteServerTime(response.headers.get('Date'));
  if (conditional && response.status === 304) return { status: 304, etag: conditional.etag, data: null };
  const text = await response.text();
  let data = null;
  if (text) {
    try { data = JSON.parse(text); } catch { data = null; }
  }
  if (!response.ok) {
    const error = new ApiError(response.status, data);
    error.retryAfter = Number(response.headers.get('Retry-After')) || null;
    throw error;
  }
  return conditional ? { status: response.status, etag: response.headers.get('ETag'), data } : data;
}

/**
 * A call with the access token; one silent refresh when it has expired; back to login when the session ended.
 * A sensitive change refused with 403 reauthentication_required opens the "Confirm it's you" dialog once and,
 * once the server accepted the proof, repeats the original call once. {@code opts.headers} go with every attempt
 * (an Idempotency-Key stays the same, so a repeated call cannot act twice).
 */
export async function api(method, path, body, opts = {}) {
  try {
    return await authed(method, path, body, undefined, opts.headers);
  } catch (e) {
    if (e.status === 403 && e.code === 'reauthentication_required' && accessToken) {
      if (!(await stepUp())) throw new ApiError(403, { code: 'reauthentication_cancelled' });
      return authed(method, path, body, undefined, opts.headers);
    }
    throw e;
  }
}

async function authed(method, path, body, conditional, extra) {
  try {
    return await raw(method, path, body, true, conditional, extra);
  } catch (e) {
    if (e.status === 401 && accessToken) {
      if (await refresh()) return raw(method, path, body, true, conditional, extra);
      endSession(problemText('session_ended'));
    }
    throw e;
  }
}

/**
 * A GET for polling: sends {@code etag} as If-None-Match and resolves with { status, etag, data }, where status
 * 304 means nothing changed (data is null). Refreshes an expired token once, like every other call.
 */
export function pollGet(path, etag) {
  return authed('GET', path, undefined, { etag: etag || null });
}

let stepUpInFlight = null;

/** One dialog at a time: calls refused together wait for the same confirmation. */
function stepUp() {
  if (!stepUpInFlight) {
    stepUpInFlight = reauthDialog({
      mfa: !!(me && me.mfaEnabled),
      check: (proof) => authed('POST', '/api/v1/me/reauthenticate', proof),
    }).finally(() => { stepUpInFlight = null; });
  }
  return stepUpInFlight;
}

let inFlight = null;

/**
 * One refresh at a time: in this tab (a shared promise) and across tabs (a Web Lock), because presenting the
 * same refresh token twice is treated by the server as theft and ends the session.
 */
export function refresh() {
  if (!inFlight) {
    const run = () => doRefresh();
    inFlight = (navigator.locks ? navigator.locks.request('sd-refresh', run) : run())
      .finally(() => { inFlight = null; });
  }
  return inFlight;
}

async function doRefresh() {
  try {
    const response = await fetch('/api/v1/auth/refresh', {
      method: 'POST', credentials: 'same-origin',
      headers: { Accept: 'application/json', 'X-Requested-With': 'SunDispatch' },
    });
    if (!response.ok) return false;
    const tokens = await response.json();
    accessToken = tokens.accessToken;
    me = await raw('GET', '/api/v1/me', undefined, true);
    localStorage.setItem(MARKER, '1');
    changed('refreshed');
    return true;
  } catch {
    return false;
  }
}

export async function restoreSession() {
  if (localStorage.getItem(MARKER) === '1') {
    if (!(await refresh())) localStorage.removeItem(MARKER);
  }
  changed('restored');
}

export async function login(email, password) {
  const result = await raw('POST', '/api/v1/auth/login', { email, password }, false);
  if (result.mfaRequired) return result;
  await adopt(result);
  return result;
}

export async function verifyMfa(mfaToken, code) {
  await adopt(await raw('POST', '/api/v1/auth/mfa/verify', { mfaToken, code }, false));
}

/** A sign-in that ends in tokens by another way than the password (a passkey): the same session as a login. */
export async function signInWith(path, body) {
  await adopt(await raw('POST', path, body, false));
}

async function adopt(tokens) {
  accessToken = tokens.accessToken;
  me = await raw('GET', '/api/v1/me', undefined, true);
  localStorage.setItem(MARKER, '1');
  changed('login');
}

export async function reloadMe() {
  me = await api('GET', '/api/v1/me');
  changed('me');
  return me;
}

export async function logout() {
  try { await raw('POST', '/api/v1/auth/logout', undefined, true); } catch { /* the session is gone anyway */ }
  endSession(pick(COMMON).signedOut);
}

export function endSession(message) {
  const had = !!accessToken;
  accessToken = null;
  me = null;
  localStorage.removeItem(MARKER);
  changed('ended');
  if (had) {
    sessionStorage.setItem('sd_flash', message);
    location.hash = '#/login';
  }
}

/** Notices a revoked session (logout elsewhere, ban, password reset) while the page is open. */
setInterval(async () => {
  if (!accessToken) return;
  try { await raw('GET', '/api/v1/me', undefined, true); } catch (e) {
    if (e.status === 401 || e.status === 403) {
      // Back to sign-in with the reason: a suspended or locked account says so; anything else ended the session.
      const reason = e.code === 'account_banned' || e.code === 'account_locked' ? e.message : problemText('session_ended');
      if (!(e.status === 401 && (await refresh()))) endSession(reason);
    }
  }
}, 4000);

export function publicGet(path) { return raw('GET', path, undefined, false); }
export function publicPost(path, body) { return raw('POST', path, body, false); }

/**
 * A file download with the bearer token (a plain link cannot carry it): fetched, then handed to the browser as
 * a Blob through an object URL on a temporary anchor, so nothing but the file leaves this module. Resolves with
 * the file name used.
 */
export async function download(path, fallbackName, opts = {}) {
  // A POST with a JSON body carries a secret (the data export's mailed token) that must not sit in a URL.
  const get = () => fetch(path, {
    method: opts.method || 'GET',
    headers: { Authorization: `Bearer ${accessToken}`, 'X-Requested-With': 'SunDispatch',
      ...(opts.body ? { 'Content-Type': 'application/json' } : {}) },
    body: opts.body ? JSON.stringify(opts.body) : undefined,
    credentials: 'same-origin',
  });
  let response = await get();
  if (response.status === 401 && accessToken && await refresh()) response = await get();
  if (!response.ok) {
    let problem = null;
    try { problem = await response.json(); } catch { problem = null; }
    throw new ApiError(response.status, problem);
  }
  const disposition = response.headers.get('Content-Disposition') || '';
  const match = /filename="([^"]+)"/.exec(disposition);
  const url = URL.createObjectURL(await response.blob());
  const name = match ? match[1] : fallbackName;
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return name;
}

/**
 * An image the API serves only with the bearer token (an <img src> cannot carry it): fetched, turned into a Blob
 * and handed back as an object URL (CSP img-src allows blob:). The caller revokes it when the image goes away.
 */
export async function imageUrl(path) {
  const get = () => fetch(path, {
    headers: { Authorization: `Bearer ${accessToken}`, 'X-Requested-With': 'SunDispatch' }, credentials: 'same-origin',
  });
  let response = await get();
  if (response.status === 401 && accessToken && await refresh()) response = await get();
  if (!response.ok) throw new ApiError(response.status, null);
  return URL.createObjectURL(await response.blob());
}

// The codes a proxy or the container may answer without a problem body: the status says which one it was.
const UPLOAD_STATUS_CODES = { 413: 'file_too_large', 415: 'unsupported_image' };

/**
 * One file as multipart/form-data (part {@code field}) with the bearer token. XMLHttpRequest rather than fetch,
 * because only it reports upload progress: {@code onProgress(percent)}. Resolves with the JSON answer.
 */
export function upload(path, field, file, onProgress) {
  const send = () => new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('X-Requested-With', 'SunDispatch');
    if (accessToken) xhr.setRequestHeader('Authorization', `Bearer ${accessToken}`);
    xhr.upload.addEventListener('progress', (e) => {
      if (e.lengthComputable && onProgress) onProgress(Math.round((e.loaded / e.total) * 100));
    });
    xhr.addEventListener('load', () => {
      let data = null;
      try { data = xhr.responseText ? JSON.parse(xhr.responseText) : null; } catch { data = null; }
      if (xhr.status >= 200 && xhr.status < 300) { resolve(data); return; }
      const problem = data && data.code ? data : { code: UPLOAD_STATUS_CODES[xhr.status] || (data && data.code) };
      reject(new ApiError(xhr.status, problem));
    });
    xhr.addEventListener('error', () => reject(new ApiError(0, { code: 'photo_upload_failed' })));
    const body = new FormData();
    body.append(field, file, file.name);
    xhr.send(body);
  });
  return send().catch(async (e) => {
    if (e.status === 401 && accessToken && await refresh()) return send();
    throw e;
  });
}
