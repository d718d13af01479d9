import { getStateFromPath } from '@react-navigation/native';
import { linking } from '../Navigation';
import { shouldLockAfterBackground } from '../Root';

type AnyState = { routes: { name: string; params?: object; state?: AnyState }[] };
const leaf = (state: AnyState | undefined): { name: string; params?: object } => {
  const route = state!.routes[state!.routes.length - 1];
  return route.state ? leaf(route.state) : route;
};

describe('deep links', () => {
  test('sundispatchpro://offers/<offerId> opens that offer in the installer app', () => {
    const options = linking('installer');
    expect(options.prefixes).toContain('sundispatchpro://');
    const state = getStateFromPath('offers/0b7c-offer', options.config) as unknown as AnyState;
    expect(leaf(state)).toMatchObject({ name: 'Offer', params: { offerId: '0b7c-offer' } });
    expect(leaf(getStateFromPath('jobs', options.config) as unknown as AnyState).name).toBe('JobsList');
    expect(leaf(getStateFromPath('jobs/j-42', options.config) as unknown as AnyState)).toMatchObject({ name: 'Job', params: { jobId: 'j-42' } });
    expect(leaf(getStateFromPath('availability', options.config) as unknown as AnyState).name).toBe('Availability');
    expect(leaf(getStateFromPath('earnings', options.config) as unknown as AnyState).name).toBe('Earnings');
  });

  test('sundispatch://orders/<orderId> opens that order in the homeowner app', () => {
    const options = linking('homeowner');
    expect(options.prefixes).toContain('sundispatch://');
    expect(leaf(getStateFromPath('orders/ord-1', options.config) as unknown as AnyState)).toMatchObject({ name: 'Order', params: { orderId: 'ord-1' } });
  });
});

describe('lock after background', () => {
  test('only after 5 minutes, with the setting on and someone signed in', () => {
    expect(shouldLockAfterBackground(5 * 60_000, true, true)).toBe(true);
    expect(shouldLockAfterBackground(5 * 60_000 - 1, true, true)).toBe(false);
    expect(shouldLockAfterBackground(60 * 60_000, false, true)).toBe(false);
    expect(shouldLockAfterBackground(60 * 60_000, true, false)).toBe(false);
  });
});
