// How the administration shows the server's data to people: enums as words from the catalog, ids as short
// references, an audit event's details (a JSON object) as a readable list. Pure (no DOM): Node's test runner checks
// it (src/test/js/admin-format.test.mjs).

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An enum value as words: the catalog's label when it has one, else "REFUND_ISSUED" → "Refund issued". */
export function label(table, value) {
  if (value === undefined || value === null || value === '') return '';
  if (table && Object.prototype.hasOwnProperty.call(table, value)) return table[value];
  const s = String(value).toLowerCase().replace(/_/g, ' ').trim();
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export function isId(value) {
  return typeof value === 'string' && UUID.test(value);
}

/** An id as people quote it (the first 8 characters, upper case, like an order reference); other text as it is. */
export function shortRef(value) {
  if (value === undefined || value === null) return '';
  return isId(value) ? value.slice(0, 8).toUpperCase() : String(value);
}

/**
 * An audit event's details as [key, value] pairs in the order the server wrote them. {@code detail} is a JSON
 * object as text (or already an object); nested values are flattened ("refund.amount"); anything else becomes one
 * pair under "". Nothing is lost, nothing is shown as JSON.
 */
export function detailEntries(detail) {
  if (detail === undefined || detail === null || detail === '') return [];
  let data = detail;
  if (typeof detail === 'string') {
    try {
      data = JSON.parse(detail);
    } catch {
      return [['', detail]];
    }
  }
  if (data === null || typeof data !== 'object') return [['', String(data)]];
  const out = [];
  const walk = (value, path) => {
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      for (const [k, v] of Object.entries(value)) walk(v, path ? `${path}.${k}` : k);
    } else if (Array.isArray(value)) {
      out.push([path, value.map((v) => (v !== null && typeof v === 'object' ? Object.values(v).join(' ') : String(v))).join(', ')]);
    } else if (value !== null && value !== undefined && value !== '') {
      out.push([path, String(value)]);
    }
  };
  walk(data, '');
  return out;
}

/** A date-time input's value ("2026-12-02T10:30", the browser's time zone) as an instant for the API, or null. */
export function localToInstant(value) {
  if (!value) return null;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

/** True for an IPv4 or IPv6 address (no range): the audit filter checks before it asks the server. */
export function looksLikeIp(value) {
  const v = String(value || '').trim();
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(v)) return v.split('.').every((p) => Number(p) <= 255);
  return /^[0-9a-f:.]+$/i.test(v) && v.includes(':') && v.length <= 45;
}
