import { h, mount, flash, money, when, list, form } from './dom.js';
import { api, currentUser, download } from './api.js';
import { confirmAction } from './dialog.js';
import { ADMIN_ACTIONS as T, placesText, installText, moneyText } from './texts.js';
import { orders, payouts } from './admin-money.js';
import { mapFigure } from './map.js';
import { range, says, reportView, disputeView } from './installation.js';

// Built when the page opens, so the tabs that have German words show them in the admin's language.
const tabs = () => [['users', 'Users'], ['orders', moneyText().ordersTab], ['payouts', moneyText().payoutsTab],
  ['applications', 'Installer applications'], ['installers', 'Installers'], ['catalog', 'Catalog'], ['faq', 'FAQ'],
  ['jobs', 'Unassigned jobs'], ['disputes', installText().disputesTab], ['map', placesText().adminMapTab], ['audit', 'Audit events'], ['alerts', 'Alerts'], ['blocks', 'IP blocks']];

export async function page(tab = 'users', id = undefined) {
  if (!currentUser().mfaEnabled) {
    mount(h('h1', {}, 'Admin'), h('p', { class: 'error' }, 'Turn on two-factor authentication first: ', h('a', { href: '#/account' }, 'your account')));
    return;
  }
  const body = h('section', { id: `admin-${tab}` });
  mount(h('h1', {}, 'Admin'), h('nav', { class: 'tabs', 'aria-label': 'Admin' }, ...tabs().map(([k, t]) =>
    h('a', { href: `#/admin/${k}`, 'aria-current': k === tab ? 'page' : null }, t))), body);
  const views = { users, applications, installers, catalog, faq, jobs, disputes, map, audit, alerts, blocks, orders, payouts };
  // Only the orders tab takes a second part (an order's id); elsewhere it would be a page that does not exist.
  if (id && tab !== 'orders') { body.replaceChildren(h('p', { class: 'error' }, 'There is nothing here.')); return; }
  await (views[tab] || users)(body, id);
}

function table(headers, rows) {
  return h('table', {}, h('thead', {}, h('tr', {}, ...headers.map((x) => h('th', {}, x)))), h('tbody', {}, ...rows));
}

async function users(box) {
  const out = h('div');
  const search = form([{ name: 'q', label: 'Search name or email' }], 'Search', (v) => load(v.q), { inline: true });
  box.replaceChildren(search, out);
  async function load(q = '') {
    const data = await api('GET', `/api/v1/admin/users?size=50&q=${encodeURIComponent(q)}`);
    out.replaceChildren(data.items.length === 0 ? h('p', { class: 'muted' }, 'Nobody found.') : table(['Name', 'Email', 'Role', 'Status', ''],
      data.items.map((u) => h('tr', { dataset: { user: u.id } }, h('td', {}, u.fullName), h('td', {}, u.email), h('td', {}, u.role),
        h('td', {}, !u.banned ? 'active' : u.bannedUntil && u.bannedUntil.startsWith('9999') ? 'banned (no end date)'
          : `banned until ${when(u.bannedUntil)}`),
        h('td', {}, u.banned
          ? h('button', { class: 'secondary', onclick: async () => { await api('POST', `/api/v1/admin/users/${u.id}/unban`, {}); load(q); } }, 'Unban')
          : h('button', { class: 'danger ban', onclick: async () => {
            const reason = prompt('Reason for the ban?');
            if (!reason) return;
            await api('POST', `/api/v1/admin/users/${u.id}/ban`, { reason });
            flash(`${u.email} is banned; their sessions ended.`);
            load(q);
          } }, 'Ban'), ' ', accountActions(u, () => load(q)))))));
  }
  await load();
}

