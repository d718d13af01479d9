// The customer's orders: the list (cards with status, date, total and next step), one order's page (next step,
// timeline, installation, money summary, documents and refunds, which prints as a receipt) and the sandbox
// checkout. A live order page changes only the parts whose data changed, in place: it is never mounted again and
// never moves keyboard focus (issue 18).
import { safeCheckoutUrl } from './links.js';
import { h, mount, flash, money, when, number, busy, form } from './dom.js';
import { api } from './api.js';
import { mapFigure } from './map.js';
import { placesText, installText, moneyText } from './texts.js';
import { zoneFor, range, dateOnly, heading, replaceSection, schedulingBlock, appointmentBlock, actionButton, reasonForm,
  disclosure, reportView, disputeView, follow, jobSignature, says } from './installation.js';
import { confirmAction } from './dialog.js';
import { ref, summaryTable, documentsSection, refundsSection, cancellationText } from './billing.js';
import { ordersText } from './messages/orders.js';
import { stageOf, nextStep, timeline, statusTone, starGlyphs, WITH_INSTALLATION } from './order-progress.js';

function statusText(status) {
  const t = ordersText();
  return t.orderStatus[status] || t.unknownStatus;
}

function badgeClass(status) {
  return `badge order-badge tone-${statusTone(status)}`;
}

/** Stars with their words for screen readers ("4 out of 5 stars"); the glyphs themselves are hidden from them. */
function stars(rating, id) {
  const n = Math.round(Number(rating) || 0);
  return h('span', { class: 'stars', role: 'img', id, 'aria-label': ordersText().starsLabel(n) }, starGlyphs(n));
}

export async function orders() {
  const t = ordersText();
  const hash = location.hash;
  const box = h('div', { id: 'orders', 'aria-busy': 'true' }, h('p', { class: 'muted', role: 'status' }, moneyText().loading));
  mount(h('h1', {}, t.listTitle), h('p', { class: 'muted' }, t.listIntro), box);
  let items;
  try {
    items = (await api('GET', '/api/v1/orders?size=50')).items || [];
  } catch (e) {
    box.removeAttribute('aria-busy');
    box.replaceChildren(h('p', { class: 'error', role: 'alert' }, says(e)));
    return;
  }
  if (location.hash !== hash) return;
  box.removeAttribute('aria-busy');
  if (items.length === 0) {
    box.replaceChildren(h('div', { class: 'card empty-orders' }, h('p', {}, t.noOrders),
      h('p', {}, h('a', { class: 'cta', href: '#/catalog' }, t.browsePanels))));
    return;
  }
  box.replaceChildren(h('ul', { class: 'order-cards' }, ...items.map(orderCard)));
}

function orderCard(o) {
  const t = ordersText();
  const step = nextStep(stageOf(o, undefined));
  const words = t.next[step.stage];
  const titleId = `order-card-${o.id}`;
  return h('li', { class: `card order-card tone-${step.tone}`, dataset: { order: o.id, status: o.status } },
    h('div', { class: 'order-card-head' },
      h('h2', { class: 'order-card-title', id: titleId }, h('a', { href: `#/orders/${o.id}` }, t.orderTitle(ref(o.id)))),
      h('span', { class: `${badgeClass(o.status)} order-status` }, statusText(o.status))),
    h('p', { class: 'order-items' }, (o.items || []).map((i) => t.itemLine(number(i.quantity), i.panelName)).join(', ')),
    h('dl', { class: 'facts order-facts' },
      h('dt', {}, t.placed), h('dd', {}, when(o.createdAt)),
      h('dt', {}, t.total), h('dd', { class: 'order-card-total' }, money(o.total))),
    h('p', { class: 'order-card-next' }, h('span', { class: 'visually-hidden' }, `${t.nextStepTitle}: `), words.title));
}

