// Where the client may send people (Node's built-in test runner).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { safeCheckoutUrl, sameOriginPath } from '../../main/resources/static/js/links.js';

const ORIGIN = 'https://sundispatch.example';

test('the sandbox page on this site and Stripe Checkout are opened', () => {
  assert.equal(safeCheckoutUrl('/sandbox-checkout#payment=p1', ORIGIN), `${ORIGIN}/sandbox-checkout#payment=p1`);
  assert.equal(safeCheckoutUrl('https://checkout.stripe.com/c/pay/cs_test_1', ORIGIN), 'https://checkout.stripe.com/c/pay/cs_test_1');
});

test('anything else is refused, including what a regex over the text would let through', () => {
  for (const url of ['/\\evil.com/x', '/\t/evil.com', '//evil.com/sandbox-checkout', 'https://evil.com/',
    'http://checkout.stripe.com/c/pay/x', 'https://user:pw@checkout.stripe.com/', 'javascript:alert(1)',
    'data:text/html,x', '/orders', '', null, undefined, 'https://checkout.stripe.com.evil.com/']) {
    assert.equal(safeCheckoutUrl(url, ORIGIN), null, String(url));
  }
});

test('an app-relative link stays on this site', () => {
  assert.equal(sameOriginPath('/#/orders/1', ORIGIN), '/#/orders/1');
  assert.equal(sameOriginPath('/installer?x=1#/jobs/2', ORIGIN), '/installer?x=1#/jobs/2');
  for (const link of ['//evil.com', '/\\evil.com', '/\t/evil.com', 'https://evil.com', 'javascript:x', '', null]) {
    assert.equal(sameOriginPath(link, ORIGIN), null, String(link));
  }
});
