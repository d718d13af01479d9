// The administration: users, installer applications and installers, the catalog, the FAQ, jobs without an
// installer, disputes, the map, the audit trail, alerts and IP blocks (orders and payouts in admin-money.js).
// People read names, words and short references here, never ids, enums or JSON; every action that changes
// something goes through an accessible dialog (dialog.js), and its result replaces the page message.
import { h, mount, flash, money, number, when, form, busy, dataTable } from './dom.js';
import { api, currentUser, download } from './api.js';
import { confirmAction, reasonForm } from './dialog.js';
import { placesText, installText, moneyText } from './texts.js';
import { adminText } from './messages/admin.js';
import { shopText } from './messages/shop.js';
import { accountText } from './messages/account.js';
import { commonText } from './messages/common.js';
import { orders, payouts } from './admin-money.js';
import { dataKeys } from './admin-keys.js';
import { adminKeysText } from './messages/admin-keys.js';
import { mapFigure } from './map.js';
import { range, says, reportView, disputeView } from './installation.js';
import { label, shortRef, isId, detailEntries, localToInstant, looksLikeIp } from './admin-format.js';
import { deviceName, describeAddress } from './devices.js';
import { hasMfa } from './passkeys.js';

// Built when the page opens, so the tabs are in the admin's current language.
const tabs = () => {
  const t = adminText().tabs;
  return [['users', t.users], ['orders', moneyText().ordersTab], ['payouts', moneyText().payoutsTab],
    ['applications', t.applications], ['installers', t.installers], ['catalog', t.catalog], ['faq', t.faq],
    ['jobs', t.jobs], ['disputes', installText().disputesTab], ['map', placesText().adminMapTab], ['audit', t.audit],
    ['alerts', t.alerts], ['blocks', t.blocks], ['keys', adminKeysText().tab]];
};

export async function page(tab = 'users', id = undefined, params = undefined) {
  const t = adminText();
  // The router passes the hash's query last; a tab without an id gets it in the id's place.
  if (id instanceof URLSearchParams) id = undefined;
  if (!hasMfa(currentUser())) {
    mount(h('h1', {}, t.title), h('p', { class: 'notice warning' }, `${t.mfaFirst} `, h('a', { href: '#/account' }, t.mfaFirstLink)));
    return;
  }
  const known = tabs();
  const current = known.some(([k]) => k === tab) ? tab : 'users';
  const body = h('section', { id: `admin-${current}`, class: 'admin-body', 'aria-labelledby': 'admin-tab-title' });
  const title = known.find(([k]) => k === current)[1];
  mount(h('h1', {}, t.title), h('nav', { class: 'admin-tabs', 'aria-label': t.tabsLabel }, h('ul', {}, ...known.map(([k, text]) =>
    h('li', {}, h('a', { href: `#/admin/${k}`, 'aria-current': k === current ? 'page' : null }, text))))),
  h('h2', { id: 'admin-tab-title', class: 'admin-tab-title' }, title), body);
  const views = { users, applications, installers, catalog, faq, jobs, disputes, map, audit, alerts, blocks, orders, payouts, keys: dataKeys };
  // Only the orders tab takes a second part (an order's id); elsewhere it would be a page that does not exist.
  if (id && current !== 'orders') { body.replaceChildren(h('p', { class: 'error' }, t.nothingHere)); return; }
  await views[current](body, id, params);
}

// --- People: names instead of ids -------------------------------------------------------------------------------

const people = new Map();

function remember(items) {
  for (const u of items || []) people.set(u.id, { name: u.fullName, email: u.email });
}

/** The newest accounts, so the audit trail and alerts can name people; older ones show as a short reference. */
async function knowPeople() {
  if (people.size > 0) return;
  try {
    remember((await api('GET', '/api/v1/admin/users?size=100')).items);
  } catch {
    // Without names the short references still identify the accounts.
  }
}

/** A person as a node: name and email, "you" for the admin, else the short reference. */
function person(id) {
  const t = adminText();
  if (!id) return t.nobody;
  const me = currentUser();
  if (me && id === me.id) return h('span', { class: 'person' }, `${me.fullName} (${t.you})`);
  const p = people.get(id);
  if (p) return h('span', { class: 'person' }, p.name, ' ', h('span', { class: 'muted' }, p.email));
  return h('span', { class: 'person ref' }, shortRef(id));
}

/** A person as plain text (for sentences). */
function personText(id) {
  const node = person(id);
  return typeof node === 'string' ? node : node.textContent;
}

function empty(text) {
  return h('p', { class: 'muted empty' }, text);
}

function failed(e) {
  return h('p', { class: 'error', role: 'alert' }, says(e));
}

// --- Users ------------------------------------------------------------------------------------------------------

