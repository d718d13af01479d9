/**
 * The mobile API layer against a real server (real fetch, in-memory TokenStore). The tests run in order and
 * share the accounts the Java integration test prepared:
 * - customer: verified, with at least one paid order;
 * - installer: TOTP on, exactly one open offer;
 * - passkey: exactly one registered passkey (signed here by a software authenticator), no TOTP;
 * - review: a customer whose installation's completion report (6 serials, one photo) awaits confirmation.
 * Only one refresh-token replay per run on the customer (two within a day lock an account).
 */
import * as OTPAuth from 'otpauth';
import { ApiError, MemoryTokenStore, Session, createApi } from '../src/api';
import { env } from './env';
import { softPasskey } from './softPasskey';

function newSession() {
  const store = new MemoryTokenStore();
  const session = new Session({ baseUrl: env.apiUrl, tokenStore: store });
  return { store, session, api: createApi(session) };
}

/** POST /auth/refresh with a given refresh token, outside any Session: the status and problem code. */
async function rawRefresh(refreshToken: string): Promise<{ status: number; code: string | null }> {
  const response = await fetch(`${env.apiUrl.replace(/\/+$/, '')}/api/v1/auth/refresh`, {
    method: 'POST',
    headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
    body: JSON.stringify({ refreshToken }),
  });
  const body = (await response.json().catch(() => null)) as { code?: string } | null;
  return { status: response.status, code: body?.code ?? null };
}

const serverNow = () => Date.now() + env.clockOffsetMs;

function totp(offsetPeriods = 0): string {
  const generator = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(env.installer.totpSecret.replace(/\s+/g, '')), digits: 6, period: 30, algorithm: 'SHA1' });
  return generator.generate({ timestamp: serverNow() + offsetPeriods * 30_000 });
}

const randomHex = (n: number) => Array.from({ length: n }, () => Math.floor(Math.random() * 16).toString(16)).join('');

describe('identity', () => {
  test('registering a new account answers 202', async () => {
    const { api } = newSession();
    await expect(
      api.register({ email: `mobile-it-${randomHex(12)}@example.com`, password: `Sd-${randomHex(20)}-Pv!`, fullName: 'Mobile Integration', language: 'en' }),
    ).resolves.toBeUndefined();
  });

  test('wrong password is a typed 401 invalid_credentials', async () => {
    const { session, store } = newSession();
    const error = await session.login(env.customer.email, `${env.customer.password}-wrong`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 401, code: 'invalid_credentials' });
    expect(await store.getRefreshToken()).toBeNull();
  });
});

describe('customer', () => {
  const customer = newSession();

  test('login → tokens; /me works', async () => {
    await expect(customer.session.login(env.customer.email, env.customer.password)).resolves.toEqual({ kind: 'signedIn' });
    expect(await customer.store.getRefreshToken()).toEqual(expect.any(String));
    const me = await customer.api.me();
    expect(me.email.toLowerCase()).toBe(env.customer.email.toLowerCase());
    expect(me.role).toBe('CUSTOMER');
  });

  test('orders list is non-empty and an order with its installation loads', async () => {
    const orders = await customer.api.orders();
    expect(orders.items.length).toBeGreaterThan(0);
    const paid = orders.items.find((o) => o.status !== 'PENDING_PAYMENT' && o.status !== 'CANCELLED') ?? orders.items[0];
    const order = await customer.api.order(paid.id);
    expect(order.id).toBe(paid.id);
    expect(order.total.currency).toMatch(/^[A-Z]{3}$/);
    const installation = await customer.api.installation(paid.id);
    if (paid.status !== 'PENDING_PAYMENT') expect(installation?.jobId).toEqual(expect.any(String));
  });

  test('sessions list has the current session', async () => {
    const sessions = await customer.api.sessions();
    expect(sessions.some((s) => s.current)).toBe(true);
  });

  test('catalog loads', async () => {
    const panels = await customer.api.panels();
    expect(panels.items.length).toBeGreaterThan(0);
    expect(panels.items[0].price.amount).toMatch(/^\d+(\.\d+)?$/);
  });

  test('refresh rotation: the store holds the new token and the old one is refused', async () => {
    const old = await customer.store.getRefreshToken();
    expect(old).toEqual(expect.any(String));
    await expect(customer.session.refresh()).resolves.toBe(true);
    const rotated = await customer.store.getRefreshToken();
    expect(rotated).toEqual(expect.any(String));
    expect(rotated).not.toBe(old);
    await expect(customer.api.me()).resolves.toMatchObject({ role: 'CUSTOMER' });
    // presenting the rotated-away token is refused (and ends that session on the server: reuse detection)
    expect(await rawRefresh(old as string)).toEqual({ status: 401, code: 'invalid_token' });
  });

  test('logout wipes the store and the old refresh token is refused', async () => {
    const second = newSession();
    await second.session.login(env.customer.email, env.customer.password);
    const token = await second.store.getRefreshToken();
    expect(token).toEqual(expect.any(String));
    await second.session.logout();
    expect(await second.store.getRefreshToken()).toBeNull();
    expect(second.session.state).toBe('signedOut');
    expect((await rawRefresh(token as string)).status).toBe(401);
  });
});

