// Caches the application shell only. API answers (personal data) are never cached: they always go to the network.
const SHELL = 'sundispatch-shell-v9';
const FILES = ['/', '/index.html', '/app.css', '/js/app.js', '/js/api.js', '/js/dom.js', '/js/views.js',
  '/js/account.js', '/js/installer.js', '/js/admin.js', '/js/dialog.js', '/js/texts.js', '/js/inbox.js', '/js/notifications.js', '/js/push.js', '/js/map.js', '/js/address.js', '/js/installation.js', '/js/billing.js', '/js/admin-money.js',
  '/js/shop.js', '/js/auth.js', '/js/orders.js', '/js/i18n.js', '/js/format.js', '/js/router.js', '/js/messages/common.js', '/js/messages/errors.js',
  '/js/order-progress.js', '/js/messages/orders.js',
  '/js/shop-state.js', '/js/messages/shop.js', '/js/messages/auth.js',
  '/js/devices.js', '/js/admin-format.js', '/js/messages/account.js', '/js/messages/admin.js',
  '/assets/map/countries.geojson', '/webjars/leaflet/1.9.4/dist/leaflet.css', '/webjars/leaflet/1.9.4/dist/leaflet-src.esm.js', '/icons/icon.svg',
  '/manifest.webmanifest',
  '/js/countdown.js', '/js/links.js', '/js/messages/installer.js',
  '/js/passkeys.js', '/js/messages/passkeys.js',
  '/js/privacy.js', '/js/messages/privacy.js',
  '/js/account-security.js', '/js/messages/security.js',
  '/js/admin-keys.js', '/js/messages/admin-keys.js'];

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(SHELL).then((cache) => cache.addAll(FILES)));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys().then((keys) => Promise.all(keys.filter((k) => k !== SHELL).map((k) => caches.delete(k)))));
});

self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== 'GET' || url.origin !== location.origin || url.pathname.startsWith('/api/')
      || url.pathname.startsWith('/actuator/')) {
    return;
  }
  // Network first, so a new version shows at once; the cached shell keeps the app opening offline.
  event.respondWith(fetch(event.request).then((response) => {
    if (response.ok && FILES.includes(url.pathname)) {
      const copy = response.clone();
      caches.open(SHELL).then((cache) => cache.put(event.request, copy));
    }
    return response;
  }).catch(() => caches.match(event.request).then((hit) => hit || caches.match('/index.html'))));
});

// Web Push (issue 14). The message is {eventId, title, body, link, tag}; the push service only ever saw it
// encrypted. A newer push with the same tag replaces the older notification; the same event delivered twice
// (a retry after a lost answer) is not shown twice while the first one is still on screen.
self.addEventListener('push', (event) => {
  let data = {};
  try { data = event.data ? event.data.json() : {}; } catch { data = {}; }
  event.waitUntil(self.registration.getNotifications().then((shown) => {
    if (data.eventId && shown.some((n) => n.data && n.data.eventId === data.eventId)) return undefined;
    return self.registration.showNotification(data.title || 'SunDispatch', {
      body: data.body || '',
      tag: data.tag || undefined,
      icon: '/icons/icon-192.png',
      badge: '/icons/icon-192.png',
      data: { eventId: data.eventId || null, link: sameOriginLink(data.link) },
    });
  }));
});

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const target = sameOriginLink(event.notification.data && event.notification.data.link);
  event.waitUntil(self.clients.matchAll({ type: 'window', includeUncontrolled: true }).then((windows) => {
    const open = windows.find((w) => new URL(w.url).origin === self.location.origin);
    if (!open) return self.clients.openWindow(target);
    return open.focus().then((focused) => {
      const client = focused || open;
      if (client.url === target || typeof client.navigate !== 'function') return client;
      return client.navigate(target).catch(() => self.clients.openWindow(target));
    });
  }));
});

/** Only a path of this app is opened: a link from a push never leads to another site. */
function sameOriginLink(link) {
  try {
    const url = new URL(typeof link === 'string' && link.startsWith('/') && !link.startsWith('//') ? link : '/',
      self.location.origin);
    return url.origin === self.location.origin ? url.href : `${self.location.origin}/`;
  } catch {
    return `${self.location.origin}/`;
  }
}
