import React from 'react';
import { render } from '@testing-library/react-native';
import type { Api } from '../api/client';
import { HOMEOWNER_API_NAMES } from '../api/homeownerApi';
import { INSTALLER_JOBS_API_NAMES } from '../api/installerJobs';
import { AppProvider, type AppServices } from '../core/AppContext';
import { I18nProvider } from '../i18n/I18nContext';
import type { Language } from '../i18n/strings';
import { DeviceContext, NO_DEVICE_FEATURES, type DeviceFeatures } from '../device/DeviceContext';

/** Every Api method fails loudly unless the test gives it. */
export function fakeApi(overrides: Partial<Api> = {}): Api {
  const missing = (name: string) => () => Promise.reject(new Error(`fake api: ${name} not stubbed`));
  const names: (keyof Api)[] = [
    'me',
    'updateProfile',
    'sessions',
    'revokeSession',
    'offers',
    'acceptOffer',
    'declineOffer',
    'jobs',
    'orders',
    'order',
    'installation',
    'panels',
    'register',
    'registerPushToken',
    ...HOMEOWNER_API_NAMES,
    ...INSTALLER_JOBS_API_NAMES,
  ];
  const api = Object.fromEntries(names.map((n) => [n, jest.fn(missing(n))])) as unknown as Api;
  return { ...api, ...overrides };
}

export interface RenderOptions {
  api?: Partial<Api>;
  services?: Partial<AppServices>;
  language?: Language;
  device?: Partial<DeviceFeatures>;
}

export function renderScreen(ui: React.ReactElement, options: RenderOptions = {}) {
  const services: AppServices = {
    api: fakeApi(options.api),
    variant: 'installer',
    login: jest.fn(),
    verifyMfa: jest.fn(),
    signOut: jest.fn(() => Promise.resolve()),
    ...options.services,
  };
  const device = { ...NO_DEVICE_FEATURES, ...options.device };
  const Wrapper = ({ children }: { children: React.ReactNode }) => (
    <I18nProvider initialLanguage={options.language ?? 'en'}>
      <AppProvider value={services}>
        <DeviceContext.Provider value={device}>{children}</DeviceContext.Provider>
      </AppProvider>
    </I18nProvider>
  );
  const utils = render(ui, { wrapper: Wrapper });
  return { ...utils, services };
}

/** A promise the test settles by hand, to see the loading state. */
export function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}
