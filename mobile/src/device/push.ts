import { Platform } from 'react-native';
import Constants from 'expo-constants';
import * as Device from 'expo-device';
import type { Api, PushPlatform } from '../api/client';
import type { Variant } from '../core/variant';
import { deepLinkForPush } from './pushLinks';
import { settings } from './settings';

export const pushAvailable = Platform.OS !== 'web' && Device.isDevice;

/**
 * Asks for permission, gets the Expo push token and registers it with the server
 * (POST /api/v1/me/push-tokens {token, platform}; a server without the endpoint answers 404 → 'unavailable').
 */
export async function enablePush(api: Api): Promise<'ok' | 'denied' | 'unavailable'> {
  try {
    const Notifications = await import('expo-notifications');
    if (Platform.OS === 'android') {
      // the server sends offers on their own channel with high priority (they expire in minutes)
      await Notifications.setNotificationChannelAsync('offers', { name: 'Offers', importance: Notifications.AndroidImportance.HIGH });
    }
    const current = await Notifications.getPermissionsAsync();
    const status = current.granted ? current : await Notifications.requestPermissionsAsync();
    if (!status.granted) return 'denied';
    const extra = Constants.expoConfig?.extra as { eas?: { projectId?: string } } | undefined;
    const token = await Notifications.getExpoPushTokenAsync(extra?.eas?.projectId ? { projectId: extra.eas.projectId } : undefined);
    const created = await api.addPushToken(token.data, Platform.OS as PushPlatform);
    if (!created) return 'unavailable';
    // remembered so that signing out removes this phone's token (DELETE /api/v1/me/push-tokens/{id})
    await settings.set('pushTokenId', created.id).catch(() => undefined);
    return 'ok';
  } catch {
    return 'unavailable';
  }
}

/**
 * Before logout: removes this phone's push token on the server, best effort (a failure never blocks signing out).
 * Uses the id remembered at registration, else the token the server marks as this session's.
 */
export async function removePushTokenBeforeSignOut(api: Pick<Api, 'removePushToken' | 'pushTokens'>, store = settings): Promise<void> {
  try {
    let id = await store.get('pushTokenId').catch(() => null);
    if (!id) id = (await api.pushTokens()).find((t) => t.currentSession)?.id ?? null;
    if (id) await api.removePushToken(id);
  } catch {
    // offline or already gone: the server drops tokens Expo reports as unregistered
  } finally {
    await store.set('pushTokenId', '').catch(() => undefined);
  }
}

/** Opens the app's screen for a tapped push message (data.link from the server). Returns the unsubscribe. */
export async function listenForPushTaps(variant: Variant, open: (url: string) => void): Promise<() => void> {
  if (!pushAvailable) return () => undefined;
  try {
    const Notifications = await import('expo-notifications');
    const sub = Notifications.addNotificationResponseReceivedListener((response) => {
      const url = deepLinkForPush(response.notification.request.content.data?.link, variant);
      if (url) open(url);
    });
    return () => sub.remove();
  } catch {
    return () => undefined;
  }
}
