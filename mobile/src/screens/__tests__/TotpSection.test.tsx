import React from 'react';
import { Linking, Share } from 'react-native';
import { fireEvent, screen, waitFor } from '@testing-library/react-native';
import { ApiError } from '../../api/errors';
import { AccountScreen } from '../AccountScreen';
import { deferred, renderScreen } from '../../test/render';
import { me, sessions } from '../../test/fixtures';

const codes = Array.from({ length: 10 }, (_, i) => `abcd-efg${i}`);
const setup = { secret: 'JBSWY3DPEHPK3PXP', otpauthUri: 'otpauth://totp/SunDispatch:anna%40example.test?secret=JBSWY3DPEHPK3PXP&issuer=SunDispatch', qrCode: 'data:image/png;base64,AAAA' };
const base = { me: () => Promise.resolve(me), sessions: () => Promise.resolve([sessions[0]]) };

describe('two-step verification on the account screen', () => {
  test('loading: the section waits for the profile', () => {
    renderScreen(<AccountScreen />, { api: { me: () => deferred<never>().promise, sessions: () => deferred<never>().promise } });
    expect(screen.queryByTestId('totp-section')).toBeNull();
  });

  test('status shown: off, with the set-up button; on, with the turn-off button', async () => {
    const { unmount } = renderScreen(<AccountScreen />, { api: base });
    expect(await screen.findByTestId('mfa-status')).toHaveTextContent('Off');
    expect(screen.getByTestId('totp-setup')).toBeTruthy();
    unmount();
    renderScreen(<AccountScreen />, { api: { ...base, me: () => Promise.resolve({ ...me, mfaEnabled: true }) } });
    expect(await screen.findByTestId('mfa-status')).toHaveTextContent('On');
    expect(screen.getByTestId('totp-disable')).toBeTruthy();
  });

  test('enable: password step-up, key and authenticator link, code, 10 recovery codes once with Share', async () => {
    const reauthenticate = jest.fn(() => Promise.resolve());
    const setupTotp = jest.fn(() => Promise.resolve(setup));
    const enableTotp = jest.fn(() => Promise.resolve(codes));
    const openURL = jest.spyOn(Linking, 'openURL').mockResolvedValue(true);
    const share = jest.spyOn(Share, 'share').mockResolvedValue({ action: 'sharedAction' });
    renderScreen(<AccountScreen />, { api: { ...base, reauthenticate, setupTotp, enableTotp } });
    fireEvent.press(await screen.findByTestId('totp-setup'));
    fireEvent.changeText(screen.getByTestId('totp-password'), 'Orbit-lantern');
    fireEvent.press(screen.getByTestId('totp-password-submit'));
    expect(await screen.findByTestId('totp-secret')).toHaveTextContent('Key: JBSWY3DPEHPK3PXP');
    expect(reauthenticate).toHaveBeenCalledWith('Orbit-lantern');
    fireEvent.press(screen.getByTestId('totp-open-app'));
    expect(openURL).toHaveBeenCalledWith(setup.otpauthUri);
    fireEvent.press(screen.getByTestId('totp-enable'));
    expect(await screen.findByTestId('totp-error')).toHaveTextContent('Enter the 6-digit code.');
    fireEvent.changeText(screen.getByTestId('totp-code'), '123456');
    fireEvent.press(screen.getByTestId('totp-enable'));
    expect(await screen.findByTestId('recovery-codes')).toHaveTextContent(/Keep these 10 codes somewhere safe/);
    expect(enableTotp).toHaveBeenCalledWith('123456');
    for (let i = 0; i < 10; i++) expect(screen.getByTestId(`recovery-code-${i}`)).toHaveTextContent(codes[i]);
    expect(screen.getByTestId('mfa-status')).toHaveTextContent('On');
    fireEvent.press(screen.getByTestId('share-recovery-codes'));
    expect(share).toHaveBeenCalledWith(expect.objectContaining({ message: codes.join('\n') }));
    fireEvent.press(screen.getByTestId('recovery-codes-done'));
    expect(screen.queryByTestId('recovery-codes')).toBeNull();
    expect(screen.getByTestId('totp-disable')).toBeTruthy();
  });

  test('wrong password: the sentence (en and de)', async () => {
    renderScreen(<AccountScreen />, { language: 'de', api: { ...base, reauthenticate: () => Promise.reject(new ApiError(400, 'wrong_password')) } });
    fireEvent.press(await screen.findByTestId('totp-setup'));
    fireEvent.changeText(screen.getByTestId('totp-password'), 'nope');
    fireEvent.press(screen.getByTestId('totp-password-submit'));
    expect(await screen.findByTestId('totp-error')).toHaveTextContent('Das Passwort ist falsch.');
  });

  test('a wrong code on enable: the sentence, no codes', async () => {
    renderScreen(<AccountScreen />, {
      api: { ...base, reauthenticate: () => Promise.resolve(), setupTotp: () => Promise.resolve(setup), enableTotp: () => Promise.reject(new ApiError(400, 'invalid_mfa_code')) },
    });
    fireEvent.press(await screen.findByTestId('totp-setup'));
    fireEvent.changeText(screen.getByTestId('totp-password'), 'pw');
    fireEvent.press(screen.getByTestId('totp-password-submit'));
    fireEvent.changeText(await screen.findByTestId('totp-code'), '000000');
    fireEvent.press(screen.getByTestId('totp-enable'));
    expect(await screen.findByTestId('totp-error')).toHaveTextContent('That code is not valid. Check the code and try again.');
    expect(screen.queryByTestId('recovery-codes')).toBeNull();
  });

  test('turn off with a code and the password', async () => {
    const disableTotp = jest.fn(() => Promise.resolve());
    renderScreen(<AccountScreen />, { api: { ...base, me: () => Promise.resolve({ ...me, mfaEnabled: true }), disableTotp } });
    fireEvent.press(await screen.findByTestId('totp-disable'));
    fireEvent.changeText(screen.getByTestId('totp-disable-code'), '654321');
    fireEvent.changeText(screen.getByTestId('totp-disable-password'), 'pw');
    fireEvent.press(screen.getByTestId('totp-disable-submit'));
    await waitFor(() => expect(screen.getByTestId('mfa-status')).toHaveTextContent('Off'));
    expect(disableTotp).toHaveBeenCalledWith('654321', 'pw');
    expect(screen.getByTestId('totp-notice')).toHaveTextContent('Two-step verification is off.');
  });
});