async function users(box) {
  const t = adminText();
  const out = h('div', { id: 'admin-users-results' });
  const count = h('p', { class: 'muted', role: 'status', id: 'admin-users-count' });
  let query = '';
  const search = form([{ name: 'q', label: t.searchUsers, type: 'search', max: 100, autocomplete: 'off' }], t.search,
    async (v) => {
      flash('');
      query = v.q.trim();
      await load();
    }, { inline: true });
  search.id = 'user-search';
  box.replaceChildren(search, count, out);
  async function load() {
    let data;
    try {
      data = await api('GET', `/api/v1/admin/users?size=50&q=${encodeURIComponent(query)}`);
    } catch (e) {
      out.replaceChildren(failed(e));
      return;
    }
    remember(data.items);
    const total = Number(data.totalItems) || data.items.length;
    count.textContent = data.items.length === 0 ? '' : total > data.items.length ? t.usersMore(data.items.length, total) : t.usersFound(total);
    out.replaceChildren(data.items.length === 0 ? empty(t.nobodyFound) : dataTable(
      [t.name, t.email, t.role, t.status, t.actions],
      data.items.map((u) => ({ row: { dataset: { user: u.id } }, cells: [
        h('span', {}, u.fullName, u.mfaEnabled ? h('span', { class: 'badge ok' }, t.mfaBadge) : null,
          u.emailVerified ? null : h('span', { class: 'badge' }, t.unverifiedBadge)),
        u.email,
        label(t.roles, u.role),
        !u.banned ? t.active : u.bannedUntil && u.bannedUntil.startsWith('9999') ? t.bannedForever : t.bannedUntil(when(u.bannedUntil)),
        actionsCell([...banButton(u, load), ...accountActions(u, load)]),
      ] })), { caption: t.usersCaption, id: 'admin-users-table', wide: true }));
  }
  await load();
}

/** The buttons of a row, or nothing (an empty cell is left out of the phone's card). */
function actionsCell(buttons) {
  return buttons.length ? h('div', { class: 'row-actions' }, ...buttons) : null;
}

function banButton(u, reload) {
  const t = adminText();
  const me = currentUser();
  if (u.id === me.id) return [];
  if (u.banned) {
    return [h('button', { type: 'button', class: 'secondary unban', 'aria-label': t.unbanLabel(u.email), onclick: async () => {
      const done = await confirmAction({ id: 'unban-form', title: t.unbanTitle(u.email), text: t.unbanText, confirmText: t.unban,
        cancelText: t.cancel, onConfirm: () => api('POST', `/api/v1/admin/users/${encodeURIComponent(u.id)}/unban`, {}) });
      if (done) { flash(t.unbanDone(u.email), 'ok'); await reload(); }
    } }, t.unban)];
  }
  return [h('button', { type: 'button', class: 'danger ban', 'aria-label': t.banLabel(u.email), onclick: async () => {
    const done = await reasonForm({ id: 'ban-form', title: t.banTitle(u.email), text: t.banText, label: t.reason,
      missing: t.reasonMissing, max: 200, confirmText: t.ban, cancelText: t.cancel,
      onConfirm: (reason) => api('POST', `/api/v1/admin/users/${encodeURIComponent(u.id)}/ban`, { reason }) });
    if (done) { flash(t.banDone(u.email), 'ok'); await reload(); }
  } }, t.ban)];
}

/** Reset MFA and promote/demote, each behind a confirmation dialog (the server then asks for the admin's step-up). */
function accountActions(u, reload) {
  const t = adminText();
  const me = currentUser();
  const run = (opts, call, done) => async () => {
    const result = await confirmAction({ cancelText: t.cancel, ...opts, onConfirm: call });
    if (result) { flash(done(result), 'ok'); await reload(); }
  };
  const buttons = [];
  if (u.mfaEnabled && u.id !== me.id) {
    buttons.push(h('button', { type: 'button', class: 'secondary reset-mfa', onclick: run({ id: 'reset-mfa-form', title: t.resetMfaTitle(u.email), text: t.resetMfaText,
      fields: [{ name: 'reason', label: t.reason, required: true, max: 200, missing: t.reasonMissing }], confirmText: t.resetMfa, danger: true },
    (v) => api('POST', `/api/v1/admin/users/${encodeURIComponent(u.id)}/mfa/reset`, { reason: v.reason }), () => t.resetMfaDone(u.email)) }, t.resetMfa));
  }
  if (u.id !== me.id && u.role !== 'ADMIN') {
    buttons.push(h('button', { type: 'button', class: 'secondary promote', onclick: run({ id: 'promote-form', title: t.promoteTitle(u.email), text: t.promoteText, confirmText: t.promote },
      () => api('POST', `/api/v1/admin/users/${encodeURIComponent(u.id)}/promote`, {}), () => t.promoteDone(u.email)) }, t.promote));
  }
  if (u.id !== me.id && u.role === 'ADMIN') {
    buttons.push(h('button', { type: 'button', class: 'secondary demote', onclick: run({ id: 'demote-form', title: t.demoteTitle(u.email), text: t.demoteText, confirmText: t.demote, danger: true },
      () => api('POST', `/api/v1/admin/users/${encodeURIComponent(u.id)}/demote`, {}), (r) => t.demoteDone(u.email, label(t.roles, r.role))) }, t.demote));
  }
  return buttons;
}

// --- Installer applications and installers ----------------------------------------------------------------------

function placeOf(a) {
  if (a.baseAddress) {
    return [a.baseAddress.addressLine, `${a.baseAddress.postalCode || ''} ${a.baseAddress.city || ''}`.trim()].filter(Boolean).join(', ');
  }
  return `${number(a.baseLatitude, { maximumFractionDigits: 3 })}, ${number(a.baseLongitude, { maximumFractionDigits: 3 })}`;
}

