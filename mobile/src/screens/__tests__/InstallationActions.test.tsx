import React from 'react';
import { fireEvent, screen, waitFor } from '@testing-library/react-native';
import { ApiError } from '../../api/errors';
import type { Installation } from '../../api/homeownerApi';
import type { Api } from '../../api/client';
import { OrderScreen } from '../OrderScreen';
import { renderScreen } from '../../test/render';
import { installation, order } from '../../test/fixtures';

const proposal = (overrides: Partial<NonNullable<Installation['scheduling']>['openProposal']> = {}) => ({
  id: 'pr1',
  start: '2027-01-12T08:00:00Z',
  end: '2027-01-12T14:00:00Z',
  proposedBy: 'INSTALLER' as const,
  status: 'OPEN' as const,
  createdAt: '2026-12-02T10:00:00Z',
  ...overrides,
});
const negotiating = (overrides: Partial<Installation> = {}) =>
  installation({ scheduling: { openProposal: proposal(), proposalsLeft: 5, history: [] }, ...overrides });
const scheduled = installation({
  status: 'SCHEDULED',
  appointment: { start: '2027-01-12T08:00:00Z', end: '2027-01-12T14:00:00Z', agreedAt: '2026-12-02T11:00:00Z', timeZone: 'Europe/Berlin', rescheduleUntil: '2027-01-10T08:00:00Z' },
  scheduling: { openProposal: null, proposalsLeft: 6, history: [] },
});
const report = {
  checklist: { panelsMounted: true, inverterConnected: true, systemCommissioned: true, gridDocumentsHandedOver: true },
  serialNumbers: ['SN-1', 'SN-2'],
  notes: 'Inverter in the basement.',
  photos: [{ photoId: 'ph1', url: '/api/v1/installations/j1/photos/ph1', contentType: 'image/jpeg', bytes: 100, width: 10, height: 10, uploadedAt: '2027-01-12T13:00:00Z' }],
  submittedAt: '2027-01-12T13:30:00Z',
};
const awaiting = installation({ ...scheduled, status: 'AWAITING_CONFIRMATION', report, confirmBy: '2027-01-19T13:30:00Z' });
const completed = installation({ ...awaiting, status: 'COMPLETED', completedAt: '2027-01-13T10:00:00Z', confirmBy: null });

function show(inst: Installation, api: Partial<Api> = {}, language: 'en' | 'de' = 'en') {
  return renderScreen(<OrderScreen orderId="ord1" />, {
    language,
    api: { order: () => Promise.resolve(order()), installation: jest.fn(() => Promise.resolve(inst)), photo: () => Promise.resolve('data:image/jpeg;base64,AAAA'), ...api },
  });
}

