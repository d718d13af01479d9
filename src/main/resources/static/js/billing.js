// Money on the screen (issue 17): the order summary with its VAT, invoices and credit notes fetched with the bearer
// token, refunds in words, the installer's earnings, and a table that stays readable on a phone. Words come from
// texts.js (English or German); amounts are formatted by money() in dom.js, never computed with floating point.
import { h, mount, money, when, day, number, locale } from './dom.js';
import { summaryLines } from './order-progress.js';
import { api, download } from './api.js';
import { moneyText, installText } from './texts.js';
import { says } from './installation.js';

/** The reference people see for an order: the first 8 characters of its id, upper-case ("3F2A9C1B"). */
export function ref(id) {
  return String(id || '').slice(0, 8).toUpperCase();
}

/** A VAT rate ("19", "8.1") in the user's language ("8,1" in German). */
export function rateText(rate) {
  if (rate === undefined || rate === null || rate === '') return '';
  try {
    return new Intl.NumberFormat(locale(), { maximumFractionDigits: 2 }).format(rate);
  } catch {
    return String(rate);
  }
}

let counter = 0;
function uid(prefix) { counter += 1; return `${prefix}-${counter}`; }

/**
 * A table that a phone shows as one card per row (CSS on .stack): every cell carries its column's name. The
 * explicit roles keep it a table for screen readers even where the phone layout changes its display.
 * {@code headers}: [{ text, num }]; {@code rows}: [{ cells: [node|text], attrs }], the first cell is the row's header.
 */
export function dataTable({ id, labelledBy, label, headers, rows, className = '' }) {
  const head = h('thead', { role: 'rowgroup' }, h('tr', { role: 'row' }, ...headers.map((x) =>
    h('th', { scope: 'col', role: 'columnheader', class: x.num ? 'num' : '' }, x.text))));
  const body = h('tbody', { role: 'rowgroup' }, ...rows.map((r) => h('tr', { role: 'row', ...(r.attrs || {}) },
    ...r.cells.map((c, i) => {
      const attrs = { dataset: { label: headers[i].text }, class: headers[i].num ? 'num' : '' };
      return i === 0 ? h('th', { scope: 'row', role: 'rowheader', ...attrs }, c) : h('td', { role: 'cell', ...attrs }, c);
    }))));
  return h('table', { id, role: 'table', class: `stack ${className}`.trim(), 'aria-labelledby': labelledBy, 'aria-label': label }, head, body);
}