/** Reset MFA and promote/demote, each behind a confirmation dialog (the server then asks for the admin's step-up). */
function accountActions(u, reload) {
  const me = currentUser();
  const run = (opts, call, done) => async () => {
    const result = await confirmAction({ ...opts, onConfirm: call });
    if (result) { flash(done(result)); reload(); }
  };
  const buttons = [];
  if (u.mfaEnabled && u.id !== me.id) {
    buttons.push(h('button', { class: 'secondary reset-mfa', onclick: run({ id: 'reset-mfa-form', title: T.resetMfaTitle(u.email), text: T.resetMfaText,
      fields: [{ name: 'reason', label: T.reason, required: true, max: 200, missing: T.reasonMissing }], confirmText: T.resetMfa, danger: true },
    (v) => api('POST', `/api/v1/admin/users/${u.id}/mfa/reset`, { reason: v.reason }), () => T.resetMfaDone(u.email)) }, T.resetMfa));
  }
  if (u.id !== me.id && u.role !== 'ADMIN') {
    buttons.push(h('button', { class: 'secondary promote', onclick: run({ id: 'promote-form', title: T.promoteTitle(u.email), text: T.promoteText, confirmText: T.promote },
      () => api('POST', `/api/v1/admin/users/${u.id}/promote`, {}), () => T.promoteDone(u.email)) }, T.promote));
  }
  if (u.id !== me.id && u.role === 'ADMIN') {
    buttons.push(h('button', { class: 'secondary demote', onclick: run({ id: 'demote-form', title: T.demoteTitle(u.email), text: T.demoteText, confirmText: T.demote, danger: true },
      () => api('POST', `/api/v1/admin/users/${u.id}/demote`, {}), (r) => T.demoteDone(u.email, r.role)) }, T.demote));
  }
  return buttons.flatMap((b) => [b, ' ']);
}

async function applications(box) {
  await list(box, async () => (await api('GET', '/api/v1/admin/installers/applications?status=PENDING&size=100')).items,
    (a) => h('div', { class: 'card' }, h('p', {}, `${a.companyName} · licence ${a.licenseNumber} · ${a.serviceRadiusKm} km around ${a.baseAddress
      ? [a.baseAddress.addressLine, `${a.baseAddress.postalCode} ${a.baseAddress.city}`].filter(Boolean).join(', ') : `${a.baseLatitude}, ${a.baseLongitude}`}`),
      h('button', { onclick: async () => { await api('POST', `/api/v1/admin/installers/applications/${a.id}/approve`, {}); applications(box); } }, 'Approve'), ' ',
      h('button', { class: 'secondary', onclick: async () => {
        const reason = prompt('Why is it rejected?');
        if (reason) { await api('POST', `/api/v1/admin/installers/applications/${a.id}/reject`, { reason }); applications(box); }
      } }, 'Reject')), 'No applications waiting.');
}


async function installers(box) {
  await list(box, async () => (await api('GET', '/api/v1/admin/installers?status=ACTIVE&size=100')).items,
    (i) => h('div', { class: 'card', dataset: { installer: i.installerId } },
      h('p', {}, `${i.companyName} · ${i.status.toLowerCase()} · rating ${i.rating} (${i.ratingCount}) · approved ${when(i.approvedAt)}`),
      h('button', { class: 'danger revoke', onclick: async () => {
        const done = await confirmAction({ id: 'revoke-form', title: T.revokeTitle(i.companyName), text: T.revokeText,
          fields: [{ name: 'reason', label: T.revokeReason, required: true, max: 500, missing: T.reasonMissing }],
          confirmText: T.revoke, danger: true,
          onConfirm: (v) => api('POST', `/api/v1/admin/installers/${encodeURIComponent(i.installerId)}/revoke`, { reason: v.reason }) });
        if (done) flash(T.revokeDone(i.companyName));
        installers(box);
      } }, 'Revoke')), 'No approved installers.');
}

const PANEL_FIELDS = [
  { name: 'name', label: 'Name', max: 120 }, { name: 'manufacturer', label: 'Manufacturer', max: 80 },
  { name: 'wattsPeak', label: 'Watts peak', type: 'number' }, { name: 'efficiencyPercent', label: 'Efficiency %', type: 'number', step: '0.1' },
  { name: 'price', label: 'Price (EUR)', type: 'number', step: '0.01' }, { name: 'stock', label: 'Stock', type: 'number' },
  { name: 'warrantyYears', label: 'Warranty (years)', type: 'number' }, { name: 'photo', label: 'Photo URL', value: '/assets/panels/mono-black.svg' },
];