async function applications(box) {
  const t = adminText();
  let items;
  try {
    items = (await api('GET', '/api/v1/admin/installers/applications?status=PENDING&size=100')).items;
  } catch (e) {
    box.replaceChildren(failed(e));
    return;
  }
  if (items.length === 0) { box.replaceChildren(empty(t.noApplications)); return; }
  box.replaceChildren(h('ul', { class: 'admin-cards', id: 'applications-list' }, ...items.map((a) => h('li', { class: 'card application', dataset: { application: a.id } },
    h('h3', {}, a.companyName),
    h('dl', { class: 'facts' },
      h('dt', {}, t.licence), h('dd', {}, a.licenseNumber),
      h('dt', {}, t.area), h('dd', {}, t.areaText(number(a.serviceRadiusKm), placeOf(a))),
      a.phone ? [h('dt', {}, t.phone), h('dd', {}, a.phone)] : null,
      h('dt', {}, t.applied), h('dd', {}, when(a.createdAt))),
    h('div', { class: 'row-actions' },
      h('button', { type: 'button', class: 'approve', 'aria-label': t.approveLabel(a.companyName), onclick: async (event) => {
        try {
          await busy(event.currentTarget, () => api('POST', `/api/v1/admin/installers/applications/${encodeURIComponent(a.id)}/approve`, {}));
        } catch (e) {
          flash(says(e), 'error');
          return;
        }
        flash(t.approveDone(a.companyName), 'ok');
        await applications(box);
      } }, t.approve),
      h('button', { type: 'button', class: 'secondary reject', 'aria-label': t.rejectLabel(a.companyName), onclick: async () => {
        const done = await reasonForm({ id: 'reject-form', title: t.rejectTitle(a.companyName), text: t.rejectText, label: t.rejectReason,
          missing: t.reasonMissing, max: 500, confirmText: t.reject, cancelText: t.cancel,
          onConfirm: (reason) => api('POST', `/api/v1/admin/installers/applications/${encodeURIComponent(a.id)}/reject`, { reason }) });
        if (done) { flash(t.rejectDone(a.companyName), 'ok'); await applications(box); }
      } }, t.reject))))));
}

async function installers(box) {
  const t = adminText();
  let items;
  try {
    items = (await api('GET', '/api/v1/admin/installers?status=ACTIVE&size=100')).items;
  } catch (e) {
    box.replaceChildren(failed(e));
    return;
  }
  if (items.length === 0) { box.replaceChildren(empty(t.noInstallers)); return; }
  box.replaceChildren(dataTable([t.company, t.status, t.rating, t.area, t.approved, t.actions], items.map((i) => ({
    row: { dataset: { installer: i.installerId } },
    cells: [i.companyName, label(t.installerStatus, i.status),
      t.ratingText(number(i.rating, { maximumFractionDigits: 1, minimumFractionDigits: 1 }), Number(i.ratingCount) || 0),
      `${number(i.serviceRadiusKm)} km`, when(i.approvedAt),
      h('button', { type: 'button', class: 'danger revoke', 'aria-label': t.revokeLabel(i.companyName), onclick: async () => {
        const done = await confirmAction({ id: 'revoke-form', title: t.revokeTitle(i.companyName), text: t.revokeText,
          fields: [{ name: 'reason', label: t.revokeReason, required: true, max: 500, missing: t.reasonMissing }],
          confirmText: t.revoke, cancelText: t.cancel, danger: true,
          onConfirm: (v) => api('POST', `/api/v1/admin/installers/${encodeURIComponent(i.installerId)}/revoke`, { reason: v.reason }) });
        if (done) { flash(t.revokeDone(i.companyName), 'ok'); await installers(box); }
      } }, t.revoke)] })), { caption: t.installersCaption, id: 'admin-installers-table', wide: true }));
}

// --- Catalog ----------------------------------------------------------------------------------------------------

function panelFields() {
  const t = adminText();
  return [
    { name: 'name', label: t.panelName, max: 120, required: true, missing: t.fieldMissing, invalid: t.panelNameInvalid },
    { name: 'manufacturer', label: t.manufacturer, max: 80, required: true, missing: t.fieldMissing, invalid: t.manufacturerInvalid },
    { name: 'wattsPeak', label: t.wattsPeak, type: 'number', min: 50, maxValue: 1000, step: '1', required: true, missing: t.fieldMissing, invalid: t.wattsPeakInvalid },
    { name: 'efficiencyPercent', label: t.efficiency, type: 'number', step: '0.1', min: 5, maxValue: 30, required: true, missing: t.fieldMissing, invalid: t.efficiencyInvalid },
    { name: 'price', label: t.price, type: 'number', step: '0.01', min: 0.01, required: true, missing: t.fieldMissing, invalid: t.priceInvalid },
    { name: 'stock', label: t.stock, type: 'number', step: '1', min: 0, required: true, missing: t.fieldMissing, invalid: t.stockInvalid },
    { name: 'warrantyYears', label: t.warranty, type: 'number', step: '1', min: 0, maxValue: 50, required: true, missing: t.fieldMissing, invalid: t.warrantyInvalid },
    { name: 'photo', label: t.photo, value: '/assets/panels/mono-black.svg', max: 240, hint: t.photoHint, invalid: t.photoInvalid },
    ...datasheetFields(),
  ];
}

