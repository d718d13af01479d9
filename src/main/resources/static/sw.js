// Caches the application shell only. API answers (personal data) are never cached: they always go to the network.
const SHELL = 'sundispatch-shell-v2';
const FILES = ['/', '/index.html', '/app.css', '/js/app.js', '/js/api.js', '/js/dom.js', '/js/views.js',
  '/js/account.js', '/js/installer.js', '/js/admin.js', '/js/dialog.js', '/js/texts.js', '/js/inbox.js', '/js/notifications.js', '/js/push.js', '/icons/icon.svg',
  '/manifest.webmanifest'];

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