async function catalog(box) {
  const grid = h('div');
  box.replaceChildren(h('h2', {}, 'New panel'), form(PANEL_FIELDS, 'Create', async (v) => {
    const { photo, ...rest } = v;
    await api('POST', '/api/v1/admin/catalog/panels', { ...rest, photoUrls: photo ? [photo] : [] });
    flash('Panel created.');
    catalog(box);
  }), h('h2', {}, 'Panels'), grid);
  await list(grid, async () => (await api('GET', '/api/v1/catalog/panels?size=100&sort=price')).items, (p) => {
    const edit = form(PANEL_FIELDS.map((f) => ({ ...f, value: f.name === 'photo' ? (p.photoUrls[0] || '') : f.name === 'price' ? p.price.amount : p[f.name] })),
      'Save', async (v) => {
        const { photo, ...rest } = v;
        await api('PUT', `/api/v1/admin/catalog/panels/${p.id}`, { ...rest, photoUrls: photo ? [photo] : [], version: p.version });
        flash('Saved.');
        catalog(box);
      }, { inline: true });
    return h('details', { class: 'card' }, h('summary', {}, `${p.manufacturer} ${p.name} · ${money(p.price)} · stock ${p.stock}`), edit,
      h('button', { class: 'danger', onclick: async () => { if (confirm('Retire this panel?')) { await api('DELETE', `/api/v1/admin/catalog/panels/${p.id}`); catalog(box); } } }, 'Retire'));
  }, 'No panels.');
}

async function faq(box) {
  const entries = await api('GET', '/api/v1/public/faq');
  const rows = h('div');
  const add = (e = { question: '', answer: '' }) => rows.append(h('div', { class: 'card faq-edit' },
    h('input', { value: e.question, maxlength: 300, 'aria-label': 'Question' }), h('textarea', { rows: 3, maxlength: 4000, 'aria-label': 'Answer' }, e.answer),
    h('button', { class: 'secondary', onclick: (ev) => ev.target.parentElement.remove() }, 'Remove')));
  entries.forEach(add);
  box.replaceChildren(rows, h('div', { class: 'tabs' }, h('button', { class: 'secondary', onclick: () => add() }, 'Add question'),
    h('button', { id: 'save-faq', onclick: async () => {
      const payload = [...rows.querySelectorAll('.faq-edit')].map((r) => ({ question: r.querySelector('input').value, answer: r.querySelector('textarea').value }));
      try { await api('PUT', '/api/v1/admin/faq', payload); flash('FAQ saved.'); } catch (e) { flash(e.message, 'error'); }
    } }, 'Save FAQ')));
}

async function jobs(box) {
  await list(box, async () => (await api('GET', '/api/v1/admin/jobs?status=UNASSIGNED&size=100')).items, (j) => h('div', { class: 'card' },
    h('p', {}, `${j.panelCount} panels in ${j.city} · ${when(j.window.start)} · attempt ${j.attempt + 1}`),
    h('button', { onclick: async () => { await api('POST', `/api/v1/admin/jobs/${j.jobId}/redispatch`, {}); jobs(box); } }, 'Dispatch again')),
  'No unassigned jobs.');
}

// Admins read times in their own time zone: they may judge jobs from anywhere.
const ADMIN_ZONE = (() => { try { return Intl.DateTimeFormat().resolvedOptions().timeZone; } catch { return 'Europe/Berlin'; } })();

/** Jobs whose customer reported a problem: the report, its photos and the reason, and a form to decide. */
async function disputes(box) {
  const t = installText();
  await list(box, async () => (await api('GET', '/api/v1/admin/jobs?status=DISPUTED&size=100')).items, (j) => {
    const detail = h('div', { class: 'dispute-detail', id: `dispute-detail-${j.jobId}`, hidden: true });
    const toggle = h('button', { type: 'button', class: 'secondary show-dispute', 'aria-expanded': 'false', 'aria-controls': detail.id,
      onclick: async () => {
        const opening = detail.hidden;
        detail.hidden = !opening;
        toggle.setAttribute('aria-expanded', String(opening));
        toggle.textContent = opening ? t.hideDetails : t.showDetails;
        if (opening && !detail.dataset.loaded) await disputeDetail(detail, j.jobId, () => disputes(box));
      } }, t.showDetails);
    return h('div', { class: 'card dispute-card', dataset: { job: j.jobId } },
      h('h2', { class: 'dispute-card-title' }, `${t.panels(j.panelCount)} · ${j.city}`),
      h('p', {}, h('span', { class: 'badge' }, t.jobStatus[j.status] || t.unknownStatus)),
      j.window ? h('p', { class: 'muted' }, `${t.window}: ${range(j.window.start, j.window.end, ADMIN_ZONE)}`) : null,
      toggle, detail);
  }, t.noDisputes);
}

