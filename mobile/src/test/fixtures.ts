import type { Installation, InstallerJob, Me, Offer, Order, Page, Panel, SessionInfo } from '../api/types';
import type { InstallerProfile } from '../api/homeownerApi';

export const page = <T,>(items: T[]): Page<T> => ({ items, page: 0, size: 50, totalItems: items.length });
const eur = (amount: string) => ({ amount, currency: 'EUR' });

export function offer(overrides: Partial<Offer> = {}): Offer {
  return {
    offerId: 'o1',
    jobId: 'j1',
    distanceKm: 12,
    expiresAt: new Date(Date.now() + 125_000).toISOString(),
    window: { start: '2027-01-10T08:00:00Z', end: '2027-01-20T16:00:00Z' },
    panelCount: 14,
    city: 'Potsdam',
    postalCode: '14467',
    approximateLocation: { latitude: 52.4, longitude: 13.06 },
    ...overrides,
  };
}

export function job(overrides: Partial<InstallerJob> = {}): InstallerJob {
  return {
    jobId: 'j1',
    status: 'ASSIGNED',
    window: { start: '2027-01-10T08:00:00Z', end: '2027-01-20T16:00:00Z' },
    panelCount: 14,
    customer: { name: 'Anna Muster', phone: '+49 30 1234567' },
    address: { addressLine: 'Musterstraße 1', city: 'Potsdam', postalCode: '14467', country: 'DE', latitude: 52.4, longitude: 13.06 },
    mapLinks: { geo: 'geo:52.4,13.06?q=52.4,13.06', web: 'https://www.openstreetmap.org/?mlat=52.4&mlon=13.06' },
    appointment: null,
    scheduling: null,
    draftPhotos: [],
    report: null,
    dispute: null,
    canStart: false,
    confirmBy: null,
    ...overrides,
  } as InstallerJob;
}

export function order(overrides: Partial<Order> = {}): Order {
  return {
    id: 'ord1',
    status: 'SCHEDULED',
    items: [{ panelId: 'p1', panelName: 'Vertex S+ 445', quantity: 10, unitPrice: eur('149.00'), lineTotal: eur('1490.00') }],
    panelsTotal: eur('1490.00'),
    installationFee: eur('900.00'),
    total: eur('2390.00'),
    tax: { rate: '0', net: eur('2390.00'), vat: eur('0.00') },
    installation: {
      addressLine: 'Musterstraße 1',
      city: 'Potsdam',
      postalCode: '14467',
      country: 'DE',
      latitude: 52.4,
      longitude: 13.06,
      precision: 'ADDRESS',
      preferredStart: '2027-01-10T08:00:00Z',
      preferredEnd: '2027-01-20T16:00:00Z',
    },
    createdAt: '2026-12-01T09:00:00Z',
    reservedUntil: null,
    paidAt: '2026-12-01T09:05:00Z',
    cancelledAt: null,
    refundDue: false,
    refunded: eur('0.00'),
    refundStatus: 'NONE',
    refunds: [],
    documents: [],
    cancellation: null,
    ...overrides,
  } as Order;
}

export function installation(overrides: Partial<Installation> = {}): Installation {
  return {
    jobId: 'j1',
    status: 'ASSIGNED',
    installer: { id: 'i1', name: 'Max Solar', companyName: 'Sun & Sons GmbH', rating: 4.5, phone: null },
    scheduledStart: null,
    scheduledEnd: null,
    window: { start: '2027-01-10T08:00:00Z', end: '2027-01-20T16:00:00Z' },
    appointment: null,
    scheduling: null,
    report: null,
    dispute: null,
    confirmBy: null,
    reminderSentAt: null,
    reviewed: false,
    review: null,
    assignedAt: '2026-12-01T10:00:00Z',
    startedAt: null,
    completedAt: null,
    ...overrides,
  } as Installation;
}

/** The public profile of the installer in installation() (same id and company). */
export function installerProfile(overrides: Partial<InstallerProfile> = {}): InstallerProfile {
  return {
    id: 'i1',
    company: 'Sun & Sons GmbH',
    area: { city: 'Berlin', postalCode: '10115', country: 'DE', radiusKm: 50 },
    verifiedSince: '2026-11-02T10:15:00Z',
    rating: { average: 4.5, count: 2 },
    reviews: [
      { rating: 5, comment: 'Tidy work, on time.', author: 'Anna M.', createdAt: '2026-11-30T16:02:11Z' },
      { rating: 4, comment: null, author: null, createdAt: '2026-11-20T09:00:00Z' },
    ],
    ...overrides,
  };
}

export function panel(overrides: Partial<Panel> = {}): Panel {
  return {
    id: 'p1',
    name: 'Vertex S+ 445',
    manufacturer: 'Trina Solar',
    wattsPeak: 445,
    efficiencyPercent: 22.3,
    price: eur('149.00'),
    stock: 300,
    warrantyYears: 25,
    photoUrls: [],
    description: null,
    lengthMm: null,
    widthMm: null,
    thicknessMm: null,
    weightKg: null,
    cellType: null,
    performanceWarrantyYears: null,
    performanceWarrantyPercent: null,
    version: 0,
    ...overrides,
  };
}

export const me: Me = {
  id: 'u1',
  email: 'anna@example.test',
  fullName: 'Anna Muster',
  phone: null,
  role: 'CUSTOMER',
  emailVerified: true,
  mfaEnabled: false,
  createdAt: '2026-11-01T09:00:00Z',
  language: 'en',
  mfaMethods: [],
  pendingEmail: null,
  pendingEmailExpiresAt: null,
};

export const sessions: SessionInfo[] = [
  { id: 's1', device: 'Pixel 8', ip: null, createdAt: '2026-12-01T09:00:00Z', lastUsedAt: '2026-12-02T09:00:00Z', current: true },
  { id: 's2', device: 'Firefox on Linux', ip: null, createdAt: '2026-11-01T09:00:00Z', lastUsedAt: '2026-11-20T09:00:00Z', current: false },
];
