import type { ConfigContext, ExpoConfig } from 'expo/config';

/**
 * Passkeys: the platforms only offer an app the passkeys of a domain that vouches for it.
 * - iOS: the app needs the associated domain `webcredentials:<host>` (set here from SUNDISPATCH_ASSOCIATED_DOMAIN,
 *   the host of the server's public base URL, i.e. its WebAuthn rp id), and that host must serve
 *   /.well-known/apple-app-site-association naming the app.
 * - Android: no app setting; the server's /.well-known/assetlinks.json must list the app's package with the
 *   SHA-256 fingerprints of its signing certificate (server: SUNDISPATCH_MOBILE_ANDROID_CERT_SHA256, and
 *   SUNDISPATCH_MOBILE_IOS_APP_IDS for the iOS file).
 * react-native-passkey has no config plugin: autolinking is all it needs in a development or store build (not
 * Expo Go, which does not contain it).
 */
function associatedDomains(): string[] | undefined {
  const host = process.env.SUNDISPATCH_ASSOCIATED_DOMAIN?.trim();
  if (!host) return undefined;
  // a host only: a scheme, path or port would make an entitlement that silently never matches
  if (!/^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/i.test(host)) {
    throw new Error(`SUNDISPATCH_ASSOCIATED_DOMAIN must be a host name such as sundispatch.example, not "${host}"`);
  }
  return [`webcredentials:${host.toLowerCase()}`];
}

/** One codebase, two apps: APP_VARIANT=installer (SunDispatch Pro) or homeowner (default). */
export default ({ config }: ConfigContext): ExpoConfig => {
  const installer = process.env.APP_VARIANT === 'installer';
  const id = installer ? 'com.sundispatch.pro' : 'com.sundispatch.app';
  const domains = associatedDomains();
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
      // omitted when unset: an entitlement for a domain that does not vouch for the app only breaks signing
      ...(domains ? { associatedDomains: domains } : {}),
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
