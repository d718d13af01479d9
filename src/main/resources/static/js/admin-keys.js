// The administration's "Data encryption" tab: which data key seals new values (its short fingerprint), how many
// stored values are still under an older key after a rotation, and the re-encryption batch. The batch needs the
// admin's recent step-up: api() opens the "Confirm it's you" dialog on reauthentication_required and repeats the call.
import { h, flash, number, dataTable, sentenceFor } from './dom.js';
import { api } from './api.js';
import { confirmAction } from './dialog.js';
import { adminKeysText } from './messages/admin-keys.js';

/** Renders the tab into {@code box}. */
export async function dataKeys(box) {
  const t = adminKeysText();
  box.setAttribute('aria-busy', 'true');
  let status;
  try {
    status = await api('GET', '/api/v1/admin/data-key');
  } catch (e) {
    box.removeAttribute('aria-busy');
    box.replaceChildren(h('p', { class: 'error', role: 'alert' }, sentenceFor(e, t.loadFailed)));
    return;
  }
  box.removeAttribute('aria-busy');
  const pending = Number(status.pending) || 0;
  const rows = (status.columns || []).map((c) => [c.table, c.column, number(Number(c.pending) || 0)]);
  const button = h('button', { type: 'button', id: 'reencrypt', onclick: async () => {
    const result = await confirmAction({ id: 'reencrypt-form', title: t.confirmTitle, text: t.confirmText, confirmText: t.reencrypt,
      cancelText: t.cancel, onConfirm: () => api('POST', '/api/v1/admin/data-key/reencrypt', {}) });
    if (!result || result === true) return;
    flash(result.failed > 0 ? `${t.done(result)} ${t.failed(result.failed)}` : t.done(result), result.failed > 0 ? 'error' : 'ok');
    await dataKeys(box);
    const again = document.getElementById('reencrypt');
    if (again) again.focus();
  } }, t.reencrypt);
  box.replaceChildren(
    h('p', {}, t.intro),
    h('dl', { class: 'key-facts', id: 'data-key-facts' },
      h('dt', {}, t.keyId), h('dd', {}, h('code', { class: 'key-id', 'aria-describedby': 'key-id-hint' }, status.keyId),
        h('span', { class: 'muted', id: 'key-id-hint' }, ` ${t.keyIdHint}`)),
      h('dt', {}, t.previous), h('dd', {}, status.previousKeyConfigured ? t.previousSet : t.previousUnset),
      h('dt', {}, t.pending), h('dd', {}, h('span', { id: 'data-key-pending', role: 'status' }, pending === 0 ? t.pendingNone : t.pendingSome(pending)))),
    h('p', {}, button),
    dataTable([t.table, t.column, t.count], rows, { id: 'data-key-columns', caption: t.columnsCaption, captionVisible: true }));
}