async function installationOf(o) {
  if (!WITH_INSTALLATION.includes(o.status) && !(o.status === 'CANCELLED' && o.paidAt)) return null;
  try {
    return await api('GET', `/api/v1/orders/${encodeURIComponent(o.id)}/installation`);
  } catch (e) {
    if (e.status === 404) return null;
    throw e;
  }
}

export async function order(id) {
  const hash = `#/orders/${id}`;
  const path = `/api/v1/orders/${encodeURIComponent(id)}`;
  const first = await api('GET', path);
  // The person may have moved on while the order loaded (a slow answer, a link followed at once): an order page
  // that arrives late must not cover the page they are on now.
  if (location.hash !== hash) return;
  const firstJob = await installationOf(first);
  if (location.hash !== hash) return;

  const t = ordersText();
  const m = moneyText();
  const w = installText();
  const tz = zoneFor(first.installation.country);
  let current = { o: first, j: firstJob };

  // The parts of the page; each is changed in place when its data changes.
  const title = h('h1', { id: 'order-title', tabindex: '-1' }, t.orderTitle(ref(first.id)));
  const badge = h('span', { class: badgeClass(first.status), id: 'order-status' }, statusText(first.status));
  const updateLine = h('p', { class: 'muted order-update', id: 'order-update', role: 'status' });
  const next = h('section', { id: 'next-step', class: 'next-step', 'aria-labelledby': 'next-step-title' });
  const actionError = h('p', { class: 'error', role: 'alert', id: 'order-action-error' });
  const reserved = h('span', { class: 'muted', id: 'reserved-until' });
  const payButton = h('button', { type: 'button', id: 'pay', 'aria-describedby': actionError.id }, w.payNow);
  const cancelButton = h('button', { type: 'button', class: 'secondary', id: 'cancel' }, w.cancelOrder);
  const printButton = h('button', { type: 'button', class: 'secondary no-print', id: 'print-receipt', onclick: () => window.print() }, t.print);
  const actions = h('div', { class: 'tabs order-actions', id: 'order-actions' }, payButton, reserved, cancelButton, printButton);
  const timelineList = h('ol', { class: 'timeline', id: 'order-timeline' });
  const refund = h('p', { class: 'ok', id: 'refund-due' }, w.refundDue);
  const moneyBox = h('div', { id: 'order-money' });
  const installation = h('section', { id: 'installation', 'aria-label': w.installation });
  const homeAddress = `${first.installation.addressLine}, ${first.installation.postalCode} ${first.installation.city}`;
  const t2 = placesText();
  const homeMap = h('section', { id: 'order-map', class: 'order-map', 'aria-labelledby': 'order-map-title' },
    h('h2', { id: 'order-map-title' }, t.address),
    h('p', { id: 'order-address' }, homeAddress),
    h('p', { class: 'muted', id: 'order-window' }, `${t.window}: ${range(first.installation.preferredStart, first.installation.preferredEnd, tz)}`));
  if (Number.isFinite(first.installation.latitude) && Number.isFinite(first.installation.longitude)) {
    const shown = mapFigure({ label: t2.homeMap(homeAddress), caption: homeAddress });
    homeMap.append(shown.figure);
    shown.ready.then((map) => map.home(first.installation.latitude, first.installation.longitude, { title: homeAddress })).catch(() => {});
  }

  mount(h('p', { class: 'back-link no-print' }, h('a', { href: '#/orders' }, t.backToOrders)),
    h('header', { class: 'order-head' }, h('div', { class: 'order-title-row' }, title, badge),
      h('p', { class: 'muted order-meta' }, `${t.reference}: `, h('strong', { id: 'order-ref' }, ref(first.id)), ' · ',
        h('span', { id: 'order-placed' }, t.placedOn(when(first.createdAt)))),
      updateLine),
    h('div', { class: 'order-layout' },
      h('div', { class: 'order-main' }, next, actions, actionError, installation,
        h('section', { id: 'order-receipt', class: 'receipt', 'aria-label': t.receiptFor(ref(first.id)) },
          summaryTable(first), refund, moneyBox)),
      h('div', { class: 'order-side' },
        h('section', { id: 'order-progress', 'aria-labelledby': 'timeline-title' }, h('h2', { id: 'timeline-title' }, t.timelineTitle), timelineList),
        homeMap)));

  // Each render* compares what it drew last time and leaves the page alone when nothing changed.
  const drawn = {};
  const changedKey = (part, key) => {
    if (drawn[part] === key) return false;
    drawn[part] = key;
    return true;
  };

  const renderStatus = () => {
    badge.textContent = statusText(current.o.status);
    badge.className = badgeClass(current.o.status);
    refund.hidden = !current.o.refundDue || current.o.refundStatus !== undefined;
  };

  const renderNext = () => {
    const step = nextStep(stageOf(current.o, current.j));
    if (!changedKey('next', step.stage)) return;
    const words = t.next[step.stage];
    next.className = `next-step tone-${step.tone}`;
    next.dataset.stage = step.stage;
    next.replaceChildren(h('h2', { id: 'next-step-title', class: 'next-step-label' }, t.nextStepTitle),
      h('p', { class: 'next-step-title' }, h('strong', {}, words.title)), h('p', { class: 'next-step-text' }, words.text));
  };

  const renderActions = () => {
    const o = current.o;
    const hadFocus = [cancelButton, payButton, printButton].includes(document.activeElement);
    payButton.hidden = o.status !== 'PENDING_PAYMENT';
    // A receipt exists once something was paid.
    printButton.hidden = !o.paidAt && !['PAID', 'SCHEDULED', 'INSTALLING', 'AWAITING_CONFIRMATION', 'DISPUTED', 'COMPLETED'].includes(o.status);
    reserved.textContent = o.status === 'PENDING_PAYMENT' && o.reservedUntil ? w.reservedUntil(when(o.reservedUntil)) : '';
    reserved.hidden = !reserved.textContent;
    // A server with money details says while cancelling is possible (cancellation is then set); an older one by status.
    const cancellable = o.cancellation !== undefined ? !!o.cancellation : ['PENDING_PAYMENT', 'PAID', 'SCHEDULED'].includes(o.status);
    cancelButton.hidden = !cancellable;
    // A control that went away while focused: focus goes to the page's heading, never to the top of the document.
    const focused = document.activeElement;
    if (hadFocus && (!focused || focused === document.body || focused.hidden)) title.focus();
  };

  const renderTimeline = () => {
    const entries = timeline(current.o, current.j);
    if (!changedKey('timeline', JSON.stringify([entries, document.documentElement.lang]))) return;
    timelineList.replaceChildren(...entries.map((e) => {
      const ahead = (e.state === 'current' || e.state === 'upcoming') && t.timelineAhead[e.key];
      const label = ahead || t.timeline[e.key];
      const text = typeof label === 'function' ? label(money(e.amount)) : label;
      return h('li', { class: e.state, dataset: { step: e.key, state: e.state }, 'aria-current': e.state === 'current' ? 'step' : null },
        h('span', { class: 'timeline-label' }, text),
        h('span', { class: 'visually-hidden' }, ` (${t.states[e.state]})`),
        e.at ? h('time', { datetime: e.at }, when(e.at)) : null,
        e.key === 'appointment' && e.start ? h('span', { class: 'muted timeline-detail' }, t.appointmentAt(range(e.start, null, tz))) : null);
    }));
  };

  const renderMoney = () => {
    const x = current.o;
    // Drawn again only when refunds or documents changed, so a download's status and the focus stay put otherwise.
    if (!changedKey('money', JSON.stringify([x.refundStatus, x.refunded, x.refunds, x.documents]))) return;
    const docs = Array.isArray(x.documents) && x.documents.length ? documentsSection(x.documents,
      (d) => `/api/v1/orders/${encodeURIComponent(x.id)}/documents/${encodeURIComponent(d.id)}`) : null;
    moneyBox.replaceChildren(...[refundsSection(x), docs].filter(Boolean));
  };

  const renderAll = (focusId) => {
    renderStatus();
    renderNext();
    renderActions();
    renderTimeline();
    renderMoney();
    const key = JSON.stringify([jobSignature(current.j), current.j && current.j.review, current.o.status]);
    if (changedKey('installation', key) || focusId) {
      renderInstallation(installation, current.o, current.j, tz, refreshAll, focusId);
    }
  };

  const load = async () => {
    const o = await api('GET', path);
    return { o, j: await installationOf(o) };
  };
  let setSeen = () => {};
  // The banner message of the person's last own action: it belongs to that state and goes when the order moves on.
  let ownFlash = null;
  // After the person's own action: the fresh state, the message where they look, focus where they asked for it.
  async function refreshAll(message, focusId) {
    const fresh = await load();
    if (location.hash !== hash) return;
    current = fresh;
    setSeen(fresh);
    renderAll(focusId);
    // The person's own action is said in the banner; an older live-update line would now be stale.
    updateLine.textContent = '';
    if (message) flash(message, 'ok');
    ownFlash = message || null;
    // The banner says it to screen readers; the eyes stay on the part the person just used, which shows it too.
    const target = focusId && document.getElementById(focusId);
    if (target) target.scrollIntoView({ block: 'nearest' });
  }

  payButton.addEventListener('click', () => busy(payButton, async () => {
    actionError.textContent = '';
    try {
      const p = await api('POST', `/api/v1/orders/${encodeURIComponent(current.o.id)}/payments`);
      // The provider's page: the sandbox's path here, or the provider's https page; nothing else is followed.
      const target = safeCheckoutUrl(p.checkoutUrl, location.origin);
      if (!target) throw new Error('unsafe checkout url');
      location.href = target;
    } catch (e) {
      actionError.textContent = says(e);
    }
  }));
  cancelButton.addEventListener('click', async () => {
    actionError.textContent = '';
    const before = current.o;
    const done = await confirmAction({ id: 'cancel-order-form', title: m.cancelTitle, text: cancellationText(before.cancellation),
      confirmText: m.cancelConfirm, cancelText: m.cancelKeep, danger: true,
      onConfirm: () => api('POST', `/api/v1/orders/${encodeURIComponent(before.id)}/cancel`) });
    if (!done) return;
    const refunded = before.cancellation && before.cancellation.refund && Number(before.cancellation.refund.amount) > 0;
    await refreshAll(refunded ? m.cancelledRefund(money(before.cancellation.refund)) : m.cancelled);
    // The cancel button is gone: focus goes to the page's heading, the message above it says what happened.
    title.focus();
  });

  renderAll();

  // Follows the order while something may still happen; only the parts that changed are drawn again.
  const signature = (x) => JSON.stringify([x.o.status, !!x.o.refundDue, x.o.refundStatus || null,
    (x.o.refunds || []).map((r) => r.status), (x.o.documents || []).length, !!x.o.cancellation,
    x.o.cancellation && x.o.cancellation.fee, jobSignature(x.j), x.j && x.j.review ? 1 : 0]);
  setSeen = follow({ hash, every: 5000, initial: signature(current), signature,
    // Also ends when this page was drawn anew (a language switch): the new page follows the order itself.
    until: (x) => !document.contains(title) || (x.o.status === 'CANCELLED' && x.o.refundStatus !== 'PENDING')
      || (x.o.status === 'COMPLETED' && x.j && x.j.reviewed),
    load,
    changed: (fresh) => {
      if (!document.contains(title)) return;
      const before = current.o.status;
      current = fresh;
      renderAll();
      // Said in the page's own status line (a polite live region), not in the banner at the top, so the page
      // neither scrolls nor loses focus while someone reads or types.
      if (fresh.o.status !== before) {
        updateLine.textContent = t.updatedAt(when(new Date().toISOString()), statusText(fresh.o.status));
        const banner = document.getElementById('flash');
        if (ownFlash && banner && banner.textContent === ownFlash) flash('');
        ownFlash = null;
      }
    } });
}