/** Multiplies a decimal string by a whole number exactly (in cents, with BigInt): "120.00" × 3 → "360.00". */
export function times(amount, quantity) {
  const m = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(String(amount));
  if (!m || !Number.isInteger(quantity)) return null;
  const cents = (BigInt(m[2]) * 100n + BigInt((m[3] || '0').padEnd(2, '0'))) * BigInt(quantity);
  const abs = cents < 0n ? -cents : cents;
  return `${m[1]}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
}

/**
 * The summary of an order as a receipt that adds up: each line "quantity × unit price" with its line total, the
 * panels' subtotal, the installation, the total, and the VAT it includes with the net amount ("incl. VAT 19 %:
 * €271.43"). Amounts are the server's (docs/money.md); only a line total an older server leaves out is multiplied
 * here, exactly. Works for an order and a payment's order.
 */
export function summaryTable(o, { id = 'order-summary', totalId = 'order-total', vatId = 'order-vat' } = {}) {
  const t = moneyText();
  const lines = summaryLines(o, times);
  const captionId = uid('summary-caption');
  const num = (text, attrs = {}) => h('td', { class: 'num', ...attrs }, text);
  const label = (text, attrs = {}) => h('th', { scope: 'row', colspan: '3', ...attrs }, text);
  const rows = lines.items.map((i) => h('tr', { class: 'line' },
    h('th', { scope: 'row' }, i.name),
    num(number(i.quantity), { dataset: { label: t.quantity } }),
    num(money(i.unitPrice), { dataset: { label: t.unitPrice } }),
    num(money(i.lineTotal), { class: 'num line-total', dataset: { label: t.lineTotal }, title: t.lineCalc(number(i.quantity), money(i.unitPrice), money(i.lineTotal)) })));
  if (lines.subtotal) rows.push(h('tr', { class: 'subtotal' }, label(t.panelsSubtotal), num(money(lines.subtotal))));
  if (lines.installation) rows.push(h('tr', { class: 'fee' }, label(t.installationFee), num(money(lines.installation))));
  const foot = [h('tr', { class: 'total' }, label(t.total), num(money(lines.total), { id: totalId }))];
  if (lines.tax) {
    foot.push(h('tr', { class: 'vat' }, h('td', { colspan: '4', id: vatId },
      h('span', { class: 'vat-line' }, t.vatLine(rateText(lines.tax.rate), money(lines.tax.vat))),
      lines.tax.net ? h('span', { class: 'net-line muted' }, t.netLine(money(lines.tax.net))) : null)));
  }
  return h('table', { id, class: 'money-table', 'aria-labelledby': captionId },
    h('caption', { id: captionId }, t.summary),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t.item), h('th', { scope: 'col', class: 'num' }, t.quantity),
      h('th', { scope: 'col', class: 'num' }, t.unitPrice), h('th', { scope: 'col', class: 'num' }, t.lineTotal))),
    h('tbody', {}, ...rows), h('tfoot', {}, ...foot));
}

/** The words of a document type; never the raw enum. */
function docType(type) {
  const t = moneyText();
  return t.docType[type] || t.docOther;
}

/**
 * Invoices and credit notes as download buttons: each fetches the PDF with the bearer token ({@code pathOf(doc)})
 * and saves it as "<number>.pdf"; a live region says when it is done or why it failed.
 */
export function documentsSection(documents, pathOf, { id = 'documents', headingLevel = 'h2', emptyText } = {}) {
  const t = moneyText();
  const titleId = `${id}-title`;
  const status = h('p', { class: 'doc-status', id: `${id}-status`, role: 'status', 'aria-live': 'polite' });
  const docs = Array.isArray(documents) ? documents : [];
  const items = docs.map((d) => {
    const name = `${d.number}.pdf`;
    const button = h('button', { type: 'button', class: 'secondary download-doc', dataset: { document: d.id, number: d.number },
      onclick: async () => {
        button.disabled = true;
        status.className = 'doc-status';
        status.textContent = t.downloading(name);
        try {
          const saved = await download(pathOf(d), name);
          status.textContent = t.downloaded(saved || name);
          button.dataset.downloaded = 'true';
        } catch (e) {
          status.className = 'doc-status error';
          status.textContent = e && e.status === 404 ? says(e) : t.downloadFailed;
        } finally {
          button.disabled = false;
        }
      } }, t.download(docType(d.type), d.number));
    return h('li', { class: 'doc', dataset: { type: d.type } },
      button, h('span', { class: 'muted doc-meta' }, t.docLine(day(d.issuedOn), money(d.gross))));
  });
  return h('section', { id, class: 'documents', 'aria-labelledby': titleId },
    h(headingLevel, { id: titleId }, t.documents),
    items.length ? h('ul', { class: 'doc-list' }, ...items) : h('p', { class: 'muted' }, emptyText || t.noDocuments),
    status);
}

/** A refund's reason in words: a known code ("GOODWILL", "GOODWILL: note") becomes a phrase; other text is shown as written. */
export function reasonText(reason) {
  const t = moneyText();
  if (!reason) return '';
  const m = /^([A-Z][A-Z_]*)(?::\s*([\s\S]*))?$/.exec(String(reason).trim());
  if (!m) return String(reason);
  const words = t.refundReasons[m[1]] || t.refundGeneric;
  return m[2] ? `${words}: ${m[2]}` : words;
}

/** The refund status of an order and each refund (amount, status in words, dates), or nothing when there is none. */
export function refundsSection(o, { id = 'refunds', headingLevel = 'h2', admin = false } = {}) {
  const t = moneyText();
  const refunds = Array.isArray(o.refunds) ? o.refunds : [];
  const status = o.refundStatus;
  if ((!status || status === 'NONE') && refunds.length === 0) {
    return admin ? h('section', { id, 'aria-labelledby': `${id}-title` }, h(headingLevel, { id: `${id}-title` }, t.refunds),
      h('p', { class: 'muted' }, t.noRefunds)) : null;
  }
  const summary = t.refundStatus[status];
  return h('section', { id, class: 'refunds', 'aria-labelledby': `${id}-title` },
    h(headingLevel, { id: `${id}-title` }, t.refunds),
    summary ? h('p', { id: `${id}-status`, class: status === 'FAILED' ? 'error refund-status' : 'refund-status', dataset: { status } }, summary) : null,
    o.refunded && Number(o.refunded.amount) > 0 ? h('p', { class: 'refunded-sum' }, t.refundedSoFar(money(o.refunded))) : null,
    refunds.length ? h('ul', { class: 'refund-list' }, ...refunds.map((r) => h('li', { class: 'refund', dataset: { status: r.status } },
      h('strong', {}, money(r.amount)), ' · ',
      h('span', { class: `badge refund-state ${r.status === 'FAILED' ? 'bad' : r.status === 'SUCCEEDED' ? 'good' : ''}` }, t.refundItemStatus[r.status] || installText().unknownStatus),
      h('span', { class: 'muted' }, ` · ${t.refundRequested(when(r.createdAt))}${r.settledAt ? ` · ${t.refundSettled(when(r.settledAt))}` : ''}`),
      r.reason ? h('span', { class: 'refund-reason' }, ` · ${reasonText(r.reason)}`) : null))) : null);
}

/** The sentence of a cancellation's consequences, from the order's {fee, refund}. */
export function cancellationText(c) {
  const t = moneyText();
  if (!c || !c.refund || !(Number(c.refund.amount) > 0)) return t.cancelNothingPaid;
  if (c.fee && Number(c.fee.amount) > 0) return t.cancelFee(money(c.fee), money(c.refund));
  return t.cancelFull(money(c.refund));
}

/** The installer's own navigation: jobs and earnings. */
export function installerTabs(current) {
  const t = moneyText();
  const link = (key, href, text) => h('a', { href, class: 'subnav-link', 'aria-current': current === key ? 'page' : null }, text);
  return h('nav', { class: 'tabs subnav', 'aria-label': t.installerNav },
    link('jobs', '#/installer', t.jobsTab), link('earnings', '#/installer/earnings', t.earningsTab));
}

/** "December 2026" / "Dezember 2026" for "2026-12". */
function monthName(month) {
  const [y, m] = String(month).split('-').map(Number);
  if (!y || !m) return String(month);
  return new Intl.DateTimeFormat(locale(), { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, 1)));
}

/** The installer's earnings of a year: totals, a table by month and the payouts, with a year switch. */
export async function earnings() {
  const t = moneyText();
  const thisYear = new Date().getFullYear();
  const years = [];
  for (let y = thisYear; y >= thisYear - 5; y -= 1) years.push(y);
  const yearSelect = h('select', { id: 'earnings-year', name: 'year' }, ...years.map((y) => h('option', { value: String(y) }, String(y))));
  const status = h('p', { class: 'visually-hidden', role: 'status', 'aria-live': 'polite', id: 'earnings-status' });
  const result = h('div', { id: 'earnings-result' });
  const switcher = h('form', { class: 'inline year-switch', id: 'earnings-form', novalidate: true },
    h('label', { for: 'earnings-year' }, t.year), yearSelect, h('button', { type: 'submit' }, t.show));
  switcher.addEventListener('submit', (event) => { event.preventDefault(); load(Number(yearSelect.value)); });
  mount(h('h1', {}, t.earnings), installerTabs('earnings'), h('p', { class: 'muted' }, t.earningsIntro), switcher, status, result);

  async function load(year) {
    const hash = location.hash;
    result.setAttribute('aria-busy', 'true');
    result.replaceChildren(h('p', { class: 'muted' }, t.loading));
    let e;
    try {
      e = await api('GET', `/api/v1/installer/earnings?year=${encodeURIComponent(year)}`);
    } catch (err) {
      result.replaceChildren(h('p', { class: 'error', role: 'alert' }, says(err)));
      result.removeAttribute('aria-busy');
      return;
    }
    if (location.hash !== hash) return;
    const y = e.year || year;
    const totals = e.totals || {};
    const total = (key, label) => h('div', { class: 'total-card card', id: `earnings-${key}` },
      h('dt', {}, label), h('dd', {}, money(totals[key])));
    const months = (e.months || []).filter((m) => m.jobs || Number(m.earned && m.earned.amount) > 0 || Number(m.paidOut && m.paidOut.amount) > 0);
    const payouts = e.payouts || [];
    result.replaceChildren(
      h('h2', { id: 'earnings-totals-title' }, t.totalsTitle(y)),
      h('dl', { class: 'totals', 'aria-labelledby': 'earnings-totals-title' },
        total('earned', t.earned), total('pending', t.pending), total('paidOut', t.paidOut)),
      h('h2', { id: 'earnings-months-title' }, t.monthsTitle(y)),
      months.length ? dataTable({ id: 'earnings-months', labelledBy: 'earnings-months-title',
        headers: [{ text: t.month }, { text: t.jobs, num: true }, { text: t.earned, num: true }, { text: t.due, num: true }, { text: t.paidOut, num: true }],
        rows: months.map((m) => ({ cells: [monthName(m.month), number(m.jobs ?? 0), money(m.earned), money(m.pending), money(m.paidOut)] })) })
        : h('p', { class: 'muted' }, t.noMonths(y)),
      h('h2', { id: 'earnings-payouts-title' }, t.payoutsTitle(y)),
      payouts.length ? dataTable({ id: 'earnings-payouts', labelledBy: 'earnings-payouts-title', className: 'wide',
        headers: [{ text: t.order }, { text: t.base, num: true }, { text: t.platformFee, num: true }, { text: t.payout, num: true },
          { text: t.status }, { text: t.dueSince }, { text: t.paidOn }, { text: t.transferReference }],
        rows: payouts.map((p) => ({ attrs: { dataset: { payout: p.id, status: p.status } }, cells: [ref(p.orderId), money(p.base), money(p.fee),
          h('strong', {}, money(p.amount)), h('span', { class: `badge payout-${String(p.status).toLowerCase()}` }, t.payoutStatus[p.status] || installText().unknownStatus),
          when(p.dueAt), when(p.paidAt), p.reference || ''] })) })
        : h('p', { class: 'muted', id: 'earnings-no-payouts' }, t.noPayouts(y)));
    result.removeAttribute('aria-busy');
    status.textContent = `${t.earnings} ${y}`;
  }
  await load(thisYear);
}