/** The product page's datasheet: every field optional (empty means "not stated", sent as null). */
function datasheetFields() {
  const t = adminText();
  const cells = shopText().cellTypes;
  return [
    { name: 'description', label: t.description, type: 'textarea', rows: 4, max: 2000, hint: t.datasheetHint, invalid: t.descriptionInvalid },
    { name: 'lengthMm', label: t.lengthMm, type: 'number', step: '1', min: 300, maxValue: 3000, invalid: t.lengthInvalid },
    { name: 'widthMm', label: t.widthMm, type: 'number', step: '1', min: 300, maxValue: 2000, invalid: t.widthInvalid },
    { name: 'thicknessMm', label: t.thicknessMm, type: 'number', step: '1', min: 3, maxValue: 100, invalid: t.thicknessInvalid },
    { name: 'weightKg', label: t.weightKg, type: 'number', step: '0.1', min: 1, maxValue: 100, invalid: t.weightInvalid },
    { name: 'cellType', label: t.cellType, type: 'select', options: [['', t.notStated], ...CELL_TYPES.map((c) => [c, cells[c]])], invalid: t.cellTypeInvalid },
    { name: 'performanceWarrantyYears', label: t.performanceWarrantyYears, type: 'number', step: '1', min: 1, maxValue: 50, invalid: t.performanceYearsInvalid },
    { name: 'performanceWarrantyPercent', label: t.performanceWarrantyPercent, type: 'number', step: '0.1', min: 50, maxValue: 100, invalid: t.performancePercentInvalid },
  ];
}

/** The server's cell types, in the order an admin picks from. */
const CELL_TYPES = ['MONO_PERC', 'TOPCON', 'HJT', 'IBC', 'POLY', 'CIGS', 'CDTE'];

/** The form's values as the panel request: one photo address as a list, empty text fields as "not stated". */
function panelRequest(v) {
  const { photo, description, cellType, ...rest } = v;
  return { ...rest, description: description.trim() ? description : null, cellType: cellType || null,
    photoUrls: photo ? [photo.trim()] : [] };
}

/** The server names a refused photo "photoUrls[0]"; the form calls that field "photo". */
async function sendPanel(call) {
  try {
    return await call();
  } catch (e) {
    const errors = (e.problem && e.problem.errors) || [];
    if (errors.some((fe) => String(fe.field || '').startsWith('photoUrls'))) {
      e.problem = { ...e.problem, errors: errors.map((fe) => (String(fe.field || '').startsWith('photoUrls') ? { field: 'photo' } : fe)) };
    }
    throw e;
  }
}

async function catalog(box) {
  const t = adminText();
  const grid = h('div', { id: 'admin-panels' });
  const create = form(panelFields(), t.create, async (v) => {
    await sendPanel(() => api('POST', '/api/v1/admin/catalog/panels', panelRequest(v)));
    flash(t.created(v.name), 'ok');
    await catalog(box);
  });
  create.id = 'new-panel-form';
  box.replaceChildren(h('details', { class: 'card new-panel' }, h('summary', {}, t.newPanel), create),
    h('h3', {}, t.panels), grid);
  let items;
  try {
    items = (await api('GET', '/api/v1/catalog/panels?size=100&sort=price')).items;
  } catch (e) {
    grid.replaceChildren(failed(e));
    return;
  }
  if (items.length === 0) { grid.replaceChildren(empty(t.noPanels)); return; }
  grid.replaceChildren(h('ul', { class: 'admin-cards' }, ...items.map((p) => {
    const full = `${p.manufacturer} ${p.name}`;
    const edit = form(panelFields().map((f) => ({ ...f, value: f.name === 'photo' ? ((p.photoUrls && p.photoUrls[0]) || '') : f.name === 'price' ? p.price.amount : p[f.name] })),
      t.savePanel, async (v) => {
        // A PUT replaces the whole panel: the form carries every field, the datasheet included.
        await sendPanel(() => api('PUT', `/api/v1/admin/catalog/panels/${encodeURIComponent(p.id)}`,
          { ...panelRequest(v), version: p.version }));
        flash(t.panelSaved(`${v.manufacturer} ${v.name}`), 'ok');
        await catalog(box);
      });
    return h('li', { dataset: { panel: p.id } }, h('details', { class: 'card panel-edit' },
      h('summary', {}, t.panelSummary(full, money(p.price), number(p.stock))), edit,
      h('button', { type: 'button', class: 'danger retire', 'aria-label': t.retireLabel(full), onclick: async () => {
        const done = await confirmAction({ id: 'retire-form', title: t.retireTitle(full), text: t.retireText, confirmText: t.retire,
          cancelText: t.cancel, danger: true, onConfirm: () => api('DELETE', `/api/v1/admin/catalog/panels/${encodeURIComponent(p.id)}`) });
        if (done) { flash(t.retireDone(full), 'ok'); await catalog(box); }
      } }, t.retire)));
  })));
}

// --- FAQ --------------------------------------------------------------------------------------------------------

