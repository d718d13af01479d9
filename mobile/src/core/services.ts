import { Platform } from 'react-native';
import Constants from 'expo-constants';
import { createApi, type Api } from '../api/client';
import { resolveBaseUrl } from '../api/config';
import type { PasskeyAuthenticator } from '../api/passkey';
import { Session } from '../api/session';
import { MemoryTokenStore, type TokenStore } from '../api/tokenStore';
import { SecureStoreTokenStore } from '../device/secureTokenStore';
// Metro resolves passkeyAuthenticator.web.ts for the web export, so the native module stays out of it
import { passkeyAuthenticator } from '../device/passkeyAuthenticator';
import type { PasskeySignIn } from './AppContext';

export interface Core {
  session: Session;
  api: Api;
  /** passkey sign-in with this device's authenticator, for AppServices.passkeys */
  passkeys: PasskeySignIn;
}

/** Binds the session's passkey steps to one authenticator (the device's; a fake in tests). */
export function passkeySignIn(session: Session, authenticator: PasskeyAuthenticator): PasskeySignIn {
  return {
    isSupported: async () => {
      try {
        return await authenticator.isSupported();
      } catch {
        return false; // a platform that cannot even answer this cannot show the dialog either
      }
    },
    signIn: () => session.loginWithPasskey(authenticator),
    completeMfa: (mfaToken) => session.completeMfaWithPasskey(mfaToken, authenticator),
  };
}

/**
 * The app's session and API client. On web, secure storage does not exist: the refresh token is kept in
 * memory, so a reload signs the user out.
 */
export function createCore(): Core {
  const isWeb = Platform.OS === 'web';
  const origin = isWeb && typeof window !== 'undefined' ? window.location.origin : null;
  const baseUrl = resolveBaseUrl({ configured: process.env.EXPO_PUBLIC_API_URL, isWeb, origin, isDev: __DEV__ });
  const tokenStore: TokenStore = isWeb ? new MemoryTokenStore() : new SecureStoreTokenStore();
  // the server names a session's device from the User-Agent (OS family); browsers send their own
  const headers: Record<string, string> = isWeb
    ? {}
    : { 'User-Agent': `${Constants.expoConfig?.name ?? 'SunDispatch'}/${Constants.expoConfig?.version ?? '0'} (${Platform.OS === 'ios' ? `iPhone; iOS ${Platform.Version}` : `Android ${Platform.Version}`})` };
  const session = new Session({ baseUrl, tokenStore, headers });
  return { session, api: createApi(session), passkeys: passkeySignIn(session, passkeyAuthenticator) };
}
