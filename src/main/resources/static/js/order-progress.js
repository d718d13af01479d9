// Where an order stands, as data: its stage (order status and installation together), the next step people
// take in that stage, and the timeline of what happened with the times the API gives. Pure (no DOM, no texts):
// the views turn keys into words from messages/orders.js, and Node's test runner checks the rules
// (src/test/js/order-progress.test.mjs).

/** The order statuses a customer's order moves through, in order (docs/installation.md). */
export const ORDER_STATUSES = ['PENDING_PAYMENT', 'PAID', 'SCHEDULED', 'INSTALLING', 'AWAITING_CONFIRMATION',
  'DISPUTED', 'COMPLETED', 'CANCELLED'];

/** The order statuses for which an installation (a job) exists to show. */
export const WITH_INSTALLATION = ['PAID', 'SCHEDULED', 'INSTALLING', 'AWAITING_CONFIRMATION', 'DISPUTED', 'COMPLETED'];

/**
 * The stage of an order for its customer: the order's status refined by its installation {@code j} (null when
 * there is none; undefined when it was not loaded, as in the orders list). One of: pay, searching, noInstaller, proposeWait, appointmentOffered,
 * scheduled, installing, confirm, disputed, review, done, completed (list only), cancelled, cancelledRefundPending, cancelledRefunded,
 * cancelledRefundFailed, unknown.
 */
export function stageOf(o, j) {
  if (!o) return 'unknown';
  const job = j || null;
  switch (o.status) {
    case 'PENDING_PAYMENT':
      return 'pay';
    case 'PAID':
      return job && job.status === 'UNASSIGNED' ? 'noInstaller' : 'searching';
    case 'SCHEDULED': {
      if (job && job.status === 'SCHEDULED') return 'scheduled';
      const open = job && job.scheduling && job.scheduling.openProposal;
      return open && open.proposedBy === 'INSTALLER' ? 'appointmentOffered' : 'proposeWait';
    }
    case 'INSTALLING':
      return 'installing';
    case 'AWAITING_CONFIRMATION':
      return 'confirm';
    case 'DISPUTED':
      return 'disputed';
    case 'COMPLETED':
      // Without the installation (the orders list) it is unknown whether the review was written.
      if (j === undefined) return 'completed';
      return job && (job.reviewed || job.review) ? 'done' : 'review';
    case 'CANCELLED':
      if (o.refundStatus === 'PENDING') return 'cancelledRefundPending';
      if (o.refundStatus === 'FAILED') return 'cancelledRefundFailed';
      if (o.refundStatus === 'REFUNDED' || o.refundStatus === 'PARTIALLY_REFUNDED') return 'cancelledRefunded';
      // A server without refund details says only that money is owed back.
      return o.refundDue ? 'cancelledRefundPending' : 'cancelled';
    default:
      return 'unknown';
  }
}

/**
 * What the person does next in a stage: {@code action} names the control the page offers for it (pay, appointment,
 * confirm, review, none), {@code tone} how the box looks (action: something to do; wait: we are on it; problem;
 * done).
 */
const NEXT = {
  pay: { action: 'pay', tone: 'action' },
  searching: { action: 'none', tone: 'wait' },
  noInstaller: { action: 'none', tone: 'problem' },
  proposeWait: { action: 'none', tone: 'wait' },
  appointmentOffered: { action: 'appointment', tone: 'action' },
  scheduled: { action: 'none', tone: 'wait' },
  installing: { action: 'none', tone: 'wait' },
  confirm: { action: 'confirm', tone: 'action' },
  disputed: { action: 'none', tone: 'problem' },
  review: { action: 'review', tone: 'action' },
  done: { action: 'none', tone: 'done' },
  completed: { action: 'none', tone: 'done' },
  cancelled: { action: 'none', tone: 'done' },
  cancelledRefundPending: { action: 'none', tone: 'wait' },
  cancelledRefunded: { action: 'none', tone: 'done' },
  cancelledRefundFailed: { action: 'none', tone: 'problem' },
  unknown: { action: 'none', tone: 'wait' },
};

export function nextStep(stage) {
  return { stage: NEXT[stage] ? stage : 'unknown', ...(NEXT[stage] || NEXT.unknown) };
}

/** The badge's look for an order status: good, bad, action or plain. */
export function statusTone(status) {
  if (status === 'COMPLETED') return 'good';
  if (status === 'CANCELLED' || status === 'DISPUTED') return 'bad';
  if (status === 'PENDING_PAYMENT' || status === 'AWAITING_CONFIRMATION') return 'action';
  return 'plain';
}

const rank = (status) => ORDER_STATUSES.indexOf(status);

/** True when the order has got at least as far as {@code status} on its way (a cancelled order got nowhere new). */
function reached(o, status) {
  if (o.status === 'CANCELLED') return false;
  if (o.status === 'DISPUTED') return rank(status) <= rank('AWAITING_CONFIRMATION');
  return rank(o.status) >= rank(status);
}

/**
 * The timeline of an order: entries {key, at, state, amount?} in the order they happen, where {@code at} is the
 * instant the API gives for it (null when it gives none), and state is done, current (what happens now), problem
 * or upcoming (still ahead). Reads the order, its installation (null when there is none), their timestamps and
 * refunds; a field the server does not send leaves the entry without a time, never a wrong one.
 */
