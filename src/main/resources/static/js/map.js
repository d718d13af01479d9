// Maps (issue 15). Leaflet is loaded only by screens that show a map, from its WebJar (no CDN). With no tile
// server configured the map still shows the shipped country outlines, the markers and circles, so it works offline.
// A map is never the only way to get its information: every screen puts the address or distance next to it as
// text, and the map itself is an image with a description for screen readers. Its controls (zoom in, zoom out,
// show everything) are ordinary buttons next to the map, reachable with the keyboard.
import { h } from './dom.js';
import { publicGet } from './api.js';
import { placesText } from './texts.js';

// The WebJar's version, pinned once in pom.xml (leaflet.version); the URL names it because Spring Boot serves
// WebJars under their versioned path.
const LEAFLET = '/webjars/leaflet/1.9.4/dist';
const BASE_LAYER = '/assets/map/countries.geojson';
const COARSE_RADIUS_M = 1000;
// Without tiles a street-level view is an empty plane: show the home with the borders around it instead.
const HOME_ZOOM_OUTLINES = 7;

let leaflet = null;
let config = null;
let outlines = null;
const live = new Set();

/** Leaflet's module and stylesheet, once. */
export function loadLeaflet() {
  if (!leaflet) {
    if (!document.querySelector('link[data-leaflet]')) {
      document.head.append(h('link', { rel: 'stylesheet', href: `${LEAFLET}/leaflet.css`, dataset: { leaflet: '1' } }));
    }
    leaflet = import(`${LEAFLET}/leaflet-src.esm.js`).catch((e) => { leaflet = null; throw e; });
  }
  return leaflet;
}

/** The server's map settings: tile URL and attribution (null: no tiles), data attributions. */
function mapConfig() {
  if (!config) {
    config = publicGet('/api/v1/public/map').catch(() => ({ tileUrl: null, tileAttribution: null, maxZoom: 18, attributions: [] }));
  }
  return config;
}

function baseLayer() {
  if (!outlines) {
    outlines = fetch(BASE_LAYER, { credentials: 'same-origin' }).then((r) => (r.ok ? r.json() : null)).catch(() => null);
  }
  return outlines;
}

/** Leaflet's attribution control takes HTML; texts from the server are escaped so they stay text. */
function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
}

/** Maps whose element left the page (a re-rendered list) stop listening to window events. */
function sweep() {
  for (const m of live) {
    if (!m.getContainer().isConnected) {
      live.delete(m);
      m.remove();
    }
  }
}

function mark(layer, kind, lat, lon) {
  const el = layer.getElement ? layer.getElement() : null;
  if (el) {
    el.dataset.kind = kind;
    el.dataset.lat = String(lat);
    el.dataset.lon = String(lon);
  }
}

/**
 * A map figure: the map (role="img", or "group" when {@code interactive}, with {@code label}), zoom buttons and
 * {@code caption} (the text equivalent).
 * Returns the figure at once; {@code ready} resolves with the map's helpers once Leaflet and the base layer loaded.
 */
export function mapFigure({ label, caption, className = '', interactive = false }) {
  const t = placesText();
  // A map to look at is an image with a description; one with a pin to move is a group, so the pin (a button
  // reachable with Tab, moved with the arrow keys) stays visible to assistive technology.
  const canvas = h('div', { class: 'map-canvas', role: interactive ? 'group' : 'img', 'aria-label': label });
  const status = h('p', { class: 'muted map-status' }, t.mapLoading);
  const toolbar = h('div', { class: 'map-tools' });
  const figure = h('figure', { class: `map ${className}`.trim() }, canvas, toolbar,
    h('figcaption', { class: 'map-caption' }, caption || null), status);
  const ready = createMap(canvas).then((m) => {
    status.remove();
    toolbar.append(
      h('button', { type: 'button', class: 'secondary map-zoom-in', 'aria-label': t.zoomIn, onclick: () => m.map.zoomIn() }, '+'),
      h('button', { type: 'button', class: 'secondary map-zoom-out', 'aria-label': t.zoomOut, onclick: () => m.map.zoomOut() }, '−'),
      h('button', { type: 'button', class: 'secondary map-fit', onclick: () => m.fit() }, t.showAll));
    return m;
  }).catch((e) => {
    status.textContent = t.mapFailed;
    status.className = 'error map-status';
    throw e;
  });
  // A screen that does not wait for the map must not see an unhandled rejection; the status says what failed.
  ready.catch(() => {});
  return { figure, canvas, ready };
}

