// Where an order stands: stage, next step, timeline and the money summary's lines (Node's built-in test runner).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { stageOf, nextStep, timeline, statusTone, summaryLines, starGlyphs } from '../../main/resources/static/js/order-progress.js';
import { ORDERS } from '../../main/resources/static/js/messages/orders.js';

const placed = { id: 'o1', status: 'PENDING_PAYMENT', createdAt: '2026-12-01T09:00:00Z', refundStatus: 'NONE', refunds: [] };
const paid = { ...placed, status: 'PAID', paidAt: '2026-12-01T09:05:00Z' };
const job = (status, extra = {}) => ({ jobId: 'j1', status, reviewed: false, scheduling: { openProposal: null, proposalsLeft: 6 }, ...extra });
const keys = (entries) => entries.map((e) => `${e.key}:${e.state}`);

test('every order status has a stage, and every stage a next step with words in both languages', () => {
  const cases = [
    [placed, null, 'pay'], [paid, job('DISPATCHING'), 'searching'], [paid, job('UNASSIGNED'), 'noInstaller'],
    [{ ...paid, status: 'SCHEDULED' }, job('ASSIGNED'), 'proposeWait'],
    [{ ...paid, status: 'SCHEDULED' }, job('ASSIGNED', { scheduling: { openProposal: { id: 'p', proposedBy: 'INSTALLER' } } }), 'appointmentOffered'],
    [{ ...paid, status: 'SCHEDULED' }, job('ASSIGNED', { scheduling: { openProposal: { id: 'p', proposedBy: 'CUSTOMER' } } }), 'proposeWait'],
    [{ ...paid, status: 'SCHEDULED' }, job('SCHEDULED'), 'scheduled'],
    [{ ...paid, status: 'INSTALLING' }, job('IN_PROGRESS'), 'installing'],
    [{ ...paid, status: 'AWAITING_CONFIRMATION' }, job('AWAITING_CONFIRMATION'), 'confirm'],
    [{ ...paid, status: 'DISPUTED' }, job('DISPUTED'), 'disputed'],
    [{ ...paid, status: 'COMPLETED' }, job('COMPLETED'), 'review'],
    [{ ...paid, status: 'COMPLETED' }, job('COMPLETED', { reviewed: true }), 'done'],
    [{ ...paid, status: 'COMPLETED' }, undefined, 'completed'],
    [{ ...placed, status: 'CANCELLED' }, null, 'cancelled'],
    [{ ...paid, status: 'CANCELLED', refundStatus: 'PENDING' }, null, 'cancelledRefundPending'],
    [{ ...paid, status: 'CANCELLED', refundStatus: 'PARTIALLY_REFUNDED' }, null, 'cancelledRefunded'],
    [{ ...paid, status: 'CANCELLED', refundStatus: 'FAILED' }, null, 'cancelledRefundFailed'],
    [{ ...paid, status: 'SOMETHING_NEW' }, null, 'unknown'],
  ];
  for (const [o, j, stage] of cases) {
    assert.equal(stageOf(o, j), stage, `${o.status} with ${j && j.status}`);
    const step = nextStep(stage);
    for (const language of ['en', 'de']) {
      const words = ORDERS[language].next[step.stage];
      assert.ok(words && words.title && words.text, `${language} words for ${stage}`);
    }
  }
  assert.equal(nextStep('pay').action, 'pay');
  assert.equal(nextStep('confirm').action, 'confirm');
  assert.equal(nextStep('noInstaller').tone, 'problem');
  assert.equal(nextStep('nonsense').stage, 'unknown');
});

test('the no-installer step says what the system really does: redispatch, the team, a full refund', () => {
  const en = ORDERS.en.next.noInstaller.text;
  assert.match(en, /offer the job again/);
  assert.match(en, /further away/);
  assert.match(en, /money back in full/);
  assert.match(ORDERS.de.next.noInstaller.text, /vollständig zurück/);
});

