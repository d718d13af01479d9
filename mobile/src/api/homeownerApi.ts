import type { Client } from 'openapi-fetch';
import { ApiError, NETWORK_ERROR, parseProblem, problemFromBody } from './errors';
import type { components, paths } from './schema';
import type { Session } from './session';
import { unwrap, type Result } from './results';

type S = components['schemas'];
export type Installation = S['InstallationView'];
export type Proposal = S['Proposal'];
export type ReviewView = S['ReviewView'];
export type TotpSetup = S['TotpSetupResponse'];
export type InboxResponse = S['InboxResponse'];
export type InboxEntry = S['InboxEntry'];
export type DevicePushToken = S['DevicePushToken'];
export type PushTokenCreated = S['PushTokenCreated'];
export type InstallerProfile = S['PublicInstallerProfile'];
export type PublicReview = S['PublicReview'];

/**
 * The homeowner's installation actions, the inbox, push tokens, sign-out-everywhere-else, TOTP set-up and the
 * assigned installer's public profile.
 */
export interface HomeownerApi {
  /** DELETE /api/v1/me/sessions: ends every session but this one */
  endOtherSessions(): Promise<void>;
  /** POST /api/v1/me/push-tokens; null when the server does not take push tokens (404/405) */
  addPushToken(token: string, platform: string): Promise<PushTokenCreated | null>;
  pushTokens(): Promise<DevicePushToken[]>;
  removePushToken(id: string): Promise<void>;
  acceptProposal(jobId: string, proposalId: string): Promise<Installation>;
  propose(jobId: string, start: string, end: string): Promise<Installation>;
  reschedule(jobId: string, reason: string): Promise<Installation>;
  confirmInstallation(jobId: string): Promise<Installation>;
  dispute(jobId: string, reason: string): Promise<Installation>;
  review(jobId: string, rating: number, comment?: string): Promise<ReviewView>;
  /** the photo as a data: URI (the photo endpoint needs the bearer token) */
  photo(jobId: string, photoId: string): Promise<string>;
  /** null when nothing changed since `etag` (304) */
  inbox(etag?: string | null): Promise<{ inbox: InboxResponse; etag: string | null } | null>;
  markRead(id: string): Promise<void>;
  markAllRead(): Promise<void>;
  reauthenticate(password: string): Promise<void>;
  setupTotp(): Promise<TotpSetup>;
  enableTotp(code: string): Promise<string[]>;
  disableTotp(code: string, password: string): Promise<void>;
  /**
   * GET /api/v1/public/installers/{installerId}: company, area, rating and the latest 20 reviews, newest first.
   * 404 not_found (an ApiError) for an unknown, revoked or banned installer.
   */
  installerProfile(installerId: string): Promise<InstallerProfile>;
}

/** The method names, for test fakes. */
export const HOMEOWNER_API_NAMES: (keyof HomeownerApi)[] = [
  'endOtherSessions',
  'addPushToken',
  'pushTokens',
  'removePushToken',
  'acceptProposal',
  'propose',
  'reschedule',
  'confirmInstallation',
  'dispute',
  'review',
  'photo',
  'inbox',
  'markRead',
  'markAllRead',
  'reauthenticate',
  'setupTotp',
  'enableTotp',
  'disableTotp',
  'installerProfile',
];

async function call<T>(promise: Promise<Result<T>>): Promise<{ data: T; response: Response }> {
  let result: Result<T>;
  try {
    result = await promise;
  } catch (e) {
    if (e instanceof ApiError) throw e;
    throw new ApiError(0, NETWORK_ERROR);
  }
  if (!result.response.ok && result.response.status !== 304) {
    throw problemFromBody(result.response.status, result.error ?? null, result.response.headers.get('Retry-After'));
  }
  return { data: result.data as T, response: result.response };
}

const data = async <T>(promise: Promise<Result<T>>): Promise<T> => (await call(promise)).data;

