// Prepares the accounts `npm run test:api` expects on a DEVELOPMENT server (dev profile, mails in an outbox folder,
// a bootstrap admin): a verified customer with a paid order, and an approved installer with TOTP on who has
// exactly one open offer (for that order). Prints the environment variables to export.
//
//   SUNDISPATCH_API_URL=http://127.0.0.1:8081 SD_ADMIN_EMAIL=… SD_ADMIN_PASSWORD=… SD_OUTBOX=/path/to/data/outbox \
//     node scripts/prepare-dev-accounts.mjs
//
// The server's Java integration test (MobileApiClientIT) does the same with its own fixtures; this is for a
// developer who wants to run the suite by hand. Dev-only: it reads verification links from the outbox folder.
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import * as OTPAuth from 'otpauth';

const base = (process.env.SUNDISPATCH_API_URL || 'http://127.0.0.1:8080').replace(/\/+$/, '');
const outbox = process.env.SD_OUTBOX || path.resolve('..', 'data', 'outbox');
const admin = { email: process.env.SD_ADMIN_EMAIL, password: process.env.SD_ADMIN_PASSWORD };
if (!admin.email || !admin.password) throw new Error('SD_ADMIN_EMAIL and SD_ADMIN_PASSWORD are required');

async function call(method, p, body, token) {
  const headers = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (token) headers.Authorization = `Bearer ${token}`;
  const r = await fetch(base + p, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await r.text();
  const json = text ? JSON.parse(text) : null;
  if (!r.ok) throw new Error(`${method} ${p} → ${r.status} ${json?.code ?? ''}`);
  return json;
}
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const password = () => `Pv-${crypto.randomBytes(10).toString('hex')}-Qz!`;

async function verificationToken(email, since) {
  for (let i = 0; i < 40; i++) {
    for (const f of fs.existsSync(outbox) ? fs.readdirSync(outbox) : []) {
      const file = path.join(outbox, f);
      if (!f.endsWith('.eml') || fs.statSync(file).mtimeMs < since) continue;
      const mail = fs.readFileSync(file, 'utf8');
      if (!mail.includes(email)) continue;
      const m = mail.match(/verify-email#token=([A-Za-z0-9_-]+)/);
      if (m) return m[1];
    }
    await sleep(500);
  }
  throw new Error(`no verification mail for ${email} in ${outbox}`);
}

async function verifiedAccount(fullName) {
  const email = `dev-${crypto.randomBytes(6).toString('hex')}@example.com`;
  const pw = password();
  const since = Date.now() - 1000;
  await call('POST', '/api/v1/auth/register', { email, password: pw, fullName });
  await call('POST', '/api/v1/auth/verify-email', { token: await verificationToken(email, since) });
  return { email, password: pw };
}
const login = async (a) => (await call('POST', '/api/v1/auth/login', { email: a.email, password: a.password })).accessToken;

const home = { lat: 52.53, lon: 13.38, addressLine: 'Invalidenstraße 10', postalCode: '10115', city: 'Berlin', country: 'DE' };
const windowStart = new Date(Date.now() + 10 * 86400_000);
windowStart.setUTCHours(8, 0, 0, 0);

/** The admin signs in with TOTP; at first use MFA is turned on (admin actions require it) and the secret kept. */
async function adminSession() {
  const secretFile = process.env.SD_ADMIN_TOTP_FILE || path.join(outbox, '..', 'admin-totp-secret.txt');
  const first = await call('POST', '/api/v1/auth/login', { email: admin.email, password: admin.password });
  if (first.mfaRequired) {
    const totp = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(fs.readFileSync(secretFile, 'utf8').trim()), digits: 6, period: 30 });
    try {
      return (await call('POST', '/api/v1/auth/mfa/verify', { mfaToken: first.mfaToken, code: totp.generate() })).accessToken;
    } catch {
      // this period's code was spent by an earlier run: sign in again with the next period's code
      await sleep(30_000 - (Date.now() % 30_000) + 1000);
      const again = await call('POST', '/api/v1/auth/login', { email: admin.email, password: admin.password });
      return (await call('POST', '/api/v1/auth/mfa/verify', { mfaToken: again.mfaToken, code: totp.generate() })).accessToken;
    }
  }
  await call('POST', '/api/v1/me/reauthenticate', { password: admin.password }, first.accessToken);
  const setup = await call('POST', '/api/v1/me/mfa/totp/setup', undefined, first.accessToken);
  const totp = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(setup.secret), digits: 6, period: 30 });
  await call('POST', '/api/v1/me/mfa/totp/enable', { code: totp.generate() }, first.accessToken);
  fs.writeFileSync(secretFile, setup.secret, { mode: 0o600 });
  return (await call('POST', '/api/v1/auth/refresh', { refreshToken: first.refreshToken })).accessToken;
}
const adminToken = await adminSession();

