/** Days and hours in the installation's time zone, without a date library (Intl only). */

const ZONES: Record<string, string> = { DE: 'Europe/Berlin', AT: 'Europe/Vienna', CH: 'Europe/Zurich' };

/** The installation's time zone from its country (the server judges the appointment's day there). */
export function zoneForCountry(country: string | undefined): string {
  return ZONES[(country ?? '').toUpperCase()] ?? 'Europe/Berlin';
}

interface Parts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

function parts(ms: number, timeZone: string): Parts {
  const fmt = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  });
  const get = (type: string) => Number(fmt.formatToParts(new Date(ms)).find((p) => p.type === type)?.value ?? 0);
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour') % 24, minute: get('minute') };
}

/** 'YYYY-MM-DD' of an instant in a time zone. */
export function dayOf(ms: number, timeZone: string): string {
  const p = parts(ms, timeZone);
  return `${p.year}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
}

/** The instant of day (YYYY-MM-DD) at hour:00 in the time zone. */
export function zonedTime(day: string, hour: number, timeZone: string): number {
  const [y, m, d] = day.split('-').map(Number);
  const guess = Date.UTC(y, m - 1, d, hour);
  const offset = (ms: number) => {
    const p = parts(ms, timeZone);
    return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute) - ms;
  };
  let result = guess - offset(guess);
  result = guess - offset(result);
  return result;
}

/** The days from start to end (in the time zone) that are not over yet at now; at most max. */
export function daysBetween(startMs: number, endMs: number, timeZone: string, now: number, max = 31): string[] {
  const days: string[] = [];
  const last = dayOf(endMs, timeZone);
  let cursor = Math.max(startMs, now);
  for (let i = 0; i < 400 && days.length < max; i++) {
    const day = dayOf(cursor, timeZone);
    if (day > last) break;
    if (!days.includes(day)) days.push(day);
    cursor += 24 * 3600_000;
  }
  return days;
}

export interface SlotChoice {
  day: string | null;
  hour: number | null;
  duration: number | null;
}

export const START_HOURS = [7, 8, 9, 10, 11, 12, 13, 14, 15, 16];
export const DURATIONS = [2, 4, 6, 8, 10];

/** The chosen slot as ISO instants, or null while something is missing. */
export function slotOf(choice: SlotChoice, timeZone: string): { start: string; end: string } | null {
  if (!choice.day || choice.hour === null || choice.duration === null) return null;
  const start = zonedTime(choice.day, choice.hour, timeZone);
  return { start: new Date(start).toISOString(), end: new Date(start + choice.duration * 3600_000).toISOString() };
}
