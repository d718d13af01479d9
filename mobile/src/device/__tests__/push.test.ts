import { removePushTokenBeforeSignOut } from '../push';
import type { Settings, SettingKey } from '../settings';

function memorySettings(initial: Partial<Record<SettingKey, string>> = {}): Settings & { values: Map<string, string> } {
  const values = new Map<string, string>(Object.entries(initial));
  return { values, get: async (k) => values.get(k) || null, set: async (k, v) => void values.set(k, v) };
}

describe('removePushTokenBeforeSignOut', () => {
  test('removes the token remembered at registration', async () => {
    const store = memorySettings({ pushTokenId: 'pt1' });
    const api = { removePushToken: jest.fn(() => Promise.resolve()), pushTokens: jest.fn(() => Promise.resolve([])) };
    await removePushTokenBeforeSignOut(api, store);
    expect(api.removePushToken).toHaveBeenCalledWith('pt1');
    expect(api.pushTokens).not.toHaveBeenCalled();
    expect(store.values.get('pushTokenId')).toBe('');
  });

  test('without a remembered id: the token the server marks as this session’s', async () => {
    const store = memorySettings();
    const api = {
      removePushToken: jest.fn(() => Promise.resolve()),
      pushTokens: jest.fn(() =>
        Promise.resolve([
          { id: 'other', platform: 'ios', createdAt: '2026-12-01T00:00:00Z', lastSuccessAt: null, currentSession: false },
          { id: 'mine', platform: 'android', createdAt: '2026-12-01T00:00:00Z', lastSuccessAt: null, currentSession: true },
        ]),
      ),
    };
    await removePushTokenBeforeSignOut(api, store);
    expect(api.removePushToken).toHaveBeenCalledWith('mine');
  });

  test('a failing call never blocks signing out', async () => {
    const store = memorySettings({ pushTokenId: 'pt1' });
    const api = { removePushToken: jest.fn(() => Promise.reject(new Error('offline'))), pushTokens: jest.fn() };
    await expect(removePushTokenBeforeSignOut(api, store)).resolves.toBeUndefined();
  });
});
