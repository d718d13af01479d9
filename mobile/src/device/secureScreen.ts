import { useEffect } from 'react';
import { Platform } from 'react-native';
import * as ScreenCapture from 'expo-screen-capture';

/**
 * Keeps a sensitive screen out of screenshots, screen recordings and the app switcher while it is shown:
 * Android's FLAG_SECURE (blank in the recent apps) through preventScreenCaptureAsync; on iOS also the blur overlay
 * for the app switcher. Does nothing on web.
 */
export function useSecureScreen(key: string): void {
  useEffect(() => {
    if (Platform.OS === 'web') return undefined;
    ScreenCapture.preventScreenCaptureAsync(key).catch(() => undefined);
    if (Platform.OS === 'ios') ScreenCapture.enableAppSwitcherProtectionAsync(1).catch(() => undefined);
    return () => {
      ScreenCapture.allowScreenCaptureAsync(key).catch(() => undefined);
      if (Platform.OS === 'ios') ScreenCapture.disableAppSwitcherProtectionAsync().catch(() => undefined);
    };
  }, [key]);
}