async function faq(box) {
  const t = adminText();
  let entries;
  try {
    entries = await api('GET', '/api/v1/public/faq');
  } catch (e) {
    box.replaceChildren(failed(e));
    return;
  }
  const rows = h('ol', { class: 'faq-list' });
  const status = h('p', { class: 'form-status', role: 'status', id: 'faq-status' });
  let counter = 0;
  // Labels carry the entry's number, so they are counted again after a removal.
  const renumber = () => [...rows.children].forEach((li, i) => {
    li.querySelector('.faq-q-label').textContent = t.question(i + 1);
    li.querySelector('.faq-a-label').textContent = t.answer(i + 1);
    li.querySelector('button.remove').textContent = t.remove;
    li.querySelector('button.remove').setAttribute('aria-label', t.removeQuestion(i + 1));
  });
  const add = (e = { question: '', answer: '' }) => {
    const n = ++counter;
    const q = h('input', { id: `faq-q-${n}`, name: 'question', value: e.question, maxlength: 300 });
    const a = h('textarea', { id: `faq-a-${n}`, name: 'answer', rows: 3, maxlength: 4000 }, e.answer);
    const li = h('li', { class: 'card faq-edit' },
      h('label', { for: q.id, class: 'faq-q-label' }), q, h('label', { for: a.id, class: 'faq-a-label' }), a,
      h('button', { type: 'button', class: 'secondary remove', onclick: () => {
        const next = li.nextElementSibling || li.previousElementSibling;
        li.remove();
        renumber();
        (next ? next.querySelector('input') : addButton).focus();
      } }));
    rows.append(li);
    renumber();
    return q;
  };
  entries.forEach((e) => add(e));
  const addButton = h('button', { type: 'button', class: 'secondary', id: 'add-faq', onclick: () => add().focus() }, t.addQuestion);
  const save = h('button', { type: 'button', id: 'save-faq', onclick: async () => {
    status.textContent = '';
    status.className = 'form-status';
    const payload = [...rows.querySelectorAll('.faq-edit')].map((r) => ({ question: r.querySelector('input').value.trim(), answer: r.querySelector('textarea').value.trim() }));
    const bad = [...rows.querySelectorAll('.faq-edit')].find((r, i) => !payload[i].question || !payload[i].answer);
    if (bad) {
      status.textContent = t.faqIncomplete;
      status.className = 'form-status error';
      (bad.querySelector('input').value.trim() ? bad.querySelector('textarea') : bad.querySelector('input')).focus();
      return;
    }
    try {
      await busy(save, () => api('PUT', '/api/v1/admin/faq', payload));
      status.textContent = t.faqSaved;
      status.className = 'form-status ok';
    } catch (e) {
      status.textContent = says(e);
      status.className = 'form-status error';
    }
  } }, t.saveFaq);
  box.replaceChildren(h('p', { class: 'muted' }, t.faqIntro), rows, h('div', { class: 'button-row' }, addButton, save), status);
}

// --- Jobs -------------------------------------------------------------------------------------------------------

// Admins read times in their own time zone: they may judge jobs from anywhere.
const ADMIN_ZONE = (() => { try { return Intl.DateTimeFormat().resolvedOptions().timeZone; } catch { return 'Europe/Berlin'; } })();

async function jobs(box) {
  const t = adminText();
  let items;
  try {
    items = (await api('GET', '/api/v1/admin/jobs?status=UNASSIGNED&size=100')).items;
  } catch (e) {
    box.replaceChildren(failed(e));
    return;
  }
  if (items.length === 0) { box.replaceChildren(empty(t.noJobs)); return; }
  box.replaceChildren(dataTable([t.job, t.place, t.panels, t.window, t.attempt, t.actions], items.map((j) => ({
    row: { dataset: { job: j.jobId } },
    cells: [j.orderId ? h('a', { href: `#/admin/orders/${encodeURIComponent(j.orderId)}` }, shortRef(j.orderId)) : shortRef(j.jobId),
      j.city || '', t.panelCount(j.panelCount), j.window ? range(j.window.start, j.window.end, ADMIN_ZONE) : '', number((j.attempt || 0) + 1),
      h('button', { type: 'button', class: 'redispatch', 'aria-label': t.dispatchAgainLabel(j.city || shortRef(j.jobId)), onclick: async (event) => {
        try {
          await busy(event.currentTarget, () => api('POST', `/api/v1/admin/jobs/${encodeURIComponent(j.jobId)}/redispatch`, {}));
        } catch (e) {
          flash(says(e), 'error');
          return;
        }
        flash(t.dispatched(j.city || shortRef(j.jobId)), 'ok');
        await jobs(box);
      } }, t.dispatchAgain)] })), { caption: t.jobsCaption, id: 'admin-jobs-table', wide: true }));
}

/** Jobs whose customer reported a problem: the report, its photos and the reason, and a form to decide. */
async function disputes(box) {
  const t = installText();
  let items;
  try {
    items = (await api('GET', '/api/v1/admin/jobs?status=DISPUTED&size=100')).items;
  } catch (e) {
    box.replaceChildren(failed(e));
    return;
  }
  if (items.length === 0) { box.replaceChildren(empty(t.noDisputes)); return; }
  box.replaceChildren(...items.map((j) => {
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
      h('h3', { class: 'dispute-card-title' }, `${t.panels(j.panelCount)} · ${j.city}`),
      h('p', {}, h('span', { class: 'badge' }, t.jobStatus[j.status] || t.unknownStatus)),
      j.window ? h('p', { class: 'muted' }, `${t.window}: ${range(j.window.start, j.window.end, ADMIN_ZONE)}`) : null,
      toggle, detail);
  }));
}

