import type { components } from './schema';

type S = components['schemas'];
export type Money = S['Money'];
export type TokenResponse = S['TokenResponse'];
export type MfaChallenge = S['MfaChallengeResponse'];
export type Me = S['MeResponse'];
export type SessionInfo = S['SessionResponse'];
export type Offer = S['OfferView'];
export type InstallerJob = S['InstallerJobView'];
export type Order = S['OrderView'];
export type OrderStatus = Order['status'];
export type Installation = S['InstallationView'];
export type Panel = S['PanelView'];
export type Problem = S['Problem'];
export interface Page<T> {
  items: T[];
  page: number;
  size: number;
  totalItems: number;
}
