import type { Money } from './api/types';

/** Money from the API's {amount: "1234.50", currency: "EUR"} shape. */
export function formatMoney(money: Money, locale: string): string {
  const amount = Number(money.amount);
  if (!Number.isFinite(amount)) return `${money.amount} ${money.currency}`;
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency: money.currency }).format(amount);
  } catch {
    return `${money.amount} ${money.currency}`;
  }
}

export function formatDateTime(iso: string, locale: string, timeZone?: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(date);
}

export function formatDate(iso: string, locale: string, timeZone?: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone }).format(date);
}

/** A window: "13 Dec 2026, 09:00 – 17:00" within one day, else "13 Dec 2026 – 20 Dec 2026". */
export function formatRange(startIso: string, endIso: string, locale: string, timeZone?: string): string {
  const startDay = formatDate(startIso, locale, timeZone);
  const endDay = formatDate(endIso, locale, timeZone);
  if (startDay === endDay) {
    const time = (iso: string) => new Intl.DateTimeFormat(locale, { timeStyle: 'short', timeZone }).format(new Date(iso));
    return `${startDay}, ${time(startIso)} – ${time(endIso)}`;
  }
  return `${startDay} – ${endDay}`;
}

/** mm:ss (or h:mm:ss) until the deadline; "0:00" once it passed. */
export function formatCountdown(msLeft: number): string {
  const total = Math.max(0, Math.ceil(msLeft / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}