describe('appointment', () => {
  test('empty: no installer yet, no actions', async () => {
    show(installation({ installer: null, status: 'DISPATCHING' }));
    await screen.findByTestId('order-status');
    expect(screen.queryByTestId('installation-actions')).toBeNull();
  });

  test('accept the installer’s open proposal', async () => {
    const acceptProposal = jest.fn(() => Promise.resolve(scheduled));
    show(negotiating(), { acceptProposal });
    expect(await screen.findByTestId('open-proposal')).toHaveTextContent(/Your installer proposes/);
    fireEvent.press(screen.getByTestId('accept-proposal'));
    expect(await screen.findByTestId('action-notice')).toHaveTextContent('Appointment agreed.');
    expect(acceptProposal).toHaveBeenCalledWith('j1', 'pr1');
    expect(screen.getByTestId('agreed-appointment')).toBeTruthy();
  });

  test('accepting a superseded proposal: the sentence (en and de)', async () => {
    show(negotiating(), { acceptProposal: () => Promise.reject(new ApiError(409, 'proposal_closed')) }, 'de');
    fireEvent.press(await screen.findByTestId('accept-proposal'));
    expect(await screen.findByTestId('action-error')).toHaveTextContent('Dieser Vorschlag ist nicht mehr offen. Aktualisieren Sie, um den neuesten zu sehen.');
  });

  test('propose another slot with the chip picker', async () => {
    const propose = jest.fn(() => Promise.resolve(negotiating({ scheduling: { openProposal: proposal({ id: 'pr2', proposedBy: 'CUSTOMER' }), proposalsLeft: 4, history: [] } })));
    show(negotiating(), { propose });
    fireEvent.press(await screen.findByTestId('propose-submit'));
    expect(await screen.findByTestId('action-error')).toHaveTextContent('Choose a day, a start time and a duration.');
    fireEvent.press(screen.getByTestId('propose-day-2027-01-14'));
    fireEvent.press(screen.getByTestId('propose-hour-9'));
    fireEvent.press(screen.getByTestId('propose-duration-4'));
    expect(screen.getByTestId('propose-hour-9').props.accessibilityState).toMatchObject({ checked: true });
    expect(screen.getByTestId('propose-hour-10').props.accessibilityState).toMatchObject({ checked: false });
    fireEvent.press(screen.getByTestId('propose-submit'));
    // 09:00 in Potsdam (the installation's zone, from the country DE) is 08:00 UTC in January
    const start = '2027-01-14T08:00:00.000Z';
    const end = '2027-01-14T12:00:00.000Z';
    await waitFor(() => expect(propose).toHaveBeenCalledWith('j1', start, end));
    expect(await screen.findByTestId('own-proposal')).toHaveTextContent(/Waiting for your installer/);
  });

  test('a slot outside the window: the sentence', async () => {
    show(negotiating(), { propose: () => Promise.reject(new ApiError(400, 'outside_window')) });
    fireEvent.press(await screen.findByTestId('propose-day-2027-01-14'));
    fireEvent.press(screen.getByTestId('propose-hour-9'));
    fireEvent.press(screen.getByTestId('propose-duration-2'));
    fireEvent.press(screen.getByTestId('propose-submit'));
    expect(await screen.findByTestId('action-error')).toHaveTextContent('That time is outside your installation window.');
  });

  test('no proposals left', async () => {
    show(negotiating({ scheduling: { openProposal: null, proposalsLeft: 0, history: [] } }));
    expect(await screen.findByTestId('no-proposals-left')).toBeTruthy();
    expect(screen.queryByTestId('propose-form')).toBeNull();
  });

  test('move the appointment with a reason; too late → sentence', async () => {
    show(scheduled, { reschedule: () => Promise.reject(new ApiError(409, 'reschedule_too_late')) });
    fireEvent.press(await screen.findByTestId('reschedule'));
    fireEvent.changeText(screen.getByTestId('reschedule-reason'), 'We are away that week, sorry.');
    fireEvent.press(screen.getByTestId('reschedule-submit'));
    expect(await screen.findByTestId('action-error')).toHaveTextContent('The appointment can only be moved until 48 hours before it starts.');
  });
});

