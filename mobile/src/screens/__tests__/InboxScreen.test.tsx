import React from 'react';
import { act, fireEvent, screen, waitFor } from '@testing-library/react-native';
import { ApiError } from '../../api/errors';
import type { InboxEntry, InboxResponse } from '../../api/homeownerApi';
import { InboxScreen } from '../InboxScreen';
import { AccountScreen } from '../AccountScreen';
import { routeForDeepLink } from '../../core/AccountStack';
import { deferred, renderScreen } from '../../test/render';
import { me, sessions } from '../../test/fixtures';

const entry = (overrides: Partial<InboxEntry> = {}): InboxEntry => ({
  id: 'n1',
  kind: 'APPOINTMENT_PROPOSED',
  category: 'INSTALLATION',
  title: 'Your installer proposed an appointment',
  body: 'Tue 12 Jan, 09:00–15:00',
  link: '/#/orders/ord1',
  createdAt: '2026-12-02T10:00:00Z',
  readAt: null,
  ...overrides,
});
const inbox = (items: InboxEntry[]): InboxResponse => ({ items, page: 0, size: 50, totalItems: items.length, unreadCount: items.filter((e) => !e.readAt).length });
const answer = (items: InboxEntry[]) => () => Promise.resolve({ inbox: inbox(items), etag: 'W/"1"' });

describe('InboxScreen', () => {
  test('loading', () => {
    renderScreen(<InboxScreen />, { api: { inbox: () => deferred<never>().promise } });
    expect(screen.getByTestId('loading')).toBeTruthy();
    expect(screen.getByRole('header', { name: 'Notifications' })).toBeTruthy();
  });

  test('error: the sentence', async () => {
    renderScreen(<InboxScreen />, { api: { inbox: () => Promise.reject(new ApiError(429, 'rate_limited')) } });
    expect(await screen.findByTestId('form-error')).toHaveTextContent('Too many requests. Wait a moment and try again.');
  });

  test('empty', async () => {
    renderScreen(<InboxScreen />, { api: { inbox: answer([]) } });
    expect(await screen.findByTestId('empty-state')).toHaveTextContent('No notifications yet.');
    expect(screen.queryByTestId('mark-all-read')).toBeNull();
  });

  test('success: title, body, time, unread marker; opening marks read and opens the link', async () => {
    const markRead = jest.fn(() => Promise.resolve());
    const onOpenLink = jest.fn();
    renderScreen(<InboxScreen onOpenLink={onOpenLink} />, { api: { inbox: answer([entry(), entry({ id: 'n2', title: 'Payment received', link: null, readAt: '2026-12-01T10:00:00Z' })]), markRead } });
    const first = await screen.findByTestId('inbox-entry-n1');
    expect(first).toHaveTextContent(/Your installer proposed an appointment/);
    expect(first).toHaveTextContent(/Tue 12 Jan/);
    expect(screen.getByTestId('unread-n1')).toHaveTextContent(/Unread/);
    expect(screen.queryByTestId('unread-n2')).toBeNull();
    expect(screen.getByLabelText(/^Unread: Your installer proposed an appointment\./)).toBeTruthy();
    fireEvent.press(first);
    await waitFor(() => expect(screen.queryByTestId('unread-n1')).toBeNull());
    expect(markRead).toHaveBeenCalledWith('n1');
    expect(onOpenLink).toHaveBeenCalledWith('/#/orders/ord1');
    // a read entry without a link: no call, nothing opened
    fireEvent.press(screen.getByTestId('inbox-entry-n2'));
    expect(markRead).toHaveBeenCalledTimes(1);
    expect(onOpenLink).toHaveBeenCalledTimes(1);
  });

  test('mark all read', async () => {
    const markAllRead = jest.fn(() => Promise.resolve());
    renderScreen(<InboxScreen />, { api: { inbox: answer([entry(), entry({ id: 'n2' })]), markAllRead } });
    fireEvent.press(await screen.findByTestId('mark-all-read'));
    await waitFor(() => expect(screen.queryByTestId('unread-n2')).toBeNull());
    expect(screen.queryByTestId('unread-n1')).toBeNull();
    expect(markAllRead).toHaveBeenCalled();
    expect(screen.queryByTestId('mark-all-read')).toBeNull();
  });

  test('mark read that fails: the sentence (German), the entry stays unread', async () => {
    renderScreen(<InboxScreen />, { language: 'de', api: { inbox: answer([entry()]), markRead: () => Promise.reject(new ApiError(404, 'not_found')) } });
    fireEvent.press(await screen.findByTestId('inbox-entry-n1'));
    expect(await screen.findByTestId('form-error')).toHaveTextContent('Nicht gefunden. Es wurde vielleicht entfernt.');
    expect(screen.getByTestId('unread-n1')).toHaveTextContent(/Ungelesen/);
  });

  test('polls with the ETag every 30 s; 304 keeps the list', async () => {
    jest.useFakeTimers();
    try {
      let polls = 0;
      const inboxFn = jest.fn((etag?: string | null): Promise<{ inbox: InboxResponse; etag: string | null } | null> => {
        if (!etag) return Promise.resolve({ inbox: inbox([entry()]), etag: 'W/"1"' });
        polls += 1;
        return Promise.resolve(polls > 1 ? { inbox: inbox([entry({ id: 'n9', title: 'New' })]), etag: 'W/"2"' } : null);
      });
      renderScreen(<InboxScreen />, { api: { inbox: inboxFn } });
      await screen.findByTestId('inbox-entry-n1');
      await act(async () => {
        jest.advanceTimersByTime(30_000);
      });
      expect(inboxFn).toHaveBeenLastCalledWith('W/"1"');
      expect(screen.getByTestId('inbox-entry-n1')).toBeTruthy();
      await act(async () => {
        jest.advanceTimersByTime(30_000);
      });
      expect(await screen.findByTestId('inbox-entry-n9')).toBeTruthy();
    } finally {
      jest.useRealTimers();
    }
  });
});

test('the account screen opens the inbox; the unread count is in the button’s label', async () => {
  const onOpenInbox = jest.fn();
  renderScreen(<AccountScreen onOpenInbox={onOpenInbox} />, {
    api: { me: () => Promise.resolve(me), sessions: () => Promise.resolve(sessions), inbox: answer([entry(), entry({ id: 'n2' })]) },
  });
  expect(await screen.findByLabelText('Notifications, 2 unread')).toBeTruthy();
  fireEvent.press(screen.getByTestId('open-inbox'));
  expect(onOpenInbox).toHaveBeenCalled();
});

test('inbox links open the app’s screens', () => {
  expect(routeForDeepLink('sundispatch://orders/ord1')).toEqual({ tab: 'OrdersTab', screen: 'Order', params: { orderId: 'ord1' } });
  expect(routeForDeepLink('sundispatchpro://offers/o1')).toEqual({ tab: 'OffersTab', screen: 'Offer', params: { offerId: 'o1' } });
  expect(routeForDeepLink('sundispatchpro://jobs')).toEqual({ tab: 'JobsTab', screen: 'JobsList' });
  expect(routeForDeepLink('sundispatchpro://jobs/j-42')).toEqual({ tab: 'JobsTab', screen: 'Job', params: { jobId: 'j-42' } });
  expect(routeForDeepLink('sundispatch://elsewhere')).toBeNull();
});
