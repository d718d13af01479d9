import { createContext, useContext } from 'react';

/** Device features the account screen offers as settings. Defaults: nothing available. */
export interface DeviceFeatures {
  /** biometrics or a device PIN are set up (hidden otherwise) */
  lockAvailable: boolean;
  lockEnabled: boolean;
  setLockEnabled(enabled: boolean): Promise<void>;
  /** a real device that can receive push notifications */
  pushAvailable: boolean;
  pushEnabled: boolean;
  /** resolves to a notice key when it could not be turned on */
  setPushEnabled(enabled: boolean): Promise<'account.pushUnavailable' | 'account.pushDenied' | null>;
}

export const NO_DEVICE_FEATURES: DeviceFeatures = {
  lockAvailable: false,
  lockEnabled: false,
  setLockEnabled: async () => undefined,
  pushAvailable: false,
  pushEnabled: false,
  setPushEnabled: async () => null,
};

export const DeviceContext = createContext<DeviceFeatures>(NO_DEVICE_FEATURES);

export function useDeviceFeatures(): DeviceFeatures {
  return useContext(DeviceContext);
}