test('every order status has a label in both languages', () => {
  for (const status of ['PENDING_PAYMENT', 'PAID', 'SCHEDULED', 'INSTALLING', 'AWAITING_CONFIRMATION', 'DISPUTED', 'COMPLETED', 'CANCELLED']) {
    assert.ok(ORDERS.en.orderStatus[status] && ORDERS.de.orderStatus[status], status);
    assert.notEqual(ORDERS.en.orderStatus[status], status);
  }
  assert.equal(statusTone('COMPLETED'), 'good');
  assert.equal(statusTone('CANCELLED'), 'bad');
  assert.equal(statusTone('PENDING_PAYMENT'), 'action');
  assert.equal(statusTone('PAID'), 'plain');
});

test('an unpaid order: placed with its time, payment now, the rest ahead', () => {
  const entries = timeline(placed, null);
  assert.deepEqual(keys(entries), ['placed:done', 'paid:current', 'assigned:upcoming', 'appointment:upcoming',
    'started:upcoming', 'report:upcoming', 'completed:upcoming', 'reviewed:upcoming']);
  assert.equal(entries[0].at, '2026-12-01T09:00:00Z');
  assert.equal(entries[1].at, null);
});

test('a paid order looks for an installer; with none found the problem is on the timeline', () => {
  assert.deepEqual(keys(timeline(paid, job('DISPATCHING'))).slice(0, 3), ['placed:done', 'paid:done', 'assigned:current']);
  assert.equal(timeline(paid, job('DISPATCHING'))[1].at, '2026-12-01T09:05:00Z');
  assert.deepEqual(keys(timeline(paid, job('UNASSIGNED'))).slice(0, 4), ['placed:done', 'paid:done', 'noInstaller:problem', 'assigned:upcoming']);
});

test('the installation steps carry the times the installation gives', () => {
  const o = { ...paid, status: 'COMPLETED' };
  const j = job('COMPLETED', {
    assignedAt: '2026-12-01T10:00:00Z', startedAt: '2026-12-08T08:00:00Z', completedAt: '2026-12-09T12:00:00Z',
    appointment: { start: '2026-12-08T08:00:00Z', end: '2026-12-08T14:00:00Z', agreedAt: '2026-12-02T11:00:00Z' },
    report: { submittedAt: '2026-12-08T15:00:00Z' }, reviewed: true,
    review: { rating: 4, comment: 'Tidy work', createdAt: '2026-12-09T13:00:00Z' },
  });
  const entries = timeline(o, j);
  assert.deepEqual(keys(entries), ['placed:done', 'paid:done', 'assigned:done', 'appointment:done', 'started:done',
    'report:done', 'completed:done', 'reviewed:done']);
  assert.deepEqual(entries.map((e) => e.at), ['2026-12-01T09:00:00Z', '2026-12-01T09:05:00Z', '2026-12-01T10:00:00Z',
    '2026-12-02T11:00:00Z', '2026-12-08T08:00:00Z', '2026-12-08T15:00:00Z', '2026-12-09T12:00:00Z', '2026-12-09T13:00:00Z']);
  assert.equal(entries[3].start, '2026-12-08T08:00:00Z');
});

test('a step the server gives no time for is done without a time, never with a wrong one', () => {
  const entries = timeline({ ...paid, status: 'INSTALLING' }, job('IN_PROGRESS', { installer: { name: 'A' } }));
  assert.deepEqual(keys(entries).slice(2, 6), ['assigned:done', 'appointment:done', 'started:done', 'report:current']);
  assert.equal(entries[2].at, null);
  assert.equal(entries[4].at, null);
});

