import type { ConfigContext, ExpoConfig } from 'expo/config';

/** One codebase, two apps: APP_VARIANT=installer (SunDispatch Pro) or homeowner (default). */
export default ({ config }: ConfigContext): ExpoConfig => {
  const installer = process.env.APP_VARIANT === 'installer';
  const id = installer ? 'com.sundispatch.pro' : 'com.sundispatch.app';
  return {
    ...config,
    name: installer ? 'SunDispatch Pro' : 'SunDispatch',
    slug: installer ? 'sundispatch-pro' : 'sundispatch',
    scheme: installer ? 'sundispatchpro' : 'sundispatch',
    version: '0.1.0',
    orientation: 'portrait',
    userInterfaceStyle: 'light',
    ios: {
      bundleIdentifier: id,
      supportsTablet: true,
      infoPlist: { NSFaceIDUsageDescription: 'Unlock SunDispatch with Face ID.' },
    },
    android: {
      package: id,
      permissions: ['USE_BIOMETRIC', 'USE_FINGERPRINT'],
      blockedPermissions: ['android.permission.SYSTEM_ALERT_WINDOW'],
    },
    web: { bundler: 'metro', output: 'single', name: installer ? 'SunDispatch Pro' : 'SunDispatch' },
    plugins: [
      'expo-secure-store',
      'expo-localization',
      ['expo-local-authentication', { faceIDPermission: 'Unlock SunDispatch with Face ID.' }],
      'expo-notifications',
    ],
    extra: { variant: installer ? 'installer' : 'homeowner' },
  };
};
