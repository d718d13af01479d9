import React from 'react';
import { screen } from '@testing-library/react-native';
import { ApiError } from '../../api/errors';
import { EarningsScreen } from '../EarningsScreen';
import { deferred, renderScreen } from '../../test/render';
import { earnings } from '../../test/installerFixtures';

describe('EarningsScreen', () => {
  test('loading', () => {
    renderScreen(<EarningsScreen onBack={jest.fn()} />, { api: { earnings: () => deferred<never>().promise } });
    expect(screen.getByTestId('loading')).toBeTruthy();
  });

  test('error', async () => {
    renderScreen(<EarningsScreen onBack={jest.fn()} />, { api: { earnings: () => Promise.reject(new ApiError(0, 'network_error')) } });
    expect(await screen.findByTestId('form-error')).toHaveTextContent('No connection to SunDispatch. Check your internet connection and try again.');
  });

  test('empty', async () => {
    renderScreen(<EarningsScreen onBack={jest.fn()} />, { api: { earnings: () => Promise.resolve(earnings({ months: [] })) } });
    expect(await screen.findByTestId('empty-state')).toHaveTextContent('No earnings this year yet.');
  });

  test('success: totals and months with money formatting (en and de)', async () => {
    renderScreen(<EarningsScreen onBack={jest.fn()} />, { api: { earnings: () => Promise.resolve(earnings()) } });
    expect(await screen.findByTestId('earnings-total')).toHaveTextContent(/Earned: €1,710.00/);
    expect(screen.getByTestId('earnings-month-2026-12')).toHaveTextContent(/December 2026.*Pending: €855.00/);
    expect(screen.queryByTestId('earnings-month-2026-10')).toBeNull();
    expect(screen.getByRole('header', { name: 'Earnings' })).toBeTruthy();
  });

  test('German', async () => {
    renderScreen(<EarningsScreen onBack={jest.fn()} />, { language: 'de', api: { earnings: () => Promise.resolve(earnings()) } });
    expect(await screen.findByTestId('earnings-month-2026-11')).toHaveTextContent(/November 2026.*Ausgezahlt: 855,00\s€/);
  });
});
