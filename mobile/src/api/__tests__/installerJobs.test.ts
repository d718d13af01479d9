/**
 * @jest-environment node
 */
import createClient from 'openapi-fetch';
import { ApiError } from '../errors';
import { createInstallerJobsApi, uploadMultipart } from '../installerJobs';
import type { paths } from '../schema';

const BASE = 'https://api.example.test';
const PHOTO = { photoId: 'ph1', contentType: 'image/jpeg', bytes: 3, width: 1, height: 1, uploadedAt: '2027-01-12T10:00:00Z', url: '/x' };

/** A session whose authFetch adds the bearer token, as the real one does. */
function fakeSession(handler: (req: Request) => Response | Promise<Response>) {
  const requests: Request[] = [];
  const authFetch = jest.fn(async (input: Request) => {
    const req = new Request(input);
    req.headers.set('Authorization', 'Bearer access-1');
    requests.push(req.clone());
    return handler(req);
  });
  return { session: { baseUrl: BASE, authFetch }, requests };
}

const json = (status: number, body: unknown, type = 'application/json') =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': type } });

describe('photo upload', () => {
  test('posts multipart field "photo" with the bearer token and no hand-made Content-Type', async () => {
    const { session, requests } = fakeSession(() => json(201, PHOTO));
    const file = new Blob([new Uint8Array([0xff, 0xd8, 0xff])], { type: 'image/jpeg' });
    const photo = await uploadMultipart(session, '/api/v1/installer/jobs/j1/photos', 'photo', { uri: 'blob:x', name: 'a.jpg', type: 'image/jpeg', file });
    expect(photo).toEqual(PHOTO);
    const req = requests[0];
    expect(req.method).toBe('POST');
    expect(new URL(req.url).pathname).toBe('/api/v1/installer/jobs/j1/photos');
    expect(req.headers.get('Authorization')).toBe('Bearer access-1');
    expect(req.headers.get('Content-Type')).toMatch(/^multipart\/form-data; boundary=/);
    const form = (await req.formData()) as unknown as { get(name: string): unknown };
    const part = form.get('photo') as File;
    expect(part.name).toBe('a.jpg');
    expect(part.size).toBe(3);
  });

  test('a problem answer becomes an ApiError with its code', async () => {
    const { session } = fakeSession(() =>
      json(413, { type: 'urn:x', title: 'x', status: 413, detail: 'secret', code: 'file_too_large' }, 'application/problem+json'),
    );
    const api = createInstallerJobsApi(createClient<paths>({ baseUrl: BASE, fetch: session.authFetch }), session);
    const file = new Blob([new Uint8Array([1])], { type: 'image/png' });
    await expect(api.jobUploadPhoto('j1', { uri: 'x', name: 'a.png', type: 'image/png', file })).rejects.toMatchObject({
      status: 413,
      code: 'file_too_large',
    });
  });

  test('no answer becomes network_error', async () => {
    const session = { baseUrl: BASE, authFetch: jest.fn(() => Promise.reject(new TypeError('offline'))) };
    const file = new Blob([new Uint8Array([1])]);
    await expect(uploadMultipart(session, '/p', 'photo', { uri: 'x', name: 'a.jpg', type: 'image/jpeg', file })).rejects.toEqual(
      new ApiError(0, 'network_error'),
    );
  });
});

describe('job calls', () => {
  test('propose, accept, start, complete and availability hit the documented paths with their bodies', async () => {
    const seen: { method: string; path: string; body: unknown }[] = [];
    const { session } = fakeSession(async (req) => {
      const text = req.method === 'GET' || req.method === 'DELETE' ? '' : await req.text();
      seen.push({ method: req.method, path: new URL(req.url).pathname, body: text ? JSON.parse(text) : undefined });
      if (req.method === 'DELETE') return new Response(null, { status: 204 });
      return json(200, req.url.includes('availability') ? [] : { jobId: 'j1' });
    });
    const api = createInstallerJobsApi(createClient<paths>({ baseUrl: BASE, fetch: session.authFetch }), session);
    const slot = { start: '2027-01-12T08:00:00Z', end: '2027-01-12T12:00:00Z' };
    await api.jobPropose('j1', slot);
    await api.jobAcceptProposal('j1', 'p1');
    await api.jobStart('j1');
    await api.jobDeletePhoto('j1', 'ph1');
    const report = {
      checklist: { panelsMounted: true, inverterConnected: true, systemCommissioned: true, gridDocumentsHandedOver: true },
      serialNumbers: ['A'],
      photoIds: ['ph1'],
    };
    await api.jobComplete('j1', report);
    await api.setAvailability([slot]);
    expect(seen).toEqual([
      { method: 'POST', path: '/api/v1/installer/jobs/j1/appointment/proposals', body: slot },
      { method: 'POST', path: '/api/v1/installer/jobs/j1/appointment/proposals/p1/accept', body: undefined },
      { method: 'POST', path: '/api/v1/installer/jobs/j1/start', body: undefined },
      { method: 'DELETE', path: '/api/v1/installer/jobs/j1/photos/ph1', body: undefined },
      { method: 'POST', path: '/api/v1/installer/jobs/j1/complete', body: report },
      { method: 'PUT', path: '/api/v1/installer/availability', body: { slots: [slot] } },
    ]);
  });
});