function toBase64(bytes: Uint8Array): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i];
    const b = i + 1 < bytes.length ? bytes[i + 1] : 0;
    const c = i + 2 < bytes.length ? bytes[i + 2] : 0;
    out += alphabet[a >> 2] + alphabet[((a & 3) << 4) | (b >> 4)];
    out += i + 1 < bytes.length ? alphabet[((b & 15) << 2) | (c >> 6)] : '=';
    out += i + 2 < bytes.length ? alphabet[c & 63] : '=';
  }
  return out;
}

export function createHomeownerApi(client: Client<paths>, session: Session): HomeownerApi {
  const job = (jobId: string) => ({ params: { path: { jobId } } });
  return {
    endOtherSessions: async () => {
      await data(client.DELETE('/api/v1/me/sessions'));
    },
    addPushToken: async (token, platform) => {
      try {
        return await data(client.POST('/api/v1/me/push-tokens', { body: { token, platform } }));
      } catch (e) {
        if (e instanceof ApiError && (e.status === 404 || e.status === 405)) return null;
        throw e;
      }
    },
    pushTokens: () => data(client.GET('/api/v1/me/push-tokens')),
    removePushToken: async (id) => {
      await data(client.DELETE('/api/v1/me/push-tokens/{id}', { params: { path: { id } } }));
    },
    acceptProposal: (jobId, proposalId) =>
      data(
        client.POST('/api/v1/installations/{jobId}/appointment/proposals/{proposalId}/accept', {
          params: { path: { jobId, proposalId } },
        }),
      ),
    propose: (jobId, start, end) => data(client.POST('/api/v1/installations/{jobId}/appointment/proposals', { ...job(jobId), body: { start, end } })),
    reschedule: (jobId, reason) => data(client.POST('/api/v1/installations/{jobId}/appointment/reschedule', { ...job(jobId), body: { reason } })),
    confirmInstallation: (jobId) => data(client.POST('/api/v1/installations/{jobId}/confirm', job(jobId))),
    dispute: (jobId, reason) => data(client.POST('/api/v1/installations/{jobId}/dispute', { ...job(jobId), body: { reason } })),
    review: (jobId, rating, comment) =>
      data(client.POST('/api/v1/installations/{jobId}/review', { ...job(jobId), body: comment ? { rating, comment } : { rating } })),
    photo: async (jobId, photoId) => {
      let response: Response;
      try {
        response = await session.authFetch(
          new Request(`${session.baseUrl}/api/v1/installations/${encodeURIComponent(jobId)}/photos/${encodeURIComponent(photoId)}`, { method: 'GET' }),
        );
      } catch {
        throw new ApiError(0, NETWORK_ERROR);
      }
      if (!response.ok) throw await parseProblem(response);
      const type = (response.headers.get('Content-Type') ?? 'image/jpeg').split(';')[0];
      const bytes = new Uint8Array(await response.arrayBuffer());
      return `data:${type};base64,${toBase64(bytes)}`;
    },
    inbox: async (etag) => {
      const { data: body, response } = await call(
        client.GET('/api/v1/me/notifications', {
          params: { query: { page: 0, size: 50 }, header: etag ? { 'If-None-Match': etag } : {} },
        }),
      );
      if (response.status === 304) return null;
      return { inbox: body, etag: response.headers.get('ETag') };
    },
    markRead: async (id) => {
      await data(client.POST('/api/v1/me/notifications/{id}/read', { params: { path: { id } } }));
    },
    markAllRead: async () => {
      await data(client.POST('/api/v1/me/notifications/read-all'));
    },
    reauthenticate: async (password) => {
      await data(client.POST('/api/v1/me/reauthenticate', { body: { password } }));
    },
    setupTotp: () => data(client.POST('/api/v1/me/mfa/totp/setup')),
    enableTotp: async (code) => (await data(client.POST('/api/v1/me/mfa/totp/enable', { body: { code } }))).recoveryCodes,
    disableTotp: async (code, password) => {
      await data(client.POST('/api/v1/me/mfa/totp/disable', { body: { code, password } }));
    },
    // public: the session's bearer token goes along but is not needed, so a signed-in homeowner sees what anyone sees
    installerProfile: (installerId) => unwrap(client.GET('/api/v1/public/installers/{installerId}', { params: { path: { installerId } } })),
  };
}
