import { h, mount, flash, when, list, form } from './dom.js';
import { api, currentUser, refresh } from './api.js';
import { addressBlock, searchPlaces } from './address.js';
import { mapFigure } from './map.js';
import { placesText, installText } from './texts.js';
import { zoneFor, range, dateTime, says, heading, replaceSection, schedulingBlock, appointmentBlock, actionButton,
  reportForm, reportView, disputeView, follow, jobSignature } from './installation.js';
import { installerTabs } from './billing.js';

export async function page() {
  const me = currentUser();
  if (me.role !== 'INSTALLER') return applyPage();
  const offers = h('div', { id: 'offers' });
  const jobs = h('div', { id: 'jobs' });
  const availability = h('section', { id: 'availability' });
  const webhook = h('section', { id: 'webhook' });
  const area = h('section', { id: 'service-area' });
  mount(h('h1', {}, 'Installer'), installerTabs('jobs'), h('h2', {}, 'Open offers'), offers, h('h2', {}, 'Your jobs'), jobs,
    h('h2', {}, placesText().serviceAreaTitle), area,
    h('h2', {}, 'Availability'), availability, h('h2', {}, 'Webhook for your dispatch software'), webhook);
  loadOffers(offers, jobs);
  loadJobs(jobs);
  renderServiceArea(area);
  renderAvailability(availability);
  renderWebhook(webhook);
}

/**
 * Base address + radius, with the service area drawn on a map once the address is known. {@code submit(body)}
 * sends {baseAddress, serviceRadiusKm} plus the other fields; the answer's point (if any) is drawn.
 */
function serviceAreaForm({ id, fields = [], value = {}, submitText, submit, onSaved }) {
  const t = placesText();
  const address = addressBlock({ street: true, value: value.baseAddress || {}, legend: t.baseAddress });
  const text = h('p', { class: 'service-area-text', 'aria-live': 'polite' });
  const mapSlot = h('div', { class: 'map-slot' }, text);
  let shown = null;
  const draw = (lat, lon, km, place) => {
    text.textContent = t.serviceAreaText(km, place);
    if (!Number.isFinite(lat) || !Number.isFinite(lon)) return;
    if (!shown) {
      shown = mapFigure({ label: t.serviceAreaMap(km, place), caption: text, className: 'map-area' });
      mapSlot.replaceChildren(shown.figure);
    } else {
      shown.canvas.setAttribute('aria-label', t.serviceAreaMap(km, place));
    }
    shown.ready.then((m) => { m.clear(); m.serviceArea(lat, lon, km); m.fit(); }).catch(() => {});
  };
  const where = (a) => [a.addressLine, `${a.postalCode} ${a.city}`.trim()].filter(Boolean).join(', ');
  const f = form([...fields, { name: 'serviceRadiusKm', label: t.radius, type: 'number', value: value.serviceRadiusKm ?? 50, min: 1, maxValue: 200 }],
    submitText, async (v) => {
      address.clearProblem();
      const a = address.values();
      const { serviceRadiusKm, ...rest } = v;
      let answer;
      try {
        answer = await submit({ ...rest, baseAddress: a, serviceRadiusKm });
      } catch (e) {
        if (address.showProblem(e)) return;
        throw e;
      }
      const lat = answer && (answer.latitude ?? answer.baseLatitude);
      const lon = answer && (answer.longitude ?? answer.baseLongitude);
      draw(lat, lon, serviceRadiusKm, where((answer && answer.baseAddress) || a));
      if (onSaved) onSaved(answer);
    });
  f.id = id;
  // The address goes before the radius: "from here, this far".
  f.inputs.serviceRadiusKm.closest('label').before(address.element);
  // Before saving, the circle follows what is typed: the address as the places search finds it.
  let timer = null;
  let asked = 0;
  const preview = async () => {
    const a = address.values();
    const km = Number(f.inputs.serviceRadiusKm.value);
    if (!a.postalCode || !a.city || !(km >= 1 && km <= 200)) return;
    const mine = ++asked;
    let found = [];
    try {
      if (a.addressLine) found = await searchPlaces(`${a.addressLine}, ${a.postalCode} ${a.city}`, a.country, 1);
      if (!found.length) found = await searchPlaces(`${a.postalCode} ${a.city}`, a.country, 1);
    } catch { found = []; }
    if (mine === asked && found.length) draw(found[0].latitude, found[0].longitude, km, where(a));
  };
  const later = () => { clearTimeout(timer); timer = setTimeout(preview, 600); };
  f.addEventListener('change', later);
  address.element.addEventListener('mousedown', (e) => { if (e.target.closest('.suggestion')) later(); });
  address.element.addEventListener('click', (e) => { if (e.target.closest('.choose-suggestion')) later(); });
  address.element.addEventListener('keydown', (e) => { if (e.key === 'Enter' && e.target.getAttribute('role') === 'combobox') later(); });
  if (Number.isFinite(value.latitude)) draw(value.latitude, value.longitude, value.serviceRadiusKm, where(value.baseAddress || {}));
  return h('div', { class: 'service-area-form' }, f, mapSlot);
}

