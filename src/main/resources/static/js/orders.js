// The customer's orders: the list, one order's page with its installation, and the sandbox checkout.
import { h, mount, flash, money, when, list, form } from './dom.js';
import { api, publicGet, publicPost, login as signIn, verifyMfa, currentUser, reloadMe } from './api.js';
import { addressBlock, searchPlaces } from './address.js';
import { mapFigure } from './map.js';
import { placesText, errorText, installText, moneyText } from './texts.js';
import { zoneFor, range, dateOnly, heading, replaceSection, schedulingBlock, appointmentBlock, actionButton, reasonForm,
  disclosure, reportView, disputeView, follow, jobSignature, says } from './installation.js';
import { confirmAction } from './dialog.js';
import { ref, summaryTable, documentsSection, refundsSection, cancellationText, times } from './billing.js';

// The order statuses for which an installation exists to show.
const WITH_INSTALLATION = ['PAID', 'SCHEDULED', 'INSTALLING', 'AWAITING_CONFIRMATION', 'DISPUTED', 'COMPLETED'];

function orderStatusText(status) {
  const t = installText();
  return t.orderStatus[status] || t.unknownStatus;
}

export async function orders() {
  const box = h('div', { id: 'orders' });
  mount(h('h1', {}, 'My orders'), box);
  await list(box, async () => (await api('GET', '/api/v1/orders?size=50')).items,
    (o) => h('div', { class: 'card order-row' }, h('a', { href: `#/orders/${o.id}` }, `${o.items.map((i) => `${i.quantity} × ${i.panelName}`).join(', ')}`),
      ' ', h('span', { class: 'badge order-status' }, orderStatusText(o.status)), h('p', { class: 'muted' }, `${money(o.total)} · ${when(o.createdAt)}`)),
    'No orders yet.');
}

async function installationOf(o) {
  if (!WITH_INSTALLATION.includes(o.status)) return null;
  try {
    return await api('GET', `/api/v1/orders/${o.id}/installation`);
  } catch (e) {
    if (e.status === 404) return null;
    throw e;
  }
}

