import { Platform } from 'react-native';
import Constants from 'expo-constants';
import * as Device from 'expo-device';
import type { Api, PushPlatform } from '../api/client';
import type { Variant } from '../core/variant';
import { deepLinkForPush } from './pushLinks';

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
    const registered = await api.registerPushToken(token.data, Platform.OS as PushPlatform);
    return registered ? 'ok' : 'unavailable';
  } catch {
    return 'unavailable';
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