async function applyPage() {
  const mine = h('div', { id: 'applications' });
  mount(h('h1', {}, 'Become an installer'),
    h('p', {}, 'Installers receive installation jobs near them. An administrator checks every application.'),
    serviceAreaForm({ id: 'apply-form', submitText: 'Apply', fields: [
      { name: 'companyName', label: 'Company', max: 120 },
      { name: 'licenseNumber', label: 'Licence number', max: 40 },
      { name: 'phone', label: 'Phone', max: 32, autocomplete: 'tel' },
    ], submit: (body) => api('POST', '/api/v1/installers/applications', body),
    onSaved: () => { flash('Application sent.'); loadApplications(mine); } }),
    h('h2', {}, 'Your applications'), mine,
    h('p', { class: 'muted' }, 'Approved? ', h('button', { class: 'secondary', onclick: async () => { await refresh(); page(); } }, 'Refresh my access')));
  loadApplications(mine);
}

/** The approved installer's own service area: GET/PUT /api/v1/installer/service-area. */
async function renderServiceArea(box) {
  const t = placesText();
  let current;
  try {
    current = await api('GET', '/api/v1/installer/service-area');
  } catch (e) {
    box.replaceChildren(h('p', { class: 'error' }, e.message));
    return;
  }
  box.replaceChildren(serviceAreaForm({ id: 'service-area-form', value: current, submitText: t.serviceAreaSave,
    submit: (body) => api('PUT', '/api/v1/installer/service-area', body), onSaved: () => flash(t.serviceAreaSaved) }));
}

async function loadApplications(box) {
  await list(box, async () => (await api('GET', '/api/v1/installers/applications')).items, (a) => h('div', { class: 'card' },
    h('p', {}, `${a.companyName} · `, h('span', { class: 'badge' }, a.status)),
    a.baseAddress ? h('p', {}, `${a.serviceRadiusKm} km · ${[a.baseAddress.addressLine, `${a.baseAddress.postalCode} ${a.baseAddress.city}`].filter(Boolean).join(', ')}`) : null,
    a.rejectReason ? h('p', { class: 'error' }, a.rejectReason) : null, h('p', { class: 'muted' }, when(a.createdAt))), 'No applications yet.');
}

let offersTimer = null;

/** Reloads the open offers if they are on the screen (a notification said they changed). */
export function reloadOffers() {
  const box = document.getElementById('offers');
  const jobs = document.getElementById('jobs');
  if (box && jobs) loadOffers(box, jobs);
}

