import React from 'react';
import { Linking, Platform } from 'react-native';
import * as ScreenCapture from 'expo-screen-capture';
import { fireEvent, screen, waitFor } from '@testing-library/react-native';
import { ApiError } from '../../api/errors';
import { JobsScreen } from '../JobsScreen';
import { mapsUrl } from '../../device/maps';
import { deferred, renderScreen } from '../../test/render';
import { job, page } from '../../test/fixtures';

describe('JobsScreen', () => {
  test('loading', () => {
    renderScreen(<JobsScreen />, { api: { jobs: () => deferred<never>().promise } });
    expect(screen.getByTestId('loading')).toBeTruthy();
  });

  test('error', async () => {
    renderScreen(<JobsScreen />, { api: { jobs: () => Promise.reject(new ApiError(401, 'invalid_token')) } });
    expect(await screen.findByTestId('form-error')).toHaveTextContent('Your session has ended. Please sign in again.');
  });

  test('empty', async () => {
    renderScreen(<JobsScreen />, { api: { jobs: () => Promise.resolve(page([])) } });
    expect(await screen.findByText('No jobs yet. Accepted offers become jobs here.')).toBeTruthy();
  });

  test('success: exact address, customer and an Open in maps button', async () => {
    const openURL = jest.spyOn(Linking, 'openURL').mockResolvedValue(true);
    renderScreen(<JobsScreen />, { api: { jobs: () => Promise.resolve(page([job()])) } });
    expect(await screen.findByTestId('job-j1')).toHaveTextContent(/Anna Muster/);
    expect(screen.getByTestId('job-address-j1')).toHaveTextContent('Musterstraße 1, 14467 Potsdam');
    expect(screen.getByRole('header', { name: 'My jobs' })).toBeTruthy();
    fireEvent.press(screen.getByLabelText('Open in maps: Musterstraße 1, 14467 Potsdam'));
    await waitFor(() => expect(openURL).toHaveBeenCalledWith(mapsUrl(job(), Platform.OS)));
  });

  test('keeps the screen out of screenshots and the app switcher', () => {
    renderScreen(<JobsScreen />, { api: { jobs: () => deferred<never>().promise } });
    expect(ScreenCapture.preventScreenCaptureAsync).toHaveBeenCalledWith('jobs');
    // jest-expo runs as iOS: the app switcher's snapshot is blurred too
    expect(ScreenCapture.enableAppSwitcherProtectionAsync).toHaveBeenCalled();
  });
});

describe('mapsUrl', () => {
  test('geo: on Android, Apple Maps on iOS, the API link on web', () => {
    expect(mapsUrl(job(), 'android')).toBe('geo:52.4,13.06?q=52.4,13.06');
    expect(mapsUrl(job(), 'ios')).toBe('https://maps.apple.com/?q=Musterstra%C3%9Fe%201%2C%2014467%20Potsdam&ll=52.4,13.06');
    expect(mapsUrl(job(), 'web')).toBe('https://www.openstreetmap.org/?mlat=52.4&mlon=13.06');
  });
});

test('coming back into focus refreshes the list', async () => {
  const jobs = jest.fn().mockResolvedValueOnce(page([])).mockResolvedValueOnce(page([job()]));
  const { rerender } = renderScreen(<JobsScreen refreshKey={0} />, { api: { jobs } });
  expect(await screen.findByTestId('empty-state')).toBeTruthy();
  rerender(<JobsScreen refreshKey={1} />);
  expect(await screen.findByTestId('job-j1')).toBeTruthy();
  expect(jobs).toHaveBeenCalledTimes(2);
});

test('Details opens the job; the header links open availability and earnings', async () => {
  const onOpen = jest.fn();
  const onOpenAvailability = jest.fn();
  const onOpenEarnings = jest.fn();
  renderScreen(<JobsScreen onOpen={onOpen} onOpenAvailability={onOpenAvailability} onOpenEarnings={onOpenEarnings} />, {
    api: { jobs: () => Promise.resolve(page([job()])) },
  });
  fireEvent.press(await screen.findByTestId('job-open-j1'));
  expect(onOpen).toHaveBeenCalledWith('j1');
  expect(screen.getByLabelText('Details: job at Musterstraße 1, 14467 Potsdam')).toBeTruthy();
  fireEvent.press(screen.getByTestId('open-availability'));
  fireEvent.press(screen.getByTestId('open-earnings'));
  expect(onOpenAvailability).toHaveBeenCalled();
  expect(onOpenEarnings).toHaveBeenCalled();
});