async function disputeDetail(box, jobId, reload) {
  const t = installText();
  box.replaceChildren(h('p', { class: 'muted' }, 'Loading…'));
  let j;
  try {
    j = await api('GET', `/api/v1/admin/jobs/${encodeURIComponent(jobId)}`);
  } catch (e) {
    box.replaceChildren(h('p', { class: 'error' }, says(e)));
    return;
  }
  box.dataset.loaded = 'true';
  // Reports come newest first; the dispute is about the newest.
  const report = Array.isArray(j.reports) && j.reports.length ? j.reports[0] : null;
  const appointment = j.appointment ? h('p', {}, `${t.appointment}: ${range(j.appointment.start, j.appointment.end, ADMIN_ZONE)}`) : null;
  const older = Array.isArray(j.reports) && j.reports.length > 1 ? h('details', { class: 'older-reports' },
    h('summary', {}, t.olderReports(j.reports.length - 1)), ...j.reports.slice(1).map((r) => reportView(r, ADMIN_ZONE, { id: null }))) : null;
  // The decision: one outcome (radio buttons in a fieldset) and a note; the server may ask the admin to confirm
  // it is them first (api() opens the step-up dialog and repeats the call).
  const name = `outcome-${jobId}`;
  const outcomes = ['REWORK', 'COMPLETE', 'CANCEL'].map((o) => h('label', { class: 'check' },
    h('input', { type: 'radio', name, value: o }), ` ${t.outcomes[o]}`));
  const noteId = `resolve-note-${jobId}`;
  const note = h('textarea', { id: noteId, name: 'note', rows: 3, maxlength: 2000, 'aria-describedby': `${noteId}-hint ${noteId}-error` });
  const error = h('p', { class: 'error', role: 'alert', id: `${noteId}-error` });
  const submit = h('button', { type: 'submit' }, t.resolveSend);
  const form = h('form', { class: 'resolve-form', novalidate: true },
    h('fieldset', {}, h('legend', {}, t.outcome), ...outcomes),
    h('label', { for: noteId }, t.resolutionNote), note, h('p', { class: 'muted', id: `${noteId}-hint` }, t.reasonLength(5, 2000)), error,
    h('div', { class: 'tabs' }, submit));
  form.addEventListener('change', () => { error.textContent = ''; });
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    error.textContent = '';
    const chosen = form.querySelector(`input[name="${name}"]:checked`);
    if (!chosen) { error.textContent = t.chooseOutcome; form.querySelector('input[type=radio]').focus(); return; }
    const text = note.value.trim();
    if ([...text].length < 5 || [...text].length > 2000) { error.textContent = t.reasonLength(5, 2000); note.focus(); return; }
    submit.disabled = true;
    try {
      await api('POST', `/api/v1/admin/jobs/${encodeURIComponent(jobId)}/resolve`, { outcome: chosen.value, note: text });
      flash(t.resolved);
      reload();
    } catch (e) {
      error.textContent = e.code === 'validation_failed' ? t.reasonLength(5, 2000) : says(e);
    } finally {
      submit.disabled = false;
    }
  });
  box.replaceChildren(...[appointment,
    j.dispute ? disputeView(j.dispute, ADMIN_ZONE, { id: null }) : null,
    report ? reportView(report, ADMIN_ZONE, { id: null }) : null, older,
    h('h3', {}, t.resolve), form].filter(Boolean));
}

const JOB_COLOR = '#b45309';
const AREA_COLOR = '#1d4ed8';

