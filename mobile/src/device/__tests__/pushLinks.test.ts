import { deepLinkForPush } from '../pushLinks';

test('push links from the server become the app’s deep links', () => {
  expect(deepLinkForPush('/#/orders/8bec1699-9ad3', 'homeowner')).toBe('sundispatch://orders/8bec1699-9ad3');
  expect(deepLinkForPush('/#/installer', 'installer')).toBe('sundispatchpro://offers');
  expect(deepLinkForPush('/#/installer/offers/o-1', 'installer')).toBe('sundispatchpro://offers/o-1');
  expect(deepLinkForPush('/#/installer/jobs/j-1', 'installer')).toBe('sundispatchpro://jobs/j-1');
  expect(deepLinkForPush('/#/installer/jobs', 'installer')).toBe('sundispatchpro://jobs');
  expect(deepLinkForPush('/#/admin/jobs', 'installer')).toBeNull();
  expect(deepLinkForPush('/#/orders/x/../../evil', 'homeowner')).toBeNull();
  expect(deepLinkForPush(42, 'homeowner')).toBeNull();
});
