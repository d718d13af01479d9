// The offer countdown's arithmetic, without the DOM (Node's test runner checks it): the time left, how it reads,
// and which moments are worth saying aloud. A screen reader hears the countdown at a few thresholds, never every
// second.
import { formatCountdown } from './format.js';

/** The moments announced politely: five minutes and one minute left (then "expired"). */
export const THRESHOLDS = [5 * 60000, 60000];

/** Milliseconds left until {@code expiresAt} (an ISO instant) at {@code now} (ms); never negative, 0 when invalid. */
export function remaining(expiresAt, now) {
  const end = new Date(expiresAt).getTime();
  if (Number.isNaN(end)) return 0;
  return Math.max(0, end - now);
}

/** The state of one countdown at {@code now}: { ms, text ("9:05"), expired }. */
export function countdownState(expiresAt, now) {
  const ms = remaining(expiresAt, now);
  return { ms, text: formatCountdown(ms), expired: ms <= 0 };
}

/**
 * What to announce when the time left went from {@code before} to {@code after} (ms): 'expired', the smallest
 * threshold crossed (a tab that slept may jump over several; the most urgent one counts), or null. The first
 * reading ({@code before} null) is never announced: the person sees it with the offer.
 */
export function crossed(before, after, thresholds = THRESHOLDS) {
  if (before === null || before === undefined || before <= 0) return null;
  if (after <= 0) return 'expired';
  const passed = thresholds.filter((t) => before > t && after <= t);
  return passed.length ? Math.min(...passed) : null;
}

/** The whole minutes a threshold stands for (60000 → 1). */
export function minutesOf(threshold) {
  return Math.round(threshold / 60000);
}
