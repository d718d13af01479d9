/**
 * @jest-environment node
 */
import { ApiError, MemoryTokenStore, PasskeyError, Session, createApi, parseProblem, type PasskeyAssertion, type PasskeyAuthenticator, type PasskeyRequestOptions } from '..';

type Handler = (req: Request, body: unknown) => Response | Promise<Response>;

function json(status: number, body: unknown, type = 'application/json'): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': type } });
}
function problem(status: number, code: string): Response {
  return json(status, { type: 'about:blank', title: 'x', status, detail: 'secret server text', code }, 'application/problem+json');
}
function tokens(n: number) {
  return { accessToken: `access-${n}`, tokenType: 'Bearer', expiresIn: 900, refreshToken: `refresh-${n}` };
}

function fakeFetch(handler: Handler) {
  const calls: { method: string; path: string; auth: string | null; body: unknown; headers: Headers }[] = [];
  const fn = jest.fn(async (req: Request) => {
    const text = req.method === 'GET' ? '' : await req.text();
    const body = text ? JSON.parse(text) : undefined;
    const path = new URL(req.url).pathname;
    calls.push({ method: req.method, path, auth: req.headers.get('Authorization'), body, headers: req.headers });
    return handler(req, body);
  });
  return { fn, calls };
}

const BASE = 'https://api.example.test';