/** Jobs not yet assigned and installers' service areas on one map, with a legend and the same as text lists. */
async function map(box) {
  const t = placesText();
  const data = await api('GET', '/api/v1/admin/map');
  const jobsList = data.jobs.length === 0 ? h('p', { class: 'muted' }, t.noOpenJobs)
    : h('ul', { class: 'map-list', id: 'admin-map-jobs' }, ...data.jobs.map((j) => h('li', { dataset: { job: j.jobId } },
      h('span', { class: 'legend-dot job', 'aria-hidden': 'true' }), ' ', t.jobLine(j), ` · ${when(j.window && j.window.start)}`)));
  const installersList = data.installers.length === 0 ? h('p', { class: 'muted' }, t.noInstallers)
    : h('ul', { class: 'map-list', id: 'admin-map-installers' }, ...data.installers.map((i) => h('li', { dataset: { installer: i.installerId } },
      h('span', { class: 'legend-dot area', 'aria-hidden': 'true' }), ' ', t.installerLine(i))));
  const shown = mapFigure({ label: t.adminMap(data.jobs.length, data.installers.length), className: 'map-admin',
    caption: h('span', { class: 'legend' }, h('strong', {}, `${t.legend}: `),
      h('span', { class: 'legend-dot job', 'aria-hidden': 'true' }), ` ${t.legendJob} `,
      h('span', { class: 'legend-dot area', 'aria-hidden': 'true' }), ` ${t.legendArea}`) });
  box.replaceChildren(...[shown.figure, h('h2', {}, t.jobsList), data.jobsTruncated ? h('p', { class: 'muted' }, t.truncated(data.jobsLimit)) : null,
    jobsList, h('h2', {}, t.installersList), data.installersTruncated ? h('p', { class: 'muted' }, t.truncated(data.installersLimit)) : null,
    installersList].filter(Boolean));
  const m = await shown.ready;
  for (const i of data.installers) m.serviceArea(i.latitude, i.longitude, i.serviceRadiusKm, { color: AREA_COLOR, title: i.companyName });
  for (const j of data.jobs) m.point(j.latitude, j.longitude, { color: JOB_COLOR, kind: 'job', title: `${j.postalCode} ${j.city}` });
  m.fit();
}

async function audit(box) {
  const out = h('div');
  const filters = form([{ name: 'type', label: 'Type', placeholder: 'LOGIN_FAILED' }, { name: 'userId', label: 'User id' },
    { name: 'ip', label: 'IP' }, { name: 'from', label: 'From', type: 'datetime-local' }, { name: 'to', label: 'To', type: 'datetime-local' }],
  'Filter', (v) => load(v), { inline: true });
  let current = {};
  const problem = h('p', { class: 'error', role: 'alert' });
  // Downloads carry the bearer token, so they go through fetch and a Blob rather than a plain link.
  const exportButton = (format, label) => h('button', { type: 'button', class: 'secondary', dataset: { export: format }, onclick: async () => {
    problem.textContent = '';
    try {
      await download(`/api/v1/admin/audit-events/export?${filterParams(current, { format })}`, `audit-events.${format}`);
    } catch (e) {
      problem.textContent = e.message || 'The export failed. Try again.';
    }
  } }, label);
  box.replaceChildren(filters, h('p', { class: 'tabs' }, 'Export the filtered events: ', exportButton('csv', 'Download CSV'), ' ',
    exportButton('ndjson', 'Download NDJSON')), problem, out);
  function filterParams(v, extra) {
    const params = new URLSearchParams(extra);
    for (const [k, val] of Object.entries(v)) if (val) params.set(k, k === 'from' || k === 'to' ? new Date(val).toISOString() : val);
    return params;
  }
  async function load(v = {}) {
    current = v;
    const params = filterParams(v, { size: 100 });
    const data = await api('GET', `/api/v1/admin/audit-events?${params}`);
    out.replaceChildren(data.items.length === 0 ? h('p', { class: 'muted' }, 'No events.') : table(['When', 'Type', 'Outcome', 'User', 'IP', 'Detail'],
      data.items.map((e) => h('tr', {}, h('td', {}, when(e.occurredAt)), h('td', {}, e.type), h('td', {}, e.outcome), h('td', {}, e.userId || ''),
        h('td', {}, e.ip || ''), h('td', {}, e.detail || '')))));
  }
  await load();
}

