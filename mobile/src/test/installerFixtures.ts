import type { Earnings, Photo, Proposal } from '../api/installerJobs';
import { job } from './fixtures';

export { job };

const eur = (amount: string) => ({ amount, currency: 'EUR' });

export function photo(overrides: Partial<Photo> = {}): Photo {
  return {
    photoId: 'ph1',
    contentType: 'image/jpeg',
    bytes: 120_000,
    width: 1600,
    height: 1200,
    uploadedAt: '2027-01-12T10:00:00Z',
    url: '/api/v1/installations/j1/photos/ph1',
    ...overrides,
  };
}

export function proposal(overrides: Partial<Proposal> = {}): Proposal {
  return {
    id: 'pr1',
    start: '2027-01-14T08:00:00Z',
    end: '2027-01-14T14:00:00Z',
    proposedBy: 'CUSTOMER',
    status: 'OPEN',
    createdAt: '2026-12-02T09:00:00Z',
    ...overrides,
  };
}

export function earnings(overrides: Partial<Earnings> = {}): Earnings {
  return {
    year: 2026,
    currency: 'EUR',
    totals: { earned: eur('1710.00'), paidOut: eur('855.00'), pending: eur('855.00') },
    months: [
      { month: '2026-10', jobs: 0, earned: eur('0.00'), paidOut: eur('0.00'), pending: eur('0.00') },
      { month: '2026-11', jobs: 1, earned: eur('855.00'), paidOut: eur('855.00'), pending: eur('0.00') },
      { month: '2026-12', jobs: 1, earned: eur('855.00'), paidOut: eur('0.00'), pending: eur('855.00') },
    ],
    payouts: [],
    ...overrides,
  };
}
