import { NativeModules } from 'react-native';
import { Passkey, type PasskeyGetRequest, type PasskeyGetResult } from 'react-native-passkey';
import { PasskeyError, type PasskeyAssertion, type PasskeyAuthenticator, type PasskeyFailure, type PasskeyRequestOptions } from '../api/passkey';

/**
 * Passkeys through the platform's own dialog (iOS AuthenticationServices, Android Credential Manager) via
 * react-native-passkey. The platform only offers passkeys of an rp id the app is associated with: iOS needs the
 * `webcredentials:` associated domain (app.config.ts), Android the server's /.well-known/assetlinks.json.
 * Web builds use passkeyAuthenticator.web.ts instead (Metro picks it), so this native module never reaches them.
 */

type NativeTransport = NonNullable<PasskeyGetRequest['allowCredentials']>[number]['transports'];

function toRequest(options: PasskeyRequestOptions): PasskeyGetRequest {
  const userVerification = options.userVerification === 'preferred' || options.userVerification === 'discouraged' ? options.userVerification : 'required';
  return {
    challenge: options.challenge,
    rpId: options.rpId,
    timeout: options.timeout,
    userVerification,
    // empty for a passkey-alone sign-in (discoverable credentials): leave it out rather than send an empty list
    ...(options.allowCredentials.length > 0
      ? {
          allowCredentials: options.allowCredentials.map((c) => ({
            type: 'public-key' as const,
            id: c.id,
            transports: c.transports as NativeTransport,
          })),
        }
      : {}),
  };
}

function toAssertion(result: PasskeyGetResult): PasskeyAssertion {
  return {
    id: result.id,
    rawId: result.rawId ?? result.id,
    type: 'public-key',
    response: {
      clientDataJSON: result.response.clientDataJSON,
      authenticatorData: result.response.authenticatorData,
      signature: result.response.signature,
      ...(result.response.userHandle ? { userHandle: result.response.userHandle } : {}),
    },
    clientExtensionResults: (result.clientExtensionResults as Record<string, unknown> | undefined) ?? {},
    ...(result.authenticatorAttachment ? { authenticatorAttachment: result.authenticatorAttachment } : {}),
  };
}

/** react-native-passkey rejects with `{error, message}`; only the kind matters here (the message is the platform's). */
export function failureOf(error: unknown): PasskeyFailure {
  const kind = error !== null && typeof error === 'object' ? (error as { error?: unknown }).error : undefined;
  switch (kind) {
    case 'UserCancelled':
      return 'cancelled';
    case 'NotSupported':
    case 'BadConfiguration':
      return 'notSupported';
    case 'NoCredentials':
      return 'noCredentials';
    default:
      return 'failed';
  }
}

export const passkeyAuthenticator: PasskeyAuthenticator = {
  // Passkey.isSupported() only checks the OS version; without the linked native module (Expo Go) every call
  // would throw, so that counts as unsupported too.
  isSupported: () => NativeModules.Passkey != null && Passkey.isSupported(),
  async get(publicKey) {
    let result: PasskeyGetResult;
    try {
      result = await Passkey.get(toRequest(publicKey));
    } catch (e) {
      throw new PasskeyError(failureOf(e));
    }
    return toAssertion(result);
  },
};
