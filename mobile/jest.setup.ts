// Native modules the screens touch, replaced at the module boundary.
jest.mock('expo-screen-capture', () => ({
  preventScreenCaptureAsync: jest.fn(() => Promise.resolve()),
  allowScreenCaptureAsync: jest.fn(() => Promise.resolve()),
  enableAppSwitcherProtectionAsync: jest.fn(() => Promise.resolve()),
  disableAppSwitcherProtectionAsync: jest.fn(() => Promise.resolve()),
}));

// SafeAreaProvider waits for native insets; the library's own mock gives fixed ones.
// eslint-disable-next-line @typescript-eslint/no-require-imports
jest.mock('react-native-safe-area-context', () => require('react-native-safe-area-context/jest/mock').default);

// The passkey dialog is native (and not linked in Jest): unsupported unless a test says otherwise. Screens get
// their authenticator from AppServices, so most tests inject a fake there instead.
jest.mock('react-native-passkey', () => ({
  Passkey: {
    isSupported: jest.fn(() => false),
    get: jest.fn(() => Promise.reject({ error: 'NotSupported', message: 'not in tests' })),
    create: jest.fn(() => Promise.reject({ error: 'NotSupported', message: 'not in tests' })),
  },
}));