/** Before acceptance: a ~1 km circle around the coarse point, city and postal code; never the street. */
function offerMap(o) {
  const t = placesText();
  const where = t.offerWhere(o.postalCode || '', o.city);
  const loc = o.approximateLocation;
  const caption = h('span', {}, h('strong', {}, t.approximate), `: ${where}, ${t.distance(o.distanceKm)}`);
  if (!loc) return h('p', { class: 'muted' }, caption);
  const shown = mapFigure({ label: t.offerMap(where), caption, className: 'map-small' });
  shown.canvas.dataset.lat = String(loc.latitude);
  shown.canvas.dataset.lon = String(loc.longitude);
  shown.ready.then((m) => m.approximate(loc.latitude, loc.longitude)).catch(() => {});
  return shown.figure;
}

async function loadOffers(box, jobs) {
  const t = placesText();
  const items = await list(box, () => api('GET', '/api/v1/installer/offers'), (o) => {
    const countdown = h('span', { class: 'countdown' });
    const tick = () => {
      const left = Math.max(0, Math.round((new Date(o.expiresAt) - Date.now()) / 1000));
      countdown.textContent = `${Math.floor(left / 60)}:${String(left % 60).padStart(2, '0')} left`;
      if (left > 0 && document.body.contains(countdown)) setTimeout(tick, 1000);
    };
    tick();
    return h('div', { class: 'card offer', dataset: { offer: o.offerId } },
      h('p', {}, `${o.panelCount} panels in ${o.city} · `, h('span', { class: 'distance' }, t.distance(o.distanceKm))),
      offerMap(o),
      h('p', { class: 'muted' }, `${when(o.window.start)} – ${when(o.window.end)} · `, countdown),
      h('button', { class: 'accept', onclick: async () => {
        try { await api('POST', `/api/v1/installer/offers/${o.offerId}/accept`); flash('The job is yours.'); } catch (e) { flash(e.message, 'error'); }
        loadOffers(box, jobs); loadJobs(jobs);
      } }, 'Accept'), ' ',
      h('button', { class: 'secondary', onclick: async () => { await api('POST', `/api/v1/installer/offers/${o.offerId}/decline`); loadOffers(box, jobs); } }, 'Decline'));
  }, 'No open offers right now.');
  // One follow-up timer at a time, however often a notification reloaded the list in between.
  clearTimeout(offersTimer);
  if (document.body.contains(box)) offersTimer = setTimeout(() => { if (document.body.contains(box)) loadOffers(box, jobs); }, items.length ? 15000 : 5000);
}

/** After acceptance: the exact address on a map and links that open it in a map app or a browser. */
function jobMap(j) {
  const t = placesText();
  const address = `${j.address.addressLine}, ${j.address.postalCode} ${j.address.city}`;
  const links = j.mapLinks ? h('p', { class: 'map-links' },
    j.mapLinks.geo ? h('a', { href: j.mapLinks.geo, class: 'map-app' }, t.openMapApp) : null, ' ',
    j.mapLinks.web ? h('a', { href: j.mapLinks.web, class: 'map-web', target: '_blank', rel: 'noopener noreferrer' }, t.openMapWeb) : null) : null;
  if (!Number.isFinite(j.address.latitude)) return links;
  const shown = mapFigure({ label: t.jobMap(address), caption: address, className: 'map-small' });
  shown.ready.then((m) => m.home(j.address.latitude, j.address.longitude, { title: address })).catch(() => {});
  return h('div', { class: 'job-map' }, shown.figure, links);
}

async function loadJobs(box) {
  const t = installText();
  await list(box, async () => (await api('GET', '/api/v1/installer/jobs')).items, (j) => {
    const tz = zoneFor(j.address && j.address.country);
    return h('div', { class: 'card job', dataset: { job: j.jobId, status: j.status } },
      h('h3', { class: 'job-title' }, h('a', { href: `#/installer/jobs/${j.jobId}`, class: 'open-job' }, t.jobListLine(j.panelCount, j.address.city))),
      h('p', { class: 'job-status-words' }, h('span', { class: 'badge' }, t.jobStatus[j.status] || t.unknownStatus)),
      j.appointment ? h('p', {}, `${t.appointment}: ${range(j.appointment.start, j.appointment.end, tz)}`)
        : h('p', { class: 'muted' }, `${t.window}: ${range(j.window.start, j.window.end, tz)}`),
      j.customer ? h('p', {}, [j.customer.name, j.customer.phone].filter(Boolean).join(' · ')) : null,
      h('p', { class: 'muted job-address' }, `${j.address.addressLine}, ${j.address.postalCode} ${j.address.city}`),
      jobMap(j),
      h('p', {}, h('a', { href: `#/installer/jobs/${j.jobId}`, class: 'button-link', 'aria-label': `${t.openJob}: ${t.jobListLine(j.panelCount, j.address.city)}` }, t.openJob)));
  }, 'No jobs yet.');
}

