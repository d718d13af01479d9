import * as SecureStore from 'expo-secure-store';
import type { TokenStore } from '../api/tokenStore';

const KEY = 'sundispatch.refreshToken';

/** Keychain (iOS) / Keystore-backed (Android) storage of the refresh token, readable only after first unlock. */
export class SecureStoreTokenStore implements TokenStore {
  async getRefreshToken(): Promise<string | null> {
    return SecureStore.getItemAsync(KEY);
  }

  async setRefreshToken(token: string): Promise<void> {
    await SecureStore.setItemAsync(KEY, token, { keychainAccessible: SecureStore.AFTER_FIRST_UNLOCK_THIS_DEVICE_ONLY });
  }

  async clear(): Promise<void> {
    await SecureStore.deleteItemAsync(KEY);
  }
}