async function disputeDetail(box, jobId, reload) {
  const t = installText();
  box.replaceChildren(h('p', { class: 'muted', role: 'status' }, commonText().loading));
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
  const decide = h('form', { class: 'resolve-form', novalidate: true },
    h('fieldset', {}, h('legend', {}, t.outcome), ...outcomes),
    h('label', { for: noteId }, t.resolutionNote), note, h('p', { class: 'muted', id: `${noteId}-hint` }, t.reasonLength(5, 2000)), error,
    h('div', { class: 'button-row' }, submit));
  decide.addEventListener('change', () => { error.textContent = ''; });
  decide.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (submit.disabled) return;
    error.textContent = '';
    const chosen = decide.querySelector(`input[name="${name}"]:checked`);
    if (!chosen) { error.textContent = t.chooseOutcome; decide.querySelector('input[type=radio]').focus(); return; }
    const text = note.value.trim();
    if ([...text].length < 5 || [...text].length > 2000) { error.textContent = t.reasonLength(5, 2000); note.focus(); return; }
    try {
      await busy(submit, () => api('POST', `/api/v1/admin/jobs/${encodeURIComponent(jobId)}/resolve`, { outcome: chosen.value, note: text }));
      flash(t.resolved, 'ok');
      reload();
    } catch (e) {
      error.textContent = e.code === 'validation_failed' ? t.reasonLength(5, 2000) : says(e);
    }
  });
  box.replaceChildren(...[appointment,
    j.dispute ? disputeView(j.dispute, ADMIN_ZONE, { id: null }) : null,
    report ? reportView(report, ADMIN_ZONE, { id: null }) : null, older,
    h('h4', {}, t.resolve), decide].filter(Boolean));
}

// --- Map --------------------------------------------------------------------------------------------------------

const JOB_COLOR = '#b45309';
const AREA_COLOR = '#1d4ed8';

/** Jobs not yet assigned and installers' service areas on one map, with a legend and the same as text lists. */
async function map(box) {
  const t = placesText();
  let data;
  try {
    data = await api('GET', '/api/v1/admin/map');
  } catch (e) {
    box.replaceChildren(failed(e));
    return;
  }
  const jobsList = data.jobs.length === 0 ? h('p', { class: 'muted' }, t.noOpenJobs)
    : h('ul', { class: 'map-list', id: 'admin-map-jobs' }, ...data.jobs.map((j) => h('li', { dataset: { job: j.jobId } },
      h('span', { class: 'legend-dot job', 'aria-hidden': 'true' }), ' ', t.jobLine(j), j.window ? ` · ${when(j.window.start)}` : '')));
  const installersList = data.installers.length === 0 ? h('p', { class: 'muted' }, t.noInstallers)
    : h('ul', { class: 'map-list', id: 'admin-map-installers' }, ...data.installers.map((i) => h('li', { dataset: { installer: i.installerId } },
      h('span', { class: 'legend-dot area', 'aria-hidden': 'true' }), ' ', t.installerLine(i))));
  const shown = mapFigure({ label: t.adminMap(data.jobs.length, data.installers.length), className: 'map-admin',
    caption: h('span', { class: 'legend' }, h('strong', {}, `${t.legend}: `),
      h('span', { class: 'legend-dot job', 'aria-hidden': 'true' }), ` ${t.legendJob} `,
      h('span', { class: 'legend-dot area', 'aria-hidden': 'true' }), ` ${t.legendArea}`) });
  box.replaceChildren(...[shown.figure, h('h3', {}, t.jobsList), data.jobsTruncated ? h('p', { class: 'muted' }, t.truncated(data.jobsLimit)) : null,
    jobsList, h('h3', {}, t.installersList), data.installersTruncated ? h('p', { class: 'muted' }, t.truncated(data.installersLimit)) : null,
    installersList].filter(Boolean));
  const m = await shown.ready;
  for (const i of data.installers) m.serviceArea(i.latitude, i.longitude, i.serviceRadiusKm, { color: AREA_COLOR, title: i.companyName });
  for (const j of data.jobs) m.point(j.latitude, j.longitude, { color: JOB_COLOR, kind: 'job', title: `${j.postalCode} ${j.city}` });
  m.fit();
}

// --- Audit trail ------------------------------------------------------------------------------------------------

function addressText(ip) {
  const a = accountText().address;
  const where = describeAddress(ip);
  if (where.kind === 'loopback') return a.loopback;
  if (where.kind === 'unknown') return '–';
  return where.text;
}

/** A detail's value as people read it: people by name, ids as references, roles and yes/no in words. */
function detailValue(key, value) {
  const t = adminText();
  if (isId(value)) return ['by', 'userId', 'subject'].includes(key) ? person(value) : shortRef(value);
  if (key === 'from' || key === 'to' || key === 'role') return label(t.roles, value);
  if (key === 'type') return label(t.eventTypes, value);
  if (Object.prototype.hasOwnProperty.call(t.detailValues, value)) return t.detailValues[value];
  if (key === 'until' && /^\d{4}-\d\d-\d\dT/.test(value)) return when(value);
  // Ids inside a value (an address such as /api/v1/admin/users/…/ban) are shortened too.
  return String(value).replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, (id) => shortRef(id));
}

function auditDetails(e) {
  const t = adminText();
  const pairs = detailEntries(e.detail);
  const device = e.userAgent ? deviceName(e.userAgent, accountText().device) : null;
  if (pairs.length === 0 && !device) return '–';
  return h('details', { class: 'audit-detail' }, h('summary', {}, t.showDetails),
    h('dl', { class: 'facts' }, ...pairs.flatMap(([k, v]) => [h('dt', {}, k ? label(t.detailKeys, k) : t.details), h('dd', {}, detailValue(k, v))]),
      device ? [h('dt', {}, t.device), h('dd', {}, device)] : null));
}