/** One job of the installer: status, customer, window, appointment, start, completion report. */
export async function job(jobId) {
  const t = installText();
  const hash = location.hash;
  const path = `/api/v1/installer/jobs/${encodeURIComponent(jobId)}`;
  const back = h('p', {}, h('a', { href: '#/installer' }, t.backToJobs));
  let j;
  try {
    j = await api('GET', path);
  } catch (e) {
    mount(back, h('h1', {}, t.installation), h('p', { class: 'error' }, says(e)));
    return;
  }
  if (location.hash !== hash) return;
  const tz = zoneFor(j.address && j.address.country);
  const status = h('p', { id: 'job-status', class: 'status-line' });
  const work = h('section', { id: 'job-work', 'aria-label': t.installation });
  const customer = j.customer || { name: '' };
  const phone = customer.phone ? h('a', { href: `tel:${customer.phone.replace(/[^+0-9]/g, '')}`, class: 'phone' }, customer.phone) : null;
  const details = h('section', { class: 'card job-details', 'aria-labelledby': 'job-customer-title' },
    h('h2', { id: 'job-customer-title' }, t.customer),
    h('p', {}, customer.name, phone ? ' · ' : '', phone),
    h('p', { class: 'job-address' }, `${t.address}: ${j.address.addressLine}, ${j.address.postalCode} ${j.address.city}`),
    h('p', {}, `${t.panels(j.panelCount)} · ${t.window}: `, h('span', { id: 'job-window' }, range(j.window.start, j.window.end, tz))),
    jobMap(j));
  mount(back, h('h1', {}, t.jobTitle(j.panelCount, j.address.city)), status, work, details);

  let setSeen = () => {};
  const apply = (answer, message) => {
    setSeen(answer);
    show(answer, true);
    if (message) flash(message);
  };
  const base = path;
  function show(current, moveFocus) {
    status.replaceChildren(h('span', { class: 'badge status', dataset: { status: current.status } }, t.jobStatus[current.status] || t.unknownStatus));
    const nodes = [];
    switch (current.status) {
      case 'ASSIGNED':
        nodes.push(heading('h2', t.scheduling, 'work-title'), ...schedulingBlock({ me: 'INSTALLER', scheduling: current.scheduling, window: current.window, tz,
          accept: async (proposalId) => apply(await api('POST', `${base}/appointment/proposals/${encodeURIComponent(proposalId)}/accept`), t.agreed),
          propose: async (body) => apply(await api('POST', `${base}/appointment/proposals`, body), t.proposed) }));
        break;
      case 'SCHEDULED': {
        nodes.push(heading('h2', t.scheduling, 'work-title'), appointmentBlock({ appointment: current.appointment, tz, icsPath: `${base}/appointment.ics`,
          reschedule: async (reason) => apply(await api('POST', `${base}/appointment/reschedule`, { reason }), t.rescheduled) }));
        if (current.canStart) {
          const start = actionButton({ id: 'start-installation', text: t.start,
            run: () => api('POST', `${base}/start`), done: (answer) => apply(answer, t.started) });
          nodes.push(h('div', { class: 'tabs' }, start.button), start.error);
        } else {
          nodes.push(h('p', { class: 'muted', id: 'start-hint' }, t.startHint));
        }
        break;
      }
      case 'IN_PROGRESS':
        nodes.push(heading('h2', t.report, 'work-title'), current.dispute ? disputeView(current.dispute, tz) : null,
          reportForm({ job: current, tz, onSubmitted: (answer) => apply(answer, t.submitted) }));
        break;
      case 'AWAITING_CONFIRMATION':
        nodes.push(heading('h2', t.installation, 'work-title'),
          current.confirmBy ? h('p', { class: 'confirm-by' }, t.confirmByInstaller(dateTime(current.confirmBy, tz))) : null,
          current.report ? reportView(current.report, tz) : null);
        break;
      case 'DISPUTED':
        nodes.push(heading('h2', t.disputeTitle, 'work-title'), h('p', {}, t.disputedText),
          current.dispute ? disputeView(current.dispute, tz) : null, current.report ? reportView(current.report, tz) : null);
        break;
      case 'COMPLETED':
        nodes.push(heading('h2', t.installation, 'work-title'), h('p', { class: 'ok' }, t.completedText),
          current.dispute ? disputeView(current.dispute, tz) : null, current.report ? reportView(current.report, tz) : null);
        break;
      default:
        nodes.push(h('p', { class: 'muted' }, t.nothingToDo));
    }
    replaceSection(work, nodes, moveFocus);
  }
  show(j, false);
  setSeen = follow({ hash, every: 8000, initial: jobSignature(j), load: () => api('GET', path), signature: jobSignature,
    changed: (fresh) => { show(fresh, false); flash(t.updated(t.jobStatus[fresh.status] || t.unknownStatus)); } });
}