/** A map in {@code container} with the base layer, optional tiles and attribution; resolves with helpers. */
export async function createMap(container) {
  const [L, settings, countries] = await Promise.all([loadLeaflet(), mapConfig(), baseLayer()]);
  sweep();
  const tiles = !!settings.tileUrl;
  const map = L.map(container, {
    zoomControl: false,
    attributionControl: false,
    renderer: L.svg(),
    maxZoom: settings.maxZoom || 18,
    scrollWheelZoom: false,
    worldCopyJump: false,
    // Small maps that lists re-render: no animations that could outlive their element, and the element's own
    // size (below) instead of the window's resize event.
    zoomAnimation: false,
    fadeAnimation: false,
    markerZoomAnimation: false,
    inertia: false,
    trackResize: false,
  });
  // A view first: Leaflet adds layers to a map only once it has one.
  map.setView([51.2, 10.4], 5);
  live.add(map);
  // The container may get its size after the map (a card laid out later, a phone turned): keep the map in step,
  // around the same centre, so a pin in the middle stays in view when a page that is not rebuilt gets narrower.
  if (typeof ResizeObserver === 'function') {
    const observer = new ResizeObserver(() => {
      if (!container.isConnected) {
        // The element left the page (a re-rendered list): the map goes with it.
        observer.disconnect();
        if (live.delete(map)) map.remove();
      } else {
        map.invalidateSize({ animate: false, pan: true });
      }
    });
    observer.observe(container);
  }
  const attribution = L.control.attribution({ prefix: 'Leaflet' }).addTo(map);
  L.control.scale({ imperial: false, position: 'topleft' }).addTo(map);
  if (countries) {
    L.geoJSON(countries, { interactive: false, style: () => ({ color: '#6b7280', weight: 1, fillColor: '#f5f5f4', fillOpacity: 1 }) }).addTo(map);
  }
  attribution.addAttribution('Natural Earth');
  if (tiles) {
    L.tileLayer(settings.tileUrl, { maxZoom: settings.maxZoom || 18, attribution: escapeHtml(settings.tileAttribution || '') }).addTo(map);
  }
  for (const a of settings.attributions || []) attribution.addAttribution(escapeHtml(a));

  const shown = [];
  const helpers = {
    L,
    map,
    tiles,
    /** The home: an exact point. With {@code onMove} it can be dragged (or moved with the arrow keys). */
    home(lat, lon, { onMove, title } = {}) {
      if (!live.has(map)) return null;
      const icon = L.divIcon({ className: 'map-pin', iconSize: [22, 22], iconAnchor: [11, 11] });
      const marker = L.marker([lat, lon], { icon, draggable: !!onMove, keyboard: !!onMove, title: title || '', alt: title || '' }).addTo(map);
      mark(marker, 'home', lat, lon);
      shown.push(marker);
      if (onMove) {
        const moved = () => {
          const p = marker.getLatLng();
          mark(marker, 'home', p.lat, p.lng);
          onMove(p.lat, p.lng);
        };
        marker.on('dragend', moved);
        const el = marker.getElement();
        el.setAttribute('role', 'button');
        el.setAttribute('aria-label', title || '');
        // Arrow keys move the pin about 50 m, so the correction does not need a mouse.
        el.addEventListener('keydown', (e) => {
          const step = { ArrowUp: [1, 0], ArrowDown: [-1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] }[e.key];
          if (!step) return;
          e.preventDefault();
          e.stopPropagation();
          const p = marker.getLatLng();
          marker.setLatLng([p.lat + step[0] * 0.00045, p.lng + step[1] * 0.0007]);
          moved();
        });
      }
      map.setView([lat, lon], tiles ? 16 : HOME_ZOOM_OUTLINES);
      return marker;
    },
    /** A coarse point: drawn as a dashed circle of about 1 km, never a pin, so it reads as "somewhere here". */
    approximate(lat, lon) {
      if (!live.has(map)) return null;
      const area = L.circle([lat, lon], { radius: COARSE_RADIUS_M, color: '#b45309', weight: 2, dashArray: '4 4', fillColor: '#f59e0b', fillOpacity: 0.25, interactive: false }).addTo(map);
      mark(area, 'approximate', lat, lon);
      shown.push(area);
      map.setView([lat, lon], tiles ? 13 : 11);
      return area;
    },
    /** A service area: the base as a small point and the radius as a circle. */
    serviceArea(lat, lon, radiusKm, { color = '#1d4ed8', title } = {}) {
      if (!live.has(map)) return null;
      const circle = L.circle([lat, lon], { radius: radiusKm * 1000, color, weight: 2, fillColor: color, fillOpacity: 0.1, interactive: false }).addTo(map);
      const base = L.circleMarker([lat, lon], { radius: 5, color, weight: 2, fillColor: '#fff', fillOpacity: 1, interactive: false }).addTo(map);
      mark(circle, 'service-area', lat, lon);
      if (title) circle.getElement().dataset.title = title;
      shown.push(circle);
      return circle;
    },
    /** A small point (e.g. a job on the admin map). */
    point(lat, lon, { color = '#b45309', kind = 'point', title } = {}) {
      if (!live.has(map)) return null;
      const dot = L.circleMarker([lat, lon], { radius: 7, color: '#fff', weight: 2, fillColor: color, fillOpacity: 1, interactive: false }).addTo(map);
      mark(dot, kind, lat, lon);
      if (title) dot.getElement().dataset.title = title;
      shown.push(dot);
      return dot;
    },
    clear() {
      if (!live.has(map)) return null;
      shown.splice(0).forEach((layer) => layer.remove());
    },
    /** Shows every marker and circle. */
    fit() {
      if (!live.has(map)) return null;
      if (shown.length === 0) {
        map.setView([51.2, 10.4], 5);
        return;
      }
      const bounds = L.featureGroup(shown).getBounds();
      if (shown.length === 1 && shown[0] instanceof L.Marker) map.setView(shown[0].getLatLng(), tiles ? 16 : HOME_ZOOM_OUTLINES);
      else map.fitBounds(bounds.pad(0.1), { maxZoom: tiles ? 16 : 11 });
    },
  };
  return helpers;
}
