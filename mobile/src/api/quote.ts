import createClient from 'openapi-fetch';
import { ApiError, NETWORK_ERROR, problemFromBody } from './errors';
import type { components, paths } from './schema';

type S = components['schemas'];
export type Place = S['Place'];
export type Quote = S['Quote'];
export type QuoteRequest = S['QuoteRequest'];

/** An ApiError that also carries the server's `suggestions` (address_not_found only). */
export class QuoteError extends ApiError {
  readonly suggestions: Place[];
  constructor(base: ApiError, suggestions: Place[]) {
    super(base.status, base.code, base.fields, base.retryAfterSeconds);
    this.suggestions = suggestions;
  }
}

/** The public quote calls (no token needed): address search and the sizing estimate. */
export interface QuoteApi {
  /** GET /api/v1/places/search?q= → suggestions, best first */
  searchPlaces(q: string): Promise<Place[]>;
  /** POST /api/v1/quotes */
  quote(request: QuoteRequest): Promise<Quote>;
}

function suggestionsOf(body: unknown): Place[] {
  if (body === null || typeof body !== 'object') return [];
  const list = (body as { suggestions?: unknown }).suggestions;
  return Array.isArray(list) ? (list as Place[]) : [];
}

/**
 * The quote request for a picked place: its postal code, city and country (the schema takes an address or
 * coordinates, exactly one; the address is what the web shop sends, and the server locates it itself).
 */
export function quoteRequestFor(monthlyKwh: number, place: Place, panelId?: string): QuoteRequest {
  const request: QuoteRequest = { monthlyKwh };
  if (place.postalCode) {
    request.address = { postalCode: place.postalCode, country: place.country, ...(place.city ? { city: place.city } : {}) };
  } else {
    request.latitude = place.latitude;
    request.longitude = place.longitude;
  }
  if (panelId) request.panelId = panelId;
  return request;
}

/**
 * The web shop's quote step at the API's origin, filled in as shop.js reads it (`#/quote?city=&country=&kwh=&panel=&postalCode=`,
 * keys sorted like its buildHash); from there the website's funnel orders and takes the payment.
 */
export function webQuoteUrl(baseUrl: string, input: { monthlyKwh?: number; place?: Place | null; panelId?: string } = {}): string {
  const origin = baseUrl.replace(/\/+$/, '');
  const params: Record<string, string> = {};
  if (input.place?.city) params.city = input.place.city;
  if (input.place?.country) params.country = input.place.country;
  if (input.monthlyKwh !== undefined) params.kwh = String(input.monthlyKwh);
  if (input.panelId) params.panel = input.panelId;
  if (input.place?.postalCode) params.postalCode = input.place.postalCode;
  const query = Object.keys(params)
    .sort()
    .map((k) => `${encodeURIComponent(k)}=${encodeURIComponent(params[k])}`)
    .join('&');
  return `${origin}/#/quote${query ? `?${query}` : ''}`;
}

export function createQuoteApi(baseUrl: string, fetchImpl: typeof fetch = (...args) => fetch(...args)): QuoteApi {
  const client = createClient<paths>({ baseUrl, fetch: fetchImpl, credentials: 'omit', headers: { Accept: 'application/json' } });
  async function call<T>(run: () => Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
    let result: { data?: T; error?: unknown; response: Response };
    try {
      result = await run();
    } catch {
      throw new ApiError(0, NETWORK_ERROR);
    }
    if (!result.response.ok || result.data === undefined) {
      const base = problemFromBody(result.response.status, result.error ?? null, result.response.headers.get('Retry-After'));
      throw new QuoteError(base, suggestionsOf(result.error));
    }
    return result.data;
  }
  return {
    searchPlaces: (q) => call(() => client.GET('/api/v1/places/search', { params: { query: { q, limit: 5 } } })),
    quote: (request) => call(() => client.POST('/api/v1/quotes', { body: request })),
  };
}
