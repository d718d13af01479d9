import React from 'react';
import { fireEvent, screen } from '@testing-library/react-native';
import { ApiError } from '../../api/errors';
import { CatalogScreen } from '../CatalogScreen';
import { deferred, renderScreen } from '../../test/render';
import { page, panel } from '../../test/fixtures';

describe('CatalogScreen', () => {
  test('loading', () => {
    renderScreen(<CatalogScreen />, { api: { panels: () => deferred<never>().promise } });
    expect(screen.getByTestId('loading')).toBeTruthy();
  });

  test('error', async () => {
    renderScreen(<CatalogScreen />, { api: { panels: () => Promise.reject(new ApiError(500, 'server_error')) } });
    expect(await screen.findByTestId('form-error')).toHaveTextContent('SunDispatch is not available right now. Try again later.');
  });

  test('empty', async () => {
    renderScreen(<CatalogScreen />, { api: { panels: () => Promise.resolve(page([])) } });
    expect(await screen.findByText('The catalog is empty.')).toBeTruthy();
  });

  test('success in German: watts, efficiency and price formatted', async () => {
    renderScreen(<CatalogScreen />, { language: 'de', api: { panels: () => Promise.resolve(page([panel(), panel({ id: 'p2', stock: 0 })])) } });
    const row = await screen.findByTestId('panel-p1');
    expect(row).toHaveTextContent(/Vertex S\+ 445/);
    expect(row).toHaveTextContent(/445 Wp · 22,3 % Wirkungsgrad/);
    expect(row).toHaveTextContent(/149,00\s€/);
    expect(screen.getByTestId('panel-p2')).toHaveTextContent(/Nicht auf Lager/);
    expect(screen.getByRole('header', { name: 'Solarmodule' })).toBeTruthy();
  });
});

describe('CatalogScreen quote buttons', () => {
  test('"Get a quote" and a row\'s button open the quote (with that panel)', async () => {
    const onQuote = jest.fn();
    renderScreen(<CatalogScreen onQuote={onQuote} />, { api: { panels: () => Promise.resolve(page([panel()])) } });
    fireEvent.press(await screen.findByTestId('quote-panel-p1'));
    expect(onQuote).toHaveBeenLastCalledWith({ id: 'p1', name: 'Vertex S+ 445' });
    expect(screen.getByLabelText('Get a quote with Vertex S+ 445')).toBeTruthy();
    fireEvent.press(screen.getByTestId('open-quote'));
    expect(onQuote).toHaveBeenLastCalledWith(null);
  });

  test('no quote buttons without onQuote', async () => {
    renderScreen(<CatalogScreen />, { api: { panels: () => Promise.resolve(page([panel()])) } });
    await screen.findByTestId('panel-p1');
    expect(screen.queryByTestId('open-quote')).toBeNull();
    expect(screen.queryByTestId('quote-panel-p1')).toBeNull();
  });
});
