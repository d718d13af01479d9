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

describe('edit profile', () => {
  const base = { me: () => Promise.resolve(me), sessions: () => Promise.resolve(sessions) };
  const openForm = async () => fireEvent.press(await screen.findByTestId('edit-profile'));

  test('opens prefilled with name, phone and language', async () => {
    renderScreen(<AccountScreen />, { api: { ...base, me: () => Promise.resolve({ ...me, phone: '+49 30 1234567', language: 'de' }) } });
    await openForm();
    expect(screen.getByLabelText('Full name').props.value).toBe('Anna Muster');
    expect(screen.getByLabelText('Phone (optional)').props.value).toBe('+49 30 1234567');
    expect(screen.getByTestId('profile-language-de')).toBeChecked();
    expect(screen.getByTestId('profile-language-en')).not.toBeChecked();
  });

  test('saving a new name sends only that field, shows the notice and the new profile', async () => {
    const updateProfile = jest.fn(() => Promise.resolve({ ...me, fullName: 'Anna Sonne' }));
    renderScreen(<AccountScreen />, { api: { ...base, updateProfile } });
    await openForm();
    fireEvent.changeText(screen.getByLabelText('Full name'), '  Anna Sonne ');
    fireEvent.press(screen.getByTestId('profile-save'));
    expect(await screen.findByTestId('profile-notice')).toHaveTextContent('Profile saved.');
    expect(updateProfile).toHaveBeenCalledTimes(1);
    expect(updateProfile).toHaveBeenCalledWith({ fullName: 'Anna Sonne' });
    expect(screen.getByTestId('profile')).toHaveTextContent(/Anna Sonne/);
    expect(screen.queryByTestId('profile-form')).toBeNull();
    expect(screen.getByTestId('edit-profile')).toBeTruthy();
  });

  test('an emptied phone clears it with "" and a new language switches the app', async () => {
    const updateProfile = jest.fn(() => Promise.resolve({ ...me, phone: null, language: 'de' }));
    renderScreen(<AccountScreen />, { api: { ...base, me: () => Promise.resolve({ ...me, phone: '+49 30 1234567' }), updateProfile } });
    await openForm();
    fireEvent.changeText(screen.getByLabelText('Phone (optional)'), ' ');
    fireEvent.press(screen.getByTestId('profile-language-de'));
    fireEvent.press(screen.getByTestId('profile-save'));
    expect(await screen.findByTestId('profile-notice')).toHaveTextContent('Profil gespeichert.');
    expect(updateProfile).toHaveBeenCalledWith({ phone: '', language: 'de' });
    expect(screen.getByRole('header', { name: 'Konto' })).toBeTruthy();
    expect(screen.getByTestId('profile-phone-value')).toHaveTextContent('Telefon: Keine Telefonnummer');
  });

  test('validation_failed shows the field sentence, not the server text, and keeps the form', async () => {
    const updateProfile = jest.fn(() => Promise.reject(new ApiError(400, 'validation_failed', [{ field: 'phone' }])));
    renderScreen(<AccountScreen />, { api: { ...base, updateProfile } });
    await openForm();
    fireEvent.changeText(screen.getByLabelText('Phone (optional)'), 'call me maybe');
    fireEvent.press(screen.getByTestId('profile-save'));
    expect(await screen.findByTestId('profile-phone-error')).toHaveTextContent('Enter a phone number such as +49 30 1234567, or leave it empty.');
    expect(updateProfile).toHaveBeenCalledWith({ phone: 'call me maybe' });
    expect(screen.getByTestId('profile-form')).toBeTruthy();
    expect(screen.queryByTestId('profile-notice')).toBeNull();
  });

  test('an empty name is caught before sending', async () => {
    const updateProfile = jest.fn();
    renderScreen(<AccountScreen />, { api: { ...base, updateProfile } });
    await openForm();
    fireEvent.changeText(screen.getByLabelText('Full name'), '   ');
    fireEvent.press(screen.getByTestId('profile-save'));
    expect(await screen.findByTestId('profile-fullName-error')).toHaveTextContent('Enter your full name.');
    expect(updateProfile).not.toHaveBeenCalled();
  });

  test('a new phone needs the password: step-up, then the same change once more', async () => {
    const saved = { ...me, phone: '+49 30 7654321' };
    const updateProfile = jest
      .fn()
      .mockRejectedValueOnce(new ApiError(403, 'reauthentication_required'))
      .mockResolvedValueOnce(saved);
    const reauthenticate = jest.fn(() => Promise.resolve());
    renderScreen(<AccountScreen />, { api: { ...base, updateProfile, reauthenticate } });
    await openForm();
    fireEvent.changeText(screen.getByLabelText('Phone (optional)'), '+49 30 7654321');
    fireEvent.press(screen.getByTestId('profile-save'));
    expect(await screen.findByTestId('profile-step-up')).toHaveTextContent(/^A new phone number needs your confirmation: enter your password\./);
    const password = screen.getByLabelText('Password');
    expect(password).toHaveProp('secureTextEntry', true);
    fireEvent.changeText(password, 'correct horse');
    fireEvent.press(screen.getByTestId('profile-confirm'));
    expect(await screen.findByTestId('profile-notice')).toHaveTextContent('Profile saved.');
    expect(reauthenticate).toHaveBeenCalledWith('correct horse');
    expect(updateProfile).toHaveBeenCalledTimes(2);
    expect(updateProfile).toHaveBeenNthCalledWith(1, { phone: '+49 30 7654321' });
    expect(updateProfile).toHaveBeenNthCalledWith(2, { phone: '+49 30 7654321' });
    expect(screen.getByTestId('profile-phone-value')).toHaveTextContent('Phone: +49 30 7654321');
  });

  test('a wrong password shows the sentence, keeps the prompt and does not retry', async () => {
    const updateProfile = jest.fn(() => Promise.reject(new ApiError(403, 'reauthentication_required')));
    const reauthenticate = jest.fn(() => Promise.reject(new ApiError(400, 'wrong_password')));
    renderScreen(<AccountScreen />, { api: { ...base, updateProfile, reauthenticate } });
    await openForm();
    fireEvent.changeText(screen.getByLabelText('Phone (optional)'), '+49 30 7654321');
    fireEvent.press(screen.getByTestId('profile-save'));
    fireEvent.changeText(await screen.findByLabelText('Password'), 'guess');
    fireEvent.press(screen.getByTestId('profile-confirm'));
    expect(await screen.findByTestId('profile-error')).toHaveTextContent('The password is wrong. Try again.');
    expect(reauthenticate).toHaveBeenCalledWith('guess');
    expect(updateProfile).toHaveBeenCalledTimes(1);
    expect(screen.getByTestId('profile-step-up')).toBeTruthy();
  });

  test('a second 403 after the step-up is a sentence, not another prompt', async () => {
    const updateProfile = jest.fn(() => Promise.reject(new ApiError(403, 'reauthentication_required')));
    const reauthenticate = jest.fn(() => Promise.resolve());
    renderScreen(<AccountScreen />, { api: { ...base, updateProfile, reauthenticate } });
    await openForm();
    fireEvent.changeText(screen.getByLabelText('Phone (optional)'), '+49 30 7654321');
    fireEvent.press(screen.getByTestId('profile-save'));
    fireEvent.changeText(await screen.findByLabelText('Password'), 'correct horse');
    fireEvent.press(screen.getByTestId('profile-confirm'));
    expect(await screen.findByTestId('profile-error')).toHaveTextContent('Please confirm your password again.');
    expect(updateProfile).toHaveBeenCalledTimes(2);
    expect(screen.queryByTestId('profile-step-up')).toBeNull();
  });

  test('cancel restores the view and forgets the typing', async () => {
    const updateProfile = jest.fn();
    renderScreen(<AccountScreen />, { api: { ...base, updateProfile } });
    await openForm();
    fireEvent.changeText(screen.getByLabelText('Full name'), 'Somebody Else');
    fireEvent.press(screen.getByTestId('profile-cancel'));
    expect(screen.queryByTestId('profile-form')).toBeNull();
    expect(screen.getByTestId('profile')).toHaveTextContent(/Anna Muster/);
    expect(updateProfile).not.toHaveBeenCalled();
    fireEvent.press(screen.getByTestId('edit-profile'));
    expect(screen.getByLabelText('Full name').props.value).toBe('Anna Muster');
  });
});
