import React from 'react';
import { fireEvent, screen, waitFor, within } from '@testing-library/react-native';
import { ApiError } from '../../api/errors';
import { OrderScreen } from '../OrderScreen';
import { buildTimeline } from '../timeline';
import { deferred, renderScreen } from '../../test/render';
import { installation, installerProfile, order, page } from '../../test/fixtures';
import { AppNavigation } from '../../core/Navigation';

describe('OrderScreen', () => {
  test('loading', () => {
    renderScreen(<OrderScreen orderId="ord1" />, { api: { order: () => deferred<never>().promise, installation: () => deferred<never>().promise } });
    expect(screen.getByTestId('loading')).toBeTruthy();
    expect(screen.getByRole('header', { name: 'Order' })).toBeTruthy();
  });

  test('error: another customer’s order is 404', async () => {
    renderScreen(<OrderScreen orderId="x" />, {
      api: { order: () => Promise.reject(new ApiError(404, 'not_found')), installation: () => Promise.resolve(null) },
    });
    expect(await screen.findByTestId('form-error')).toHaveTextContent('This was not found. It may have been removed.');
  });

  test('empty: a paid order without an installer yet', async () => {
    renderScreen(<OrderScreen orderId="ord1" />, {
      api: { order: () => Promise.resolve(order({ status: 'PAID' })), installation: () => Promise.resolve(installation({ installer: null, status: 'DISPATCHING', assignedAt: null })) },
    });
    expect(await screen.findByTestId('order-status')).toHaveTextContent('Paid');
    expect(screen.getByText('No installer assigned yet.')).toBeTruthy();
    expect(screen.getByTestId('timeline-step-PAID')).toBeTruthy();
    expect(screen.getByTestId('timeline-step-SCHEDULED')).toBeTruthy();
  });

  test('success: status, timeline, installer with rating, total', async () => {
    renderScreen(<OrderScreen orderId="ord1" />, {
      api: { order: () => Promise.resolve(order()), installation: () => Promise.resolve(installation()) },
    });
    expect(await screen.findByTestId('order-status')).toHaveTextContent('Installer assigned');
    const timeline = screen.getByTestId('timeline');
    for (const s of ['PENDING_PAYMENT', 'PAID', 'SCHEDULED', 'INSTALLING', 'AWAITING_CONFIRMATION', 'COMPLETED']) {
      expect(within(timeline).getByTestId(`timeline-step-${s}`)).toBeTruthy();
    }
    const installer = screen.getByTestId('installer');
    expect(installer).toHaveTextContent(/Sun & Sons GmbH/);
    expect(installer).toHaveTextContent(/Max Solar/);
    expect(installer).toHaveTextContent(/4\.5 out of 5 stars/);
    expect(screen.getByTestId('order-total')).toHaveTextContent('€2,390.00');
  });
});

describe('buildTimeline', () => {
  test('marks done, current and upcoming steps with their times', () => {
    const steps = buildTimeline(order(), installation());
    expect(steps.map((s) => [s.status, s.state])).toEqual([
      ['PENDING_PAYMENT', 'done'],
      ['PAID', 'done'],
      ['SCHEDULED', 'current'],
      ['INSTALLING', 'upcoming'],
      ['AWAITING_CONFIRMATION', 'upcoming'],
      ['COMPLETED', 'upcoming'],
    ]);
    expect(steps[2].at).toBe('2026-12-01T10:00:00Z');
  });

  test('a cancelled order ends in CANCELLED after the steps it reached', () => {
    const steps = buildTimeline(order({ status: 'CANCELLED', cancelledAt: '2026-12-02T10:00:00Z' }), null);
    expect(steps.map((s) => s.status)).toEqual(['PENDING_PAYMENT', 'PAID', 'CANCELLED']);
  });

  test('a disputed order shows the dispute before completion', () => {
    const steps = buildTimeline(order({ status: 'DISPUTED' }), installation());
    expect(steps.map((s) => s.status)).toContain('DISPUTED');
    expect(steps.find((s) => s.status === 'DISPUTED')?.state).toBe('current');
  });
});

test('an installer without reviews yet is not shown as 0 stars', async () => {
  renderScreen(<OrderScreen orderId="ord1" />, {
    api: {
      order: () => Promise.resolve(order()),
      installation: () => Promise.resolve(installation({ installer: { id: 'i1', name: 'Max Solar', companyName: 'Sun & Sons GmbH', rating: 0, phone: null } })),
    },
  });
  expect(await screen.findByTestId('installer')).toHaveTextContent(/No reviews yet/);
});

test('the Back button (detail screens draw their own)', async () => {
  const onBack = jest.fn();
  renderScreen(<OrderScreen orderId="ord1" onBack={onBack} />, {
    api: { order: () => Promise.resolve(order()), installation: () => Promise.resolve(null) },
  });
  await screen.findByTestId('order-status');
  fireEvent.press(screen.getByTestId('back'));
  expect(onBack).toHaveBeenCalled();
});

describe('the installer’s public profile', () => {
  test('"View profile" opens the assigned installer’s profile', async () => {
    const onOpenInstaller = jest.fn();
    renderScreen(<OrderScreen orderId="ord1" onOpenInstaller={onOpenInstaller} />, {
      api: { order: () => Promise.resolve(order()), installation: () => Promise.resolve(installation()) },
    });
    await screen.findByTestId('installer');
    fireEvent.press(screen.getByRole('button', { name: 'View profile of Sun & Sons GmbH' }));
    expect(onOpenInstaller).toHaveBeenCalledWith('i1');
  });

  test('no "View profile" before an installer is assigned', async () => {
    renderScreen(<OrderScreen orderId="ord1" onOpenInstaller={jest.fn()} />, {
      api: { order: () => Promise.resolve(order({ status: 'PAID' })), installation: () => Promise.resolve(installation({ installer: null, status: 'DISPATCHING', assignedAt: null })) },
    });
    await screen.findByTestId('no-installer');
    expect(screen.queryByTestId('view-installer-profile')).toBeNull();
  });

  test('in the homeowner app: order → View profile → the profile screen → Back to the order', async () => {
    const installerProfileCall = jest.fn(() => Promise.resolve(installerProfile()));
    renderScreen(<AppNavigation variant="homeowner" />, {
      services: { variant: 'homeowner' },
      api: {
        orders: () => Promise.resolve(page([order()])),
        order: () => Promise.resolve(order()),
        installation: () => Promise.resolve(installation()),
        installerProfile: installerProfileCall,
      },
    });
    // The whole navigator's first render can take longer than findBy's default second on a cold CI machine
    // (seen once: the orders list still loading), as in Root.test.
    const slow = { timeout: 5000 };
    fireEvent.press(await screen.findByTestId('order-ord1', {}, slow));
    fireEvent.press(await screen.findByTestId('view-installer-profile', {}, slow));
    expect(await screen.findByTestId('profile-company', {}, slow)).toHaveTextContent('Sun & Sons GmbH');
    expect(installerProfileCall).toHaveBeenCalledWith('i1');
    fireEvent.press(screen.getByRole('button', { name: 'Back' }));
    expect(await screen.findByTestId('order-status', {}, slow)).toBeTruthy();
    await waitFor(() => expect(screen.queryByTestId('profile-company')).toBeNull(), slow);
  });
});
