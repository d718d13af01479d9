// The views of the routes, re-exported from their feature modules; notFound is shared by all.
import { h, mount } from './dom.js';
import { commonText } from './messages/common.js';

export * from './shop.js';
export * from './auth.js';
export * from './orders.js';

export function notFound() {
  const t = commonText();
  mount(h('h1', {}, t.notFoundTitle), h('p', {}, t.notFoundText), h('p', {}, h('a', { href: '#/' }, t.backHome)));
}
