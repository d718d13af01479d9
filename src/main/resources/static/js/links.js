// Where the client may send people: parsed with the URL parser the browser itself uses (a regex over the raw text
// lets "/\evil.com" or "/<tab>/evil.com" through, which the browser resolves to another site). Pure, so Node's test
// runner checks it (src/test/js/links.test.mjs).

/** The payment providers' pages the checkout may open: the sandbox's own page, or Stripe Checkout over https. */
const CHECKOUT_HOSTS = ['checkout.stripe.com'];

/**
 * The checkout address to open, or null: the sandbox's page on this origin, or an https page of a known payment
 * provider. Anything else (another site, javascript:, data:) is refused.
 */
export function safeCheckoutUrl(url, origin) {
  let u;
  try {
    u = new URL(String(url || ''), origin);
  } catch {
    return null;
  }
  if (u.origin === origin && u.pathname === '/sandbox-checkout') return u.href;
  if (u.protocol === 'https:' && CHECKOUT_HOSTS.includes(u.hostname) && !u.username && !u.password) return u.href;
  return null;
}

/** An app-relative link ("/path?x#y") that stays on this origin, as that path; anything else null. */
export function sameOriginPath(link, origin) {
  if (typeof link !== 'string' || !link.startsWith('/')) return null;
  let u;
  try {
    u = new URL(link, origin);
  } catch {
    return null;
  }
  return u.origin === origin ? `${u.pathname}${u.search}${u.hash}` : null;
}