describe('completion report', () => {
  test('checklist, serials, notes, photo fetched with the token', async () => {
    const photo = jest.fn(() => Promise.resolve('data:image/jpeg;base64,AAAA'));
    show(awaiting, { photo });
    const card = await screen.findByTestId('completion-report');
    expect(card).toHaveTextContent(/Panels mounted/);
    expect(screen.getByTestId('report-serials')).toHaveTextContent('SN-1, SN-2');
    expect(screen.getByTestId('report-notes')).toHaveTextContent('Inverter in the basement.');
    expect(await screen.findByLabelText('Photo 1 of the installation')).toBeTruthy();
    expect(photo).toHaveBeenCalledWith('j1', 'ph1');
    expect(screen.getByTestId('confirm-by')).toHaveTextContent(/Confirmed automatically/);
  });

  test('a photo that fails to load says so', async () => {
    show(awaiting, { photo: () => Promise.reject(new ApiError(404, 'not_found')) });
    expect(await screen.findByText('This photo could not be loaded.')).toBeTruthy();
  });

  test('confirm installation after the confirmation dialog', async () => {
    const confirmInstallation = jest.fn(() => Promise.resolve(completed));
    show(awaiting, { confirmInstallation });
    fireEvent.press(await screen.findByTestId('confirm-installation'));
    expect(screen.getByTestId('confirm-dialog')).toHaveTextContent(/Is everything installed and working/);
    expect(confirmInstallation).not.toHaveBeenCalled();
    fireEvent.press(screen.getByTestId('confirm-installation-yes'));
    expect(await screen.findByTestId('action-notice')).toHaveTextContent('Thank you. The installation is confirmed.');
    expect(confirmInstallation).toHaveBeenCalledWith('j1');
    expect(screen.getByTestId('review-form')).toBeTruthy();
  });

  test('report a problem: a reason is required', async () => {
    const dispute = jest.fn(() => Promise.resolve(installation({ ...awaiting, status: 'DISPUTED', dispute: { reason: 'Inverter shows error 42.', disputedAt: '2027-01-13T10:00:00Z', resolution: null } })));
    show(awaiting, { dispute });
    fireEvent.press(await screen.findByTestId('dispute'));
    fireEvent.changeText(screen.getByTestId('dispute-reason'), 'broken');
    fireEvent.press(screen.getByTestId('dispute-submit'));
    expect(await screen.findByTestId('action-error')).toHaveTextContent('Please give a reason (at least 10 characters).');
    expect(dispute).not.toHaveBeenCalled();
    fireEvent.changeText(screen.getByTestId('dispute-reason'), 'Inverter shows error 42.');
    fireEvent.press(screen.getByTestId('dispute-submit'));
    expect(await screen.findByTestId('dispute-shown')).toHaveTextContent('You reported: Inverter shows error 42.');
    expect(dispute).toHaveBeenCalledWith('j1', 'Inverter shows error 42.');
  });

  test('confirming twice (status changed): the sentence', async () => {
    show(awaiting, { confirmInstallation: () => Promise.reject(new ApiError(409, 'invalid_state')) });
    fireEvent.press(await screen.findByTestId('confirm-installation'));
    fireEvent.press(screen.getByTestId('confirm-installation-yes'));
    expect(await screen.findByTestId('action-error')).toHaveTextContent(/no longer possible/);
  });
});

describe('review', () => {
  test('1–5 stars as radio buttons, comment, send', async () => {
    const review = jest.fn(() => Promise.resolve({ jobId: 'j1', rating: 4, comment: 'Tidy work', createdAt: '2027-01-14T10:00:00Z' }));
    show(completed, { review });
    fireEvent.press(await screen.findByTestId('review-submit'));
    expect(await screen.findByTestId('action-error')).toHaveTextContent('Choose 1 to 5 stars.');
    fireEvent.press(screen.getByLabelText('4 of 5 stars'));
    expect(screen.getByTestId('review-star-4').props.accessibilityState).toMatchObject({ checked: true });
    fireEvent.changeText(screen.getByTestId('review-comment'), 'Tidy work');
    fireEvent.press(screen.getByTestId('review-submit'));
    expect(await screen.findByTestId('own-review')).toHaveTextContent('Your review: 4 of 5 stars');
    expect(review).toHaveBeenCalledWith('j1', 4, 'Tidy work');
    expect(screen.queryByTestId('review-form')).toBeNull();
  });

  test('already reviewed: the sentence', async () => {
    show(completed, { review: () => Promise.reject(new ApiError(409, 'already_reviewed')) });
    fireEvent.press(await screen.findByTestId('review-star-5'));
    fireEvent.press(screen.getByTestId('review-submit'));
    expect(await screen.findByTestId('action-error')).toHaveTextContent('You have already reviewed this installation.');
  });

  test('a reviewed job shows the review, no form', async () => {
    show(installation({ ...completed, reviewed: true, review: { rating: 5, comment: null, createdAt: '2027-01-14T10:00:00Z' } }));
    expect(await screen.findByTestId('own-review')).toHaveTextContent(/5 of 5 stars/);
    expect(screen.queryByTestId('review-form')).toBeNull();
  });
});