describe('Session', () => {
  test('login stores the refresh token and keeps the access token in memory only', async () => {
    const store = new MemoryTokenStore();
    const { fn, calls } = fakeFetch(() => json(200, tokens(1)));
    const session = new Session({ baseUrl: BASE, tokenStore: store, fetch: fn });
    await expect(session.login('a@b.c', 'pw')).resolves.toEqual({ kind: 'signedIn' });
    expect(await store.getRefreshToken()).toBe('refresh-1');
    expect(session.state).toBe('signedIn');
    expect(calls[0].body).toEqual({ email: 'a@b.c', password: 'pw' });
    expect(calls[0].headers.get('Accept')).toBe('application/json');
    expect(calls[0].headers.get('X-Requested-With')).toBeNull();
  });

  test('login with MFA returns the challenge, verify completes it', async () => {
    const store = new MemoryTokenStore();
    const { fn, calls } = fakeFetch((req) =>
      req.url.endsWith('/login') ? json(200, { mfaRequired: true, mfaToken: 'mt', methods: ['totp'] }) : json(200, tokens(2)),
    );
    const session = new Session({ baseUrl: BASE, tokenStore: store, fetch: fn });
    const result = await session.login('a@b.c', 'pw');
    expect(result).toEqual({ kind: 'mfa', mfaToken: 'mt', methods: ['totp'] });
    expect(await store.getRefreshToken()).toBeNull();
    await session.verifyMfa('mt', '123456');
    expect(calls[1]).toMatchObject({ path: '/api/v1/auth/mfa/verify', body: { mfaToken: 'mt', code: '123456' } });
    expect(await store.getRefreshToken()).toBe('refresh-2');
  });

  test('wrong credentials become a typed ApiError with the code only', async () => {
    const { fn } = fakeFetch(() => problem(401, 'invalid_credentials'));
    const session = new Session({ baseUrl: BASE, tokenStore: new MemoryTokenStore(), fetch: fn });
    const error = await session.login('a@b.c', 'bad').catch((e) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 401, code: 'invalid_credentials' });
    expect(String(error.message)).not.toContain('secret server text');
  });

  test('refresh sends the token in the body and stores the rotated token before using the new access token', async () => {
    const store = new MemoryTokenStore();
    await store.setRefreshToken('refresh-1');
    const order: string[] = [];
    const originalSet = store.setRefreshToken.bind(store);
    store.setRefreshToken = async (t) => {
      order.push(`store ${t}`);
      await originalSet(t);
    };
    const { fn, calls } = fakeFetch((req) => {
      const path = new URL(req.url).pathname;
      if (path === '/api/v1/auth/refresh') return json(200, tokens(2));
      order.push(`call ${req.headers.get('Authorization')}`);
      return json(200, { id: 'u', email: 'a@b.c', fullName: 'A' });
    });
    const session = new Session({ baseUrl: BASE, tokenStore: store, fetch: fn });
    await expect(session.restore()).resolves.toBe(true);
    expect(calls[0].body).toEqual({ refreshToken: 'refresh-1' });
    expect(calls[0].headers.get('Cookie')).toBeNull();
    await createApi(session).me();
    expect(order).toEqual(['store refresh-2', 'call Bearer access-2']);
    expect(await store.getRefreshToken()).toBe('refresh-2');
  });

  test('a 401 refreshes once and retries once; concurrent 401s share one refresh', async () => {
    const store = new MemoryTokenStore();
    let refreshes = 0;
    const { fn, calls } = fakeFetch(async (req) => {
      const path = new URL(req.url).pathname;
      if (path === '/api/v1/auth/login') return json(200, tokens(1));
      if (path === '/api/v1/auth/refresh') {
        refreshes += 1;
        await new Promise((r) => setTimeout(r, 10));
        return json(200, tokens(2));
      }
      if (req.headers.get('Authorization') === 'Bearer access-2') return json(200, []);
      return problem(401, 'invalid_token');
    });
    const session = new Session({ baseUrl: BASE, tokenStore: store, fetch: fn });
    await session.login('a@b.c', 'pw');
    const api = createApi(session);
    const results = await Promise.all([api.offers(), api.offers(), api.sessions()]);
    expect(results).toEqual([[], [], []]);
    expect(refreshes).toBe(1);
    expect(await store.getRefreshToken()).toBe('refresh-2');
    expect(calls.filter((c) => c.path === '/api/v1/installer/offers').length).toBe(4);
  });

  test('retries only once: a second 401 is passed on as an error', async () => {
    const store = new MemoryTokenStore();
    let refreshes = 0;
    const { fn } = fakeFetch((req) => {
      const path = new URL(req.url).pathname;
      if (path === '/api/v1/auth/login') return json(200, tokens(1));
      if (path === '/api/v1/auth/refresh') {
        refreshes += 1;
        return json(200, tokens(1 + refreshes));
      }
      return problem(401, 'invalid_token');
    });
    const session = new Session({ baseUrl: BASE, tokenStore: store, fetch: fn });
    await session.login('a@b.c', 'pw');
    await expect(createApi(session).me()).rejects.toMatchObject({ status: 401, code: 'invalid_token' });
    expect(refreshes).toBe(1);
  });

  test('401 invalid_token on refresh wipes the store and signs out', async () => {
    const store = new MemoryTokenStore();
    const states: string[] = [];
    const { fn } = fakeFetch((req) => {
      const path = new URL(req.url).pathname;
      if (path === '/api/v1/auth/login') return json(200, tokens(1));
      return problem(401, 'invalid_token');
    });
    const session = new Session({ baseUrl: BASE, tokenStore: store, fetch: fn });
    await session.login('a@b.c', 'pw');
    session.subscribe((s) => states.push(s));
    await expect(createApi(session).me()).rejects.toMatchObject({ status: 401 });
    expect(await store.getRefreshToken()).toBeNull();
    expect(session.state).toBe('signedOut');
    expect(states).toContain('signedOut');
  });

  test('a network error on refresh keeps the stored token', async () => {
    const store = new MemoryTokenStore();
    await store.setRefreshToken('keep-me');
    const session = new Session({
      baseUrl: BASE,
      tokenStore: store,
      fetch: async () => {
        throw new TypeError('Network request failed');
      },
    });
    await expect(session.restore()).resolves.toBe(false);
    expect(await store.getRefreshToken()).toBe('keep-me');
  });

  test('logout calls the server with the bearer token, then wipes', async () => {
    const store = new MemoryTokenStore();
    const { fn, calls } = fakeFetch((req) =>
      req.url.endsWith('/login') ? json(200, tokens(1)) : new Response(null, { status: 204 }),
    );
    const session = new Session({ baseUrl: BASE, tokenStore: store, fetch: fn });
    await session.login('a@b.c', 'pw');
    await session.logout();
    expect(calls[1]).toMatchObject({ method: 'POST', path: '/api/v1/auth/logout', auth: 'Bearer access-1' });
    expect(await store.getRefreshToken()).toBeNull();
    expect(session.state).toBe('signedOut');
  });

  test('logout wipes the store even when the call fails', async () => {
    for (const failure of ['network', '500']) {
      const store = new MemoryTokenStore();
      const session = new Session({
        baseUrl: BASE,
        tokenStore: store,
        fetch: async (req) => {
          if (req.url.endsWith('/login')) return json(200, tokens(1));
          if (failure === 'network') throw new TypeError('offline');
          return problem(500, 'server_error');
        },
      });
      await session.login('a@b.c', 'pw');
      await session.logout();
      expect(await store.getRefreshToken()).toBeNull();
      expect(session.state).toBe('signedOut');
    }
  });
});

