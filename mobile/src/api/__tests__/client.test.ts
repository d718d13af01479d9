/**
 * @jest-environment node
 */
import { ApiError, MemoryTokenStore, Session, createApi } from '..';
import { me } from '../../test/fixtures';

const BASE = 'https://api.example.test';
const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
const tokens = { accessToken: 'access-1', tokenType: 'Bearer', expiresIn: 900, refreshToken: 'refresh-1' };

async function signedIn(handler: (req: Request) => Response) {
  const calls: { method: string; path: string; auth: string | null; body: string }[] = [];
  const fetch = jest.fn(async (req: Request) => {
    const body = req.method === 'GET' ? '' : await req.text();
    calls.push({ method: req.method, path: new URL(req.url).pathname, auth: req.headers.get('Authorization'), body });
    return req.url.endsWith('/login') ? json(200, tokens) : handler(req);
  });
  const session = new Session({ baseUrl: BASE, tokenStore: new MemoryTokenStore(), fetch });
  await session.login('a@b.c', 'pw');
  return { api: createApi(session), calls };
}

test('updateProfile: PATCH /api/v1/me with only the given fields, answers the updated profile', async () => {
  const updated = { ...me, fullName: 'Anna Sonne', phone: null };
  const { api, calls } = await signedIn(() => json(200, updated));
  await expect(api.updateProfile({ fullName: 'Anna Sonne', phone: '' })).resolves.toEqual(updated);
  expect(calls[1]).toMatchObject({ method: 'PATCH', path: '/api/v1/me', auth: 'Bearer access-1' });
  expect(JSON.parse(calls[1].body)).toEqual({ fullName: 'Anna Sonne', phone: '' });
});

test('updateProfile: 400 validation_failed keeps the fields, 403 reauthentication_required its code', async () => {
  const problem = (status: number, code: string, errors?: unknown) =>
    new Response(JSON.stringify({ status, code, detail: 'server text', errors }), { status, headers: { 'Content-Type': 'application/problem+json' } });
  let n = 0;
  const { api } = await signedIn(() =>
    n++ === 0 ? problem(400, 'validation_failed', [{ field: 'phone', message: 'must be a phone number' }]) : problem(403, 'reauthentication_required'),
  );
  await expect(api.updateProfile({ phone: 'x' })).rejects.toMatchObject({ status: 400, code: 'validation_failed', fields: [{ field: 'phone' }] });
  const e = await api.updateProfile({ phone: '+49 30 7654321' }).catch((err: unknown) => err);
  expect(e).toBeInstanceOf(ApiError);
  expect(e).toMatchObject({ status: 403, code: 'reauthentication_required' });
});
