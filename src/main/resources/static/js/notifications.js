// The inbox page and the notification settings (category x channel, and push on this device).
import { h, mount, flash, when, locale } from './dom.js';
import { api } from './api.js';
import { notifyText, errorText } from './texts.js';
import { formatAgo } from './format.js';
import { onInboxChange, openNotification, markRead, safeLink, setUnread, poll, clearToasts } from './inbox.js';
import { pushSupported, pushEnabled, enablePush, disablePush, sendTestPush } from './push.js';

const PAGE_SIZE = 20;
const CATEGORIES = ['SECURITY', 'ORDERS', 'INSTALLATION', 'REVIEWS', 'OFFERS', 'INSTALLER', 'ADMIN'];
const CHANNELS = ['EMAIL', 'IN_APP', 'PUSH'];

/** "5 minutes ago" next to the exact date and time (without seconds), in a <time> element. */
function timeOf(iso) {
  const t = notifyText();
  const seconds = Math.abs(Date.now() - new Date(iso).getTime()) / 1000;
  const relative = seconds < 60 ? t.justNow : formatAgo(iso, locale());
  return h('time', { datetime: iso, class: 'muted' }, [relative, when(iso)].filter(Boolean).join(' · '));
}

let counter = 0;

function itemView(n, onRead) {
  const t = notifyText();
  const id = `notification-${++counter}`;
  const link = safeLink(n.link);
  const state = h('span', { class: 'visually-hidden notification-state' });
  const title = link
    ? h('a', { href: link, class: 'notification-open', onclick: async (event) => {
      event.preventDefault();
      try { await openNotification(n); } catch (e) { flash(e.message, 'error'); }
    } }, n.title)
    : h('span', { class: 'notification-open', tabindex: '-1' }, n.title);
  const li = h('li', { class: 'notification', tabindex: '-1', dataset: { id: n.id, kind: n.kind } },
    h('h2', { id }, state, title),
    n.body ? h('p', { class: 'notification-body' }, n.body) : null,
    h('p', { class: 'notification-time' }, timeOf(n.createdAt)));
  const showState = () => {
    const unread = !n.readAt;
    li.classList.toggle('unread', unread);
    state.textContent = `${unread ? t.unread : t.read}: `;
  };
  showState();
  if (!n.readAt) {
    const button = h('button', { type: 'button', class: 'secondary mark-read', 'aria-describedby': id, onclick: async () => {
      button.disabled = true;
      try {
        await markRead(n);
        n.readAt = n.readAt || new Date().toISOString();
        showState();
        button.remove();
        title.focus();
        onRead();
      } catch (e) {
        button.disabled = false;
        flash(e.message, 'error');
      }
    } }, t.markRead);
    li.append(button);
  }
  return li;
}