/** Who installs: company (a link to their public profile), name, rating in stars, phone. */
function installerCard(installer) {
  const t = ordersText();
  const company = installer.companyName || installer.company || '';
  const phone = installer.phone ? h('a', { href: `tel:${installer.phone.replace(/[^+0-9]/g, '')}`, class: 'phone' }, installer.phone) : null;
  const rated = Number(installer.rating) > 0;
  return h('div', { class: 'card installer-card', id: 'installer-card' },
    h('h3', {}, t.installerTitle),
    h('p', { id: 'installer-line', class: 'installer-line' },
      installer.id ? h('a', { href: `#/installers/${encodeURIComponent(installer.id)}`, id: 'installer-profile', 'aria-label': t.installerProfile(company) }, company)
        : h('strong', {}, company),
      installer.name ? ` · ${installer.name}` : ''),
    h('p', { class: 'installer-rating' }, rated
      ? [stars(installer.rating), ' ', h('span', { class: 'muted', 'aria-hidden': 'true' }, number(installer.rating, { maximumFractionDigits: 1 }))]
      : h('span', { class: 'muted' }, t.noRatingYet)),
    phone ? h('p', {}, `${t.call}: `, phone) : null);
}

/** The review once written: stars, comment and date. */
function reviewCard(review) {
  const t = ordersText();
  return h('div', { class: 'card own-review', id: 'own-review' },
    h('p', { class: 'own-review-stars' }, stars(review.rating, 'own-review-rating')),
    review.comment ? h('blockquote', { class: 'own-review-comment' }, review.comment) : null,
    review.createdAt ? h('p', { class: 'muted' }, t.reviewedOn(when(review.createdAt))) : null);
}

