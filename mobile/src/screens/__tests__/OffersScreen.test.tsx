import React from 'react';
import { act, fireEvent, screen, waitFor } from '@testing-library/react-native';
import { ApiError } from '../../api/errors';
import { OffersScreen } from '../OffersScreen';
import { OfferScreen } from '../OfferScreen';
import { deferred, renderScreen } from '../../test/render';
import { job, offer } from '../../test/fixtures';

describe('OffersScreen', () => {
  test('loading state', () => {
    renderScreen(<OffersScreen />, { api: { offers: () => deferred<never>().promise } });
    expect(screen.getByTestId('loading')).toBeTruthy();
    expect(screen.getByRole('header', { name: 'Open offers' })).toBeTruthy();
  });

  test('error state shows the sentence for the code and retries', async () => {
    const offers = jest.fn().mockRejectedValueOnce(new ApiError(503, 'server_busy')).mockResolvedValueOnce([]);
    renderScreen(<OffersScreen />, { api: { offers } });
    expect(await screen.findByTestId('form-error')).toHaveTextContent(/^SunDispatch is busy right now./);
    fireEvent.press(screen.getByTestId('retry'));
    expect(await screen.findByTestId('empty-state')).toBeTruthy();
  });

  test('network failure has its own sentence', async () => {
    renderScreen(<OffersScreen />, { api: { offers: () => Promise.reject(new TypeError('fetch failed')) } });
    expect(await screen.findByTestId('form-error')).toHaveTextContent(/^No connection to SunDispatch./);
  });

  test('empty state', async () => {
    renderScreen(<OffersScreen />, { api: { offers: () => Promise.resolve([]) } });
    expect(await screen.findByText('No open offers right now. New offers appear here.')).toBeTruthy();
  });

  test('success: area, distance, panels, countdown and buttons', async () => {
    renderScreen(<OffersScreen />, { api: { offers: () => Promise.resolve([offer()]) } });
    const row = await screen.findByTestId('offer-o1');
    expect(row).toHaveTextContent(/14467 Potsdam/);
    expect(row).toHaveTextContent(/12 km away/);
    expect(row).toHaveTextContent(/14 panels/);
    expect(screen.getByTestId('countdown-o1')).toHaveTextContent(/Expires in 2:0[45]/);
    expect(screen.getByTestId('accept-o1')).toBeTruthy();
    expect(screen.getByTestId('decline-o1')).toBeTruthy();
    expect(screen.getByLabelText('Accept: offer in 14467 Potsdam')).toBeTruthy();
  });

  test('accept removes the offer and confirms', async () => {
    const acceptOffer = jest.fn(() => Promise.resolve(job()));
    renderScreen(<OffersScreen />, { api: { offers: () => Promise.resolve([offer()]), acceptOffer } });
    fireEvent.press(await screen.findByTestId('accept-o1'));
    expect(await screen.findByText('Accepted. The job and its address are under Jobs.')).toBeTruthy();
    expect(acceptOffer).toHaveBeenCalledWith('o1');
    expect(screen.queryByTestId('offer-o1')).toBeNull();
    expect(await screen.findByTestId('empty-state')).toBeTruthy();
  });

  test('accept losing the race: 409 offer_taken becomes a sentence', async () => {
    renderScreen(<OffersScreen />, {
      api: { offers: () => Promise.resolve([offer()]), acceptOffer: () => Promise.reject(new ApiError(409, 'offer_taken')) },
    });
    fireEvent.press(await screen.findByTestId('accept-o1'));
    expect(await screen.findByText('Another installer accepted this offer first.')).toBeTruthy();
  });

  test('decline removes the offer', async () => {
    const declineOffer = jest.fn(() => Promise.resolve());
    renderScreen(<OffersScreen />, { api: { offers: () => Promise.resolve([offer()]), declineOffer } });
    fireEvent.press(await screen.findByTestId('decline-o1'));
    await waitFor(() => expect(declineOffer).toHaveBeenCalledWith('o1'));
    expect(await screen.findByText('Offer declined.')).toBeTruthy();
    expect(screen.queryByTestId('offer-o1')).toBeNull();
  });
});

describe('countdown', () => {
  beforeEach(() => {
    jest.useFakeTimers({ now: new Date('2026-12-03T10:00:00Z') });
  });
  afterEach(() => {
    jest.useRealTimers();
  });

  test('ticks every second and expires, disabling accept', async () => {
    const o = offer({ expiresAt: '2026-12-03T10:00:03Z' });
    renderScreen(<OffersScreen />, { api: { offers: () => Promise.resolve([o]) } });
    await act(async () => {
      await Promise.resolve();
    });
    expect(screen.getByTestId('countdown-o1')).toHaveTextContent('Expires in 0:03');
    act(() => jest.advanceTimersByTime(1000));
    expect(screen.getByTestId('countdown-o1')).toHaveTextContent('Expires in 0:02');
    act(() => jest.advanceTimersByTime(1000));
    expect(screen.getByTestId('countdown-o1')).toHaveTextContent('Expires in 0:01');
    act(() => jest.advanceTimersByTime(1000));
    expect(screen.getByTestId('countdown-o1')).toHaveTextContent('Expired');
    expect(screen.getByTestId('accept-o1')).toBeDisabled();
  });
});

describe('OfferScreen (deep link)', () => {
  test('loading', () => {
    renderScreen(<OfferScreen offerId="o1" />, { api: { offers: () => deferred<never>().promise } });
    expect(screen.getByTestId('loading')).toBeTruthy();
  });

  test('success: shows that offer', async () => {
    renderScreen(<OfferScreen offerId="o2" />, { api: { offers: () => Promise.resolve([offer(), offer({ offerId: 'o2', city: 'Berlin' })]) } });
    expect(await screen.findByTestId('offer-o2')).toHaveTextContent(/Berlin/);
    expect(screen.queryByTestId('offer-o1')).toBeNull();
  });

  test('empty: an offer that is no longer open', async () => {
    renderScreen(<OfferScreen offerId="gone" />, { api: { offers: () => Promise.resolve([offer()]) } });
    expect(await screen.findByText('This offer is no longer open.')).toBeTruthy();
  });

  test('error', async () => {
    renderScreen(<OfferScreen offerId="o1" />, { api: { offers: () => Promise.reject(new ApiError(403, 'forbidden')) } });
    expect(await screen.findByTestId('form-error')).toHaveTextContent('You are not allowed to do this.');
  });
});
