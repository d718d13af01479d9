// The admin's money back office (issue 17): orders searched and told as a story (items, VAT, payments, refunds,
// documents, ledger, payout, audit) with a refund form, the payouts to mark as paid, and the ledger as CSV.
// Refunds and "paid" marks may ask the admin to confirm it's them first: api() opens that dialog and repeats the
// call with the same Idempotency-Key, so a double click, a retry or the step-up never refunds twice.
import { h, flash, money, when } from './dom.js';
import { api, download } from './api.js';
import { confirmAction } from './dialog.js';
import { moneyText, installText, errorText } from './texts.js';
import { says, heading } from './installation.js';
import { ref, dataTable, summaryTable, documentsSection, refundsSection } from './billing.js';

const ORDER_STATUSES = ['PENDING_PAYMENT', 'PAID', 'SCHEDULED', 'INSTALLING', 'AWAITING_CONFIRMATION', 'DISPUTED', 'COMPLETED', 'CANCELLED'];
const REASONS = ['GOODWILL', 'DAMAGED_GOODS', 'INSTALLATION_PROBLEM', 'PRICE_CORRECTION', 'OTHER'];
const PAGE_SIZE = 20;

/** An id for an Idempotency-Key: 32 random hex characters (allowed: 8–64 of [A-Za-z0-9_-]). */
export function idempotencyKey() {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

function statusText(status) {
  const t = installText();
  return t.orderStatus[status] || t.unknownStatus;
}

/** An enum the admin reads, in words: a known one from the catalog, else "REFUND_ISSUED" → "Refund issued". */
function words(table, value) {
  if (!value) return '';
  if (table && table[value]) return table[value];
  const s = String(value).toLowerCase().replace(/_/g, ' ');
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** A reference as people read it: an id (a UUID) shortened like an order reference, anything else as it is. */
function shortId(value) {
  if (!value) return '';
  return /^[0-9a-f]{8}-[0-9a-f]{4}-/i.test(value) ? ref(value) : String(value);
}

let lastSearch = { values: {}, page: 0 };

/** The Orders tab: the search, or (with an id) one order's story. */
export async function orders(box, id) {
  if (id) return story(box, id);
  const t = moneyText();
  const results = h('div', { id: 'admin-order-results' });
  const status = h('p', { class: 'muted', id: 'admin-order-count', role: 'status', 'aria-live': 'polite' });
  const fieldIds = {};
  const field = (name, label, input, hint) => {
    const inputId = `order-search-${name}`;
    const errorId = `${inputId}-error`;
    input.id = inputId;
    input.name = name;
    input.setAttribute('aria-describedby', errorId);
    fieldIds[name] = input;
    return h('div', { class: 'search-field' }, h('label', { for: inputId }, label), input, hint || null,
      h('span', { class: 'field-error', id: errorId, dataset: { field: name } }));
  };
  const statusSelect = h('select', {}, h('option', { value: '' }, t.anyStatus), ...ORDER_STATUSES.map((s) => h('option', { value: s }, statusText(s))));
  const general = h('p', { class: 'error', role: 'alert' });
  const form = h('form', { class: 'search-form', id: 'order-search', novalidate: true, 'aria-labelledby': 'order-search-title' },
    h('h2', { id: 'order-search-title', class: 'visually-hidden' }, t.searchOrders),
    field('status', installText().statusLabel, statusSelect),
    field('email', t.customerEmail, h('input', { type: 'text', inputmode: 'email', autocomplete: 'off', maxlength: 254 })),
    field('from', t.createdFrom, h('input', { type: 'date' })),
    field('to', t.createdTo, h('input', { type: 'date' })),
    field('minTotal', t.minTotal('EUR'), h('input', { type: 'text', inputmode: 'decimal', maxlength: 12 })),
    field('maxTotal', t.maxTotal('EUR'), h('input', { type: 'text', inputmode: 'decimal', maxlength: 12 })),
    h('div', { class: 'search-actions' }, h('button', { type: 'submit' }, t.search)), general);
  for (const [k, v] of Object.entries(lastSearch.values)) if (fieldIds[k]) fieldIds[k].value = v;
  box.replaceChildren(form, status, results);

  const fieldError = (name, message) => {
    const input = fieldIds[name];
    document.getElementById(`${input.id}-error`).textContent = message;
    input.setAttribute('aria-invalid', 'true');
  };
  const clear = () => {
    general.textContent = '';
    for (const input of Object.values(fieldIds)) {
      input.removeAttribute('aria-invalid');
      document.getElementById(`${input.id}-error`).textContent = '';
    }
  };
  const read = () => Object.fromEntries(Object.entries(fieldIds).map(([k, input]) => [k, input.value.trim()]));
  const valid = (v) => {
    let ok = true;
    for (const k of ['minTotal', 'maxTotal']) {
      if (v[k] && !/^\d{1,9}([.,]\d{1,2})?$/.test(v[k])) { fieldError(k, t.amountInvalid); ok = false; }
    }
    if (v.from && v.to && v.from > v.to) { fieldError('to', t.ledgerRange); ok = false; }
    if (!ok) Object.values(fieldIds).find((i) => i.getAttribute('aria-invalid') === 'true').focus();
    return ok;
  };

  async function load(values, page, focusId) {
    const params = new URLSearchParams({ page: String(page), size: String(PAGE_SIZE) });
    for (const [k, v] of Object.entries(values)) if (v) params.set(k, k.endsWith('Total') ? v.replace(',', '.') : v);
    results.setAttribute('aria-busy', 'true');
    let data;
    try {
      data = await api('GET', `/api/v1/admin/orders?${params}`);
    } catch (e) {
      results.removeAttribute('aria-busy');
      let shown = false;
      for (const fe of (e.problem && e.problem.errors) || []) {
        const key = fe.field.split('.').pop();
        if (fieldIds[key]) { fieldError(key, errorText('validation_failed')); shown = true; }
      }
      if (!shown) general.textContent = says(e);
      return;
    }
    lastSearch = { values, page };
    const total = Number(data.totalItems) || 0;
    const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
    status.textContent = `${t.found(total)}${total > PAGE_SIZE ? ` · ${t.pageOf(page + 1, pages)}` : ''}`;
    const items = data.items || [];
    const table = items.length === 0 ? h('p', { class: 'muted' }, t.noOrders) : dataTable({ id: 'admin-orders', label: t.resultsCaption, className: 'wide',
      headers: [{ text: t.order }, { text: t.customer }, { text: installText().statusLabel }, { text: t.total, num: true },
        { text: t.refunded, num: true }, { text: t.created }, { text: t.paid }],
      rows: items.map((o) => ({ attrs: { dataset: { order: o.id } }, cells: [
        h('a', { href: `#/admin/orders/${o.id}`, class: 'open-order', 'aria-label': t.openOrder(ref(o.id)) }, ref(o.id)),
        h('span', { class: 'customer-cell' }, o.customerName || '', h('br'), h('span', { class: 'muted' }, o.customerEmail || '')),
        statusText(o.status), money(o.total), o.refunded && Number(o.refunded.amount) > 0 ? money(o.refunded) : '–',
        when(o.createdAt), when(o.paidAt)] })) });
    const pager = pages > 1 ? h('nav', { class: 'tabs pager', 'aria-label': t.pageOf(page + 1, pages) },
      h('button', { type: 'button', class: 'secondary', id: 'orders-previous', disabled: page === 0, onclick: () => load(values, page - 1, 'orders-previous') }, t.previous),
      h('span', { class: 'muted pager-text' }, t.pageOf(page + 1, pages)),
      h('button', { type: 'button', class: 'secondary', id: 'orders-next', disabled: page + 1 >= pages, onclick: () => load(values, page + 1, 'orders-next') }, t.next)) : null;
    results.replaceChildren(...[table, pager].filter(Boolean));
    results.removeAttribute('aria-busy');
    // The pager was drawn again: focus stays on the button pressed, or the other one once this one is disabled.
    if (focusId) {
      const again = document.getElementById(focusId);
      const other = document.getElementById(focusId === 'orders-next' ? 'orders-previous' : 'orders-next');
      if (again && !again.disabled) again.focus();
      else if (other) other.focus();
    }
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clear();
    const v = read();
    if (valid(v)) load(v, 0);
  });
  await load(lastSearch.values, lastSearch.page);
  return undefined;
}

/** One order told as a story, with the refund form. */
async function story(box, id) {
  const t = moneyText();
  const back = h('p', {}, h('a', { href: '#/admin/orders' }, t.backToOrders));
  let s;
  try {
    s = await api('GET', `/api/v1/admin/orders/${encodeURIComponent(id)}`);
  } catch (e) {
    box.replaceChildren(back, h('p', { class: 'error' }, says(e)));
    return;
  }
  const o = s.order || {};
  const cur = (o.total && o.total.currency) || 'EUR';
  const section = (key, title, ...content) => h('section', { id: `story-${key}`, class: 'story-part', 'aria-labelledby': `story-${key}-title` },
    h('h3', { id: `story-${key}-title` }, title), ...content);
  const customer = s.customer || {};
  const payments = s.payments || [];
  const ledger = s.ledger || [];
  const audit = s.audit || [];
  const payout = s.payout;
  const refundBox = h('div', { id: 'story-refund-box' });
  box.replaceChildren(back,
    heading('h2', t.orderRef(ref(o.id || id)), 'story-title'),
    h('p', {}, h('span', { class: 'badge', id: 'story-status' }, statusText(o.status)),
      ` · ${t.created} ${when(o.createdAt)}${o.paidAt ? ` · ${t.paid} ${when(o.paidAt)}` : ''}`),
    section('customer', t.customer, h('p', {}, customer.name || '', customer.email ? ' · ' : '',
      customer.email ? h('a', { href: `mailto:${customer.email}` }, customer.email) : null),
    o.installation ? h('p', { class: 'muted' }, `${o.installation.addressLine}, ${o.installation.postalCode} ${o.installation.city}`) : null),
    summaryTable(o, { id: 'story-summary', totalId: 'story-total', vatId: 'story-vat' }),
    section('payments', t.payments, payments.length ? dataTable({ id: 'story-payments-table', labelledBy: 'story-payments-title',
      headers: [{ text: t.provider }, { text: installText().statusLabel }, { text: t.amount, num: true }, { text: t.created }, { text: t.updatedAt }],
      rows: payments.map((p) => ({ cells: [words(t.providers, p.provider), words(t.paymentStatus, p.status), money(p.amount), when(p.createdAt), when(p.updatedAt)] })) })
      : h('p', { class: 'muted' }, t.noPayments)),
    refundsSection({ ...o, refunds: s.refunds || o.refunds }, { id: 'story-refunds', headingLevel: 'h3', admin: true }),
    refundBox,
    documentsSection(s.documents || o.documents, (d) => `/api/v1/admin/documents/${encodeURIComponent(d.id)}`,
      { id: 'story-documents', headingLevel: 'h3', emptyText: '–' }),
    section('payout', t.payout, payout ? h('p', { id: 'story-payout-line' },
      `${money(payout.amount)} (${t.base} ${money(payout.base)} − ${t.platformFee} ${money(payout.fee)}) · ${words(t.payoutStatus, payout.status)}`,
      payout.dueAt ? ` · ${t.dueSince} ${when(payout.dueAt)}` : '', payout.paidAt ? ` · ${t.paidOn} ${when(payout.paidAt)}` : '',
      payout.reference ? ` · ${t.transferReference}: ${payout.reference}` : '') : h('p', { class: 'muted' }, t.noPayout)),
    section('ledger', t.ledger, ledger.length ? dataTable({ id: 'story-ledger-table', labelledBy: 'story-ledger-title', className: 'wide',
      headers: [{ text: t.when }, { text: t.movement }, { text: t.from }, { text: t.to }, { text: t.amount, num: true }, { text: t.referenceCol }],
      rows: ledger.map((l) => ({ cells: [when(l.createdAt), words(t.ledgerKinds, l.kind), words(t.accounts, l.from), words(t.accounts, l.to),
        money(l.amount), shortId(l.reference)] })) }) : h('p', { class: 'muted' }, t.noLedger)),
    section('audit', t.audit, audit.length ? dataTable({ id: 'story-audit-table', labelledBy: 'story-audit-title',
      headers: [{ text: t.when }, { text: t.event }, { text: t.by }, { text: t.outcome }],
      rows: audit.map((a) => ({ cells: [when(a.at), words(t.auditTypes, a.type), a.actorId ? shortId(a.actorId) : '–', words(t.outcomes, a.outcome)] })) })
      : h('p', { class: 'muted' }, t.noAudit)));
  refundBox.replaceChildren(refundForm({ ...o, id: o.id || id }, cur, async () => {
    await story(box, id);
    // After a refund the story is drawn again: focus goes to its title, the flash says what happened.
    const title = box.querySelector('#story-title');
    if (title) title.focus();
  }));
}

/** What is left to refund of an order, as a decimal string (exact, in cents); null when unknown. */
function leftToRefund(o) {
  const cents = (m) => {
    const x = m && /^(\d+)(?:\.(\d{1,2}))?$/.exec(String(m.amount));
    return x ? BigInt(x[1]) * 100n + BigInt((x[2] || '0').padEnd(2, '0')) : null;
  };
  const total = cents(o.total);
  if (total === null) return null;
  const left = total - (cents(o.refunded) || 0n);
  if (left <= 0n) return '0.00';
  return `${left / 100n}.${String(left % 100n).padStart(2, '0')}`;
}

/**
 * The refund form: amount, reason and note. One Idempotency-Key per opening of the form: a double click, a retry
 * after a lost answer or the step-up repeat all carry it, so the server refunds once. A refused amount (4xx) gets a
 * new key, since the next attempt is a different refund.
 */
function refundForm(o, cur, reload) {
  const t = moneyText();
  let key = idempotencyKey();
  const left = leftToRefund(o);
  const ids = { amount: 'refund-amount', reason: 'refund-reason', note: 'refund-note' };
  const errors = Object.fromEntries(Object.entries(ids).map(([k, v]) => [k, h('span', { class: 'field-error', id: `${v}-error` })]));
  const amount = h('input', { id: ids.amount, name: 'amount', type: 'text', inputmode: 'decimal', autocomplete: 'off', maxlength: 12,
    required: true, 'aria-describedby': `refund-left ${ids.amount}-error` });
  const reason = h('select', { id: ids.reason, name: 'reason', required: true, 'aria-describedby': `${ids.reason}-error` },
    h('option', { value: '' }, '–'), ...REASONS.map((r) => h('option', { value: r }, t.refundReasons[r])));
  const note = h('textarea', { id: ids.note, name: 'note', rows: 2, maxlength: 200, 'aria-describedby': `${ids.note}-error` });
  const general = h('p', { class: 'error', role: 'alert', id: 'refund-error' });
  const submit = h('button', { type: 'submit', class: 'danger' }, t.refundSend);
  const form = h('form', { id: 'refund-form', class: 'refund-form card', novalidate: true, 'aria-labelledby': 'refund-title' },
    h('h3', { id: 'refund-title' }, t.refundTitle),
    h('p', { id: 'refund-left', class: 'muted' }, left === null ? '' : left === '0.00' ? t.refundNothingLeft : t.refundLeft(money({ amount: left, currency: cur }))),
    h('div', { class: 'dialog-field' }, h('label', { for: ids.amount }, t.refundAmount(cur)), amount, errors.amount),
    h('div', { class: 'dialog-field' }, h('label', { for: ids.reason }, t.refundReason), reason, errors.reason),
    h('div', { class: 'dialog-field' }, h('label', { for: ids.note }, t.refundNote), note, errors.note),
    general, h('div', { class: 'tabs' }, submit));
  const inputs = { amount, reason, note };
  const show = (k, message) => { errors[k].textContent = message; inputs[k].setAttribute('aria-invalid', 'true'); };
  let sending = false;
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (sending) return;
    general.textContent = '';
    for (const k of Object.keys(inputs)) { errors[k].textContent = ''; inputs[k].removeAttribute('aria-invalid'); }
    const value = amount.value.trim().replace(',', '.');
    const text = note.value.trim();
    if (!/^\d{1,9}(\.\d{1,2})?$/.test(value) || !(Number(value) > 0)) show('amount', t.amountInvalid);
    if (!reason.value) show('reason', t.chooseReason);
    else if (reason.value === 'OTHER' && !text) show('note', t.noteMissing);
    const first = Object.keys(inputs).find((k) => errors[k].textContent);
    if (first) { inputs[first].focus(); return; }
    const normalized = value.includes('.') ? value.replace(/\.(\d)$/, (all, digit) => `.${digit}0`) : `${value}.00`;
    sending = true;
    submit.disabled = true;
    try {
      const refund = await api('POST', `/api/v1/admin/orders/${encodeURIComponent(o.id)}/refunds`,
        // The reason goes to the customer with the credit note: words, not a code.
        { amount: { amount: normalized, currency: cur }, reason: text ? `${t.refundReasons[reason.value]}: ${text}` : t.refundReasons[reason.value] },
        { headers: { 'Idempotency-Key': key } });
      key = idempotencyKey();
      flash(t.refundDone(money((refund && refund.amount) || { amount: normalized, currency: cur })));
      await reload();
    } catch (e) {
      if (e.status >= 400 && e.status < 500 && e.code !== 'reauthentication_cancelled') key = idempotencyKey();
      if (e.code === 'refund_exceeds_balance' || e.code === 'currency_mismatch') {
        show('amount', errorText(e.code));
        amount.focus();
      } else if (e.code === 'invalid_state') {
        general.textContent = t.invalidStateRefund;
      } else {
        const fieldProblem = ((e.problem && e.problem.errors) || []).map((p) => p.field.split('.')[0]).find((f) => inputs[f]);
        if (fieldProblem) { show(fieldProblem, errorText('validation_failed')); inputs[fieldProblem].focus(); } else general.textContent = says(e);
      }
    } finally {
      sending = false;
      submit.disabled = false;
    }
  });
  return form;
}

