import { h, mount, flash, when, list, form } from './dom.js';
import { api, currentUser, refresh } from './api.js';

export async function page() {
  const me = currentUser();
  if (me.role !== 'INSTALLER') return applyPage();
  const offers = h('div', { id: 'offers' });
  const jobs = h('div', { id: 'jobs' });
  const availability = h('section', { id: 'availability' });
  const webhook = h('section', { id: 'webhook' });
  mount(h('h1', {}, 'Installer'), h('h2', {}, 'Open offers'), offers, h('h2', {}, 'Your jobs'), jobs,
    h('h2', {}, 'Availability'), availability, h('h2', {}, 'Webhook for your dispatch software'), webhook);
  loadOffers(offers, jobs);
  loadJobs(jobs);
  renderAvailability(availability);
  renderWebhook(webhook);
}

async function applyPage() {
  const mine = h('div', { id: 'applications' });
  mount(h('h1', {}, 'Become an installer'),
    h('p', {}, 'Installers receive installation jobs near them. An administrator checks every application.'),
    form([
      { name: 'companyName', label: 'Company', max: 120 },
      { name: 'licenseNumber', label: 'Licence number', max: 40 },
      { name: 'baseLatitude', label: 'Base latitude', type: 'number', step: 'any' },
      { name: 'baseLongitude', label: 'Base longitude', type: 'number', step: 'any' },
      { name: 'serviceRadiusKm', label: 'Service radius (km, 1–200)', type: 'number', value: 50 },
      { name: 'phone', label: 'Phone', max: 32 },
    ], 'Apply', async (v) => { await api('POST', '/api/v1/installers/applications', v); flash('Application sent.'); loadApplications(mine); }),
    h('h2', {}, 'Your applications'), mine,
    h('p', { class: 'muted' }, 'Approved? ', h('button', { class: 'secondary', onclick: async () => { await refresh(); page(); } }, 'Refresh my access')));
  loadApplications(mine);
}

async function loadApplications(box) {
  await list(box, async () => (await api('GET', '/api/v1/installers/applications')).items, (a) => h('div', { class: 'card' },
    h('p', {}, `${a.companyName} · `, h('span', { class: 'badge' }, a.status)),
    a.rejectReason ? h('p', { class: 'error' }, a.rejectReason) : null, h('p', { class: 'muted' }, when(a.createdAt))), 'No applications yet.');
}

let offersTimer = null;

/** Reloads the open offers if they are on the screen (a notification said they changed). */
export function reloadOffers() {
  const box = document.getElementById('offers');
  const jobs = document.getElementById('jobs');
  if (box && jobs) loadOffers(box, jobs);
}

async function loadOffers(box, jobs) {
  const items = await list(box, () => api('GET', '/api/v1/installer/offers'), (o) => {
    const countdown = h('span', { class: 'countdown' });
    const tick = () => {
      const left = Math.max(0, Math.round((new Date(o.expiresAt) - Date.now()) / 1000));
      countdown.textContent = `${Math.floor(left / 60)}:${String(left % 60).padStart(2, '0')} left`;
      if (left > 0 && document.body.contains(countdown)) setTimeout(tick, 1000);
    };
    tick();
    return h('div', { class: 'card offer', dataset: { offer: o.offerId } },
      h('p', {}, `${o.panelCount} panels in ${o.city} · ${o.distanceKm} km away`),
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

async function loadJobs(box) {
  await list(box, async () => (await api('GET', '/api/v1/installer/jobs')).items, (j) => h('div', { class: 'card job' },
    h('p', {}, h('span', { class: 'badge' }, j.status), ` ${j.panelCount} panels · ${when(j.window.start)} – ${when(j.window.end)}`),
    h('p', {}, `${j.customer.name} · ${j.customer.phone || 'no phone'}`),
    h('p', { class: 'muted' }, `${j.address.addressLine}, ${j.address.postalCode} ${j.address.city}`),
    j.status === 'ASSIGNED' ? h('button', { onclick: async () => { await api('POST', `/api/v1/installer/jobs/${j.jobId}/start`); loadJobs(box); } }, 'Start') : null,
    j.status === 'IN_PROGRESS' ? h('button', { onclick: async () => { await api('POST', `/api/v1/installer/jobs/${j.jobId}/complete`); loadJobs(box); } }, 'Complete') : null),
  'No jobs yet.');
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
