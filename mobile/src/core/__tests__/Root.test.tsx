import React from 'react';
import { fireEvent, render, screen, waitFor } from '@testing-library/react-native';
import { MemoryTokenStore } from '../../api';

// The app shell with the API layer replaced at the module boundary: a real Session over a fake fetch, a fake Api.
const mockStore = new MemoryTokenStore();
const mockFetch = jest.fn(async (req: Request) => {
  const path = new URL(req.url).pathname;
  if (path === '/api/v1/auth/login') {
    return new Response(JSON.stringify({ accessToken: 'a1', tokenType: 'Bearer', expiresIn: 900, refreshToken: 'r1' }), {
      status: 200,
      headers: { 'Content-Type': 'application/json' },
    });
  }
  return new Response(null, { status: 204 });
});
let mockVariant = 'homeowner';

jest.mock('../services', () => ({
  createCore: () => {
    /* eslint-disable @typescript-eslint/no-require-imports */
    const { Session } = require('../../api/session') as typeof import('../../api/session');
    const { fakeApi } = require('../../test/render') as typeof import('../../test/render');
    const { me, order, page, panel, sessions } = require('../../test/fixtures') as typeof import('../../test/fixtures');
    /* eslint-enable @typescript-eslint/no-require-imports */
    const session = new Session({ baseUrl: 'https://api.example.test', tokenStore: mockStore, fetch: mockFetch });
    return {
      session,
      api: fakeApi({
        orders: () => Promise.resolve(page([order()])),
        panels: () => Promise.resolve(page([panel()])),
        offers: () => Promise.resolve([]),
        jobs: () => Promise.resolve(page([])),
        me: () => Promise.resolve(me),
        sessions: () => Promise.resolve(sessions),
      }),
    };
  },
}));
jest.mock('../variant', () => ({ currentVariant: () => mockVariant }));
jest.mock('expo-local-authentication', () => ({
  hasHardwareAsync: jest.fn(() => Promise.resolve(false)),
  isEnrolledAsync: jest.fn(() => Promise.resolve(false)),
  authenticateAsync: jest.fn(() => Promise.resolve({ success: true })),
}));
jest.mock('expo-secure-store', () => {
  const values = new Map<string, string>();
  return {
    AFTER_FIRST_UNLOCK_THIS_DEVICE_ONLY: 0,
    getItemAsync: jest.fn((k: string) => Promise.resolve(values.get(k) ?? null)),
    setItemAsync: jest.fn((k: string, v: string) => Promise.resolve(void values.set(k, v))),
    deleteItemAsync: jest.fn((k: string) => Promise.resolve(void values.delete(k))),
  };
});

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { Root } = require('../Root') as typeof import('../Root');

async function signIn() {
  fireEvent.changeText(await screen.findByTestId('email'), 'anna@example.test');
  fireEvent.changeText(screen.getByTestId('password'), 'pw');
  fireEvent.press(screen.getByTestId('sign-in'));
}

describe('Root', () => {
  beforeEach(async () => {
    await mockStore.clear();
  });

  test('homeowner: cold start without a stored token shows sign-in; signing in shows the tabs; sign out wipes', async () => {
    mockVariant = 'homeowner';
    render(<Root />);
    await signIn();
    expect(await screen.findByTestId('order-ord1', {}, { timeout: 5000 })).toBeTruthy();
    expect(screen.getByTestId('nav-orders')).toBeTruthy();
    expect(screen.getByTestId('nav-account')).toBeTruthy();
    expect(await mockStore.getRefreshToken()).toBe('r1');
    fireEvent.press(screen.getByTestId('nav-catalog'));
    expect(await screen.findByTestId('panel-p1')).toBeTruthy();
    fireEvent.press(screen.getByTestId('nav-account'));
    fireEvent.press(await screen.findByTestId('sign-out'));
    expect(await screen.findByTestId('email')).toBeTruthy();
    expect(await mockStore.getRefreshToken()).toBeNull();
    expect(mockFetch.mock.calls.map(([r]) => new URL(r.url).pathname)).toContain('/api/v1/auth/logout');
  });

  test('installer: the offers, jobs and account tabs', async () => {
    mockVariant = 'installer';
    render(<Root />);
    await signIn();
    expect(await screen.findByText('No open offers right now. New offers appear here.', {}, { timeout: 5000 })).toBeTruthy();
    expect(screen.getByTestId('nav-offers')).toBeTruthy();
    fireEvent.press(screen.getByTestId('nav-jobs'));
    expect(await screen.findByText('No jobs yet. Accepted offers become jobs here.')).toBeTruthy();
    await waitFor(() => expect(screen.getByTestId('nav-account')).toBeTruthy());
  });
});