function reviewForm(j, refreshAll) {
  const t = ordersText();
  const w = installText();
  const f = form([
    { name: 'rating', label: t.rating, type: 'select', value: '5', options: [5, 4, 3, 2, 1].map((n) => [String(n), t.ratingOption(n)]), invalid: t.ratingInvalid },
    { name: 'comment', label: t.commentOptional, type: 'textarea', max: 2000, hint: t.commentHint, invalid: t.commentInvalid },
  ], w.sendReview, async (v) => {
    await api('POST', `/api/v1/installations/${encodeURIComponent(j.jobId)}/review`, { rating: Number(v.rating), comment: v.comment });
    await refreshAll(w.reviewThanks, 'review-title');
  });
  f.id = 'review-form';
  return f;
}

/**
 * The installation part of the order page: installer, appointment, report and sign-off, dispute, review. Drawn
 * again only when the installation changed; focus stays where it is unless it was inside (then the section's
 * heading) or {@code focusId} names where it goes after the person's own action.
 */
function renderInstallation(section, o, j, tz, refreshAll, focusId) {
  const t = installText();
  const ot = ordersText();
  if (!j || o.status === 'CANCELLED') {
    replaceSection(section, []);
    section.hidden = true;
    return;
  }
  section.hidden = false;
  const base = `/api/v1/installations/${encodeURIComponent(j.jobId)}`;
  const nodes = [heading('h2', t.installation, 'installation-title'),
    h('p', { id: 'job-status', class: 'status-line', dataset: { status: j.status } }, t.customerStatus[j.status] || t.unknownStatus)];
  if (j.installer) nodes.push(installerCard(j.installer));
  if (j.window && !j.appointment && ['DISPATCHING', 'UNASSIGNED', 'ASSIGNED'].includes(j.status)) {
    nodes.push(h('p', { class: 'muted' }, `${t.yourWindow}: ${range(j.window.start, j.window.end, tz)}`));
  }
  const act = (call, message) => async (arg) => { await call(arg); await refreshAll(message, 'installation-title'); };
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
        run: () => api('POST', `${base}/confirm`), done: () => refreshAll(t.confirmed, 'review-title') });
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
      nodes.push(heading('h3', j.reviewed || j.review ? ot.yourReview : t.reviewTitle, 'review-title'));
      if (j.review) {
        nodes.push(h('p', { class: 'ok', id: 'reviewed' }, t.reviewed), reviewCard(j.review));
      } else if (j.reviewed) {
        nodes.push(h('p', { class: 'ok', id: 'reviewed' }, t.reviewed));
      } else {
        nodes.push(reviewForm(j, refreshAll));
      }
      if (j.report) nodes.push(reportView(j.report, tz));
      if (j.dispute) nodes.push(disputeView(j.dispute, tz));
      break;
    default:
      break;
  }
  replaceSection(section, nodes);
  const target = focusId && document.getElementById(focusId);
  if (target) target.focus();
}

