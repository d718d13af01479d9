import React from 'react';
import * as ScreenCapture from 'expo-screen-capture';
import { fireEvent, screen, waitFor } from '@testing-library/react-native';
import { ApiError } from '../../api/errors';
import { AccountScreen } from '../AccountScreen';
import { deferred, renderScreen } from '../../test/render';
import { me, sessions } from '../../test/fixtures';

describe('AccountScreen', () => {
  test('loading (sign out still reachable)', () => {
    renderScreen(<AccountScreen />, { api: { me: () => deferred<never>().promise, sessions: () => deferred<never>().promise } });
    expect(screen.getByTestId('loading')).toBeTruthy();
    expect(screen.getByTestId('sign-out')).toBeTruthy();
    expect(ScreenCapture.preventScreenCaptureAsync).toHaveBeenCalledWith('account');
  });

  test('error', async () => {
    renderScreen(<AccountScreen />, { api: { me: () => Promise.reject(new ApiError(403, 'account_locked')), sessions: () => Promise.resolve([]) } });
    expect(await screen.findByTestId('form-error')).toHaveTextContent(/^This account is locked for an hour/);
  });

  test('empty: no other devices, no device features', async () => {
    renderScreen(<AccountScreen />, { api: { me: () => Promise.resolve(me), sessions: () => Promise.resolve([sessions[0]]) } });
    expect(await screen.findByTestId('profile')).toHaveTextContent(/Anna Muster/);
    expect(screen.queryByTestId(/^revoke-/)).toBeNull();
    expect(screen.queryByTestId('lock-setting')).toBeNull();
    expect(screen.queryByTestId('push-setting')).toBeNull();
  });

  test('success: profile, sessions, sign out that device, sign out', async () => {
    const revokeSession = jest.fn(() => Promise.resolve());
    const { services } = renderScreen(<AccountScreen />, {
      api: { me: () => Promise.resolve(me), sessions: () => Promise.resolve(sessions), revokeSession },
    });
    expect(await screen.findByTestId('profile')).toHaveTextContent(/anna@example\.test/);
    expect(screen.getByTestId('session-s1')).toHaveTextContent(/This device/);
    fireEvent.press(screen.getByLabelText('Sign out that device: Firefox on Linux'));
    await waitFor(() => expect(screen.queryByTestId('session-s2') === null).toBe(true));
    expect(revokeSession).toHaveBeenCalledWith('s2');
    fireEvent.press(screen.getByTestId('sign-out'));
    await waitFor(() => expect(services.signOut).toHaveBeenCalled());
  });

  test('revoking a session that fails shows the sentence', async () => {
    renderScreen(<AccountScreen />, {
      api: { me: () => Promise.resolve(me), sessions: () => Promise.resolve(sessions), revokeSession: () => Promise.reject(new ApiError(404, 'not_found')) },
    });
    fireEvent.press(await screen.findByTestId('revoke-s2'));
    expect(await screen.findByTestId('form-error')).toHaveTextContent('This was not found. It may have been removed.');
  });

  test('language switch changes every string', async () => {
    renderScreen(<AccountScreen />, { api: { me: () => Promise.resolve(me), sessions: () => Promise.resolve(sessions) } });
    await screen.findByTestId('profile');
    fireEvent.press(screen.getByTestId('language-de'));
    expect(screen.getByRole('header', { name: 'Konto' })).toBeTruthy();
    expect(screen.getByTestId('sign-out')).toHaveTextContent('Abmelden');
  });

  test('lock and push settings appear only when the device has them', async () => {
    const setLockEnabled = jest.fn(() => Promise.resolve());
    const setPushEnabled = jest.fn(() => Promise.resolve('account.pushUnavailable' as const));
    renderScreen(<AccountScreen />, {
      api: { me: () => Promise.resolve(me), sessions: () => Promise.resolve(sessions) },
      device: { lockAvailable: true, pushAvailable: true, setLockEnabled, setPushEnabled },
    });
    await screen.findByTestId('profile');
    fireEvent(screen.getByTestId('lock-setting'), 'valueChange', true);
    expect(setLockEnabled).toHaveBeenCalledWith(true);
    fireEvent(screen.getByTestId('push-setting'), 'valueChange', true);
    expect(await screen.findByText('The server does not accept push tokens yet.')).toBeTruthy();
  });
});

test('sign out all other devices: one DELETE /api/v1/me/sessions, only this device stays', async () => {
  const revokeSession = jest.fn(() => Promise.resolve());
  const endOtherSessions = jest.fn(() => Promise.resolve());
  const three = [...sessions, { ...sessions[1], id: 's3', device: 'Tablet' }];
  renderScreen(<AccountScreen />, { api: { me: () => Promise.resolve(me), sessions: () => Promise.resolve(three), revokeSession, endOtherSessions } });
  fireEvent.press(await screen.findByTestId('revoke-others'));
  await waitFor(() => expect(screen.queryByTestId('session-s3') === null).toBe(true));
  expect(endOtherSessions).toHaveBeenCalledTimes(1);
  expect(revokeSession).not.toHaveBeenCalled();
  expect(screen.queryByTestId('session-s2')).toBeNull();
  expect(screen.getByTestId('session-s1')).toBeTruthy();
});

test('sign out all other devices that fails shows the sentence and keeps the list', async () => {
  const three = [...sessions, { ...sessions[1], id: 's3', device: 'Tablet' }];
  renderScreen(<AccountScreen />, {
    api: { me: () => Promise.resolve(me), sessions: () => Promise.resolve(three), endOtherSessions: () => Promise.reject(new ApiError(429, 'rate_limited')) },
  });
  fireEvent.press(await screen.findByTestId('revoke-others'));
  expect(await screen.findByTestId('form-error')).toHaveTextContent('Too many requests. Wait a moment and try again.');
  expect(screen.getByTestId('session-s3')).toBeTruthy();
});