test('extra headers (the app\'s User-Agent) go with auth and API calls', async () => {
  const { fn, calls } = fakeFetch((req) => (req.url.endsWith('/login') ? json(200, tokens(1)) : json(200, [])));
  const session = new Session({ baseUrl: BASE, tokenStore: new MemoryTokenStore(), fetch: fn, headers: { 'User-Agent': 'SunDispatch Pro/0.1.0 (Android 35)' } });
  await session.login('a@b.c', 'pw');
  await createApi(session).offers();
  expect(calls.map((c) => c.headers.get('User-Agent'))).toEqual(['SunDispatch Pro/0.1.0 (Android 35)', 'SunDispatch Pro/0.1.0 (Android 35)']);
});

describe('problem+json parsing', () => {
  test('reads code, field names and Retry-After, never the detail', async () => {
    const response = new Response(
      JSON.stringify({ status: 429, code: 'rate_limited', detail: 'x', errors: [{ field: 'email', message: 'bad' }] }),
      { status: 429, headers: { 'Content-Type': 'application/problem+json', 'Retry-After': '30' } },
    );
    const error = await parseProblem(response);
    expect(error).toMatchObject({ status: 429, code: 'rate_limited', fields: [{ field: 'email' }], retryAfterSeconds: 30 });
  });

  test('falls back to a code by status for non-JSON or odd bodies', async () => {
    expect((await parseProblem(new Response('<html>', { status: 502, headers: { 'Content-Type': 'text/html' } }))).code).toBe('server_error');
    expect((await parseProblem(json(404, { code: 'Not A Code!' }))).code).toBe('not_found');
    expect((await parseProblem(json(400, 'just a string'))).code).toBe('unknown_error');
  });

  test('typed client errors carry the problem code', async () => {
    const { fn } = fakeFetch((req) => (req.url.endsWith('/login') ? json(200, tokens(1)) : problem(409, 'offer_taken')));
    const session = new Session({ baseUrl: BASE, tokenStore: new MemoryTokenStore(), fetch: fn });
    await session.login('a@b.c', 'pw');
    await expect(createApi(session).acceptOffer('o1')).rejects.toMatchObject({ status: 409, code: 'offer_taken' });
  });

  test('push token registration tolerates a server without the endpoint', async () => {
    const { fn } = fakeFetch((req) => (req.url.endsWith('/login') ? json(200, tokens(1)) : problem(404, 'not_found')));
    const session = new Session({ baseUrl: BASE, tokenStore: new MemoryTokenStore(), fetch: fn });
    await session.login('a@b.c', 'pw');
    await expect(createApi(session).registerPushToken('ExponentPushToken[x]', 'android')).resolves.toBe(false);
  });
});

