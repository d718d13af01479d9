import { createHash, createPrivateKey, sign, type KeyObject } from 'node:crypto';
import { PasskeyError, type PasskeyAssertion, type PasskeyAuthenticator, type PasskeyRequestOptions } from '../src/api/passkey';

/**
 * A software passkey for the live-server suite: one registered ES256 credential, signing like a platform
 * authenticator with user verification (flags UP|UV). Only what a WebAuthn assertion needs, from node:crypto.
 * Keep one instance per credential for the whole run: its signature counter must keep rising, as the server
 * refuses a counter that does not (a cloned authenticator).
 */
export interface SoftPasskeyOptions {
  /** base64url */
  credentialId: string;
  /** base64url: the account's WebAuthn user handle */
  userHandle: string;
  /** the EC P-256 private key, PKCS#8 DER in standard base64 */
  privateKeyPkcs8: string;
  rpId: string;
  /** the web origin the server accepts, e.g. http://localhost:12345 */
  origin: string;
}

const b64url = (bytes: Buffer) => bytes.toString('base64url');
const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest();

const FLAG_USER_PRESENT = 0x01;
const FLAG_USER_VERIFIED = 0x04;

export function softPasskey(options: SoftPasskeyOptions): PasskeyAuthenticator & { readonly signCount: number } {
  const key: KeyObject = createPrivateKey({ key: Buffer.from(options.privateKeyPkcs8, 'base64'), format: 'der', type: 'pkcs8' });
  let signCount = 0;
  return {
    get signCount() {
      return signCount;
    },
    isSupported: () => true,
    async get(publicKey: PasskeyRequestOptions): Promise<PasskeyAssertion> {
      // like a real authenticator: it holds a credential for one rp id, and only offers it where allowed
      const allowed = publicKey.allowCredentials.length === 0 || publicKey.allowCredentials.some((c) => c.id === options.credentialId);
      if (publicKey.rpId !== options.rpId || !allowed) throw new PasskeyError('noCredentials');
      signCount += 1;
      const clientDataJSON = Buffer.from(
        JSON.stringify({ type: 'webauthn.get', challenge: publicKey.challenge, origin: options.origin, crossOrigin: false }),
        'utf8',
      );
      const counter = Buffer.alloc(4);
      counter.writeUInt32BE(signCount);
      const authenticatorData = Buffer.concat([sha256(options.rpId), Buffer.from([FLAG_USER_PRESENT | FLAG_USER_VERIFIED]), counter]);
      // ES256: ECDSA over SHA-256 of authenticatorData || SHA-256(clientDataJSON), DER-encoded (node's default)
      const signature = sign('sha256', Buffer.concat([authenticatorData, sha256(clientDataJSON)]), key);
      return {
        id: options.credentialId,
        rawId: options.credentialId,
        type: 'public-key',
        response: {
          clientDataJSON: b64url(clientDataJSON),
          authenticatorData: b64url(authenticatorData),
          signature: b64url(signature),
          userHandle: options.userHandle,
        },
        clientExtensionResults: {},
        authenticatorAttachment: 'platform',
      };
    },
  };
}
