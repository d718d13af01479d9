// Web Push on this device (issue 14). The notification-settings screen imports these functions and turns their
// result codes into sentences; nothing here is shown to the user directly.
//
// Result codes: enablePush -> 'enabled' | 'unsupported' | 'denied' (blocked in the browser) | 'dismissed' (the
// permission prompt was closed) | 'not_configured' (push is off on the server) | a server problem code such as
// 'too_many_push_subscriptions', 'unsupported_push_service' or 'unsafe_url'. disablePush -> 'disabled' | 'unsupported'. sendTestPush ->
// 'sent' | 'not_accepted' (the push service refused it) | 'not_enabled' | 'unsupported'.
// Other failures (network, session ended) throw the ApiError of api.js.

import { api, ApiError, publicGet } from './api.js';

const STORED_ID = 'sd_push_subscription';

export function pushSupported() {
  return typeof window !== 'undefined' && 'serviceWorker' in navigator && 'PushManager' in window
    && 'Notification' in window;
}

/** Whether this browser currently holds a push subscription and may show notifications. */
export async function pushEnabled() {
  if (!pushSupported() || Notification.permission !== 'granted') return false;
  const reg = await navigator.serviceWorker.getRegistration('/');
  return !!(reg && (await reg.pushManager.getSubscription()));
}

export async function enablePush() {
  if (!pushSupported()) return 'unsupported';
  let permission = Notification.permission;
  if (permission === 'default') permission = await Notification.requestPermission();
  if (permission === 'denied') return 'denied';
  if (permission !== 'granted') return 'dismissed';

  let key;
  try {
    key = (await publicGet('/api/v1/push/vapid-public-key')).publicKey;
  } catch (e) {
    if (e instanceof ApiError && e.code === 'push_not_configured') return 'not_configured';
    throw e;
  }
  const serverKey = fromBase64Url(key);
  const reg = await registration();
  let sub = await reg.pushManager.getSubscription();
  // A subscription made for another server key (the key changed) can never be delivered to: make a new one.
  if (sub && !sameBytes(sub.options && sub.options.applicationServerKey, serverKey)) {
    await sub.unsubscribe();
    sub = null;
  }
  if (!sub) sub = await reg.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: serverKey });
  try {
    await register(sub);
  } catch (e) {
    if (e instanceof ApiError && e.status >= 400 && e.status < 500 && e.code) {
      await sub.unsubscribe().catch(() => {});
      return e.code;
    }
    throw e;
  }
  return 'enabled';
}

export async function disablePush() {
  if (!pushSupported()) return 'unsupported';
  const reg = await navigator.serviceWorker.getRegistration('/');
  const sub = reg ? await reg.pushManager.getSubscription() : null;
  let id = localStorage.getItem(STORED_ID);
  if (sub) {
    // Registering again is idempotent and names this device's subscription for the signed-in user, even when
    // another account used this browser before.
    try { id = await register(sub); } catch { /* remove what we know of, below */ }
    await sub.unsubscribe();
  }
  if (id) {
    try {
      await api('DELETE', `/api/v1/me/push-subscriptions/${encodeURIComponent(id)}`);
    } catch (e) {
      if (!(e instanceof ApiError && e.status === 404)) throw e;
    }
  }
  localStorage.removeItem(STORED_ID);
  return 'disabled';
}

export async function sendTestPush() {
  if (!pushSupported()) return 'unsupported';
  const reg = await navigator.serviceWorker.getRegistration('/');
  const sub = reg ? await reg.pushManager.getSubscription() : null;
  if (!sub || Notification.permission !== 'granted') return 'not_enabled';
  const id = await register(sub);
  const result = await api('POST', `/api/v1/me/push-subscriptions/${encodeURIComponent(id)}/test`);
  return result && result.accepted ? 'sent' : 'not_accepted';
}

/** Stores the subscription on the server (201 new, 200 known) and remembers its id for this browser. */
async function register(sub) {
  const saved = await api('POST', '/api/v1/me/push-subscriptions', sub.toJSON());
  localStorage.setItem(STORED_ID, saved.id);
  return saved.id;
}

async function registration() {
  if (!(await navigator.serviceWorker.getRegistration('/'))) await navigator.serviceWorker.register('/sw.js');
  return navigator.serviceWorker.ready;
}

function fromBase64Url(text) {
  const base64 = text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4);
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

function sameBytes(buffer, bytes) {
  if (!buffer) return false;
  const a = new Uint8Array(buffer);
  return a.length === bytes.length && a.every((b, i) => b === bytes[i]);
}