describe('Session with a passkey', () => {
  const requestOptions = (allow: string[] = []): PasskeyRequestOptions => ({
    rpId: 'example.test',
    challenge: 'Y2hhbGxlbmdl',
    timeout: 300000,
    userVerification: 'required',
    allowCredentials: allow.map((id) => ({ type: 'public-key', id, transports: ['internal'] })),
  });
  const assertion: PasskeyAssertion = {
    id: 'cred-1',
    rawId: 'cred-1',
    type: 'public-key',
    response: { clientDataJSON: 'cdj', authenticatorData: 'ad', signature: 'sig', userHandle: 'uh' },
    clientExtensionResults: {},
  };
  /** a fake authenticator: answers the assertion, or fails as told */
  function fakeAuthenticator(outcome: 'ok' | PasskeyError | Error = 'ok') {
    const get = jest.fn(async (_options: PasskeyRequestOptions) => {
      if (outcome !== 'ok') throw outcome;
      return assertion;
    });
    const authenticator: PasskeyAuthenticator = { isSupported: () => true, get };
    return { authenticator, get };
  }

  test('options → dialog → login; the refresh token is stored before the access token is used', async () => {
    const store = new MemoryTokenStore();
    const order: string[] = [];
    const originalSet = store.setRefreshToken.bind(store);
    store.setRefreshToken = async (t) => {
      order.push(`store ${t}`);
      await originalSet(t);
    };
    const { fn, calls } = fakeFetch((req) => {
      const path = new URL(req.url).pathname;
      if (path === '/api/v1/auth/passkey/options') return json(200, { challengeId: 'ch-1', publicKey: requestOptions() });
      if (path === '/api/v1/auth/passkey/login') return json(200, tokens(3));
      order.push(`call ${req.headers.get('Authorization')}`);
      return json(200, { id: 'u', email: 'a@b.c', fullName: 'A' });
    });
    const session = new Session({ baseUrl: BASE, tokenStore: store, fetch: fn });
    const { authenticator, get } = fakeAuthenticator();
    await expect(session.loginWithPasskey(authenticator)).resolves.toEqual({ kind: 'signedIn' });
    expect(get).toHaveBeenCalledWith(requestOptions());
    expect(calls[0]).toMatchObject({ method: 'POST', path: '/api/v1/auth/passkey/options', body: undefined });
    expect(calls[1]).toMatchObject({ path: '/api/v1/auth/passkey/login', body: { challengeId: 'ch-1', credential: assertion } });
    expect(calls[1].headers.get('X-Requested-With')).toBeNull();
    expect(session.state).toBe('signedIn');
    await createApi(session).me();
    expect(order).toEqual(['store refresh-3', 'call Bearer access-3']);
  });

  test('a dismissed dialog is a quiet cancel: no login call, nothing stored', async () => {
    const store = new MemoryTokenStore();
    const { fn, calls } = fakeFetch(() => json(200, { challengeId: 'ch-1', publicKey: requestOptions() }));
    const session = new Session({ baseUrl: BASE, tokenStore: store, fetch: fn });
    await expect(session.loginWithPasskey(fakeAuthenticator(new PasskeyError('cancelled')).authenticator)).resolves.toEqual({ kind: 'cancelled' });
    expect(calls.map((c) => c.path)).toEqual(['/api/v1/auth/passkey/options']);
    expect(await store.getRefreshToken()).toBeNull();
    expect(session.state).toBe('signedOut');
  });

  test('other authenticator failures become client-side codes, never the platform message', async () => {
    const { fn } = fakeFetch(() => json(200, { challengeId: 'ch-1', publicKey: requestOptions() }));
    const session = new Session({ baseUrl: BASE, tokenStore: new MemoryTokenStore(), fetch: fn });
    await expect(session.loginWithPasskey(fakeAuthenticator(new PasskeyError('noCredentials')).authenticator)).rejects.toMatchObject({ code: 'passkey_no_credentials' });
    await expect(session.loginWithPasskey(fakeAuthenticator(new PasskeyError('notSupported')).authenticator)).rejects.toMatchObject({ code: 'passkey_not_supported' });
    const error = await session.loginWithPasskey(fakeAuthenticator(new Error('native secret text')).authenticator).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: 'passkey_failed' });
    expect(String((error as Error).message)).not.toContain('native secret text');
  });

  test('a passkey the server does not know is a typed 401 passkey_unknown; nothing stored', async () => {
    const store = new MemoryTokenStore();
    const { fn } = fakeFetch((req) =>
      req.url.endsWith('/options') ? json(200, { challengeId: 'ch-1', publicKey: requestOptions() }) : problem(401, 'passkey_unknown'),
    );
    const session = new Session({ baseUrl: BASE, tokenStore: store, fetch: fn });
    const error = await session.loginWithPasskey(fakeAuthenticator().authenticator).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 401, code: 'passkey_unknown' });
    expect(await store.getRefreshToken()).toBeNull();
    expect(session.state).toBe('signedOut');
  });

  test('a failing options call does not open the dialog', async () => {
    const { fn } = fakeFetch(() => problem(429, 'rate_limited'));
    const session = new Session({ baseUrl: BASE, tokenStore: new MemoryTokenStore(), fetch: fn });
    const { authenticator, get } = fakeAuthenticator();
    await expect(session.loginWithPasskey(authenticator)).rejects.toMatchObject({ status: 429, code: 'rate_limited' });
    expect(get).not.toHaveBeenCalled();
  });

  test('MFA step: password → methods include passkey → passkey options for the mfaToken → tokens', async () => {
    const store = new MemoryTokenStore();
    const { fn, calls } = fakeFetch((req) => {
      const path = new URL(req.url).pathname;
      if (path === '/api/v1/auth/login') return json(200, { mfaRequired: true, mfaToken: 'mt', methods: ['totp', 'passkey'] });
      if (path === '/api/v1/auth/mfa/passkey/options') return json(200, { challengeId: 'ch-2', publicKey: requestOptions(['cred-1']) });
      if (path === '/api/v1/auth/mfa/passkey') return json(200, tokens(4));
      return problem(404, 'not_found');
    });
    const session = new Session({ baseUrl: BASE, tokenStore: store, fetch: fn });
    await expect(session.login('a@b.c', 'pw')).resolves.toEqual({ kind: 'mfa', mfaToken: 'mt', methods: ['totp', 'passkey'] });
    const { authenticator, get } = fakeAuthenticator();
    await expect(session.completeMfaWithPasskey('mt', authenticator)).resolves.toEqual({ kind: 'signedIn' });
    expect(get).toHaveBeenCalledWith(requestOptions(['cred-1']));
    expect(calls[1]).toMatchObject({ path: '/api/v1/auth/mfa/passkey/options', body: { mfaToken: 'mt' } });
    expect(calls[2]).toMatchObject({ path: '/api/v1/auth/mfa/passkey', body: { mfaToken: 'mt', challengeId: 'ch-2', credential: assertion } });
    expect(await store.getRefreshToken()).toBe('refresh-4');
    expect(session.state).toBe('signedIn');
  });

  test('MFA step: an expired mfaToken is invalid_token before any dialog; a cancel stays in the step', async () => {
    const { fn } = fakeFetch(() => problem(401, 'invalid_token'));
    const session = new Session({ baseUrl: BASE, tokenStore: new MemoryTokenStore(), fetch: fn });
    const { authenticator, get } = fakeAuthenticator();
    await expect(session.completeMfaWithPasskey('old', authenticator)).rejects.toMatchObject({ status: 401, code: 'invalid_token' });
    expect(get).not.toHaveBeenCalled();

    const ok = fakeFetch(() => json(200, { challengeId: 'ch-3', publicKey: requestOptions(['cred-1']) }));
    const again = new Session({ baseUrl: BASE, tokenStore: new MemoryTokenStore(), fetch: ok.fn });
    await expect(again.completeMfaWithPasskey('mt', fakeAuthenticator(new PasskeyError('cancelled')).authenticator)).resolves.toEqual({ kind: 'cancelled' });
    expect(ok.calls).toHaveLength(1);
  });

  test('a token response without a refresh token is refused (a mobile session cannot be restored without it)', async () => {
    const { fn } = fakeFetch((req) =>
      req.url.endsWith('/options') ? json(200, { challengeId: 'ch-1', publicKey: requestOptions() }) : json(200, { ...tokens(5), refreshToken: null }),
    );
    const session = new Session({ baseUrl: BASE, tokenStore: new MemoryTokenStore(), fetch: fn });
    await expect(session.loginWithPasskey(fakeAuthenticator().authenticator)).rejects.toMatchObject({ code: 'missing_refresh_token' });
    expect(session.state).toBe('signedOut');
  });
});
