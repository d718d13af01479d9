import type { Installation, Order, OrderStatus } from '../api/types';

export type StepState = 'done' | 'current' | 'upcoming';
export interface TimelineStep {
  status: OrderStatus;
  state: StepState;
  at: string | null;
}

const HAPPY_PATH: OrderStatus[] = ['PENDING_PAYMENT', 'PAID', 'SCHEDULED', 'INSTALLING', 'AWAITING_CONFIRMATION', 'COMPLETED'];

/**
 * The order's steps from the order and its installation. A cancelled order shows the steps it reached and then
 * CANCELLED; a disputed one shows DISPUTED after AWAITING_CONFIRMATION.
 */
export function buildTimeline(order: Order, installation: Installation | null): TimelineStep[] {
  const times: Partial<Record<OrderStatus, string | null>> = {
    PENDING_PAYMENT: order.createdAt,
    PAID: order.paidAt,
    SCHEDULED: installation?.assignedAt ?? null,
    INSTALLING: installation?.startedAt ?? null,
    AWAITING_CONFIRMATION: installation?.report?.submittedAt ?? null,
    COMPLETED: installation?.completedAt ?? null,
    CANCELLED: order.cancelledAt,
    DISPUTED: null,
  };
  const path: OrderStatus[] = [...HAPPY_PATH];
  if (order.status === 'DISPUTED') path.splice(path.indexOf('COMPLETED'), 0, 'DISPUTED');

  if (order.status === 'CANCELLED') {
    const reached = path.filter((s) => s !== 'COMPLETED' && s !== 'AWAITING_CONFIRMATION' && !!times[s]);
    const steps: TimelineStep[] = reached.map((s) => ({ status: s, state: 'done', at: times[s] ?? null }));
    steps.push({ status: 'CANCELLED', state: 'current', at: times.CANCELLED ?? null });
    return steps;
  }
  const currentIndex = path.indexOf(order.status);
  return path.map((status, i) => ({
    status,
    state: i < currentIndex ? 'done' : i === currentIndex ? (status === 'COMPLETED' ? 'done' : 'current') : 'upcoming',
    at: i <= currentIndex ? (times[status] ?? null) : null,
  }));
}