test('scheduled, awaiting confirmation and disputed each have their current step', () => {
  const current = (o, j) => timeline(o, j).filter((e) => e.state === 'current' || e.state === 'problem').map((e) => e.key);
  assert.deepEqual(current({ ...paid, status: 'SCHEDULED' }, job('ASSIGNED')), ['appointment']);
  assert.deepEqual(current({ ...paid, status: 'SCHEDULED' }, job('SCHEDULED', { appointment: { agreedAt: '2026-12-02T11:00:00Z' } })), ['started']);
  assert.deepEqual(current({ ...paid, status: 'AWAITING_CONFIRMATION' }, job('AWAITING_CONFIRMATION', { report: { submittedAt: '2026-12-08T15:00:00Z' } })), ['completed']);
  assert.deepEqual(current({ ...paid, status: 'DISPUTED' }, job('DISPUTED', { report: { submittedAt: 'x' }, dispute: { disputedAt: '2026-12-09T09:00:00Z' } })), ['disputed']);
  assert.deepEqual(current({ ...paid, status: 'COMPLETED' }, job('COMPLETED')), ['reviewed']);
});

test('a cancelled order keeps what happened, then the cancellation and each refund with its amount', () => {
  const o = { ...paid, status: 'CANCELLED', cancelledAt: '2026-12-03T10:00:00Z', refundStatus: 'PARTIALLY_REFUNDED', refunds: [
    { id: 'r1', amount: { amount: '509.00', currency: 'EUR' }, status: 'SUCCEEDED', createdAt: '2026-12-03T10:00:00Z', settledAt: '2026-12-03T10:01:00Z' },
    { id: 'r2', amount: { amount: '10.00', currency: 'EUR' }, status: 'PENDING', createdAt: '2026-12-04T10:00:00Z' },
  ] };
  const entries = timeline(o, job('CANCELLED', { installer: { name: 'A' } }));
  assert.deepEqual(keys(entries), ['placed:done', 'paid:done', 'assigned:done', 'cancelled:done', 'refunded:done', 'refundPending:current']);
  assert.equal(entries[3].at, '2026-12-03T10:00:00Z');
  assert.equal(entries[4].at, '2026-12-03T10:01:00Z');
  assert.deepEqual(entries[4].amount, { amount: '509.00', currency: 'EUR' });
  assert.deepEqual(keys(timeline({ ...placed, status: 'CANCELLED' }, null)), ['placed:done', 'cancelled:done']);
});

test('every timeline step has words in both languages', () => {
  for (const key of ['placed', 'paid', 'noInstaller', 'assigned', 'appointment', 'started', 'report', 'disputed', 'resolved',
    'completed', 'reviewed', 'cancelled', 'refunded', 'refundPending', 'refundFailed']) {
    assert.ok(ORDERS.en.timeline[key] && ORDERS.de.timeline[key], key);
  }
});

test('the summary lines are the server amounts, a missing line total multiplied exactly', () => {
  const times = (amount, q) => (Number(amount) * q).toFixed(2);
  const lines = summaryLines({ items: [
    { panelName: 'Mono 400', quantity: 3, unitPrice: { amount: '120.00', currency: 'EUR' }, lineTotal: { amount: '360.00', currency: 'EUR' } },
    { panelName: 'Old', quantity: 2, unitPrice: { amount: '0.10', currency: 'EUR' } },
  ], panelsTotal: { amount: '360.20', currency: 'EUR' }, installationFee: { amount: '199.00', currency: 'EUR' },
  total: { amount: '559.20', currency: 'EUR' }, tax: { rate: '19', net: { amount: '469.92', currency: 'EUR' }, vat: { amount: '89.28', currency: 'EUR' } } }, times);
  assert.equal(lines.items[0].lineTotal.amount, '360.00');
  assert.equal(lines.items[1].lineTotal.amount, '0.20');
  assert.equal(lines.subtotal.amount, '360.20');
  assert.equal(lines.tax.rate, '19');
  assert.equal(summaryLines({}).tax, null);
});

test('stars: whole stars out of five', () => {
  assert.equal(starGlyphs(4), '★★★★☆');
  assert.equal(starGlyphs(4.6), '★★★★★');
  assert.equal(starGlyphs(0), '☆☆☆☆☆');
  assert.equal(starGlyphs(9), '★★★★★');
  assert.equal(starGlyphs(undefined), '☆☆☆☆☆');
  assert.equal(ORDERS.en.starsLabel(4), '4 out of 5 stars');
});
