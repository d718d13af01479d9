/**
 * @jest-environment node
 */
import { MemoryTokenStore, Session, createApi } from '..';

const BASE = 'https://api.example.test';
const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });
const tokens = { accessToken: 'access-1', tokenType: 'Bearer', expiresIn: 900, refreshToken: 'refresh-1' };

async function signedIn(handler: (req: Request) => Response | Promise<Response>) {
  const calls: { method: string; path: string; auth: string | null; body: string; headers: Headers }[] = [];
  const fetch = jest.fn(async (req: Request) => {
    const body = req.method === 'GET' ? '' : await req.text();
    calls.push({ method: req.method, path: new URL(req.url).pathname, auth: req.headers.get('Authorization'), body, headers: req.headers });
    return req.url.endsWith('/login') ? json(200, tokens) : handler(req);
  });
  const session = new Session({ baseUrl: BASE, tokenStore: new MemoryTokenStore(), fetch });
  await session.login('a@b.c', 'pw');
  return { api: createApi(session), calls };
}

test('sign out all other devices is one DELETE /api/v1/me/sessions', async () => {
  const { api, calls } = await signedIn(() => new Response(null, { status: 204 }));
  await api.endOtherSessions();
  expect(calls[1]).toMatchObject({ method: 'DELETE', path: '/api/v1/me/sessions', auth: 'Bearer access-1' });
});

test('push tokens: register (typed), remove', async () => {
  const { api, calls } = await signedIn((req) => (req.method === 'POST' ? json(201, { id: 'pt1', createdAt: '2026-12-01T00:00:00Z' }) : new Response(null, { status: 204 })));
  await expect(api.addPushToken('ExponentPushToken[x]', 'android')).resolves.toEqual({ id: 'pt1', createdAt: '2026-12-01T00:00:00Z' });
  expect(JSON.parse(calls[1].body)).toEqual({ token: 'ExponentPushToken[x]', platform: 'android' });
  await api.removePushToken('pt1');
  expect(calls[2]).toMatchObject({ method: 'DELETE', path: '/api/v1/me/push-tokens/pt1' });
});

test('a report photo is fetched with the bearer token and becomes a data: URI', async () => {
  const { api, calls } = await signedIn(() => new Response(new Uint8Array([0xff, 0xd8, 0xff, 0xe0]), { status: 200, headers: { 'Content-Type': 'image/jpeg' } }));
  await expect(api.photo('j1', 'ph1')).resolves.toBe('data:image/jpeg;base64,/9j/4A==');
  expect(calls[1]).toMatchObject({ path: '/api/v1/installations/j1/photos/ph1', auth: 'Bearer access-1' });
});

test('the inbox is polled with If-None-Match; 304 → null', async () => {
  let n = 0;
  const { api, calls } = await signedIn(() =>
    n++ === 0 ? json(200, { items: [], page: 0, size: 50, totalItems: 0, unreadCount: 0 }, { ETag: 'W/"1"' }) : new Response(null, { status: 304 }),
  );
  const first = await api.inbox();
  expect(first?.etag).toBe('W/"1"');
  await expect(api.inbox(first?.etag)).resolves.toBeNull();
  expect(calls[2].headers.get('If-None-Match')).toBe('W/"1"');
});

test('installation actions carry the problem code', async () => {
  const { api } = await signedIn(() =>
    json(409, { type: 'about:blank', title: 'x', status: 409, code: 'already_reviewed' }, { 'Content-Type': 'application/problem+json' }),
  );
  await expect(api.review('j1', 5)).rejects.toMatchObject({ status: 409, code: 'already_reviewed' });
});

test('the installer’s public profile: GET /api/v1/public/installers/{id}; 404 keeps its code', async () => {
  const profile = { id: 'i1', company: 'Sun & Sons GmbH', area: { city: 'Berlin', postalCode: '10115', country: 'DE', radiusKm: 50 }, verifiedSince: '2026-11-02T10:15:00Z', rating: { average: null, count: 0 }, reviews: [] };
  const { api, calls } = await signedIn((req) =>
    req.url.endsWith('/i1') ? json(200, profile) : json(404, { type: 'about:blank', title: 'x', status: 404, code: 'not_found' }, { 'Content-Type': 'application/problem+json' }),
  );
  await expect(api.installerProfile('i1')).resolves.toEqual(profile);
  expect(calls[1]).toMatchObject({ method: 'GET', path: '/api/v1/public/installers/i1' });
  await expect(api.installerProfile('a b')).rejects.toMatchObject({ status: 404, code: 'not_found' });
  expect(calls[2].path).toBe('/api/v1/public/installers/a%20b');
});