export async function checkout() {
  const t = moneyText();
  const paymentId = new URLSearchParams(location.hash.replace(/^#/, '')).get('payment') || '';
  const notice = h('div', { class: 'test-notice', id: 'checkout-notice' },
    h('p', { class: 'test-notice-title' }, h('strong', {}, t.testNotice)), h('p', {}, t.testNoticeMore));
  const broken = (text) => mount(h('h1', {}, t.badLink), notice, h('p', { class: 'error', id: 'checkout-problem' }, text),
    h('p', {}, h('a', { href: '/#/orders' }, ordersText().backToOrders)));
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
  const header = [h('h1', {}, t.checkoutTitle, ' ', h('span', { class: 'badge test-badge' }, t.testBadge)), notice,
    h('p', { class: 'checkout-ref' }, `${t.reference}: `, h('strong', { id: 'checkout-order' }, ref(orderId)))];
  const back = h('p', {}, h('a', { href: `/#/orders/${orderId}` }, t.backToOrder));
  if (p.status && p.status !== 'REQUIRES_CONFIRMATION') {
    mount(...header, h('p', { id: 'checkout-state', class: p.status === 'SUCCEEDED' ? 'ok' : 'error' },
      p.status === 'SUCCEEDED' ? t.paymentDone : t.paymentFailed), back);
    return;
  }
  const error = h('p', { class: 'error', role: 'alert', id: 'checkout-error' });
  const payButton = h('button', { type: 'button', id: 'confirm-payment', 'aria-describedby': 'checkout-notice' }, t.payTest(money(p.amount)));
  const declineButton = h('button', { type: 'button', class: 'secondary', id: 'decline-payment' }, t.declineTest);
  const confirmWith = (outcome, button) => () => busy(button, async () => {
    error.textContent = '';
    const other = button === payButton ? declineButton : payButton;
    other.disabled = true;
    try {
      const answer = await api('POST', `/api/v1/payments/sandbox/${encodeURIComponent(paymentId)}/confirm`, { outcome });
      done(answer.orderId || orderId);
    } catch (e) {
      error.textContent = says(e);
    } finally {
      other.disabled = false;
    }
  });
  payButton.addEventListener('click', confirmWith('succeeded', payButton));
  declineButton.addEventListener('click', confirmWith('failed', declineButton));
  mount(...header,
    p.order ? summaryTable(p.order, { id: 'checkout-summary', totalId: 'checkout-total', vatId: 'checkout-vat' }) : null,
    h('div', { class: 'amount-due card' }, h('p', {}, `${t.amountDue}: `, h('strong', { id: 'checkout-amount' }, money(p.amount))),
      h('p', { class: 'muted' }, t.testNoticeButtons)),
    h('div', { class: 'tabs' }, payButton, declineButton), error, back);
}