async function audit(box) {
  const t = adminText();
  const out = h('div', { id: 'audit-results' });
  const count = h('p', { class: 'muted', role: 'status', id: 'audit-count' });
  let current = {};
  const types = Object.keys(t.eventTypes).map((k) => [k, t.eventTypes[k]]).sort((a, b) => a[1].localeCompare(b[1]));
  const filters = form([
    { name: 'type', label: t.eventType, type: 'select', options: [['', t.anyEvent], ...types] },
    { name: 'user', label: t.user, type: 'email', hint: t.userHint, max: 254, autocomplete: 'off', invalid: t.userNotFound },
    { name: 'ip', label: t.ip, max: 45, autocomplete: 'off', invalid: t.ipInvalid, inputmode: 'decimal' },
    { name: 'from', label: t.from, type: 'datetime-local' },
    { name: 'to', label: t.to, type: 'datetime-local' },
  ], t.filter, async (v) => {
    const wanted = { type: v.type, ip: v.ip.trim(), from: localToInstant(v.from), to: localToInstant(v.to) };
    if (wanted.ip && !looksLikeIp(wanted.ip)) throw fieldError('ip');
    if (v.user.trim()) {
      const email = v.user.trim().toLowerCase();
      const found = (await api('GET', `/api/v1/admin/users?size=10&q=${encodeURIComponent(email)}`)).items.find((u) => u.email.toLowerCase() === email);
      if (!found) throw fieldError('user');
      remember([found]);
      wanted.userId = found.id;
    }
    await load(wanted);
  }, { inline: true });
  filters.id = 'audit-filters';
  filters.setAttribute('aria-label', t.auditFilters);
  const problem = h('p', { class: 'error', role: 'alert' });
  // Downloads carry the bearer token, so they go through fetch and a Blob rather than a plain link.
  const exportButton = (format, text) => h('button', { type: 'button', class: 'secondary', dataset: { export: format }, onclick: async (event) => {
    problem.textContent = '';
    try {
      await busy(event.currentTarget, () => download(`/api/v1/admin/audit-events/export?${params(current, { format })}`, `audit-events.${format}`));
    } catch (e) {
      problem.textContent = e.message || t.exportFailed;
    }
  } }, text);
  box.replaceChildren(filters, h('div', { class: 'button-row export' }, h('span', {}, t.exportIntro), exportButton('csv', t.downloadCsv),
    exportButton('ndjson', t.downloadNdjson)), problem, count, out);
  function params(v, extra) {
    const p = new URLSearchParams(extra);
    for (const [k, val] of Object.entries(v)) if (val) p.set(k, val);
    return p;
  }
  async function load(v = {}) {
    current = v;
    let data;
    try {
      [data] = await Promise.all([api('GET', `/api/v1/admin/audit-events?${params(v, { size: 100 })}`), knowPeople()]);
    } catch (e) {
      out.replaceChildren(failed(e));
      return;
    }
    count.textContent = data.items.length ? t.eventsShown(data.items.length) : '';
    out.replaceChildren(data.items.length === 0 ? empty(t.noEvents) : dataTable([t.when, t.eventType, t.outcome, t.user, t.ip, t.details],
      data.items.map((e) => ({ row: { dataset: { event: e.id, type: e.type } }, cells: [when(e.occurredAt), label(t.eventTypes, e.type),
        h('span', { class: `badge outcome-${String(e.outcome || '').toLowerCase()}` }, label(t.outcomes, e.outcome)),
        person(e.userId), addressText(e.ip), auditDetails(e)] })), { caption: t.auditCaption, id: 'audit-table', wide: true }));
  }
  await load();
}

function fieldError(field) {
  return Object.assign(new Error(commonText().fieldInvalid), { code: 'field', status: 400, problem: { errors: [{ field }] } });
}

// --- Alerts -----------------------------------------------------------------------------------------------------

async function alerts(box, id, params) {
  const status = params instanceof URLSearchParams ? params.get('status') || '' : '';
  await renderAlerts(box, ['OPEN', 'ACKNOWLEDGED', 'RESOLVED'].includes(status) ? status : '');
}

async function renderAlerts(box, status) {
  const t = adminText();
  const out = h('div', { id: 'alerts-list' });
  const filter = h('select', { name: 'status', id: 'alert-status', onchange: () => renderAlerts(box, filter.value) },
    ...Object.entries(t.alertStatuses).map(([v, text]) => h('option', { value: v }, text)));
  filter.value = status;
  box.replaceChildren(h('div', { class: 'inline-field' }, h('label', { for: 'alert-status' }, t.showAlerts), filter), out);
  const reload = () => renderAlerts(box, filter.value);
  out.replaceChildren(h('p', { class: 'muted', role: 'status' }, commonText().loading));
  let items;
  try {
    [items] = await Promise.all([api('GET', `/api/v1/admin/alerts?size=100${status ? `&status=${status}` : ''}`).then((d) => d.items), knowPeople()]);
  } catch (e) {
    out.replaceChildren(failed(e));
    return;
  }
  out.replaceChildren(items.length === 0 ? empty(status ? t.noAlertsWithStatus : t.noAlerts)
    : h('ul', { class: 'admin-cards' }, ...items.map((a) => h('li', {}, alertCard(a, reload)))));
}

/** What an alert is about, in words: a person, an order (linked), a job, a refund or an address. */
function alertSubject(a) {
  const t = adminText();
  const s = a.subject;
  if (!s || s === 'unknown' || a.type === 'IP_BLOCK_FLOOD') return null;
  if (['ACCOUNT_FLAGGED', 'REFRESH_TOKEN_REUSE', 'ACCOUNT_LOCKED'].includes(a.type)) return person(s);
  if (a.type === 'LEDGER_MISMATCH') return h('a', { href: `#/admin/orders/${encodeURIComponent(s)}` }, t.orderRef(shortRef(s)));
  if (a.type.startsWith('JOB_')) return t.jobRef(shortRef(s));
  if (a.type === 'REFUND_FAILED') return t.refundRef(shortRef(s));
  return shortRef(s);
}

