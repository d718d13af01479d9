import { useEffect } from 'react';
import { Platform } from 'react-native';
import * as ScreenCapture from 'expo-screen-capture';

/**
 * Keeps a sensitive screen out of screenshots, screen recordings and the app switcher's preview while it is
 * shown (Android FLAG_SECURE; iOS hides the content). Does nothing on web.
 */
export function useSecureScreen(key: string): void {
  useEffect(() => {
    if (Platform.OS === 'web') return undefined;
    ScreenCapture.preventScreenCaptureAsync(key).catch(() => undefined);
    return () => {
      ScreenCapture.allowScreenCaptureAsync(key).catch(() => undefined);
    };
  }, [key]);
}