/** The Payouts tab: due or paid payouts, "Mark as paid" with the transfer reference, and the ledger export. */
export async function payouts(box, filter) {
  const t = moneyText();
  const status = filter === 'PAID' ? 'PAID' : 'DUE';
  const list = h('div', { id: 'admin-payout-list' });
  const select = h('select', { id: 'payout-filter', name: 'status' }, ...['DUE', 'PAID'].map((s) => h('option', { value: s }, t.payoutStatus[s])));
  select.value = status;
  const filterForm = h('form', { class: 'inline', id: 'payout-filter-form', novalidate: true },
    h('label', { for: 'payout-filter' }, t.payoutsFilter), select, h('button', { type: 'submit', class: 'secondary' }, t.show));
  filterForm.addEventListener('submit', (event) => { event.preventDefault(); payouts(box, select.value); });
  box.replaceChildren(filterForm, h('h2', { id: 'payouts-title' }, t.payoutsCaption(status)), list, ledgerExport());
  list.replaceChildren(h('p', { class: 'muted' }, t.loading));
  let data;
  try {
    data = await api('GET', `/api/v1/admin/payouts?status=${status}&size=100`);
  } catch (e) {
    list.replaceChildren(h('p', { class: 'error' }, says(e)));
    return;
  }
  const items = data.items || [];
  if (items.length === 0) {
    list.replaceChildren(h('p', { class: 'muted' }, status === 'PAID' ? t.noPayoutsPaid : t.noPayoutsDue));
    return;
  }
  const name = (p) => p.installerName || t.installer;
  list.replaceChildren(dataTable({ id: 'admin-payouts', labelledBy: 'payouts-title',
    headers: [{ text: t.installer }, { text: t.order }, { text: t.payout, num: true }, { text: t.dueSince },
      { text: status === 'PAID' ? t.paidOn : t.status }, { text: status === 'PAID' ? t.transferReference : t.markPaid }],
    rows: items.map((p) => ({ attrs: { dataset: { payout: p.id } }, cells: [name(p),
      h('a', { href: `#/admin/orders/${p.orderId}`, 'aria-label': t.openOrder(ref(p.orderId)) }, ref(p.orderId)),
      money(p.amount), when(p.dueAt),
      status === 'PAID' ? when(p.paidAt) : h('span', { class: 'badge' }, t.payoutStatus[p.status] || t.payoutStatus.DUE),
      status === 'PAID' ? (p.reference || '') : h('button', { type: 'button', class: 'mark-paid', 'aria-label': t.markPaidLabel(name(p), ref(p.orderId)),
        onclick: async () => {
          const done = await confirmAction({ id: 'mark-paid-form', title: t.markPaidTitle(name(p), money(p.amount)), text: t.markPaidText,
            fields: [{ name: 'reference', label: t.transferReference, required: true, max: 64, missing: t.referenceMissing,
              pattern: /^[A-Za-z0-9][A-Za-z0-9 ._/:#-]{0,63}$/, invalid: t.referenceInvalid }],
            confirmText: t.markPaid, cancelText: installText().cancel,
            onConfirm: async (v) => {
              try {
                return await api('POST', `/api/v1/admin/payouts/${encodeURIComponent(p.id)}/paid`, { reference: v.reference });
              } catch (e) {
                if (e.code === 'invalid_state') throw Object.assign(new Error(t.alreadyPaid), { code: 'payout_already_paid', problem: null });
                throw e;
              }
            } });
          if (done) {
            flash(t.markedPaid(name(p)));
            await payouts(box, status);
            const heading2 = document.getElementById('payouts-title');
            if (heading2) { heading2.setAttribute('tabindex', '-1'); heading2.focus(); }
          }
        } }, t.markPaid)] })) }));
}

/** From/to dates and a download of the ledger as CSV, fetched with the token. */
function ledgerExport() {
  const t = moneyText();
  const today = new Date();
  const iso = (d) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  const first = new Date(today.getFullYear(), today.getMonth(), 1);
  const from = h('input', { type: 'date', id: 'ledger-from', name: 'from', value: iso(first), required: true, 'aria-describedby': 'ledger-hint ledger-error' });
  const to = h('input', { type: 'date', id: 'ledger-to', name: 'to', value: iso(today), required: true, 'aria-describedby': 'ledger-hint ledger-error' });
  const error = h('p', { class: 'error', id: 'ledger-error', role: 'alert' });
  const status = h('p', { class: 'muted', id: 'ledger-status', role: 'status', 'aria-live': 'polite' });
  const button = h('button', { type: 'submit' }, t.ledgerDownload);
  const form = h('form', { id: 'ledger-form', class: 'inline ledger-form', novalidate: true, 'aria-labelledby': 'ledger-title' },
    h('div', { class: 'search-field' }, h('label', { for: 'ledger-from' }, t.from), from),
    h('div', { class: 'search-field' }, h('label', { for: 'ledger-to' }, t.to), to), button);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    error.textContent = '';
    status.textContent = '';
    [from, to].forEach((i) => i.removeAttribute('aria-invalid'));
    const days = (new Date(to.value) - new Date(from.value)) / 86400000;
    if (!from.value || !to.value || !(days >= 0 && days <= 366)) {
      error.textContent = t.ledgerRange;
      const bad = !from.value ? from : to;
      bad.setAttribute('aria-invalid', 'true');
      bad.focus();
      return;
    }
    const name = `ledger-${from.value}-${to.value}.csv`;
    button.disabled = true;
    status.textContent = t.downloading(name);
    try {
      const saved = await download(`/api/v1/admin/ledger.csv?from=${from.value}&to=${to.value}`, name);
      status.textContent = t.downloaded(saved || name);
    } catch (e) {
      status.textContent = '';
      error.textContent = e.code === 'validation_failed' ? t.ledgerRange : says(e);
    } finally {
      button.disabled = false;
    }
  });
  return h('section', { id: 'ledger-export', 'aria-labelledby': 'ledger-title' },
    h('h2', { id: 'ledger-title' }, t.ledgerTitle), h('p', { class: 'muted', id: 'ledger-hint' }, t.ledgerIntro), form, error, status);
}

