import React, { createContext, useContext } from 'react';
import type { Api } from '../api/client';
import type { LoginResult } from '../api/session';
import type { Variant } from './variant';

export interface AppServices {
  api: Api;
  variant: Variant;
  login(email: string, password: string): Promise<LoginResult>;
  verifyMfa(mfaToken: string, code: string): Promise<void>;
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
