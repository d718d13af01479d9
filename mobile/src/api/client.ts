import createClient from 'openapi-fetch';
import { ApiError } from './errors';
import type { paths } from './schema';
import type { Session } from './session';
import { unwrap, type Result } from './results';
import { createHomeownerApi, type HomeownerApi } from './homeownerApi';
import { createInstallerJobsApi, type InstallerJobsApi } from './installerJobs';
import type {
  Installation,
  InstallerJob,
  Me,
  Offer,
  Order,
  Page,
  Panel,
  SessionInfo,
} from './types';

export type PushPlatform = 'ios' | 'android' | 'web';

/** The fields of PATCH /api/v1/me; a field left out stays as it is. */
export interface ProfileUpdate {
  fullName?: string;
  phone?: string;
  language?: string;
}

/** Everything the screens call. Screens get this through context, so tests pass a fake. */
export interface Api extends HomeownerApi, InstallerJobsApi {
  me(): Promise<Me>;
  /**
   * PATCH /api/v1/me: only the fields given change (phone "" clears it). 400 validation_failed with field errors;
   * a new phone number without a recent step-up: 403 reauthentication_required (call reauthenticate, then retry).
   */
  updateProfile(input: ProfileUpdate): Promise<Me>;
  sessions(): Promise<SessionInfo[]>;
  revokeSession(id: string): Promise<void>;
  offers(): Promise<Offer[]>;
  acceptOffer(offerId: string): Promise<InstallerJob>;
  declineOffer(offerId: string): Promise<void>;
  jobs(): Promise<Page<InstallerJob>>;
  orders(): Promise<Page<Order>>;
  order(id: string): Promise<Order>;
  installation(orderId: string): Promise<Installation | null>;
  panels(page?: number): Promise<Page<Panel>>;
  register(input: { email: string; password: string; fullName: string; language?: string }): Promise<void>;
  /** Registers an Expo push token; resolves false when the server does not offer this yet (404/405). */
  registerPushToken(token: string, platform: PushPlatform): Promise<boolean>;
}


/** A typed client on top of the session's authorizing fetch. */
export function createApi(session: Session): Api {
  const client = createClient<paths>({
    baseUrl: session.baseUrl,
    fetch: session.authFetch,
    headers: { Accept: 'application/json' },
  });

  // openapi-fetch reads error bodies itself (JSON.parse of the text); unwrap turns them into ApiError
  const raw = async <T>(promise: Promise<Result<T>>): Promise<T> => unwrap(promise);

  const homeowner = createHomeownerApi(client, session);
  return {
    ...homeowner,
    ...createInstallerJobsApi(client, session),
    me: () => raw(client.GET('/api/v1/me')) as Promise<Me>,
    updateProfile: (input) => raw(client.PATCH('/api/v1/me', { body: input })) as Promise<Me>,
    sessions: () => raw(client.GET('/api/v1/me/sessions')) as Promise<SessionInfo[]>,
    revokeSession: async (id) => {
      await raw(client.DELETE('/api/v1/me/sessions/{id}', { params: { path: { id } } }));
    },
    offers: () => raw(client.GET('/api/v1/installer/offers')) as Promise<Offer[]>,
    acceptOffer: (offerId) =>
      raw(client.POST('/api/v1/installer/offers/{offerId}/accept', { params: { path: { offerId } } })) as Promise<InstallerJob>,
    declineOffer: async (offerId) => {
      await raw(client.POST('/api/v1/installer/offers/{offerId}/decline', { params: { path: { offerId } } }));
    },
    jobs: () => raw(client.GET('/api/v1/installer/jobs', { params: { query: { page: 0, size: 50 } } })) as Promise<Page<InstallerJob>>,
    orders: () => raw(client.GET('/api/v1/orders', { params: { query: { page: 0, size: 50 } } })) as Promise<Page<Order>>,
    order: (id) => raw(client.GET('/api/v1/orders/{id}', { params: { path: { id } } })) as Promise<Order>,
    installation: async (orderId) => {
      try {
        return (await raw(
          client.GET('/api/v1/orders/{orderId}/installation', { params: { path: { orderId } } }),
        )) as Installation;
      } catch (e) {
        // an order that was never paid has no installation yet
        if (e instanceof ApiError && e.status === 404) return null;
        throw e;
      }
    },
    panels: (page = 0) =>
      raw(client.GET('/api/v1/catalog/panels', { params: { query: { page, size: 50 } } })) as Promise<Page<Panel>>,
    register: async (input) => {
      await raw(client.POST('/api/v1/auth/register', { body: input }));
    },
    registerPushToken: async (token, platform) => {
      // typed POST /api/v1/me/push-tokens; a server without it (404/405) → false
      const created = await homeowner.addPushToken(token, platform);
      return created !== null;
    },
  };
}