export function timeline(o, j) {
  if (!o) return [];
  const job = j || {};
  const entries = [];
  const add = (key, at, state, extra = {}) => entries.push({ key, at: at || null, state, ...extra });
  const cancelled = o.status === 'CANCELLED';
  const stage = stageOf(o, j);

  add('placed', o.createdAt, 'done');
  if (o.paidAt || (o.status !== 'PENDING_PAYMENT' && !cancelled) || (cancelled && (o.refundDue || (o.refunds || []).length))) {
    add('paid', o.paidAt, 'done');
  } else if (!cancelled) {
    add('paid', null, 'current');
  }
  if (cancelled) {
    // What had happened before the cancellation stays on record.
    if (job.installer || job.assignedAt) add('assigned', job.assignedAt, 'done');
    if (job.appointment && job.appointment.agreedAt) add('appointment', job.appointment.agreedAt, 'done');
    if (job.startedAt) add('started', job.startedAt, 'done');
    if (job.report && job.report.submittedAt) add('report', job.report.submittedAt, 'done');
    if (job.dispute && job.dispute.disputedAt) add('disputed', job.dispute.disputedAt, 'problem');
    if (job.dispute && job.dispute.resolution) add('resolved', job.dispute.resolution.resolvedAt, 'done');
    add('cancelled', o.cancelledAt, 'done');
    refundEntries(o, add);
    return entries;
  }

  if (stage === 'noInstaller') add('noInstaller', job.unassignedAt, 'problem');
  if (reached(o, 'SCHEDULED')) add('assigned', job.assignedAt, 'done');
  else if (o.status !== 'PENDING_PAYMENT') add('assigned', null, stage === 'noInstaller' ? 'upcoming' : 'current');
  else add('assigned', null, 'upcoming');

  const agreedAt = job.appointment && job.appointment.agreedAt;
  if (agreedAt || reached(o, 'INSTALLING')) add('appointment', agreedAt, 'done', { start: job.appointment ? job.appointment.start : null });
  else add('appointment', null, o.status === 'SCHEDULED' ? 'current' : 'upcoming');

  if (job.startedAt || reached(o, 'INSTALLING')) add('started', job.startedAt, 'done');
  else add('started', null, stage === 'scheduled' ? 'current' : 'upcoming');

  const submittedAt = job.report && job.report.submittedAt;
  if (submittedAt || reached(o, 'AWAITING_CONFIRMATION')) add('report', submittedAt, 'done');
  else add('report', null, o.status === 'INSTALLING' ? 'current' : 'upcoming');

  if (job.dispute && job.dispute.disputedAt) {
    add('disputed', job.dispute.disputedAt, o.status === 'DISPUTED' ? 'problem' : 'done');
    if (job.dispute.resolution) add('resolved', job.dispute.resolution.resolvedAt, 'done');
  }

  if (o.status === 'COMPLETED') add('completed', job.completedAt, 'done');
  else add('completed', null, o.status === 'AWAITING_CONFIRMATION' ? 'current' : 'upcoming');

  if (job.review && job.review.createdAt) add('reviewed', job.review.createdAt, 'done');
  else if (job.reviewed) add('reviewed', null, 'done');
  else add('reviewed', null, o.status === 'COMPLETED' ? 'current' : 'upcoming');

  refundEntries(o, add);
  return entries;
}

/** Each refund: when it was asked for and, once the provider answered, when it arrived or failed. */
function refundEntries(o, add) {
  for (const r of (Array.isArray(o.refunds) ? o.refunds : [])) {
    if (r.status === 'SUCCEEDED') add('refunded', r.settledAt || r.createdAt, 'done', { amount: r.amount });
    else if (r.status === 'FAILED') add('refundFailed', r.settledAt || r.createdAt, 'problem', { amount: r.amount });
    else add('refundPending', r.createdAt, 'current', { amount: r.amount });
  }
}

/**
 * The money summary's lines as data, so the sum is visible: each item with quantity × unit price = line total,
 * the panels' subtotal, installation, net, VAT and total, exactly as the server computed them (amounts are never
 * recomputed here except a line total a server without {@code lineTotal} leaves out).
 */
export function summaryLines(o, times) {
  const items = (o && Array.isArray(o.items) ? o.items : []).map((i) => ({
    name: i.panelName, quantity: i.quantity, unitPrice: i.unitPrice,
    lineTotal: i.lineTotal || (i.unitPrice && times ? { amount: times(i.unitPrice.amount, i.quantity), currency: i.unitPrice.currency } : null),
  }));
  return {
    items,
    subtotal: (o && o.panelsTotal) || null,
    installation: (o && o.installationFee) || null,
    total: (o && o.total) || null,
    tax: o && o.tax && o.tax.vat ? { rate: o.tax.rate, vat: o.tax.vat, net: o.tax.net || null } : null,
  };
}

/** "★★★★☆" for a rating of 4 (rounded to whole stars, 0 to {@code max}). */
export function starGlyphs(rating, max = 5) {
  const n = Math.max(0, Math.min(max, Math.round(Number(rating) || 0)));
  return '★'.repeat(n) + '☆'.repeat(max - n);
}
