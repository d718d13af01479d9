import React, { createContext, useContext } from 'react';
import type { Api } from '../api/client';
import type { PasskeyResult } from '../api/passkey';
import type { LoginResult } from '../api/session';
import type { Variant } from './variant';

/** Passkey sign-in as the screens use it; the authenticator behind it is the device's (see services.ts). */
export interface PasskeySignIn {
  /** false on devices and builds that cannot show a passkey dialog: the passkey buttons are hidden */
  isSupported(): Promise<boolean>;
  /** a passkey alone; resolves `cancelled` when the user dismissed the dialog */
  signIn(): Promise<PasskeyResult>;
  /** the second step after the password, instead of a code */
  completeMfa(mfaToken: string): Promise<PasskeyResult>;
}

export interface AppServices {
  api: Api;
  variant: Variant;
  login(email: string, password: string): Promise<LoginResult>;
  verifyMfa(mfaToken: string, code: string): Promise<void>;
  /** absent where no passkey support is wired in: the sign-in screen then offers password and code only */
  passkeys?: PasskeySignIn;
  /** signs out on the server and wipes the device's secure storage */
  signOut(): Promise<void>;
}

const AppContext = createContext<AppServices | null>(null);

export function AppProvider({ value, children }: { value: AppServices; children: React.ReactNode }) {
  return <AppContext.Provider value={value}>{children}</AppContext.Provider>;
}

export function useApp(): AppServices {
  const value = useContext(AppContext);
  if (!value) throw new Error('useApp outside AppProvider');
  return value;
}