export async function order(id) {
  const hash = `#/orders/${id}`;
  const o = await api('GET', `/api/v1/orders/${encodeURIComponent(id)}`);
  // The person may have moved on while the order loaded (a slow answer, a link followed at once): an order page
  // that arrives late must not cover the page they are on now.
  if (location.hash !== hash) return;
  let j = await installationOf(o);
  if (location.hash !== hash) return;
  const actions = h('div', { class: 'tabs', id: 'order-actions' });
  const installation = h('section', { id: 'installation', 'aria-label': installText().installation });
  const status = h('span', { class: 'badge', id: 'order-status' }, orderStatusText(o.status));
  const t = placesText();
  const tz = zoneFor(o.installation.country);
  const homeAddress = `${o.installation.addressLine}, ${o.installation.postalCode} ${o.installation.city}`;
  const homeMap = h('section', { id: 'order-map', 'aria-labelledby': 'order-map-title' }, h('h2', { id: 'order-map-title' }, t.homeOnMap));
  if (Number.isFinite(o.installation.latitude) && Number.isFinite(o.installation.longitude)) {
    const shown = mapFigure({ label: t.homeMap(homeAddress), caption: homeAddress });
    homeMap.append(shown.figure);
    shown.ready.then((m) => m.home(o.installation.latitude, o.installation.longitude, { title: homeAddress })).catch(() => {});
  } else {
    homeMap.append(h('p', {}, homeAddress));
  }
  const w = installText();
  const m = moneyText();
  // The older "a refund is due" line is for a server without refund details; the refunds section says more.
  const refund = h('p', { class: 'ok', id: 'refund-due', hidden: !o.refundDue || o.refundStatus !== undefined }, w.refundDue);
  const moneyBox = h('div', { id: 'order-money' });
  let moneyShown = null;
  const renderMoney = (x) => {
    // Drawn again only when refunds or documents changed, so a download's status and the focus stay put otherwise.
    const key = JSON.stringify([x.refundStatus, x.refunded, x.refunds, x.documents]);
    if (key === moneyShown) return;
    moneyShown = key;
    const docs = Array.isArray(x.documents) && x.documents.length ? documentsSection(x.documents,
      (d) => `/api/v1/orders/${encodeURIComponent(x.id)}/documents/${encodeURIComponent(d.id)}`) : null;
    moneyBox.replaceChildren(...[refundsSection(x), docs].filter(Boolean));
  };
  const title = h('h1', { id: 'order-title', tabindex: '-1' }, `${w.order} `, status);
  mount(h('p', {}, h('a', { href: '#/orders' }, w.backToOrders)), title,
    h('p', { class: 'muted order-ref' }, `${m.reference}: `, h('strong', { id: 'order-ref' }, ref(o.id))),
    summaryTable(o),
    h('p', { class: 'muted', id: 'order-address' }, `${homeAddress} · ${range(o.installation.preferredStart, o.installation.preferredEnd, tz)}`),
    refund, actions, moneyBox, installation, homeMap);
  renderMoney(o);

  let current = o;
  let setSeen = () => {};
  const actionError = h('p', { class: 'error', role: 'alert', id: 'order-action-error' });
  const renderActions = () => {
    const nodes = [];
    if (current.status === 'PENDING_PAYMENT') {
      const pay = h('button', { id: 'pay', 'aria-describedby': actionError.id, onclick: async () => {
        actionError.textContent = '';
        pay.disabled = true;
        try {
          const p = await api('POST', `/api/v1/orders/${current.id}/payments`);
          // The provider's page: the sandbox's path here, or the provider's https page; nothing else is followed.
          const target = String(p.checkoutUrl || '');
          if (!(/^\/(?!\/)/.test(target) || /^https:\/\//i.test(target))) throw new Error('unsafe checkout url');
          location.href = target;
        } catch (e) {
          actionError.textContent = says(e);
          pay.disabled = false;
        }
      } }, w.payNow);
      nodes.push(pay);
      if (current.reservedUntil) nodes.push(h('span', { class: 'muted' }, w.reservedUntil(when(current.reservedUntil))));
    }
    // A server with money details says while cancelling is possible (cancellation is then set); an older one by status.
    const cancellable = current.cancellation !== undefined ? !!current.cancellation
      : ['PENDING_PAYMENT', 'PAID', 'SCHEDULED'].includes(current.status);
    if (cancellable) {
      nodes.push(h('button', { class: 'secondary', id: 'cancel', onclick: async () => {
        actionError.textContent = '';
        const consequence = cancellationText(current.cancellation);
        const done = await confirmAction({ id: 'cancel-order-form', title: m.cancelTitle, text: consequence,
          confirmText: m.cancelConfirm, cancelText: m.cancelKeep, danger: true,
          onConfirm: () => api('POST', `/api/v1/orders/${encodeURIComponent(current.id)}/cancel`) });
        if (!done) return;
        const refunded = current.cancellation && current.cancellation.refund && Number(current.cancellation.refund.amount) > 0;
        await refreshAll(refunded ? m.cancelledRefund(money(current.cancellation.refund)) : m.cancelled);
        // The cancel button is gone: focus goes to the page's heading, the flash above says what happened.
        title.focus();
      } }, w.cancelOrder));
    }
    replaceSection(actions, nodes);
    actions.append(actionError);
  };
  const refreshAll = async (message) => {
    const fresh = { o: await api('GET', `/api/v1/orders/${encodeURIComponent(id)}`), j: null };
    fresh.j = await installationOf(fresh.o);
    setSeen(fresh);
    update(fresh, true);
    if (message) flash(message);
  };
  const update = (fresh, moveFocus) => {
    const orderChanged = fresh.o.status !== current.status
      || JSON.stringify(fresh.o.cancellation || null) !== JSON.stringify(current.cancellation || null);
    current = fresh.o;
    status.textContent = orderStatusText(current.status);
    refund.hidden = !current.refundDue || current.refundStatus !== undefined;
    renderMoney(current);
    if (orderChanged) renderActions();
    j = fresh.j;
    renderInstallation(installation, current, j, tz, moveFocus, refreshAll);
  };
  renderActions();
  renderInstallation(installation, current, j, tz, false, refreshAll);
  // Follows the order while something may still happen; the page changes only when something did.
  const signature = (x) => JSON.stringify([x.o.status, !!x.o.refundDue, x.o.refundStatus || null,
    (x.o.refunds || []).map((r) => r.status), (x.o.documents || []).length, jobSignature(x.j)]);
  // A cancelled order is still followed while its refund is on its way.
  setSeen = follow({ hash, every: 5000, initial: signature({ o, j }), signature,
    until: (x) => (x.o.status === 'CANCELLED' && x.o.refundStatus !== 'PENDING') || (x.o.status === 'COMPLETED' && x.j && x.j.reviewed),
    load: async () => { const fo = await api('GET', `/api/v1/orders/${encodeURIComponent(id)}`); return { o: fo, j: await installationOf(fo) }; },
    changed: (fresh) => {
      const before = current.status;
      const refundBefore = current.refundStatus;
      update(fresh, false);
      if (fresh.o.status !== before) flash(installText().updated(orderStatusText(fresh.o.status)));
      else if (fresh.o.refundStatus !== refundBefore && m.refundStatus[fresh.o.refundStatus]) flash(m.refundStatus[fresh.o.refundStatus]);
    } });
}

/** The installation part of the order page: installer, appointment, report and sign-off, dispute, review. */
function renderInstallation(section, o, j, tz, moveFocus, refreshAll) {
  const t = installText();
  if (!j) {
    replaceSection(section, []);
    return;
  }
  const base = `/api/v1/installations/${encodeURIComponent(j.jobId)}`;
  const nodes = [heading('h2', t.installation, 'installation-title'),
    h('p', { id: 'job-status', class: 'status-line', dataset: { status: j.status } }, t.customerStatus[j.status] || t.unknownStatus)];
  if (j.installer) {
    const phone = j.installer.phone ? h('a', { href: `tel:${j.installer.phone.replace(/[^+0-9]/g, '')}`, class: 'phone' }, j.installer.phone) : null;
    nodes.push(h('p', { id: 'installer-line' }, `${t.installer}: ${t.installerLine(j.installer)}`, phone ? ' · ' : '', phone));
  }
  if (j.window && !j.appointment && ['DISPATCHING', 'UNASSIGNED', 'ASSIGNED'].includes(j.status)) {
    nodes.push(h('p', { class: 'muted' }, `${t.yourWindow}: ${range(j.window.start, j.window.end, tz)}`));
  }
  const act = (call, message) => async (arg) => { await call(arg); await refreshAll(message); };
  switch (j.status) {
    case 'ASSIGNED':
      nodes.push(h('h3', {}, t.scheduling), ...schedulingBlock({ me: 'CUSTOMER', scheduling: j.scheduling, window: j.window, tz,
        accept: act((proposalId) => api('POST', `${base}/appointment/proposals/${encodeURIComponent(proposalId)}/accept`), t.agreed),
        propose: act((body) => api('POST', `${base}/appointment/proposals`, body), t.proposed) }));
      break;
    case 'SCHEDULED':
      if (j.appointment) {
        nodes.push(appointmentBlock({ appointment: j.appointment, tz, icsPath: `${base}/appointment.ics`,
          reschedule: act((reason) => api('POST', `${base}/appointment/reschedule`, { reason }), t.rescheduled) }));
      }
      break;
    case 'IN_PROGRESS':
      if (j.dispute) nodes.push(disputeView(j.dispute, tz));
      break;
    case 'AWAITING_CONFIRMATION': {
      if (j.confirmBy) nodes.push(h('p', { class: 'confirm-by', id: 'confirm-by' }, t.confirmBy(dateOnly(j.confirmBy, tz))));
      if (j.report) nodes.push(reportView(j.report, tz));
      const confirmButton = actionButton({ id: 'confirm-installation', text: t.confirm,
        run: () => api('POST', `${base}/confirm`), done: () => refreshAll(t.confirmed) });
      const dispute = reasonForm({ id: 'dispute-form', label: t.disputeReason, submitText: t.disputeSend, min: 10, max: 2000, danger: true,
        submit: act((reason) => api('POST', `${base}/dispute`, { reason }), t.disputed) });
      nodes.push(h('div', { class: 'card sign-off' }, h('p', {}, h('strong', {}, t.confirmQuestion)),
        h('div', { class: 'tabs' }, confirmButton.button), confirmButton.error,
        disclosure(t.dispute, h('div', { class: 'disclosure-panel' }, dispute))));
      break;
    }
    case 'DISPUTED':
      nodes.push(h('p', {}, t.disputedText));
      if (j.dispute) nodes.push(disputeView(j.dispute, tz));
      if (j.report) nodes.push(reportView(j.report, tz));
      break;
    case 'COMPLETED':
      if (j.report) nodes.push(reportView(j.report, tz));
      if (j.dispute) nodes.push(disputeView(j.dispute, tz));
      nodes.push(h('h3', {}, t.reviewTitle));
      if (j.reviewed) {
        nodes.push(h('p', { class: 'ok', id: 'reviewed' }, t.reviewed));
      } else {
        const review = form([
          { name: 'rating', label: t.rating, type: 'number', value: 5, min: 1, maxValue: 5 },
          { name: 'comment', label: t.comment, type: 'textarea', max: 2000 },
        ], t.sendReview, async (v) => {
          if (!(v.rating >= 1 && v.rating <= 5)) throw new Error(t.ratingRange);
          await api('POST', `/api/v1/installations/${j.jobId}/review`, v);
          await refreshAll(t.reviewThanks);
        });
        review.id = 'review-form';
        nodes.push(review);
      }
      break;
    default:
      break;
  }
  replaceSection(section, nodes, moveFocus);
}

export async function checkout() {
  const t = moneyText();
  const paymentId = new URLSearchParams(location.hash.replace(/^#/, '')).get('payment') || '';
  const notice = h('div', { class: 'test-notice', id: 'checkout-notice' },
    h('p', { class: 'test-notice-title' }, h('strong', {}, t.testNotice)), h('p', {}, t.testNoticeMore));
  const broken = (text) => mount(h('h1', {}, t.badLink), notice, h('p', { class: 'error', id: 'checkout-problem' }, text),
    h('p', {}, h('a', { href: '/#/orders' }, installText().backToOrders)));
  if (!/^[0-9a-f-]{36}$/.test(paymentId)) {
    broken(t.badLinkText);
    return;
  }
  let p;
  try {
    p = await api('GET', `/api/v1/payments/${encodeURIComponent(paymentId)}`);
  } catch (e) {
    broken(e.status === 401 ? t.signInFirst : says(e));
    return;
  }
  const orderId = p.orderId || (p.order && p.order.id);
  const done = (id) => { history.replaceState(null, '', `/#/orders/${id}`); window.dispatchEvent(new HashChangeEvent('hashchange')); };
  const header = [h('h1', {}, t.checkoutTitle), notice,
    h('p', { class: 'checkout-ref' }, `${t.reference}: `, h('strong', { id: 'checkout-order' }, ref(orderId)))];
  const back = h('p', {}, h('a', { href: `/#/orders/${orderId}` }, t.backToOrder));
  if (p.status && p.status !== 'REQUIRES_CONFIRMATION') {
    mount(...header, h('p', { id: 'checkout-state', class: p.status === 'SUCCEEDED' ? 'ok' : 'error' },
      p.status === 'SUCCEEDED' ? t.paymentDone : t.paymentFailed), back);
    return;
  }
  const error = h('p', { class: 'error', role: 'alert', id: 'checkout-error' });
  const confirmWith = (outcome) => async () => {
    error.textContent = '';
    payButton.disabled = true;
    declineButton.disabled = true;
    try {
      const answer = await api('POST', `/api/v1/payments/sandbox/${encodeURIComponent(paymentId)}/confirm`, { outcome });
      done(answer.orderId || orderId);
    } catch (e) {
      error.textContent = says(e);
      payButton.disabled = false;
      declineButton.disabled = false;
    }
  };
  const payButton = h('button', { id: 'confirm-payment', 'aria-describedby': 'checkout-notice' }, t.payTest(money(p.amount)));
  const declineButton = h('button', { class: 'secondary', id: 'decline-payment' }, t.declineTest);
  payButton.addEventListener('click', confirmWith('succeeded'));
  declineButton.addEventListener('click', confirmWith('failed'));
  mount(...header,
    p.order ? summaryTable(p.order, { id: 'checkout-summary', totalId: 'checkout-total', vatId: 'checkout-vat' }) : null,
    h('p', { class: 'amount-due' }, `${t.amountDue}: `, h('strong', { id: 'checkout-amount' }, money(p.amount))),
    h('div', { class: 'tabs' }, payButton, declineButton), error, back);
}
