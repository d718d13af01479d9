import { Platform } from 'react-native';
import * as SecureStore from 'expo-secure-store';

/** Small non-secret preferences (language, lock on/off). SecureStore on devices, memory on web. */
export interface Settings {
  get(key: SettingKey): Promise<string | null>;
  set(key: SettingKey, value: string): Promise<void>;
}
export type SettingKey = 'language' | 'lockEnabled' | 'pushEnabled' | 'pushTokenId';

const memory = new Map<string, string>();

export const settings: Settings =
  Platform.OS === 'web'
    ? {
        get: async (key) => memory.get(key) ?? null,
        set: async (key, value) => {
          memory.set(key, value);
        },
      }
    : {
        get: (key) => SecureStore.getItemAsync(`sundispatch.setting.${key}`),
        set: (key, value) => SecureStore.setItemAsync(`sundispatch.setting.${key}`, value),
      };
