import React from 'react';
import { act, fireEvent, screen, waitFor } from '@testing-library/react-native';
import { ApiError } from '../../api/errors';
import { SignInScreen } from '../SignInScreen';
import { deferred, renderScreen } from '../../test/render';
import type { PasskeySignIn } from '../../core/AppContext';
import type { PasskeyResult } from '../../api/passkey';

/** Passkey sign-in as AppServices offers it, supported unless told otherwise. */
function fakePasskeys(overrides: Partial<PasskeySignIn> = {}): PasskeySignIn {
  return {
    isSupported: jest.fn(() => Promise.resolve(true)),
    signIn: jest.fn(() => Promise.resolve<PasskeyResult>({ kind: 'signedIn' })),
    completeMfa: jest.fn(() => Promise.resolve<PasskeyResult>({ kind: 'signedIn' })),
    ...overrides,
  };
}

async function passwordStep() {
  fireEvent.changeText(screen.getByTestId('email'), 'a@b.c');
  fireEvent.changeText(screen.getByTestId('password'), 'pw');
  fireEvent.press(screen.getByTestId('sign-in'));
  expect(await screen.findByRole('header', { name: 'Two-step verification' })).toBeTruthy();
}

describe('SignInScreen', () => {
  test('success: signs in with email and password', async () => {
    const login = jest.fn(() => Promise.resolve({ kind: 'signedIn' as const }));
    renderScreen(<SignInScreen />, { services: { login } });
    expect(screen.getByRole('header', { name: 'Sign in' })).toBeTruthy();
    fireEvent.changeText(screen.getByTestId('email'), ' anna@example.test ');
    fireEvent.changeText(screen.getByTestId('password'), 'pw');
    fireEvent.press(screen.getByTestId('sign-in'));
    await waitFor(() => expect(login).toHaveBeenCalledWith('anna@example.test', 'pw'));
    expect(screen.queryByTestId('form-error')).toBeNull();
  });

  test('loading: the button is busy while the request runs', async () => {
    const pending = deferred<{ kind: 'signedIn' }>();
    renderScreen(<SignInScreen />, { services: { login: () => pending.promise } });
    fireEvent.changeText(screen.getByTestId('email'), 'a@b.c');
    fireEvent.changeText(screen.getByTestId('password'), 'pw');
    fireEvent.press(screen.getByTestId('sign-in'));
    await waitFor(() => expect(screen.getByTestId('sign-in')).toBeDisabled());
    await act(async () => pending.resolve({ kind: 'signedIn' }));
    expect(screen.getByTestId('sign-in')).toBeEnabled();
  });

  test('empty: missing fields are asked for without calling the server', () => {
    const login = jest.fn();
    renderScreen(<SignInScreen />, { services: { login } });
    fireEvent.press(screen.getByTestId('sign-in'));
    expect(screen.getByTestId('form-error')).toHaveTextContent('Enter your email address and password.');
    expect(login).not.toHaveBeenCalled();
  });

  test('error: a code becomes its sentence, never the server text', async () => {
    renderScreen(<SignInScreen />, { services: { login: () => Promise.reject(new ApiError(401, 'invalid_credentials')) } });
    fireEvent.changeText(screen.getByTestId('email'), 'a@b.c');
    fireEvent.changeText(screen.getByTestId('password'), 'bad');
    fireEvent.press(screen.getByTestId('sign-in'));
    expect(await screen.findByTestId('form-error')).toHaveTextContent('The email address or password is wrong.');
    expect(screen.getByRole('alert')).toBeTruthy();
  });

  test('error in German, and an unknown code falls back to the generic sentence', async () => {
    renderScreen(<SignInScreen />, { language: 'de', services: { login: () => Promise.reject(new ApiError(418, 'teapot')) } });
    fireEvent.changeText(screen.getByTestId('email'), 'a@b.c');
    fireEvent.changeText(screen.getByTestId('password'), 'x');
    fireEvent.press(screen.getByTestId('sign-in'));
    expect(await screen.findByTestId('form-error')).toHaveTextContent('Etwas ist schiefgelaufen. Bitte versuchen Sie es erneut.');
  });

  test('MFA: the TOTP step follows, then verifies the code', async () => {
    const verifyMfa = jest.fn(() => Promise.resolve());
    renderScreen(<SignInScreen />, {
      services: { login: () => Promise.resolve({ kind: 'mfa' as const, mfaToken: 'mt', methods: ['totp'] }), verifyMfa },
    });
    fireEvent.changeText(screen.getByTestId('email'), 'a@b.c');
    fireEvent.changeText(screen.getByTestId('password'), 'pw');
    fireEvent.press(screen.getByTestId('sign-in'));
    expect(await screen.findByRole('header', { name: 'Two-step verification' })).toBeTruthy();
    fireEvent.changeText(screen.getByTestId('mfa-code'), '123 456');
    fireEvent.press(screen.getByTestId('mfa-submit'));
    await waitFor(() => expect(verifyMfa).toHaveBeenCalledWith('mt', '123456'));
  });

  test('MFA: a wrong code shows its sentence', async () => {
    renderScreen(<SignInScreen />, {
      services: {
        login: () => Promise.resolve({ kind: 'mfa' as const, mfaToken: 'mt', methods: ['totp'] }),
        verifyMfa: () => Promise.reject(new ApiError(401, 'invalid_mfa_code')),
      },
    });
    fireEvent.changeText(screen.getByTestId('email'), 'a@b.c');
    fireEvent.changeText(screen.getByTestId('password'), 'pw');
    fireEvent.press(screen.getByTestId('sign-in'));
    fireEvent.changeText(await screen.findByTestId('mfa-code'), '000000');
    fireEvent.press(screen.getByTestId('mfa-submit'));
    expect(await screen.findByTestId('form-error')).toHaveTextContent(/^That code is not valid./);
  });
});

