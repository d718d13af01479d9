// Formatting of money, numbers, dates and durations with Intl, for a given locale. Pure: no DOM, so Node's test
// runner checks it (src/test/js). dom.js wraps these with the user's current locale.

/** An amount {amount: "1234.50", currency: "EUR"}: "€1,234.50" (en-GB) or "1.234,50 €" (de-DE). */
export function formatMoney(m, loc) {
  if (!m || m.amount === undefined || m.amount === null || m.amount === '') return '';
  try {
    // The decimal string goes to Intl as it is (exact in current engines), never through float arithmetic first.
    return new Intl.NumberFormat(loc, { style: 'currency', currency: m.currency || 'EUR' }).format(m.amount);
  } catch {
    return `${m.amount} ${m.currency || ''}`.trim();
  }
}

export function formatNumber(n, loc, options = {}) {
  if (n === undefined || n === null || n === '' || Number.isNaN(Number(n))) return '';
  return new Intl.NumberFormat(loc, options).format(n);
}

/** A calendar date ("2026-12-02", or the date part of an instant) as "2 Dec 2026" / "02.12.2026". */
export function formatDay(isoDate, loc) {
  if (!isoDate) return '';
  const d = new Date(`${String(isoDate).slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(d.getTime()) ? '' : d.toLocaleDateString(loc, { dateStyle: 'medium', timeZone: 'UTC' });
}

/** An instant as date and time without seconds, in the given (or the browser's) time zone. */
export function formatWhen(iso, loc, timeZone) {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return d.toLocaleString(loc, { dateStyle: 'medium', timeStyle: 'short', ...(timeZone ? { timeZone } : {}) });
}

/** Time left as "9:05" (minutes:seconds) or "1:02:03" past an hour; never negative. */
export function formatCountdown(ms) {
  const total = Math.max(0, Math.ceil((Number(ms) || 0) / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

/** "5 minutes ago" / "vor 5 Minuten" for an instant relative to now. */
export function formatAgo(iso, loc, now = Date.now()) {
  const d = new Date(iso).getTime();
  if (Number.isNaN(d)) return '';
  const seconds = Math.round((d - now) / 1000);
  const rtf = new Intl.RelativeTimeFormat(loc, { numeric: 'auto' });
  const abs = Math.abs(seconds);
  if (abs < 60) return rtf.format(seconds, 'second');
  if (abs < 3600) return rtf.format(Math.round(seconds / 60), 'minute');
  if (abs < 86400) return rtf.format(Math.round(seconds / 3600), 'hour');
  return rtf.format(Math.round(seconds / 86400), 'day');
}
