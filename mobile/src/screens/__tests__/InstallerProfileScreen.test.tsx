import React from 'react';
import { fireEvent, screen, within } from '@testing-library/react-native';
import { getStateFromPath } from '@react-navigation/native';
import { ApiError } from '../../api/errors';
import { linking } from '../../core/Navigation';
import { InstallerProfileScreen } from '../InstallerProfileScreen';
import { deferred, renderScreen } from '../../test/render';
import { installerProfile } from '../../test/fixtures';

describe('InstallerProfileScreen', () => {
  test('loading', () => {
    const profile = jest.fn(() => deferred<never>().promise);
    renderScreen(<InstallerProfileScreen installerId="i1" />, { api: { installerProfile: profile } });
    expect(screen.getByTestId('loading')).toBeTruthy();
    expect(screen.getByRole('header', { name: 'Installer profile' })).toBeTruthy();
    expect(profile).toHaveBeenCalledWith('i1');
  });

  test('error, then Try again loads the profile', async () => {
    const profile = jest
      .fn()
      .mockRejectedValueOnce(new ApiError(0, 'network_error'))
      .mockResolvedValueOnce(installerProfile());
    renderScreen(<InstallerProfileScreen installerId="i1" />, { api: { installerProfile: profile } });
    expect(await screen.findByTestId('form-error')).toHaveTextContent('No connection to SunDispatch. Check your internet connection and try again.');
    fireEvent.press(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('header', { name: 'Sun & Sons GmbH' })).toBeTruthy();
    expect(profile).toHaveBeenCalledTimes(2);
  });

  test('not found: a revoked, banned or unknown installer (404) is not an error to retry', async () => {
    renderScreen(<InstallerProfileScreen installerId="gone" />, { api: { installerProfile: () => Promise.reject(new ApiError(404, 'not_found')) } });
    expect(await screen.findByTestId('profile-not-found')).toHaveTextContent('This installer’s profile is no longer available.');
    expect(screen.queryByTestId('retry')).toBeNull();
    expect(screen.getByRole('header', { name: 'Installer profile' })).toBeTruthy();
  });

  test('not found: an id no installer can have (400 from an old link)', async () => {
    renderScreen(<InstallerProfileScreen installerId={'x'.repeat(65)} />, {
      api: { installerProfile: () => Promise.reject(new ApiError(400, 'validation_failed')) },
    });
    expect(await screen.findByTestId('profile-not-found')).toBeTruthy();
  });

  test('empty: no reviews yet, no rating summary', async () => {
    renderScreen(<InstallerProfileScreen installerId="i1" />, {
      api: { installerProfile: () => Promise.resolve(installerProfile({ rating: { average: null, count: 0 }, reviews: [] })) },
    });
    expect(await screen.findByTestId('empty-state')).toHaveTextContent('No reviews yet.');
    expect(screen.getByRole('header', { name: 'Sun & Sons GmbH' })).toBeTruthy();
    expect(screen.queryByTestId('profile-rating')).toBeNull();
    expect(screen.queryByTestId('profile-reviews')).toBeNull();
  });

  test('success: company, verified since, area, rating and the reviews with their stars for screen readers', async () => {
    renderScreen(<InstallerProfileScreen installerId="i1" />, { api: { installerProfile: () => Promise.resolve(installerProfile()) } });
    expect(await screen.findByRole('header', { name: 'Sun & Sons GmbH' })).toBeTruthy();
    expect(screen.getByTestId('profile-verified')).toHaveTextContent('Verified installer since 2 Nov 2026');
    expect(screen.getByTestId('profile-area')).toHaveTextContent('Installs within 50 km of 10115 Berlin, Germany');
    expect(screen.getByTestId('profile-rating')).toHaveTextContent('4.5 of 5 stars on average from 2 reviews');
    expect(screen.getByRole('header', { name: 'Reviews' })).toBeTruthy();

    const first = screen.getByTestId('review-0');
    expect(within(first).getByRole('image', { name: '5 of 5 stars' })).toHaveTextContent('★★★★★');
    expect(first).toHaveTextContent(/Tidy work, on time\./);
    expect(first).toHaveTextContent(/Anna M\. · 30 Nov 2026/);

    // no comment and a deleted account: stars and "A former customer" only
    const second = screen.getByTestId('review-1');
    expect(within(second).getByRole('image', { name: '4 of 5 stars' })).toHaveTextContent('★★★★☆');
    expect(second).toHaveTextContent(/A former customer · 20 Nov 2026/);
  });

  test('one review is singular; an area without an address (older installers) is left out', async () => {
    const area = { city: null, postalCode: null, country: null, radiusKm: 30 } as unknown as ReturnType<typeof installerProfile>['area'];
    renderScreen(<InstallerProfileScreen installerId="i1" />, {
      api: { installerProfile: () => Promise.resolve(installerProfile({ area, rating: { average: 5, count: 1 }, reviews: installerProfile().reviews.slice(0, 1) })) },
    });
    expect(await screen.findByTestId('profile-rating')).toHaveTextContent('5 of 5 stars on average from 1 review');
    expect(screen.queryByTestId('profile-area')).toBeNull();
  });

  test('German', async () => {
    renderScreen(<InstallerProfileScreen installerId="i1" />, { language: 'de', api: { installerProfile: () => Promise.resolve(installerProfile()) } });
    expect(await screen.findByTestId('profile-rating')).toHaveTextContent('Durchschnittlich 4,5 von 5 Sternen aus 2 Bewertungen');
    expect(screen.getByTestId('profile-area')).toHaveTextContent('Montiert im Umkreis von 50 km um 10115 Berlin, Deutschland');
    expect(within(screen.getByTestId('review-1')).getByRole('image', { name: '4 von 5 Sternen' })).toBeTruthy();
    expect(screen.getByTestId('review-1')).toHaveTextContent(/Ein ehemaliger Kunde/);
  });

  test('the Back button', async () => {
    const onBack = jest.fn();
    renderScreen(<InstallerProfileScreen installerId="i1" onBack={onBack} />, { api: { installerProfile: () => Promise.resolve(installerProfile()) } });
    await screen.findByTestId('profile-company');
    fireEvent.press(screen.getByRole('button', { name: 'Back' }));
    expect(onBack).toHaveBeenCalled();
  });
});

test('sundispatch://installers/<installerId> opens the profile in the homeowner app', () => {
  type AnyState = { routes: { name: string; params?: object; state?: AnyState }[] };
  const leaf = (state: AnyState): { name: string; params?: object } => {
    const route = state.routes[state.routes.length - 1];
    return route.state ? leaf(route.state) : route;
  };
  const state = getStateFromPath('installers/i-42', linking('homeowner').config) as unknown as AnyState;
  expect(leaf(state)).toMatchObject({ name: 'InstallerProfile', params: { installerId: 'i-42' } });
});
