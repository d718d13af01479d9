import type { components } from './schema';

/**
 * Passkey sign-in, independent of the platform: the Session talks to the server, a PasskeyAuthenticator (the
 * native dialog via react-native-passkey, the browser's WebAuthn API on web, a software key in the API tests)
 * signs the server's challenge. All binary values are base64url strings, as in the server's JSON.
 */

/** The server's PublicKeyCredentialRequestOptions (rpId, challenge, timeout, allowCredentials, userVerification). */
export type PasskeyRequestOptions = components['schemas']['RequestOptions'];

/** `{challengeId, publicKey}` from the options endpoints. */
export type PasskeySignInOptions = components['schemas']['SignInOptions'];

/** An assertion in the JSON form of PublicKeyCredential.toJSON(), which the server verifies. */
export interface PasskeyAssertion {
  id: string;
  rawId: string;
  type: 'public-key';
  response: {
    clientDataJSON: string;
    authenticatorData: string;
    signature: string;
    /** the account's WebAuthn user handle; discoverable credentials (all of ours) always return it */
    userHandle?: string;
  };
  clientExtensionResults: Record<string, unknown>;
  authenticatorAttachment?: string;
}

export interface PasskeyAuthenticator {
  /** whether this device and build can show the passkey dialog at all (the sign-in button is hidden otherwise) */
  isSupported(): Promise<boolean> | boolean;
  /** Shows the platform's passkey dialog. Rejects with a PasskeyError (reason 'cancelled' when dismissed). */
  get(publicKey: PasskeyRequestOptions): Promise<PasskeyAssertion>;
}

/**
 * Why the authenticator gave no assertion. 'cancelled' is the user's choice and is never shown as an error;
 * 'notSupported' includes a build without the associated domain / asset links (the platform refuses the rp id).
 */
export type PasskeyFailure = 'cancelled' | 'notSupported' | 'noCredentials' | 'failed';

export class PasskeyError extends Error {
  readonly reason: PasskeyFailure;

  constructor(reason: PasskeyFailure) {
    super(`passkey ${reason}`);
    this.name = 'PasskeyError';
    this.reason = reason;
  }
}

/** The outcome of a passkey step; a cancelled dialog is an ordinary outcome, not an error. */
export type PasskeyResult = { kind: 'signedIn' } | { kind: 'cancelled' };

/**
 * Client-side codes (no server sends them) for an authenticator that gave no assertion; the UI has a sentence
 * for each, like for the server's problem codes.
 */
export const PASSKEY_FAILURE_CODES: Record<Exclude<PasskeyFailure, 'cancelled'>, string> = {
  notSupported: 'passkey_not_supported',
  noCredentials: 'passkey_no_credentials',
  failed: 'passkey_failed',
};

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const LOOKUP: Record<string, number> = Object.fromEntries([...ALPHABET].map((c, i) => [c, i]));

/** Bytes → base64url without padding. Written out because React Native has no Buffer and btoa wants strings. */
export function bytesToBase64url(input: ArrayBuffer | ArrayBufferView): string {
  const bytes = input instanceof ArrayBuffer ? new Uint8Array(input) : new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const b0 = bytes[i];
    const b1 = i + 1 < bytes.length ? bytes[i + 1] : 0;
    const b2 = i + 2 < bytes.length ? bytes[i + 2] : 0;
    out += ALPHABET[b0 >> 2] + ALPHABET[((b0 & 3) << 4) | (b1 >> 4)];
    if (i + 1 < bytes.length) out += ALPHABET[((b1 & 15) << 2) | (b2 >> 6)];
    if (i + 2 < bytes.length) out += ALPHABET[b2 & 63];
  }
  return out;
}

/** base64url (padding and standard base64's + and / tolerated) → bytes; throws on any other character. */
export function base64urlToBytes(text: string): Uint8Array<ArrayBuffer> {
  const clean = text.replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
  if (clean.length % 4 === 1) throw new Error('invalid base64url length');
  const out = new Uint8Array(new ArrayBuffer(Math.floor((clean.length * 3) / 4)));
  let bits = 0;
  let value = 0;
  let index = 0;
  for (const c of clean) {
    const v = LOOKUP[c];
    if (v === undefined) throw new Error('invalid base64url character');
    value = (value << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[index++] = (value >> bits) & 0xff;
    }
  }
  return out;
}