function alertCard(a, reload) {
  const t = adminText();
  const error = h('p', { class: 'error', role: 'alert' });
  const act = (path, body, done) => async (event) => {
    error.textContent = '';
    try {
      await busy(event.currentTarget, () => api('POST', `/api/v1/admin/alerts/${encodeURIComponent(a.id)}/${path}`, body()));
    } catch (e) {
      error.textContent = says(e);
      return;
    }
    flash(done, 'ok');
    await reload();
  };
  const noteId = `alert-note-${a.id}`;
  const note = h('input', { id: noteId, name: 'note', maxlength: 1000 });
  const actions = [];
  if (a.status === 'OPEN') actions.push(h('button', { type: 'button', class: 'secondary acknowledge', onclick: act('acknowledge', () => ({}), t.acknowledged) }, t.acknowledge));
  if (a.status !== 'RESOLVED') {
    actions.push(h('span', { class: 'inline-field' }, h('label', { for: noteId }, t.resolveNote), note),
      h('button', { type: 'button', class: 'resolve', onclick: act('resolve', () => (note.value.trim() ? { note: note.value.trim() } : {}), t.resolved) }, t.resolve));
  }
  const history = [];
  if (a.acknowledgedAt) history.push(t.ackBy(personText(a.acknowledgedBy), when(a.acknowledgedAt)));
  if (a.resolvedAt) history.push(t.resolvedBy(personText(a.resolvedBy), when(a.resolvedAt)));
  const subject = alertSubject(a);
  const severity = label(t.severity, a.severity);
  return h('article', { class: `card alert severity-${String(a.severity || '').toLowerCase()}`, dataset: { alert: a.id, status: a.status }, 'aria-labelledby': `alert-title-${a.id}` },
    h('h3', { id: `alert-title-${a.id}` }, label(t.alertTypes, a.type)),
    h('p', {}, severity ? h('span', { class: `badge severity-${String(a.severity || '').toLowerCase()}`, 'aria-label': t.severityLabel(severity) }, severity) : null,
      ' ', h('strong', { class: 'alert-status badge' }, label(t.alertStatus, a.status))),
    h('dl', { class: 'facts' },
      subject ? [h('dt', {}, t.subject), h('dd', {}, subject)] : null,
      h('dt', {}, t.raised), h('dd', {}, when(a.raisedAt))),
    history.length ? h('p', { class: 'muted' }, history.join(' · ')) : null,
    a.note ? h('p', {}, t.noteText(a.note)) : null,
    a.detail ? h('details', { class: 'alert-detail' }, h('summary', {}, t.technical), h('p', { class: 'muted' }, a.detail)) : null,
    actions.length ? h('div', { class: 'button-row' }, ...actions) : null, error);
}

// --- IP blocks --------------------------------------------------------------------------------------------------

async function blocks(box) {
  const t = adminText();
  const out = h('div', { id: 'blocks-list' });
  const create = form([
    { name: 'cidr', label: t.cidr, hint: t.cidrHint, required: true, max: 50, missing: t.fieldMissing, invalid: t.cidrInvalid, autocomplete: 'off' },
    { name: 'reason', label: t.blockReason, required: true, max: 300, missing: t.blockReasonMissing },
    { name: 'expiresAt', label: t.expiresAt, type: 'datetime-local', hint: t.expiresHint, invalid: t.expiresInvalid },
  ], t.block, async (v) => {
    const block = await api('POST', '/api/v1/admin/ip-blocks', { cidr: v.cidr.trim(), reason: v.reason.trim(), expiresAt: localToInstant(v.expiresAt) });
    flash(t.blocked(block.cidr || v.cidr.trim()), 'ok');
    await list();
  }, { reset: true });
  create.id = 'block-form';
  box.replaceChildren(h('details', { class: 'card new-block' }, h('summary', {}, t.newBlock), create), out);
  async function list() {
    let items;
    try {
      items = await api('GET', '/api/v1/admin/ip-blocks');
    } catch (e) {
      out.replaceChildren(failed(e));
      return;
    }
    out.replaceChildren(items.length === 0 ? empty(t.noBlocks) : dataTable([t.cidr, t.blockReason, t.kind, t.scope, t.created2, t.until, t.actions],
      items.map((b) => ({ row: { dataset: { block: b.id } }, cells: [h('code', {}, b.cidr), b.reason, b.automatic ? t.automatic : t.manual,
        b.authOnly ? t.signInOnly : t.everything, when(b.createdAt), b.expiresAt ? when(b.expiresAt) : t.untilLifted,
        h('button', { type: 'button', class: 'secondary lift', 'aria-label': t.liftLabel(b.cidr), onclick: async (event) => {
          try {
            await busy(event.currentTarget, () => api('DELETE', `/api/v1/admin/ip-blocks/${encodeURIComponent(b.id)}`));
          } catch (e) {
            flash(says(e), 'error');
            return;
          }
          flash(t.lifted(b.cidr), 'ok');
          await list();
        } }, t.lift)] })), { caption: t.blocksCaption, id: 'blocks-table', wide: true }));
  }
  await list();
}