describe('SignInScreen with passkeys', () => {
  test('the passkey button is hidden when the device cannot use passkeys, or none are wired in', async () => {
    const passkeys = fakePasskeys({ isSupported: jest.fn(() => Promise.resolve(false)) });
    renderScreen(<SignInScreen />, { services: { passkeys } });
    await waitFor(() => expect(passkeys.isSupported).toHaveBeenCalled());
    expect(screen.queryByTestId('passkey-sign-in')).toBeNull();
    screen.unmount();
    renderScreen(<SignInScreen />);
    expect(screen.queryByTestId('passkey-sign-in')).toBeNull();
  });

  test('success: signs in with a passkey alone, busy while the dialog is open', async () => {
    const pending = deferred<PasskeyResult>();
    const passkeys = fakePasskeys({ signIn: jest.fn(() => pending.promise) });
    const login = jest.fn();
    renderScreen(<SignInScreen />, { services: { passkeys, login } });
    const button = await screen.findByRole('button', { name: 'Sign in with a passkey' });
    fireEvent.press(button);
    await waitFor(() => expect(screen.getByTestId('passkey-sign-in')).toBeDisabled());
    expect(screen.getByTestId('sign-in')).toBeDisabled();
    await act(async () => pending.resolve({ kind: 'signedIn' }));
    expect(passkeys.signIn).toHaveBeenCalledTimes(1);
    expect(login).not.toHaveBeenCalled();
    expect(screen.queryByTestId('form-error')).toBeNull();
  });

  test('cancel: a dismissed dialog shows nothing and the buttons work again', async () => {
    const passkeys = fakePasskeys({ signIn: jest.fn(() => Promise.resolve<PasskeyResult>({ kind: 'cancelled' })) });
    renderScreen(<SignInScreen />, { services: { passkeys } });
    fireEvent.press(await screen.findByTestId('passkey-sign-in'));
    await waitFor(() => expect(passkeys.signIn).toHaveBeenCalled());
    await waitFor(() => expect(screen.getByTestId('passkey-sign-in')).toBeEnabled());
    expect(screen.queryByTestId('form-error')).toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  test('error: an unknown passkey becomes its sentence (en and de)', async () => {
    const passkeys = fakePasskeys({ signIn: jest.fn(() => Promise.reject(new ApiError(401, 'passkey_unknown'))) });
    renderScreen(<SignInScreen />, { services: { passkeys } });
    fireEvent.press(await screen.findByTestId('passkey-sign-in'));
    expect(await screen.findByTestId('form-error')).toHaveTextContent('This passkey is not registered for any account — sign in with your password.');
    screen.unmount();
    renderScreen(<SignInScreen />, { language: 'de', services: { passkeys } });
    fireEvent.press(await screen.findByRole('button', { name: 'Mit einem Passkey anmelden' }));
    expect(await screen.findByTestId('form-error')).toHaveTextContent('Dieser Passkey ist für kein Konto registriert – melden Sie sich mit Ihrem Passwort an.');
  });

  test('MFA: with code and passkey, "Use a passkey" completes the step with the mfaToken', async () => {
    const passkeys = fakePasskeys();
    const verifyMfa = jest.fn();
    renderScreen(<SignInScreen />, {
      services: { passkeys, verifyMfa, login: () => Promise.resolve({ kind: 'mfa' as const, mfaToken: 'mt', methods: ['totp', 'passkey'] }) },
    });
    await waitFor(() => expect(passkeys.isSupported).toHaveBeenCalled());
    await passwordStep();
    expect(screen.getByTestId('mfa-code')).toBeTruthy();
    fireEvent.press(screen.getByRole('button', { name: 'Use a passkey' }));
    await waitFor(() => expect(passkeys.completeMfa).toHaveBeenCalledWith('mt'));
    expect(verifyMfa).not.toHaveBeenCalled();
    expect(screen.queryByTestId('form-error')).toBeNull();
  });

  test('MFA: a passkey-only account gets the passkey as the action, no code field', async () => {
    const passkeys = fakePasskeys({ completeMfa: jest.fn(() => Promise.resolve<PasskeyResult>({ kind: 'cancelled' })) });
    renderScreen(<SignInScreen />, {
      services: { passkeys, login: () => Promise.resolve({ kind: 'mfa' as const, mfaToken: 'mt', methods: ['passkey'] }) },
    });
    await waitFor(() => expect(passkeys.isSupported).toHaveBeenCalled());
    await passwordStep();
    expect(screen.queryByTestId('mfa-code')).toBeNull();
    expect(screen.getByText('Confirm it is you with a passkey of this account.')).toBeTruthy();
    fireEvent.press(screen.getByTestId('mfa-passkey'));
    await waitFor(() => expect(passkeys.completeMfa).toHaveBeenCalledWith('mt'));
    // cancelled: still in the step, quietly
    await waitFor(() => expect(screen.getByTestId('mfa-passkey')).toBeEnabled());
    expect(screen.getByRole('header', { name: 'Two-step verification' })).toBeTruthy();
    expect(screen.queryByTestId('form-error')).toBeNull();
  });

  test('MFA: a passkey of another account and an expired step have their own sentences', async () => {
    const completeMfa = jest
      .fn<Promise<PasskeyResult>, [string]>()
      .mockRejectedValueOnce(new ApiError(401, 'passkey_unknown'))
      .mockRejectedValueOnce(new ApiError(401, 'invalid_token'));
    const passkeys = fakePasskeys({ completeMfa });
    renderScreen(<SignInScreen />, {
      services: { passkeys, login: () => Promise.resolve({ kind: 'mfa' as const, mfaToken: 'mt', methods: ['passkey'] }) },
    });
    await waitFor(() => expect(passkeys.isSupported).toHaveBeenCalled());
    await passwordStep();
    fireEvent.press(screen.getByTestId('mfa-passkey'));
    expect(await screen.findByTestId('form-error')).toHaveTextContent('This passkey belongs to a different account.', { exact: false });
    fireEvent.press(screen.getByTestId('mfa-passkey'));
    // the mfaToken is spent: back to the password, saying why
    expect(await screen.findByRole('header', { name: 'Sign in' })).toBeTruthy();
    expect(screen.getByTestId('form-error')).toHaveTextContent('This sign-in has expired. Please enter your email address and password again.');
  });

  test('MFA: a passkey-only account on a device without passkeys is told so', async () => {
    const passkeys = fakePasskeys({ isSupported: jest.fn(() => Promise.resolve(false)) });
    renderScreen(<SignInScreen />, {
      services: { passkeys, login: () => Promise.resolve({ kind: 'mfa' as const, mfaToken: 'mt', methods: ['passkey'] }) },
    });
    await waitFor(() => expect(passkeys.isSupported).toHaveBeenCalled());
    await passwordStep();
    expect(screen.queryByTestId('mfa-passkey')).toBeNull();
    expect(screen.queryByTestId('mfa-code')).toBeNull();
    expect(screen.getByText(/passkeys cannot be used in this app on this device/)).toBeTruthy();
  });

  test('MFA: TOTP only keeps the code step without a passkey button', async () => {
    const passkeys = fakePasskeys();
    renderScreen(<SignInScreen />, {
      services: { passkeys, login: () => Promise.resolve({ kind: 'mfa' as const, mfaToken: 'mt', methods: ['totp'] }) },
    });
    await waitFor(() => expect(passkeys.isSupported).toHaveBeenCalled());
    await passwordStep();
    expect(screen.getByTestId('mfa-code')).toBeTruthy();
    expect(screen.queryByTestId('mfa-passkey')).toBeNull();
  });
});
