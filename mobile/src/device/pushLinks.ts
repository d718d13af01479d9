import type { Variant } from '../core/variant';

/**
 * A push message's `data.link` is the web client's path (`/#/orders/<id>`, `/#/installer`,
 * `/#/installer/jobs/<jobId>`); this is the app's own deep link for it, or null when the app has no such screen.
 */
export function deepLinkForPush(link: unknown, variant: Variant): string | null {
  if (typeof link !== 'string') return null;
  const path = link.replace(/^\/?#?\/?/, '');
  const id = '([A-Za-z0-9-]{1,64})';
  if (variant === 'homeowner') {
    const order = new RegExp(`^orders/${id}$`).exec(path);
    if (order) return `sundispatch://orders/${order[1]}`;
    if (path === 'orders') return 'sundispatch://orders';
    return null;
  }
  if (path === 'installer' || path === 'installer/offers') return 'sundispatchpro://offers';
  const offer = new RegExp(`^installer/offers/${id}$`).exec(path);
  if (offer) return `sundispatchpro://offers/${offer[1]}`;
  const job = new RegExp(`^installer/jobs/${id}$`).exec(path);
  if (job) return `sundispatchpro://jobs/${job[1]}`;
  if (path === 'installer/jobs') return 'sundispatchpro://jobs';
  return null;
}
