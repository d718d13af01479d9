// Hash routes with their query ("#/catalog?q=mono&sort=price&page=2"), so a view's state lives in the URL and the
// Back button restores it. Pure: Node's test runner checks it (src/test/js).

/** "#/catalog?q=x" → { path: "/catalog", params: URLSearchParams }. */
export function parseHash(hash) {
  const raw = String(hash || '').replace(/^#/, '') || '/';
  const at = raw.indexOf('?');
  const path = (at < 0 ? raw : raw.slice(0, at)) || '/';
  return { path: path.startsWith('/') ? path : `/${path}`, params: new URLSearchParams(at < 0 ? '' : raw.slice(at + 1)) };
}

/** The hash for a path and its state; empty values are left out, keys in a stable order. */
export function buildHash(path, params = {}) {
  const q = new URLSearchParams();
  for (const key of Object.keys(params).sort()) {
    const value = params[key];
    if (value !== undefined && value !== null && value !== '') q.set(key, String(value));
  }
  const query = q.toString();
  return `#${path}${query ? `?${query}` : ''}`;
}

/**
 * The first route whose pattern matches the path: { route, args } with the pattern's groups as args, or null.
 * A route is { pattern: RegExp over the path, view, guard?, title? }.
 */
export function matchRoute(routes, path) {
  for (const route of routes) {
    const m = path.match(route.pattern);
    if (m) return { route, args: m.slice(1).map((a) => (a === undefined ? undefined : decodeURIComponent(a))) };
  }
  return null;
}