const ALERT_STATUSES = [['', 'All'], ['OPEN', 'Open'], ['ACKNOWLEDGED', 'Acknowledged'], ['RESOLVED', 'Resolved']];

async function alerts(box, status = '') {
  const out = h('div');
  const filter = h('select', { name: 'status', 'aria-label': 'Status', onchange: () => alerts(box, filter.value) },
    ...ALERT_STATUSES.map(([v, t]) => h('option', { value: v }, t)));
  filter.value = status;
  box.replaceChildren(h('label', { class: 'inline' }, 'Show ', filter), out);
  const reload = () => alerts(box, filter.value);
  await list(out, async () => (await api('GET', `/api/v1/admin/alerts?size=100${status ? `&status=${status}` : ''}`)).items,
    (a) => alertCard(a, reload), status ? 'No alerts with this status.' : 'No alerts.');
}

function alertCard(a, reload) {
  const error = h('p', { class: 'error', role: 'alert' });
  const act = (path, body, done) => async () => {
    error.textContent = '';
    try {
      await api('POST', `/api/v1/admin/alerts/${a.id}/${path}`, body());
      flash(done);
      reload();
    } catch (e) {
      error.textContent = e.message || 'That did not work. Reload and try again.';
    }
  };
  const note = h('input', { name: 'note', maxlength: 1000, placeholder: 'Note (optional)', 'aria-label': 'Resolution note' });
  const actions = [];
  if (a.status === 'OPEN') actions.push(h('button', { class: 'secondary acknowledge', onclick: act('acknowledge', () => ({}), 'Alert acknowledged.') }, 'Acknowledge'));
  if (a.status !== 'RESOLVED') {
    actions.push(note, h('button', { class: 'resolve', onclick: act('resolve', () => (note.value.trim() ? { note: note.value.trim() } : {}), 'Alert resolved.') }, 'Resolve'));
  }
  const history = [];
  if (a.acknowledgedAt) history.push(`Acknowledged ${when(a.acknowledgedAt)} by ${a.acknowledgedBy}`);
  if (a.resolvedAt) history.push(`Resolved ${when(a.resolvedAt)} by ${a.resolvedBy}`);
  return h('div', { class: 'card alert', dataset: { alert: a.id, status: a.status } },
    h('p', {}, h('span', { class: 'badge' }, a.type), ' ', h('span', { class: `badge severity-${(a.severity || '').toLowerCase()}` }, a.severity || ''),
      ` ${a.subject} · ${when(a.raisedAt)} · `, h('strong', { class: 'alert-status' }, a.status)),
    h('p', { class: 'muted' }, a.detail),
    history.length ? h('p', { class: 'muted' }, history.join(' · ')) : null,
    a.note ? h('p', {}, `Note: ${a.note}`) : null,
    actions.length ? h('div', { class: 'tabs' }, ...actions) : null, error);
}

async function blocks(box) {
  const out = h('div');
  box.replaceChildren(form([{ name: 'cidr', label: 'Address or range' }, { name: 'reason', label: 'Reason' },
    { name: 'expiresAt', label: 'Until (optional)', type: 'datetime-local' }], 'Block', async (v) => {
    await api('POST', '/api/v1/admin/ip-blocks', { cidr: v.cidr, reason: v.reason, expiresAt: v.expiresAt ? new Date(v.expiresAt).toISOString() : null });
    blocks(box);
  }, { inline: true }), out);
  await list(out, () => api('GET', '/api/v1/admin/ip-blocks'), (b) => h('div', { class: 'card' },
    h('p', {}, `${b.cidr} · ${b.reason} · ${b.automatic ? 'automatic' : 'manual'} · until ${b.expiresAt ? when(b.expiresAt) : 'lifted'}`),
    h('button', { class: 'secondary', onclick: async () => { await api('DELETE', `/api/v1/admin/ip-blocks/${b.id}`); blocks(box); } }, 'Lift')), 'No blocks.');
}
