import { h, mount, flash, when, list, form, busy, dataTable } from './dom.js';
import { api, currentUser, refresh, serverNow } from './api.js';
import { addressBlock, searchPlaces } from './address.js';
import { mapFigure } from './map.js';
import { placesText, installText } from './texts.js';
import { zoneFor, range, dateTime, says, heading, replaceSection, schedulingBlock, appointmentBlock, actionButton,
  reportForm, reportView, disputeView, follow, jobSignature, keyed } from './installation.js';
import { installerTabs } from './billing.js';
import { installerText } from './messages/installer.js';
import { commonText } from './messages/common.js';
import { countdownState, crossed, minutesOf } from './countdown.js';

/** A new offer's notification opens the offer itself: the installer page with that offer's card in focus. */
export async function offerPage(offerId) {
  return page({ focusOffer: offerId });
}

export async function page(options = {}) {
  const me = currentUser();
  if (me.role !== 'INSTALLER') return applyPage();
  const w = installerText();
  const offers = h('div', { id: 'offers', class: 'offer-list' });
  const offersStatus = h('div', { id: 'offers-status', role: 'status' });
  // The countdowns' few announcements (five minutes, one minute, expired); the countdowns themselves are silent.
  const offersLive = h('p', { id: 'offers-live', class: 'visually-hidden', 'aria-live': 'polite' });
  const jobs = h('div', { id: 'jobs' });
  const availability = h('section', { id: 'availability', 'aria-labelledby': 'availability-title' });
  const webhook = h('section', { id: 'webhook', 'aria-labelledby': 'webhook-title' });
  const area = h('section', { id: 'service-area', 'aria-labelledby': 'service-area-title' });
  mount(h('h1', {}, w.title), installerTabs('jobs'),
    h('section', { class: 'installer-offers', 'aria-labelledby': 'offers-title' },
      h('h2', { id: 'offers-title', tabindex: '-1' }, w.offersTitle), offersStatus, offersLive, offers),
    h('section', { class: 'installer-jobs', 'aria-labelledby': 'jobs-title' }, h('h2', { id: 'jobs-title' }, w.jobsTitle), jobs),
    area, availability, webhook);
  area.append(h('h2', { id: 'service-area-title' }, placesText().serviceAreaTitle));
  availability.append(h('h2', { id: 'availability-title' }, w.availabilityTitle));
  webhook.append(h('h2', { id: 'webhook-title' }, w.webhookTitle));
  startOffers({ box: offers, status: offersStatus, live: offersLive, jobs,
    focusOffer: typeof options.focusOffer === 'string' ? options.focusOffer : null });
  loadJobs(jobs);
  renderServiceArea(area);
  renderAvailability(availability);
  renderWebhook(webhook);
  return undefined;
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
  const f = form([...fields, { name: 'serviceRadiusKm', label: t.radius, type: 'number', value: value.serviceRadiusKm ?? 50, min: 1, maxValue: 200,
    required: true, invalid: installerText().radiusInvalid, missing: installerText().radiusInvalid }],
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
  const w = installerText();
  const mine = h('div', { id: 'applications' });
  const sent = h('p', { id: 'apply-status', role: 'status' });
  const applyForm = serviceAreaForm({ id: 'apply-form', submitText: w.apply, fields: [
    { name: 'companyName', label: w.company, max: 120, required: true, hint: w.companyHint, invalid: w.companyInvalid,
      missing: w.companyMissing, autocomplete: 'organization' },
    { name: 'licenseNumber', label: w.licence, max: 40, required: true, hint: w.licenceHint, invalid: w.licenceInvalid,
      missing: w.licenceMissing },
    { name: 'phone', label: w.phone, type: 'tel', max: 32, required: true, autocomplete: 'tel', hint: w.phoneHint,
      invalid: w.phoneInvalid, missing: w.phoneMissing },
  ], submit: (body) => {
    sent.textContent = '';
    return api('POST', '/api/v1/installers/applications', body);
  }, onSaved: () => {
    // Said next to the form the person just sent, and the list below shows the new application.
    sent.textContent = w.applicationSent;
    sent.className = 'ok';
    loadApplications(mine);
  } });
  const refreshButton = h('button', { type: 'button', class: 'secondary', id: 'refresh-access', onclick: () => busy(refreshButton, async () => {
    await refresh();
    page();
  }) }, w.refreshAccess);
  mount(h('h1', {}, w.applyTitle), h('p', {}, w.applyIntro), applyForm, sent,
    h('h2', {}, w.applicationsTitle), mine,
    h('p', { class: 'muted' }, w.approvedHint, refreshButton));
  loadApplications(mine);
}

/** The approved installer's own service area: GET/PUT /api/v1/installer/service-area. */
async function renderServiceArea(box) {
  const t = placesText();
  const saved = h('p', { id: 'service-area-status', role: 'status' });
  let current;
  try {
    current = await api('GET', '/api/v1/installer/service-area');
  } catch (e) {
    box.append(h('p', { class: 'error' }, says(e)));
    return;
  }
  const areaForm = serviceAreaForm({ id: 'service-area-form', value: current, submitText: t.serviceAreaSave,
    submit: (body) => { saved.textContent = ''; return api('PUT', '/api/v1/installer/service-area', body); },
    onSaved: () => { saved.textContent = t.serviceAreaSaved; saved.className = 'ok'; } });
  box.append(areaForm, saved);
}

async function loadApplications(box) {
  const w = installerText();
  await list(box, async () => (await api('GET', '/api/v1/installers/applications')).items, (a) => h('div', { class: 'card application', dataset: { status: a.status } },
    h('p', {}, h('strong', {}, a.companyName), ' ', h('span', { class: 'badge application-status' }, w.applicationStatus[a.status] || w.unknownApplicationStatus)),
    a.baseAddress ? h('p', {}, `${a.serviceRadiusKm} km · ${[a.baseAddress.addressLine, `${a.baseAddress.postalCode} ${a.baseAddress.city}`].filter(Boolean).join(', ')}`) : null,
    a.rejectReason ? h('p', { class: 'error' }, w.rejectReason(a.rejectReason)) : null,
    a.createdAt ? h('p', { class: 'muted' }, w.appliedOn(when(a.createdAt))) : null), w.noApplications);
}

// The open offers on the installer's page: one view at a time, reloaded every 15 s (5 s while empty) and when a
// notification says the offers changed. A reload changes only the cards that came or went; the countdowns tick
// every second in place, so nothing is rebuilt and focus stays where it is.
let offersView = null;

/** Reloads the open offers if they are on the screen (a notification said they changed). */
export function reloadOffers() {
  if (offersView && document.body.contains(offersView.box)) loadOffers(offersView);
}

function startOffers({ box, status, live, jobs, focusOffer = null }) {
  if (offersView) {
    clearTimeout(offersView.timer);
    clearInterval(offersView.ticker);
  }
  const view = { box, status, live, jobs, cards: new Map(), timer: null, ticker: null, loaded: false, accepted: null,
    focusOffer };
  offersView = view;
  view.ticker = setInterval(() => {
    if (!document.body.contains(box)) {
      clearInterval(view.ticker);
      return;
    }
    tickOffers(view);
  }, 1000);
  box.replaceChildren(h('p', { class: 'muted', role: 'status' }, commonText().loading));
  loadOffers(view);
}

/** Every countdown one second on: its text, and an announcement only when a threshold is crossed. */
function tickOffers(view) {
  const w = installerText();
  const now = serverNow();
  for (const card of view.cards.values()) {
    const state = countdownState(card.expiresAt, now);
    const text = state.expired ? w.expired : state.text;
    if (card.countdown.textContent !== text) card.countdown.textContent = text;
    const said = crossed(card.left, state.ms);
    card.left = state.ms;
    if (said === 'expired') view.live.textContent = w.announceExpired(card.line);
    else if (said) view.live.textContent = w.announceMinutes(minutesOf(said), card.line);
    if (state.expired && !card.element.classList.contains('expired')) {
      card.element.classList.add('expired');
      card.accept.disabled = true;
      card.decline.disabled = true;
      card.note.hidden = false;
    }
  }
}

async function loadOffers(view) {
  clearTimeout(view.timer);
  let items = null;
  try {
    items = await api('GET', '/api/v1/installer/offers');
  } catch (e) {
    // The first load says why the list is missing; a later failed reload keeps the list and tries again.
    if (!view.loaded) view.box.replaceChildren(h('p', { class: 'error', role: 'alert' }, says(e)));
  }
  if (offersView !== view || !document.body.contains(view.box)) return;
  if (items) {
    view.loaded = true;
    showOffers(view, Array.isArray(items) ? items : []);
    if (view.focusOffer) focusLinkedOffer(view);
  }
  const wait = items && items.length ? 15000 : 5000;
  view.timer = setTimeout(() => { if (offersView === view && document.body.contains(view.box)) loadOffers(view); }, wait);
}

/** Adds the offers that came, removes those that went, keeps the others as they are (same nodes). */
function showOffers(view, items) {
  const w = installerText();
  const ids = new Set(items.map((o) => o.offerId));
  for (const [id, card] of view.cards) {
    if (!ids.has(id)) removeCard(view, id, card);
  }
  const empty = view.box.querySelector('#offers-empty');
  if (items.length === 0) {
    if (!empty) view.box.replaceChildren(h('p', { class: 'muted', id: 'offers-empty' }, w.noOffers));
    return;
  }
  if (empty) empty.remove();
  view.box.querySelectorAll(':scope > p').forEach((p) => p.remove());
  let before = view.box.firstElementChild;
  for (const o of items) {
    let card = view.cards.get(o.offerId);
    if (!card) {
      card = offerCard(view, o);
      view.cards.set(o.offerId, card);
      view.box.insertBefore(card.element, before);
    } else if (card.element !== before) {
      view.box.insertBefore(card.element, before);
    }
    before = card.element.nextElementSibling;
  }
  tickOffers(view);
}

/**
 * Once, after the first list: the offer the notification named gets the focus (its accept button, so one tap
 * takes it) and a mark; an offer already taken, declined or expired says so instead of leaving the installer
 * looking for it.
 */
function focusLinkedOffer(view) {
  const id = view.focusOffer;
  view.focusOffer = null;
  const card = view.cards.get(id);
  if (!card) {
    view.status.replaceChildren(h('p', { class: 'muted', id: 'offer-gone' }, installerText().offerGone));
    return;
  }
  card.element.classList.add('linked');
  card.element.scrollIntoView({ block: 'center' });
  const accept = card.element.querySelector('button.accept');
  if (accept) accept.focus();
}

/** Takes a card away; when it held the focus, the focus goes to the next card, else to the offers heading. */
function removeCard(view, id, card) {
  const hadFocus = card.element.contains(document.activeElement);
  const next = card.element.nextElementSibling || card.element.previousElementSibling;
  card.element.remove();
  view.cards.delete(id);
  if (hadFocus) {
    const target = (next && next.querySelector('button:not([disabled])')) || document.getElementById('offers-title');
    if (target) target.focus();
  }
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

function offerCard(view, o) {
  const w = installerText();
  const t = placesText();
  const tz = zoneFor(o.country);
  const line = w.offerLine(o.panelCount, o.city);
  // role=timer: the text changes every second without being read out; the live region says the thresholds.
  const countdown = h('strong', { class: 'countdown', role: 'timer', dataset: { expires: o.expiresAt } });
  const note = h('p', { class: 'muted expired-note', hidden: true }, w.expiredNote);
  const accept = h('button', { type: 'button', class: 'accept', 'aria-label': w.acceptLabel(line) }, w.accept);
  const decline = h('button', { type: 'button', class: 'secondary decline', 'aria-label': w.declineLabel(line) }, w.decline);
  const element = h('article', { class: 'card offer', dataset: { offer: o.offerId }, 'aria-label': line },
    h('h3', { class: 'offer-title' }, line, ' ', h('span', { class: 'distance muted' }, `· ${t.distance(o.distanceKm)}`)),
    offerMap(o),
    h('dl', { class: 'facts offer-facts' },
      h('dt', {}, w.offerWindow), h('dd', {}, range(o.window.start, o.window.end, tz)),
      h('dt', {}, w.timeLeft), h('dd', {}, countdown)),
    note,
    h('div', { class: 'tabs offer-actions' }, accept, decline));
  const card = { element, countdown, accept, decline, note, line, expiresAt: o.expiresAt, left: null };
  accept.addEventListener('click', () => busy(accept, async () => {
    view.status.replaceChildren();
    try {
      const job = await api('POST', `/api/v1/installer/offers/${encodeURIComponent(o.offerId)}/accept`);
      const jobId = job && job.jobId;
      view.accepted = jobId;
      // Said where the person looks, with the way on; it goes once this job is no longer waiting to be scheduled.
      view.status.replaceChildren(h('p', { class: 'ok', id: 'offer-accepted', dataset: { job: jobId || '' } }, w.jobYours, ' ',
        jobId ? h('a', { href: `#/installer/jobs/${encodeURIComponent(jobId)}`, id: 'open-accepted-job' }, w.openNewJob) : null));
      removeCard(view, o.offerId, card);
      const link = document.getElementById('open-accepted-job');
      if (link) link.focus();
    } catch (e) {
      view.status.replaceChildren(h('p', { class: 'error', role: 'alert' }, says(e)));
    }
    loadOffers(view);
    loadJobs(view.jobs);
  }));
  decline.addEventListener('click', () => busy(decline, async () => {
    view.status.replaceChildren();
    try {
      await api('POST', `/api/v1/installer/offers/${encodeURIComponent(o.offerId)}/decline`);
      removeCard(view, o.offerId, card);
      view.status.replaceChildren(h('p', { class: 'muted' }, w.declined));
    } catch (e) {
      view.status.replaceChildren(h('p', { class: 'error', role: 'alert' }, says(e)));
    }
    loadOffers(view);
  }));
  return card;
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
  const w = installerText();
  const items = await list(box, async () => (await api('GET', '/api/v1/installer/jobs')).items, (j) => {
    const tz = zoneFor(j.address && j.address.country);
    return h('article', { class: 'card job', dataset: { job: j.jobId, status: j.status } },
      h('h3', { class: 'job-title' }, h('a', { href: `#/installer/jobs/${j.jobId}`, class: 'open-job' }, t.jobListLine(j.panelCount, j.address.city))),
      h('p', { class: 'job-status-words' }, h('span', { class: 'badge' }, t.jobStatus[j.status] || t.unknownStatus)),
      j.appointment ? h('p', {}, `${t.appointment}: ${range(j.appointment.start, j.appointment.end, tz)}`)
        : h('p', { class: 'muted' }, `${t.window}: ${range(j.window.start, j.window.end, tz)}`),
      j.customer ? h('p', {}, [j.customer.name, j.customer.phone].filter(Boolean).join(' · ')) : null,
      h('p', { class: 'muted job-address' }, `${j.address.addressLine}, ${j.address.postalCode} ${j.address.city}`),
      jobMap(j),
      h('p', {}, h('a', { href: `#/installer/jobs/${j.jobId}`, class: 'button-link', 'aria-label': `${t.openJob}: ${t.jobListLine(j.panelCount, j.address.city)}` }, t.openJob)));
  }, w.noJobs);
  // "The job is yours" belongs to the job waiting to be scheduled; once it moved on, the message goes.
  const accepted = offersView && offersView.accepted;
  if (accepted && !items.some((j) => j.jobId === accepted && j.status === 'ASSIGNED')) {
    const shown = document.getElementById('offer-accepted');
    if (shown) shown.remove();
    offersView.accepted = null;
  }
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
  // What a live update changed is said here (politely), not in the page-wide flash: no scrolling, no lost focus.
  const live = h('p', { id: 'job-live', class: 'visually-hidden', 'aria-live': 'polite' });
  const work = h('section', { id: 'job-work', 'aria-label': t.installation });
  const customer = j.customer || { name: '' };
  const phone = customer.phone ? h('a', { href: `tel:${customer.phone.replace(/[^+0-9]/g, '')}`, class: 'phone' }, customer.phone) : null;
  const details = h('section', { class: 'card job-details', 'aria-labelledby': 'job-customer-title' },
    h('h2', { id: 'job-customer-title' }, t.customer),
    h('p', {}, customer.name, phone ? ' · ' : '', phone),
    h('p', { class: 'job-address' }, `${t.address}: ${j.address.addressLine}, ${j.address.postalCode} ${j.address.city}`),
    h('p', {}, `${t.panels(j.panelCount)} · ${t.window}: `, h('span', { id: 'job-window' }, range(j.window.start, j.window.end, tz))),
    jobMap(j));
  mount(back, h('h1', {}, t.jobTitle(j.panelCount, j.address.city)), status, live, work, details);

  let setSeen = () => {};
  // The state an own action's message belongs to: when the job moves on, the message goes.
  let flashedFor = null;
  const apply = (answer, message) => {
    setSeen(answer);
    show(answer, true);
    if (message) {
      flash(message, 'ok');
      flashedFor = answer.status;
    }
  };
  const base = path;
  function show(current, moveFocus) {
    const words = t.jobStatus[current.status] || t.unknownStatus;
    if (status.dataset.status !== current.status) {
      status.dataset.status = current.status;
      status.replaceChildren(h('span', { class: 'badge status', dataset: { status: current.status } }, words));
    }
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
    changed: (fresh) => {
      const before = status.dataset.status;
      show(fresh, false);
      if (flashedFor && fresh.status !== flashedFor) {
        flash('');
        flashedFor = null;
      }
      live.textContent = fresh.status !== before ? t.updated(t.jobStatus[fresh.status] || t.unknownStatus) : t.updatedDetails;
    } });
}


/** The windows in which the installer takes jobs: labelled date-time fields, checked before they are sent. */
async function renderAvailability(box) {
  const w = installerText();
  let slots;
  try {
    slots = await api('GET', '/api/v1/installer/availability');
  } catch (e) {
    box.append(h('p', { class: 'error' }, says(e)));
    return;
  }
  const rows = h('ol', { class: 'slot-list', id: 'availability-slots' });
  const empty = h('p', { class: 'muted', id: 'no-slots' }, w.noSlots);
  const problem = h('p', { class: 'error', role: 'alert', id: 'availability-error' });
  const saved = h('p', { id: 'availability-status', role: 'status' });
  const local = (iso) => { const d = new Date(iso); return new Date(d.getTime() - d.getTimezoneOffset() * 60000).toISOString().slice(0, 16); };
  let counter = 0;
  const renumber = () => {
    [...rows.children].forEach((li, i) => {
      li.querySelector('legend').textContent = w.slotLabel(i + 1);
      li.querySelector('.remove-slot').setAttribute('aria-label', w.removeSlotLabel(i + 1));
    });
    empty.hidden = rows.children.length > 0;
  };
  const addRow = (s = {}) => {
    counter += 1;
    const from = h('input', { type: 'datetime-local', name: 'start', id: `slot-${counter}-start`, value: s.start ? local(s.start) : '',
      'aria-describedby': 'availability-hint availability-error' });
    const until = h('input', { type: 'datetime-local', name: 'end', id: `slot-${counter}-end`, value: s.end ? local(s.end) : '',
      'aria-describedby': 'availability-hint availability-error' });
    const remove = h('button', { type: 'button', class: 'secondary remove-slot' }, w.removeSlot);
    const li = h('li', { class: 'slot' }, h('fieldset', {}, h('legend', {}),
      h('div', { class: 'field-row' }, h('label', { for: from.id }, w.slotFrom, from), h('label', { for: until.id }, w.slotUntil, until), remove)));
    remove.addEventListener('click', () => {
      const next = li.nextElementSibling || li.previousElementSibling;
      li.remove();
      renumber();
      (next ? next.querySelector('input') : add).focus();
    });
    rows.append(li);
    renumber();
    return from;
  };
  const add = h('button', { type: 'button', class: 'secondary', id: 'add-slot', onclick: () => addRow().focus() }, w.addSlot);
  const save = h('button', { type: 'button', id: 'save-availability' }, w.saveAvailability);
  save.addEventListener('click', () => busy(save, async () => {
    problem.textContent = '';
    saved.textContent = '';
    rows.querySelectorAll('[aria-invalid]').forEach((i) => i.removeAttribute('aria-invalid'));
    const inputs = [...rows.querySelectorAll('.slot')].map((r) => [...r.querySelectorAll('input')]);
    const missing = inputs.flat().find((i) => !i.value);
    if (missing) {
      problem.textContent = w.slotMissing;
      missing.setAttribute('aria-invalid', 'true');
      missing.focus();
      return;
    }
    const backwards = inputs.find(([a, b]) => new Date(b.value) <= new Date(a.value));
    if (backwards) {
      problem.textContent = w.slotOrder;
      backwards[1].setAttribute('aria-invalid', 'true');
      backwards[1].focus();
      return;
    }
    const payload = inputs.map(([a, b]) => ({ start: new Date(a.value).toISOString(), end: new Date(b.value).toISOString() }));
    try {
      await api('PUT', '/api/v1/installer/availability', { slots: payload });
      saved.textContent = w.availabilitySaved;
      saved.className = 'ok';
    } catch (e) {
      problem.textContent = e.code === 'validation_failed' ? w.availabilityInvalid : says(e);
    }
  }));
  rows.addEventListener('input', () => { saved.textContent = ''; });
  (Array.isArray(slots) ? slots : []).forEach(addRow);
  renumber();
  box.append(h('p', { class: 'muted', id: 'availability-hint' }, w.availabilityHint), empty, rows, problem,
    h('div', { class: 'tabs' }, add, save), saved);
}

/** The webhook for the installer's dispatch software: its address, the secret shown once, and the deliveries. */
async function renderWebhook(box) {
  const w = installerText();
  const deliveries = h('div', { id: 'webhook-deliveries' });
  const secret = h('div', { id: 'webhook-secret', role: 'status' });
  let current = null;
  try {
    current = await api('GET', '/api/v1/installer/webhook');
  } catch (e) {
    if (e.status !== 404) {
      box.append(h('p', { class: 'error' }, says(e)));
      return;
    }
  }
  const f = form([{ name: 'url', label: w.webhookUrl, type: 'url', value: current ? current.url : '', required: true, max: 2000,
    hint: w.webhookHint, invalid: w.webhookInvalid, missing: w.webhookMissing, inputmode: 'url', autocomplete: 'url' }], w.webhookSave, async (v) => {
    secret.replaceChildren();
    const r = await api('PUT', '/api/v1/installer/webhook', v);
    secret.replaceChildren(h('div', { class: 'card secret-box' }, h('p', { class: 'ok' }, w.webhookSaved),
      h('p', {}, h('span', { class: 'muted' }, `${w.secretLabel}: `), h('code', { class: 'secret' }, r.secret))));
    loadDeliveries(deliveries);
  });
  f.id = 'webhook-form';
  box.append(f, secret, h('h3', {}, w.deliveriesTitle), deliveries);
  if (current) loadDeliveries(deliveries);
  else deliveries.replaceChildren(h('p', { class: 'muted' }, w.noDeliveries));
}

async function loadDeliveries(box) {
  const w = installerText();
  let items;
  try {
    items = await api('GET', '/api/v1/installer/webhook/deliveries');
  } catch (e) {
    box.replaceChildren(h('p', { class: 'error' }, says(e)));
    return;
  }
  const list = Array.isArray(items) ? items : (items && items.items) || [];
  if (!list.length) {
    box.replaceChildren(h('p', { class: 'muted' }, w.noDeliveries));
    return;
  }
  box.replaceChildren(dataTable([w.deliveryTime, w.deliveryEvent, w.deliveryAttempt, w.deliveryOutcome], list.map((d) => [
    when(d.attemptedAt), h('code', {}, d.eventType), String(d.attempt),
    [w.outcomes[d.outcome] || w.unknownOutcome, d.httpStatus ? ` (${w.httpStatus(d.httpStatus)})` : ''].join(''),
  ]), { caption: w.deliveriesCaption, id: 'deliveries' }));
}
