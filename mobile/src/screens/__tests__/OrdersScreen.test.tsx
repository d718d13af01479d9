import React from 'react';
import { fireEvent, screen } from '@testing-library/react-native';
import { ApiError } from '../../api/errors';
import { OrdersScreen } from '../OrdersScreen';
import { deferred, renderScreen } from '../../test/render';
import { order, page } from '../../test/fixtures';

describe('OrdersScreen', () => {
  test('loading', () => {
    renderScreen(<OrdersScreen onOpen={jest.fn()} />, { api: { orders: () => deferred<never>().promise } });
    expect(screen.getByTestId('loading')).toBeTruthy();
  });

  test('error', async () => {
    renderScreen(<OrdersScreen onOpen={jest.fn()} />, { api: { orders: () => Promise.reject(new ApiError(429, 'rate_limited')) } });
    expect(await screen.findByTestId('form-error')).toHaveTextContent('Too many requests. Wait a moment and try again.');
  });

  test('empty', async () => {
    renderScreen(<OrdersScreen onOpen={jest.fn()} />, { api: { orders: () => Promise.resolve(page([])) } });
    expect(await screen.findByText('No orders yet. Orders you place on the website appear here.')).toBeTruthy();
  });

  test('success: status, total in the locale, opens the order', async () => {
    const onOpen = jest.fn();
    renderScreen(<OrdersScreen onOpen={onOpen} />, { api: { orders: () => Promise.resolve(page([order()])) } });
    const row = await screen.findByTestId('order-ord1');
    expect(row).toHaveTextContent(/Installer assigned/);
    expect(row).toHaveTextContent(/€2,390\.00/);
    fireEvent.press(row);
    expect(onOpen).toHaveBeenCalledWith('ord1');
  });

  test('German money and status', async () => {
    renderScreen(<OrdersScreen onOpen={jest.fn()} />, { language: 'de', api: { orders: () => Promise.resolve(page([order()])) } });
    const row = await screen.findByTestId('order-ord1');
    expect(row).toHaveTextContent(/Installationsbetrieb zugewiesen/);
    expect(row).toHaveTextContent(/2\.390,00\s€/);
  });
});