export async function page() {
  const t = notifyText();
  // The list shows everything the toasts announced.
  clearToasts();
  const listEl = h('ul', { class: 'notification-list', id: 'notification-list', 'aria-labelledby': 'notifications-title' });
  const summary = h('p', { class: 'muted', id: 'notification-summary' });
  const more = h('button', { type: 'button', class: 'secondary', id: 'load-more', hidden: true }, t.loadMore);
  const markAll = h('button', { type: 'button', id: 'mark-all-read', class: 'secondary' }, t.markAllRead);
  mount(h('h1', { id: 'notifications-title' }, t.title),
    h('div', { class: 'tabs centered' }, markAll, h('a', { href: '#/settings/notifications', id: 'notification-settings-link' }, t.settingsLink)),
    summary, listEl, more);

  let nextPage = 0;
  let shown = 0;
  let total = 0;
  let unread = 0;

  const describe = () => {
    summary.textContent = total === 0 ? '' : t.shown(shown, total);
    more.hidden = shown >= total;
    markAll.disabled = unread === 0;
  };

  async function load(reset) {
    if (reset) {
      nextPage = 0;
      shown = 0;
    }
    const data = await api('GET', `/api/v1/me/notifications?page=${nextPage}&size=${PAGE_SIZE}`);
    total = data.totalItems;
    unread = data.unreadCount;
    setUnread(unread);
    const views = data.items.map((n) => itemView(n, () => { unread = Math.max(0, unread - 1); describe(); }));
    if (reset) listEl.replaceChildren(...views);
    else listEl.append(...views);
    nextPage += 1;
    shown += data.items.length;
    if (total === 0) {
      listEl.replaceChildren(h('li', { class: 'muted', id: 'notifications-empty' }, t.empty));
    }
    describe();
    return views;
  }

  more.addEventListener('click', async () => {
    more.disabled = true;
    try {
      const added = await load(false);
      // The first new item takes the focus, so keyboard and screen reader users continue where the list grew.
      if (added.length) added[0].focus();
    } catch (e) {
      flash(e.message || t.loadFailed, 'error');
    } finally {
      more.disabled = false;
    }
  });

  markAll.addEventListener('click', async () => {
    markAll.disabled = true;
    try {
      await api('POST', '/api/v1/me/notifications/read-all');
      setUnread(0);
      clearToasts();
      await load(true);
      flash(t.allRead);
      poll();
    } catch (e) {
      flash(e.message, 'error');
      markAll.disabled = false;
    }
  });

  // New items while the page is open come in at the top, unless the user is busy inside the list.
  const unsubscribe = onInboxChange((data, fresh) => {
    if (!document.body.contains(listEl)) {
      unsubscribe();
      return;
    }
    if (fresh.length && !listEl.contains(document.activeElement)) load(true).catch(() => {});
  });

  listEl.replaceChildren(h('li', { class: 'muted' }, t.loading));
  try {
    await load(true);
  } catch (e) {
    listEl.replaceChildren(h('li', { class: 'error' }, t.loadFailed));
  }
}

function preferenceTable(preferences, t) {
  const byKey = new Map(preferences.map((p) => [`${p.category}:${p.channel}`, p]));
  const present = CATEGORIES.filter((c) => preferences.some((p) => p.category === c));
  preferences.forEach((p) => { if (!present.includes(p.category)) present.push(p.category); });
  const boxes = [];
  const rows = present.map((category) => {
    // A category this client does not know yet still shows, under a general name, rather than vanishing.
    const [name, explanation] = t.categories[category] || [t.otherCategory, ''];
    const nameId = `pref-${category}`;
    return h('tr', { dataset: { category } },
      h('th', { scope: 'row', id: nameId }, h('span', { class: 'pref-name' }, name),
        explanation ? h('span', { class: 'pref-explanation muted' }, explanation) : null),
      ...CHANNELS.map((channel) => {
        const p = byKey.get(`${category}:${channel}`);
        if (!p) return h('td', { dataset: { label: t.channels[channel] } });
        const id = `pref-${category}-${channel}`;
        const input = h('input', { type: 'checkbox', id, name: id, checked: !!p.enabled || !!p.locked, disabled: !!p.locked,
          'aria-describedby': p.locked ? 'pref-locked-note' : undefined, dataset: { category, channel } });
        boxes.push({ input, pref: p });
        return h('td', { dataset: { channel, label: t.channels[channel] } }, h('label', { for: id, class: 'visually-hidden' }, t.cell(name, t.channels[channel])),
          input, p.locked ? h('span', { class: 'pref-locked muted', 'aria-hidden': 'true' }, t.locked) : null);
      }));
  });
  // On a phone each kind of news becomes a card with its channels below it (table.stack).
  const table = h('table', { class: 'prefs stack', id: 'preferences' },
    h('caption', { class: 'visually-hidden' }, t.settingsTitle),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t.category),
      ...CHANNELS.map((c) => h('th', { scope: 'col' }, t.channels[c])))),
    h('tbody', {}, ...rows));
  return { table, boxes };
}

