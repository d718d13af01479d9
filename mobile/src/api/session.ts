import { ApiError, NETWORK_ERROR, parseProblem } from './errors';
import { PASSKEY_FAILURE_CODES, PasskeyError, type PasskeyAssertion, type PasskeyAuthenticator, type PasskeyResult, type PasskeySignInOptions } from './passkey';
import type { TokenStore } from './tokenStore';
import type { MfaChallenge, TokenResponse } from './types';

export type FetchLike = (input: Request) => Promise<Response>;

export type LoginResult = { kind: 'signedIn' } | { kind: 'mfa'; mfaToken: string; methods: string[] };

export type SessionState = 'signedOut' | 'signedIn';
type Listener = (state: SessionState) => void;

export interface SessionOptions {
  baseUrl: string;
  tokenStore: TokenStore;
  /** defaults to the global fetch */
  fetch?: FetchLike;
  /** sent with every request, e.g. a User-Agent naming the app and OS for the sessions list (native only) */
  headers?: Record<string, string>;
}

/**
 * The signed-in session of a mobile client. The access token lives only in this object's memory; the
 * refresh token only in the TokenStore. Mobile clients send the refresh token in the body and never rely on
 * the cookie (no X-Requested-With header; requests are sent without credentials).
 */
export class Session {
  readonly baseUrl: string;
  private readonly store: TokenStore;
  private readonly doFetch: FetchLike;
  private accessToken: string | null = null;
  private refreshing: Promise<boolean> | null = null;
  private listeners = new Set<Listener>();
  private readonly extraHeaders: Record<string, string>;

  constructor(options: SessionOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.store = options.tokenStore;
    this.doFetch = options.fetch ?? ((input) => fetch(input));
    this.extraHeaders = options.headers ?? {};
  }

