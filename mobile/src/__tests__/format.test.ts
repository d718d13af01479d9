import { formatCountdown, formatMoney, formatRange } from '../format';
import { errorSentence, pickLanguage, STRINGS } from '../i18n/strings';
import { InsecureApiUrlError, resolveBaseUrl } from '../api/config';

describe('format', () => {
  test('money from the API shape in both languages', () => {
    expect(formatMoney({ amount: '1234.50', currency: 'EUR' }, 'en-GB')).toBe('€1,234.50');
    expect(formatMoney({ amount: '1234.50', currency: 'EUR' }, 'de-DE')).toMatch(/^1\.234,50\s€$/);
    expect(formatMoney({ amount: 'x', currency: 'EUR' }, 'en-GB')).toBe('x EUR');
  });

  test('countdown', () => {
    expect(formatCountdown(125_000)).toBe('2:05');
    expect(formatCountdown(3_725_000)).toBe('1:02:05');
    expect(formatCountdown(-5)).toBe('0:00');
  });

  test('a window within one day shows the times', () => {
    expect(formatRange('2026-12-13T08:00:00Z', '2026-12-13T16:00:00Z', 'en-GB', 'UTC')).toBe('13 Dec 2026, 08:00 – 16:00');
    expect(formatRange('2026-12-13T08:00:00Z', '2026-12-20T16:00:00Z', 'de-DE', 'UTC')).toBe('13.12.2026 – 20.12.2026');
  });
});

describe('strings', () => {
  test('every string exists in English and German', () => {
    expect(Object.keys(STRINGS.de).sort()).toEqual(Object.keys(STRINGS.en).sort());
    for (const value of Object.values(STRINGS.de)) expect(value.trim()).not.toBe('');
  });

  test('error codes map to sentences with a fallback', () => {
    expect(errorSentence('de', 'offer_taken')).toBe('Ein anderer Installationsbetrieb hat dieses Angebot zuerst angenommen.');
    expect(errorSentence('en', 'something_new')).toBe('Something went wrong. Please try again.');
  });

  test('device locale picks the language', () => {
    expect(pickLanguage(['de-AT'])).toBe('de');
    expect(pickLanguage(['fr-FR', 'en-US'])).toBe('en');
    expect(pickLanguage(['fr-FR'])).toBe('en');
  });
});

describe('API base URL', () => {
  test('release builds take only https', () => {
    expect(resolveBaseUrl({ configured: 'https://api.sundispatch.example/', isWeb: false, isDev: false })).toBe('https://api.sundispatch.example');
    expect(() => resolveBaseUrl({ configured: 'http://api.sundispatch.example', isWeb: false, isDev: false })).toThrow(InsecureApiUrlError);
    expect(() => resolveBaseUrl({ configured: 'http://10.0.2.2:8080', isWeb: false, isDev: false })).toThrow(InsecureApiUrlError);
    expect(() => resolveBaseUrl({ configured: null, isWeb: false, isDev: false })).toThrow(InsecureApiUrlError);
  });

  test('development builds also take http for loopback and the emulator host only', () => {
    expect(resolveBaseUrl({ configured: 'http://10.0.2.2:8080', isWeb: false, isDev: true })).toBe('http://10.0.2.2:8080');
    expect(resolveBaseUrl({ configured: 'http://localhost:8080', isWeb: false, isDev: true })).toBe('http://localhost:8080');
    expect(() => resolveBaseUrl({ configured: 'http://192.168.1.10:8080', isWeb: false, isDev: true })).toThrow(InsecureApiUrlError);
  });

  test('web without a configured URL uses the page origin', () => {
    expect(resolveBaseUrl({ configured: undefined, isWeb: true, origin: 'http://localhost:4321', isDev: false })).toBe('http://localhost:4321');
  });
});