export async function settings() {
  const t = notifyText();
  const area = h('div', { id: 'preferences-area' });
  const push = h('section', { id: 'push', 'aria-labelledby': 'push-title' });
  mount(h('p', {}, h('a', { href: '#/notifications' }, t.back)), h('h1', {}, t.settingsTitle),
    h('p', {}, t.settingsIntro), area, push);
  renderPush(push);
  area.replaceChildren(h('p', { class: 'muted' }, t.loading));
  let data;
  try {
    data = await api('GET', '/api/v1/me/notification-preferences');
  } catch (e) {
    area.replaceChildren(h('p', { class: 'error' }, t.loadFailed));
    return;
  }
  renderPreferences(area, data.preferences || []);
}

function renderPreferences(area, preferences) {
  const t = notifyText();
  const { table, boxes } = preferenceTable(preferences, t);
  const problem = h('p', { class: 'error', role: 'alert', id: 'preferences-error' });
  const save = h('button', { type: 'submit', id: 'save-preferences' }, t.save);
  const form = h('form', { id: 'preferences-form', class: 'prefs-form', novalidate: true },
    h('div', { class: 'table-scroll' }, table),
    preferences.some((p) => p.locked) ? h('p', { class: 'muted', id: 'pref-locked-note' }, t.lockedNote) : null,
    problem, h('div', {}, save));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    problem.textContent = '';
    const changed = boxes.filter(({ input, pref }) => !pref.locked && input.checked !== !!pref.enabled)
      .map(({ input, pref }) => ({ category: pref.category, channel: pref.channel, enabled: input.checked }));
    if (changed.length === 0) {
      flash(t.nothingChanged);
      return;
    }
    save.disabled = true;
    try {
      const result = await api('PUT', '/api/v1/me/notification-preferences', { preferences: changed });
      renderPreferences(area, result.preferences || []);
      flash(t.saved);
      const again = document.getElementById('save-preferences');
      if (again) again.focus();
    } catch (e) {
      problem.textContent = e.message;
      save.disabled = false;
    }
  });
  area.replaceChildren(form);
}

async function renderPush(box) {
  const t = notifyText();
  const status = h('p', { id: 'push-status' });
  const result = h('p', { id: 'push-result', role: 'status' });
  const actions = h('div', { class: 'tabs' });
  box.replaceChildren(h('h2', { id: 'push-title' }, t.pushTitle), h('p', { class: 'muted' }, t.pushIntro), status, actions, result);
  if (!pushSupported()) {
    status.textContent = t.pushUnsupported;
    return;
  }
  const run = (button, work) => async () => {
    button.disabled = true;
    result.textContent = '';
    try {
      result.textContent = await work();
    } catch (e) {
      result.textContent = (e && e.code && errorText(e.code)) || t.pushError;
    } finally {
      button.disabled = false;
    }
  };
  const show = async () => {
    let on = false;
    try { on = await pushEnabled(); } catch { on = false; }
    status.textContent = on ? t.pushOn : t.pushOff;
    if (on) {
      const off = h('button', { type: 'button', class: 'secondary', id: 'push-disable' }, t.pushDisable);
      off.addEventListener('click', run(off, async () => {
        const outcome = await disablePush();
        await show();
        return outcome === 'unsupported' ? t.pushUnsupported : t.pushDisabled;
      }));
      const test = h('button', { type: 'button', class: 'secondary', id: 'push-test' }, t.pushTest);
      test.addEventListener('click', run(test, async () => {
        const outcome = await sendTestPush();
        if (outcome === 'sent') return t.pushTestSent;
        if (outcome === 'not_enabled') { await show(); return t.pushOff; }
        return outcome === 'unsupported' ? t.pushUnsupported : t.pushTestFailed;
      }));
      actions.replaceChildren(test, off);
    } else {
      const enable = h('button', { type: 'button', id: 'push-enable' }, t.pushEnable);
      enable.addEventListener('click', run(enable, async () => {
        const outcome = await enablePush();
        await show();
        const known = { enabled: t.pushGranted, granted: t.pushGranted, denied: t.pushDenied, dismissed: t.pushDismissed,
          unsupported: t.pushUnsupported, not_configured: t.pushNotConfigured };
        // Anything else is a server's problem code (e.g. too many devices), worded in texts.js.
        return known[outcome] || errorText(outcome) || t.pushError;
      }));
      actions.replaceChildren(enable);
    }
  };
  await show();
}