async function renderAvailability(box) {
  const slots = await api('GET', '/api/v1/installer/availability');
  const rows = h('div');
  const local = (iso) => { const d = new Date(iso); return new Date(d.getTime() - d.getTimezoneOffset() * 60000).toISOString().slice(0, 16); };
  const addRow = (s = {}) => rows.append(h('div', { class: 'tabs slot' },
    h('input', { type: 'datetime-local', value: s.start ? local(s.start) : '' }), h('input', { type: 'datetime-local', value: s.end ? local(s.end) : '' }),
    h('button', { class: 'secondary', onclick: (e) => e.target.parentElement.remove() }, 'Remove')));
  slots.forEach(addRow);
  box.replaceChildren(rows, h('div', { class: 'tabs' }, h('button', { class: 'secondary', onclick: () => addRow() }, 'Add window'),
    h('button', { onclick: async () => {
      const payload = [...rows.querySelectorAll('.slot')].map((r) => {
        const [a, b] = r.querySelectorAll('input');
        return { start: a.value ? new Date(a.value).toISOString() : null, end: b.value ? new Date(b.value).toISOString() : null };
      });
      try { await api('PUT', '/api/v1/installer/availability', { slots: payload }); flash('Availability saved.'); } catch (e) { flash(e.problem && e.problem.errors ? e.problem.errors.map((x) => x.message).join('; ') : e.message, 'error'); }
    } }, 'Save availability')));
}

async function renderWebhook(box) {
  const deliveries = h('div');
  let current = null;
  try { current = await api('GET', '/api/v1/installer/webhook'); } catch (e) { if (e.status !== 404) throw e; }
  box.replaceChildren(form([{ name: 'url', label: 'https URL', value: current ? current.url : '' }], 'Save', async (v) => {
    const r = await api('PUT', '/api/v1/installer/webhook', v);
    box.prepend(h('p', { class: 'ok' }, 'Saved. Your signing secret (shown only now): ', h('code', {}, r.secret)));
  }), h('h3', {}, 'Recent deliveries'), deliveries);
  if (current) {
    list(deliveries, () => api('GET', '/api/v1/installer/webhook/deliveries'), (d) => h('p', {},
      `${when(d.attemptedAt)} · ${d.eventType} · attempt ${d.attempt} · ${d.outcome}${d.error ? ` (${d.error})` : ''}`), 'No deliveries yet.');
  }
}
