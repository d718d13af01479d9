// Web Push on this device. This placeholder only keeps the settings page working until the real module (service
// worker subscription with the server's VAPID key) replaces it; it reports push as unsupported everywhere.

export function pushSupported() {
  return false;
}

export async function pushEnabled() {
  return false;
}

/** @returns {Promise<'granted'|'denied'|'unsupported'|'error'>} */
export async function enablePush() {
  return 'unsupported';
}

export async function disablePush() {
  return undefined;
}

export async function sendTestPush() {
  return undefined;
}
