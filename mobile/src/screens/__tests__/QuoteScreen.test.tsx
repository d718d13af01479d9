import React from 'react';
import { Linking } from 'react-native';
import { fireEvent, screen, waitFor } from '@testing-library/react-native';
import { ApiError } from '../../api/errors';
import { QuoteError, type Place, type Quote, type QuoteApi } from '../../api/quote';
import { QuoteScreen } from '../QuoteScreen';
import { deferred, renderScreen } from '../../test/render';

const place = (overrides: Partial<Place> = {}): Place => ({
  addressLine: '',
  city: 'Berlin',
  country: 'DE',
  label: '10115 Berlin, Germany',
  latitude: 52.53,
  longitude: 13.38,
  postalCode: '10115',
  precision: 'POSTAL_CODE',
  region: 'Berlin',
  ...overrides,
});

const quote = (overrides: Partial<Quote> = {}): Quote => ({
  annualProductionKwh: 3650,
  assumptions: { model: 'peak-sun-hours', peakSunHours: 2.7, performanceRatio: 0.8 },
  installationFee: { amount: '1800.00', currency: 'EUR' },
  panel: { id: 'p1', name: 'Vertex S+ 445', unitPrice: { amount: '149.00', currency: 'EUR' }, wattsPeak: 445 },
  panelCount: 8,
  panelsTotal: { amount: '1192.00', currency: 'EUR' },
  place: place(),
  price: { amount: '2992.00', currency: 'EUR' },
  systemKwp: 3.56,
  ...overrides,
});

function fakeQuoteApi(overrides: Partial<QuoteApi> = {}): QuoteApi {
  return {
    searchPlaces: jest.fn(() => Promise.resolve([place(), place({ label: '10117 Berlin, Germany', postalCode: '10117' })])),
    quote: jest.fn(() => Promise.resolve(quote())),
    ...overrides,
  };
}

async function fillIn(kwh = '300') {
  fireEvent.changeText(screen.getByTestId('quote-kwh'), kwh);
  fireEvent.changeText(screen.getByTestId('quote-address'), '10115');
  fireEvent.press(screen.getByTestId('place-search'));
  fireEvent.press(await screen.findByTestId('place-1'));
}