describe('installer', () => {
  const installer = newSession();

  test('login asks for the TOTP step; the code signs in', async () => {
    const result = await installer.session.login(env.installer.email, env.installer.password);
    expect(result.kind).toBe('mfa');
    if (result.kind !== 'mfa') return;
    try {
      await installer.session.verifyMfa(result.mfaToken, totp());
    } catch (e) {
      // the code of this period may have been used already (by whoever prepared the account): use the next one
      if (!(e instanceof ApiError) || e.status !== 401) throw e;
      const again = await installer.session.login(env.installer.email, env.installer.password);
      if (again.kind !== 'mfa') throw new Error('expected the TOTP step again');
      const wait = 30_000 - (serverNow() % 30_000) + 1_000;
      await new Promise((r) => setTimeout(r, wait));
      await installer.session.verifyMfa(again.mfaToken, totp());
    }
    expect(installer.session.state).toBe('signedIn');
    expect((await installer.api.me()).role).toBe('INSTALLER');
  });

  let acceptedJobId = '';

  test('offers list has one offer (area only); accepting it answers the job', async () => {
    const offers = await installer.api.offers();
    expect(offers).toHaveLength(1);
    const [offer] = offers;
    expect(offer.city).toEqual(expect.any(String));
    expect(offer.postalCode).toEqual(expect.any(String));
    expect(new Date(offer.expiresAt).getTime()).toBeGreaterThan(serverNow());
    expect(offer).not.toHaveProperty('address');
    const job = await installer.api.acceptOffer(offer.offerId);
    expect(job.jobId).toBe(offer.jobId);
    acceptedJobId = job.jobId;
  });

  test('jobs list shows the accepted job with its exact address and map links', async () => {
    const jobs = await installer.api.jobs();
    const job = jobs.items.find((j) => j.jobId === acceptedJobId);
    expect(job).toBeDefined();
    expect(job?.address.addressLine).toEqual(expect.any(String));
    expect(job?.address.addressLine.length).toBeGreaterThan(0);
    expect(job?.mapLinks.geo).toMatch(/^geo:/);
    expect(job?.mapLinks.web).toMatch(/^https:\/\//);
  });

  test('the offer is no longer open', async () => {
    expect(await installer.api.offers()).toHaveLength(0);
  });

  test('logout', async () => {
    await installer.session.logout();
    expect(await installer.store.getRefreshToken()).toBeNull();
  });
});

describe('passkey', () => {
  // one authenticator for both cases: its signature counter must rise from one sign-in to the next
  const authenticator = softPasskey(env.passkey);

  test('a passkey alone signs in: /me is its account, with passkey among the MFA methods', async () => {
    const { session, store, api } = newSession();
    await expect(session.loginWithPasskey(authenticator)).resolves.toEqual({ kind: 'signedIn' });
    expect(await store.getRefreshToken()).toEqual(expect.any(String));
    const me = await api.me();
    expect(me.email.toLowerCase()).toBe(env.passkey.email.toLowerCase());
    expect(me.mfaMethods).toContain('passkey');
    await session.logout();
    expect(await store.getRefreshToken()).toBeNull();
  });

  test('the password asks for the passkey as second factor; the passkey completes the sign-in', async () => {
    const { session, store, api } = newSession();
    const result = await session.login(env.passkey.email, env.passkey.password);
    expect(result).toMatchObject({ kind: 'mfa', methods: expect.arrayContaining(['passkey']) });
    if (result.kind !== 'mfa') return;
    expect(await store.getRefreshToken()).toBeNull();
    await expect(session.completeMfaWithPasskey(result.mfaToken, authenticator)).resolves.toEqual({ kind: 'signedIn' });
    expect(await store.getRefreshToken()).toEqual(expect.any(String));
    expect((await api.me()).email.toLowerCase()).toBe(env.passkey.email.toLowerCase());
    await session.logout();
  });
});

describe('homeowner confirms the installation and reviews the installer', () => {
  const homeowner = newSession();
  let jobId = '';

  test('the completion report awaits confirmation and its photo loads with the token', async () => {
    await expect(homeowner.session.login(env.review.email, env.review.password)).resolves.toEqual({ kind: 'signedIn' });
    const installation = await homeowner.api.installation(env.review.orderId);
    expect(installation?.status).toBe('AWAITING_CONFIRMATION');
    expect(installation?.report?.serialNumbers).toHaveLength(6);
    jobId = installation?.jobId ?? '';
    const photo = installation?.report?.photos[0];
    expect(photo?.photoId).toEqual(expect.any(String));
    await expect(homeowner.api.photo(jobId, photo?.photoId ?? '')).resolves.toMatch(/^data:image\/(png|jpeg);base64,/);
  });

  test('confirming completes the installation', async () => {
    const confirmed = await homeowner.api.confirmInstallation(jobId);
    expect(confirmed.status).toBe('COMPLETED');
    // a second confirmation is refused with a typed problem, not a crash
    const again = await homeowner.api.confirmInstallation(jobId).catch((e: unknown) => e);
    expect(again).toBeInstanceOf(ApiError);
    expect((again as ApiError).status).toBe(409);
  });

  test("the review appears on the installer's public profile", async () => {
    const review = await homeowner.api.review(jobId, 5, 'Tidy work, and everything explained.');
    expect(review).toMatchObject({ jobId, rating: 5 });
    const profile = await homeowner.api.installerProfile(env.review.installerId);
    expect(profile.reviews[0]).toMatchObject({ rating: 5, comment: 'Tidy work, and everything explained.' });
    await homeowner.session.logout();
  });
});