  get state(): SessionState {
    return this.accessToken ? 'signedIn' : 'signedOut';
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  private emit(): void {
    const state = this.state;
    this.listeners.forEach((l) => l(state));
  }

  private async send(path: string, init: { method: string; body?: unknown; auth?: boolean }): Promise<Response> {
    const headers = new Headers({ ...this.extraHeaders, Accept: 'application/json' });
    if (init.body !== undefined) headers.set('Content-Type', 'application/json');
    if (init.auth && this.accessToken) headers.set('Authorization', `Bearer ${this.accessToken}`);
    const request = new Request(this.baseUrl + path, {
      method: init.method,
      headers,
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      credentials: 'omit',
    });
    try {
      return await this.doFetch(request);
    } catch {
      throw new ApiError(0, NETWORK_ERROR);
    }
  }

  /** Stores the (rotated) refresh token BEFORE the new access token is used. */
  private async accept(tokens: TokenResponse): Promise<void> {
    if (!tokens.refreshToken) throw new ApiError(200, 'missing_refresh_token');
    await this.store.setRefreshToken(tokens.refreshToken);
    this.accessToken = tokens.accessToken;
    this.emit();
  }

  async login(email: string, password: string): Promise<LoginResult> {
    const response = await this.send('/api/v1/auth/login', { method: 'POST', body: { email, password } });
    if (!response.ok) throw await parseProblem(response);
    const body = (await response.json()) as TokenResponse | MfaChallenge;
    if ('mfaRequired' in body && body.mfaRequired) {
      return { kind: 'mfa', mfaToken: body.mfaToken, methods: body.methods ?? [] };
    }
    await this.accept(body as TokenResponse);
    return { kind: 'signedIn' };
  }

  async verifyMfa(mfaToken: string, code: string): Promise<void> {
    const response = await this.send('/api/v1/auth/mfa/verify', { method: 'POST', body: { mfaToken, code } });
    if (!response.ok) throw await parseProblem(response);
    await this.accept((await response.json()) as TokenResponse);
  }

  /**
   * Signs in with a passkey alone: options → the device's passkey dialog → login. Resolves `cancelled` when the
   * user dismissed the dialog; server refusals (passkey_unknown, account_locked, …) are ApiErrors as for login().
   */
  async loginWithPasskey(authenticator: PasskeyAuthenticator): Promise<PasskeyResult> {
    const options = await this.postJson<PasskeySignInOptions>('/api/v1/auth/passkey/options');
    const credential = await assertWith(authenticator, options.publicKey);
    if (!credential) return { kind: 'cancelled' };
    await this.accept(await this.postJson<TokenResponse>('/api/v1/auth/passkey/login', { challengeId: options.challengeId, credential }));
    return { kind: 'signedIn' };
  }

  /**
   * The second sign-in step with a passkey instead of a TOTP code. An expired or used mfaToken is the
   * ApiError invalid_token (the password step must be repeated); a passkey of another account is passkey_unknown.
   */
  async completeMfaWithPasskey(mfaToken: string, authenticator: PasskeyAuthenticator): Promise<PasskeyResult> {
    const options = await this.postJson<PasskeySignInOptions>('/api/v1/auth/mfa/passkey/options', { mfaToken });
    const credential = await assertWith(authenticator, options.publicKey);
    if (!credential) return { kind: 'cancelled' };
    await this.accept(await this.postJson<TokenResponse>('/api/v1/auth/mfa/passkey', { mfaToken, challengeId: options.challengeId, credential }));
    return { kind: 'signedIn' };
  }

  private async postJson<T>(path: string, body?: unknown): Promise<T> {
    const response = await this.send(path, { method: 'POST', body });
    if (!response.ok) throw await parseProblem(response);
    return (await response.json()) as T;
  }

  /** On cold start: signs in again from a stored refresh token, if any. */
  async restore(): Promise<boolean> {
    const token = await this.store.getRefreshToken();
    if (!token) return false;
    return this.refresh();
  }

  /**
   * Rotates the refresh token. Concurrent callers share one request (single flight). A 401 wipes the store
   * and signs out; a network error or 5xx keeps the stored token for a later try. Resolves true when a new
   * access token is in place.
   */
  refresh(): Promise<boolean> {
    if (!this.refreshing) {
      this.refreshing = this.doRefresh().finally(() => {
        this.refreshing = null;
      });
    }
    return this.refreshing;
  }

  private async doRefresh(): Promise<boolean> {
    const token = await this.store.getRefreshToken();
    if (!token) {
      await this.signOutLocally();
      return false;
    }
    let response: Response;
    try {
      response = await this.send('/api/v1/auth/refresh', { method: 'POST', body: { refreshToken: token } });
    } catch {
      return false;
    }
    if (response.ok) {
      await this.accept((await response.json()) as TokenResponse);
      return true;
    }
    if (response.status === 401 || response.status === 403) {
      // invalid_token (rotated, revoked, expired) or a banned/locked account: the session is over
      await this.signOutLocally();
    }
    return false;
  }

  /** Wipes the secure store and forgets the access token. */
  async signOutLocally(): Promise<void> {
    this.accessToken = null;
    try {
      await this.store.clear();
    } finally {
      this.emit();
    }
  }

  /** POST /auth/logout, then wipe — the wipe happens even when the call fails. */
  async logout(): Promise<void> {
    try {
      if (this.accessToken) {
        await this.send('/api/v1/auth/logout', { method: 'POST', auth: true });
      }
    } catch {
      // offline: the server-side session expires on its own; the device forgets it now
    } finally {
      await this.signOutLocally();
    }
  }

  /**
   * The fetch used by the typed API client: adds the bearer token; on a 401 refreshes once (shared with
   * concurrent callers) and retries once.
   */
  readonly authFetch: FetchLike = async (input: Request) => {
    const retry = input.clone();
    const tokenUsed = this.accessToken;
    const first = await this.withAuth(input);
    if (first.status !== 401) return first;
    // someone else refreshed while this request was under way: just retry with the new token
    const refreshed = this.accessToken !== null && this.accessToken !== tokenUsed ? true : await this.refresh();
    if (!refreshed) return first;
    return this.withAuth(retry);
  };

  private async withAuth(input: Request): Promise<Response> {
    const request = new Request(input, { credentials: 'omit' });
    for (const [name, value] of Object.entries(this.extraHeaders)) request.headers.set(name, value);
    request.headers.set('Accept', 'application/json');
    if (this.accessToken) request.headers.set('Authorization', `Bearer ${this.accessToken}`);
    else request.headers.delete('Authorization');
    try {
      return await this.doFetch(request);
    } catch {
      throw new ApiError(0, NETWORK_ERROR);
    }
  }
}

/**
 * Runs the authenticator: null when the user cancelled; any other failure becomes an ApiError with a client-side
 * code, so the UI shows it like a server refusal (and never the platform's own message).
 */
async function assertWith(authenticator: PasskeyAuthenticator, publicKey: PasskeySignInOptions['publicKey']): Promise<PasskeyAssertion | null> {
  try {
    return await authenticator.get(publicKey);
  } catch (e) {
    if (e instanceof PasskeyError) {
      if (e.reason === 'cancelled') return null;
      throw new ApiError(0, PASSKEY_FAILURE_CODES[e.reason]);
    }
    throw new ApiError(0, PASSKEY_FAILURE_CODES.failed);
  }
}
