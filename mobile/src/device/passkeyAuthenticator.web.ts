import {
  PasskeyError,
  base64urlToBytes,
  bytesToBase64url,
  type PasskeyAssertion,
  type PasskeyAuthenticator,
  type PasskeyFailure,
  type PasskeyRequestOptions,
} from '../api/passkey';

/**
 * Passkeys in the web export through the browser's WebAuthn API. The server's options carry binary values as
 * base64url; the browser wants ArrayBuffers and answers with ArrayBuffers, so both directions are converted.
 * The browser only uses passkeys whose rp id is this page's host or a parent of it, so the web app works when
 * it is served from the API's own host (as the server does in production).
 */

function toOptions(options: PasskeyRequestOptions): PublicKeyCredentialRequestOptions {
  const userVerification: UserVerificationRequirement =
    options.userVerification === 'preferred' || options.userVerification === 'discouraged' ? options.userVerification : 'required';
  return {
    challenge: base64urlToBytes(options.challenge),
    rpId: options.rpId,
    timeout: options.timeout,
    userVerification,
    allowCredentials: options.allowCredentials.map((c) => ({
      type: 'public-key',
      id: base64urlToBytes(c.id),
      transports: c.transports as AuthenticatorTransport[],
    })),
  };
}

/**
 * Browsers report a dismissed dialog, a timeout and "no passkey chosen" all as NotAllowedError (on purpose: a
 * page must not learn which passkeys exist), so all of those are a quiet cancel.
 */
export function failureOfDomError(error: unknown): PasskeyFailure {
  const name = error !== null && typeof error === 'object' ? (error as { name?: unknown }).name : undefined;
  if (name === 'NotAllowedError' || name === 'AbortError') return 'cancelled';
  // SecurityError: the rp id does not belong to this page's host; NotSupportedError: no usable authenticator
  if (name === 'SecurityError' || name === 'NotSupportedError') return 'notSupported';
  return 'failed';
}

function toAssertion(credential: PublicKeyCredential): PasskeyAssertion {
  const response = credential.response as AuthenticatorAssertionResponse;
  return {
    id: credential.id,
    rawId: bytesToBase64url(credential.rawId),
    type: 'public-key',
    response: {
      clientDataJSON: bytesToBase64url(response.clientDataJSON),
      authenticatorData: bytesToBase64url(response.authenticatorData),
      signature: bytesToBase64url(response.signature),
      ...(response.userHandle ? { userHandle: bytesToBase64url(response.userHandle) } : {}),
    },
    clientExtensionResults: { ...(credential.getClientExtensionResults() as Record<string, unknown>) },
    ...(credential.authenticatorAttachment ? { authenticatorAttachment: credential.authenticatorAttachment } : {}),
  };
}

export const passkeyAuthenticator: PasskeyAuthenticator = {
  isSupported: () =>
    typeof window !== 'undefined' &&
    typeof window.PublicKeyCredential === 'function' &&
    typeof navigator !== 'undefined' &&
    typeof navigator.credentials?.get === 'function',
  async get(publicKey) {
    let credential: Credential | null;
    try {
      credential = await navigator.credentials.get({ publicKey: toOptions(publicKey) });
    } catch (e) {
      throw new PasskeyError(failureOfDomError(e));
    }
    if (!credential || credential.type !== 'public-key') throw new PasskeyError('cancelled');
    return toAssertion(credential as PublicKeyCredential);
  },
};