// installer: apply, approve, availability, TOTP
const installer = await verifiedAccount('Ines Installateur');
let t = await login(installer);
const application = await call('POST', '/api/v1/installers/applications', {
  companyName: 'Dev Solar GmbH',
  licenseNumber: `LIC-${crypto.randomInt(100000, 999999)}`,
  baseAddress: { addressLine: home.addressLine, postalCode: home.postalCode, city: home.city, country: home.country },
  serviceRadiusKm: 50,
  phone: '+49 30 5550100',
}, t);
await call('POST', `/api/v1/admin/installers/applications/${application.id}/approve`, {}, adminToken);
t = await login(installer);
await call('PUT', '/api/v1/installer/availability', {
  slots: [{ start: new Date(windowStart.getTime() - 86400_000).toISOString(), end: new Date(windowStart.getTime() + 3 * 86400_000).toISOString() }],
}, t);
await call('POST', '/api/v1/me/reauthenticate', { password: installer.password }, t);
const { secret } = await call('POST', '/api/v1/me/mfa/totp/setup', undefined, t);
const totp = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret), digits: 6, period: 30 });
await call('POST', '/api/v1/me/mfa/totp/enable', { code: totp.generate({ timestamp: Date.now() - 30_000 }) }, t);

// customer: a paid order near the installer
const customer = await verifiedAccount('Carla Kundin');
const c = await login(customer);
const panels = await call('GET', '/api/v1/catalog/panels?size=1');
const order = await call('POST', '/api/v1/orders', {
  items: [{ panelId: panels.items[0].id, quantity: 6 }],
  installation: {
    addressLine: home.addressLine, city: home.city, postalCode: home.postalCode, country: home.country,
    latitude: home.lat, longitude: home.lon,
    preferredStart: windowStart.toISOString(), preferredEnd: new Date(windowStart.getTime() + 8 * 3600_000).toISOString(),
  },
}, c);
const payment = await call('POST', `/api/v1/orders/${order.id}/payments`, undefined, c);
await call('POST', `/api/v1/payments/sandbox/${payment.paymentId}/confirm`, {}, c);

// wait for the offer (the installer's MFA is on now: use the token from before)
let offers = [];
for (let i = 0; i < 30 && offers.length === 0; i++) {
  offers = await call('GET', '/api/v1/installer/offers', undefined, t);
  if (offers.length === 0) await sleep(1000);
}
if (offers.length !== 1) throw new Error(`expected one open offer, found ${offers.length}`);

process.stdout.write(
  [
    `export SUNDISPATCH_API_URL='${base}'`,
    `export SD_CUSTOMER_EMAIL='${customer.email}'`,
    `export SD_CUSTOMER_PASSWORD='${customer.password}'`,
    `export SD_INSTALLER_EMAIL='${installer.email}'`,
    `export SD_INSTALLER_PASSWORD='${installer.password}'`,
    `export SD_INSTALLER_TOTP_SECRET='${secret}'`,
    '',
  ].join('\n'),
);
