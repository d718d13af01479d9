import React from 'react';
import { fireEvent, screen, waitFor } from '@testing-library/react-native';
import { ApiError } from '../../api/errors';
import { AvailabilityScreen } from '../AvailabilityScreen';
import { deferred, renderScreen } from '../../test/render';
import { dayOf, zonedTime } from '../installer/slots';

const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
const inDays = (n: number) => dayOf(Date.now() + n * 24 * 3600_000, zone);
const slotOn = (day: string, hour: number, hours: number) => {
  const start = zonedTime(day, hour, zone);
  return { start: new Date(start).toISOString(), end: new Date(start + hours * 3600_000).toISOString() };
};

describe('AvailabilityScreen', () => {
  test('loading', () => {
    renderScreen(<AvailabilityScreen onBack={jest.fn()} />, { api: { availability: () => deferred<never>().promise } });
    expect(screen.getByTestId('loading')).toBeTruthy();
  });

  test('error', async () => {
    renderScreen(<AvailabilityScreen onBack={jest.fn()} />, { api: { availability: () => Promise.reject(new ApiError(403, 'forbidden')) } });
    expect(await screen.findByTestId('form-error')).toHaveTextContent('You are not allowed to do this.');
  });

  test('empty', async () => {
    renderScreen(<AvailabilityScreen onBack={jest.fn()} />, { api: { availability: () => Promise.resolve([]) } });
    expect(await screen.findByTestId('empty-state')).toHaveTextContent(/No availability entered yet/);
    expect(screen.getByRole('header', { name: 'Availability' })).toBeTruthy();
  });

  test('success: add one, remove one, save → PUT with the new list', async () => {
    const existing = slotOn(inDays(3), 8, 8);
    const added = slotOn(inDays(5), 9, 4);
    const setAvailability = jest.fn((slots: { start: string; end: string }[]) => Promise.resolve(slots));
    renderScreen(<AvailabilityScreen onBack={jest.fn()} />, { api: { availability: () => Promise.resolve([existing]), setAvailability } });
    expect(await screen.findByTestId('availability-slot-0')).toBeTruthy();
    fireEvent.press(screen.getByTestId(`availability-day-${inDays(5)}`));
    fireEvent.press(screen.getByTestId('availability-hour-9'));
    fireEvent.press(screen.getByTestId('availability-duration-4'));
    fireEvent.press(screen.getByTestId('availability-add'));
    expect(screen.getByTestId('availability-slot-1')).toBeTruthy();
    // the same time again overlaps
    fireEvent.press(screen.getByTestId(`availability-day-${inDays(5)}`));
    fireEvent.press(screen.getByTestId('availability-hour-10'));
    fireEvent.press(screen.getByTestId('availability-duration-2'));
    fireEvent.press(screen.getByTestId('availability-add'));
    expect(screen.getByTestId('form-error')).toHaveTextContent('This time overlaps one you already entered.');
    fireEvent.press(screen.getByTestId('availability-remove-0'));
    fireEvent.press(screen.getByTestId('availability-save'));
    await waitFor(() => expect(setAvailability).toHaveBeenCalledWith([added]));
    expect(await screen.findByTestId('notice')).toHaveTextContent('Availability saved.');
  });

  test('a refused save shows the sentence', async () => {
    renderScreen(<AvailabilityScreen onBack={jest.fn()} />, {
      api: { availability: () => Promise.resolve([slotOn(inDays(2), 8, 2)]), setAvailability: () => Promise.reject(new ApiError(400, 'validation_failed')) },
    });
    fireEvent.press(await screen.findByTestId('availability-remove-0'));
    fireEvent.press(screen.getByTestId('availability-save'));
    expect(await screen.findByTestId('form-error')).toHaveTextContent('Please check your entries.');
  });
});
