import React from 'react';
import { act, fireEvent, screen, waitFor } from '@testing-library/react-native';
import { ApiError } from '../../api/errors';
import { SignInScreen } from '../SignInScreen';
import { deferred, renderScreen } from '../../test/render';

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