describe('QuoteScreen', () => {
  test('one header, labelled inputs', () => {
    renderScreen(<QuoteScreen quoteApi={fakeQuoteApi()} baseUrl="https://sundispatch.example" />);
    expect(screen.getAllByRole('header')).toHaveLength(1);
    expect(screen.getByRole('header', { name: 'Get a quote' })).toBeTruthy();
    expect(screen.getByLabelText('Monthly electricity use (kWh)')).toBeTruthy();
    expect(screen.getByLabelText('Address or postal code')).toBeTruthy();
  });

  test('validation: kWh and address as sentences, nothing sent', async () => {
    const api = fakeQuoteApi();
    renderScreen(<QuoteScreen quoteApi={api} baseUrl="https://sundispatch.example" />);
    fireEvent.press(screen.getByTestId('quote-submit'));
    expect(await screen.findByTestId('kwh-error')).toHaveTextContent('Enter your monthly electricity use in kWh.');
    expect(screen.getByTestId('place-error')).toHaveTextContent('Pick your address from the list first.');
    fireEvent.changeText(screen.getByTestId('quote-kwh'), '0');
    fireEvent.press(screen.getByTestId('quote-submit'));
    expect(await screen.findByText('Enter a number of kWh between 1 and 100,000, for example 300.')).toBeTruthy();
    fireEvent.press(screen.getByTestId('place-search'));
    expect(await screen.findByText('Type at least 3 characters of your address or postal code.')).toBeTruthy();
    expect(api.quote).not.toHaveBeenCalled();
    expect(api.searchPlaces).not.toHaveBeenCalled();
  });

  test('address suggestions: searched, listed as rows, one picked; loading while the quote is asked', async () => {
    const pending = deferred<Quote>();
    const api = fakeQuoteApi({ quote: jest.fn(() => pending.promise) });
    renderScreen(<QuoteScreen quoteApi={api} baseUrl="https://sundispatch.example" panel={{ id: 'p1', name: 'Vertex S+ 445' }} />);
    await fillIn('312,5');
    expect(api.searchPlaces).toHaveBeenCalledWith('10115');
    expect(screen.getByTestId('quote-picked')).toHaveTextContent('Address: 10117 Berlin, Germany');
    expect(screen.queryByTestId('place-0')).toBeNull();
    fireEvent.press(screen.getByTestId('quote-submit'));
    expect(await screen.findByTestId('quote-loading')).toBeTruthy();
    expect(api.quote).toHaveBeenCalledWith({ monthlyKwh: 312.5, address: { postalCode: '10117', city: 'Berlin', country: 'DE' }, panelId: 'p1' });
  });

  test('no address found is a sentence', async () => {
    renderScreen(<QuoteScreen quoteApi={fakeQuoteApi({ searchPlaces: () => Promise.resolve([]) })} baseUrl="https://x.example" />);
    fireEvent.changeText(screen.getByTestId('quote-address'), 'Nowhere');
    fireEvent.press(screen.getByTestId('place-search'));
    expect(await screen.findByTestId('place-error')).toHaveTextContent('No address found. Check the spelling or try your postal code.');
  });

  test('API error code → sentence (en and de), rate limit with its wait', async () => {
    const api = fakeQuoteApi({ quote: jest.fn(() => Promise.reject(new QuoteError(new ApiError(400, 'country_not_served'), []))) });
    const { unmount } = renderScreen(<QuoteScreen quoteApi={api} baseUrl="https://x.example" />);
    await fillIn();
    fireEvent.press(screen.getByTestId('quote-submit'));
    expect(await screen.findByTestId('quote-error')).toHaveTextContent('SunDispatch does not install in this country yet.');
    unmount();

    renderScreen(<QuoteScreen quoteApi={fakeQuoteApi({ quote: () => Promise.reject(new ApiError(400, 'validation_failed', [{ field: 'monthlyKwh' }])) })} baseUrl="https://x.example" />, { language: 'de' });
    await fillIn();
    fireEvent.press(screen.getByTestId('quote-submit'));
    expect(await screen.findByTestId('quote-error')).toHaveTextContent('Der Server konnte diese Angaben nicht verwenden. Prüfen Sie Verbrauch und Adresse.');
  });

  test('rate limited with Retry-After', async () => {
    renderScreen(<QuoteScreen quoteApi={fakeQuoteApi({ searchPlaces: () => Promise.reject(new ApiError(429, 'rate_limited', [], 30)) })} baseUrl="https://x.example" />);
    fireEvent.changeText(screen.getByTestId('quote-address'), '10115');
    fireEvent.press(screen.getByTestId('place-search'));
    expect(await screen.findByTestId('place-error')).toHaveTextContent('Too many requests. Try again in 30 seconds.');
  });

  test('address_not_found offers the server suggestions to pick', async () => {
    const quoteFn = jest
      .fn<Promise<Quote>, [unknown]>()
      .mockRejectedValueOnce(new QuoteError(new ApiError(400, 'address_not_found'), [place({ label: '10119 Berlin, Germany', postalCode: '10119' })]))
      .mockResolvedValueOnce(quote());
    renderScreen(<QuoteScreen quoteApi={fakeQuoteApi({ quote: quoteFn })} baseUrl="https://x.example" />);
    await fillIn();
    fireEvent.press(screen.getByTestId('quote-submit'));
    expect(await screen.findByTestId('quote-error')).toHaveTextContent('That address could not be found. Did you mean one of the addresses below?');
    fireEvent.press(screen.getByTestId('place-0'));
    expect(screen.getByTestId('quote-picked')).toHaveTextContent(/10119 Berlin/);
    fireEvent.press(screen.getByTestId('quote-submit'));
    expect(await screen.findByTestId('quote-result')).toBeTruthy();
    expect(quoteFn).toHaveBeenLastCalledWith({ monthlyKwh: 300, address: { postalCode: '10119', city: 'Berlin', country: 'DE' } });
  });

  test('success: count, kWp, production, price, assumptions; "Order on the website" opens the shop quote step', async () => {
    const open = jest.spyOn(Linking, 'openURL').mockResolvedValue(true);
    renderScreen(<QuoteScreen quoteApi={fakeQuoteApi()} baseUrl="https://sundispatch.example/" panel={{ id: 'p1', name: 'Vertex S+ 445' }} />, {
      language: 'de',
    });
    await fillIn();
    fireEvent.press(screen.getByTestId('quote-submit'));
    const result = await screen.findByTestId('quote-result');
    expect(result).toHaveTextContent(/8 × Vertex S\+ 445/);
    expect(result).toHaveTextContent(/Anlagengröße: 3,56 kWp/);
    expect(result).toHaveTextContent(/Jahresertrag: etwa 3\.650 kWh/);
    expect(screen.getByTestId('quote-price')).toHaveTextContent(/Preis: 2\.992,00\s€/);
    expect(screen.getByTestId('quote-assumptions')).toHaveTextContent(/2,7.*80\s%/);
    fireEvent.press(screen.getByTestId('quote-order'));
    await waitFor(() =>
      expect(open).toHaveBeenCalledWith('https://sundispatch.example/#/quote?city=Berlin&country=DE&kwh=300&panel=p1&postalCode=10117'),
    );
    open.mockRestore();
  });

  test('"Any panel" drops the chosen panel from the request', async () => {
    const api = fakeQuoteApi();
    renderScreen(<QuoteScreen quoteApi={api} baseUrl="https://x.example" panel={{ id: 'p1', name: 'Vertex S+ 445' }} />);
    fireEvent.press(screen.getByTestId('quote-any-panel'));
    expect(screen.queryByTestId('quote-panel')).toBeNull();
    await fillIn();
    fireEvent.press(screen.getByTestId('quote-submit'));
    await screen.findByTestId('quote-result');
    expect(api.quote).toHaveBeenCalledWith({ monthlyKwh: 300, address: { postalCode: '10117', city: 'Berlin', country: 'DE' } });
  });
});
