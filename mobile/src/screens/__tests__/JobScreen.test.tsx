import React from 'react';
import { Linking } from 'react-native';
import * as ScreenCapture from 'expo-screen-capture';
import { fireEvent, screen, waitFor } from '@testing-library/react-native';
import { ApiError } from '../../api/errors';
import { JobScreen } from '../JobScreen';
import { deferred, renderScreen } from '../../test/render';
import { job, photo, proposal } from '../../test/installerFixtures';
import { pickPhotos } from '../../device/photoPicker';

jest.mock('../../device/photoPicker', () => ({ pickPhotos: jest.fn() }));
const pick = pickPhotos as jest.MockedFunction<typeof pickPhotos>;

const appointment = {
  start: '2027-01-14T08:00:00Z',
  end: '2027-01-14T14:00:00Z',
  agreedAt: '2026-12-02T10:00:00Z',
  timeZone: 'Europe/Berlin',
  rescheduleUntil: '2027-01-12T08:00:00Z',
};
const scheduling = (open: ReturnType<typeof proposal> | null, left = 5) => ({ openProposal: open, proposalsLeft: left, history: [] });

describe('JobScreen', () => {
  test('loading', () => {
    renderScreen(<JobScreen jobId="j1" onBack={jest.fn()} />, { api: { job: () => deferred<never>().promise } });
    expect(screen.getByTestId('loading')).toBeTruthy();
    expect(ScreenCapture.preventScreenCaptureAsync).toHaveBeenCalledWith('job');
  });

  test('error: a code becomes its sentence', async () => {
    renderScreen(<JobScreen jobId="j1" onBack={jest.fn()} />, { api: { job: () => Promise.reject(new ApiError(404, 'not_found')) } });
    expect(await screen.findByTestId('form-error')).toHaveTextContent('This was not found. It may have been removed.');
  });

  test('success: customer, call, exact address, window, no appointment yet', async () => {
    const openURL = jest.spyOn(Linking, 'openURL').mockResolvedValue(true);
    const onBack = jest.fn();
    renderScreen(<JobScreen jobId="j1" onBack={onBack} />, { api: { job: () => Promise.resolve(job()) } });
    expect(await screen.findByTestId('job-detail-address')).toHaveTextContent('Musterstraße 1, 14467 Potsdam');
    expect(screen.getByRole('header', { name: 'Job' })).toBeTruthy();
    expect(screen.getByTestId('job-status')).toHaveTextContent('Accepted');
    expect(screen.getByTestId('job-customer')).toHaveTextContent(/Anna Muster/);
    expect(screen.getByTestId('appointment')).toHaveTextContent(/No appointment agreed yet/);
    expect(screen.getByTestId('proposals-left')).toHaveTextContent('Proposals left: 6');
    fireEvent.press(screen.getByLabelText('Call the customer: +49 30 1234567'));
    await waitFor(() => expect(openURL).toHaveBeenCalledWith('tel:+49301234567'));
    fireEvent.press(screen.getByTestId('back'));
    expect(onBack).toHaveBeenCalled();
  });

  test('propose: day, start and duration chips in the site time zone → POST proposals', async () => {
    const jobPropose = jest.fn().mockResolvedValue(job({ scheduling: scheduling(proposal({ id: 'pr2', proposedBy: 'INSTALLER', start: '2027-01-12T08:00:00Z', end: '2027-01-12T12:00:00Z' })) }));
    renderScreen(<JobScreen jobId="j1" onBack={jest.fn()} />, { api: { job: () => Promise.resolve(job()), jobPropose } });
    fireEvent.press(await screen.findByTestId('propose'));
    expect(screen.getByTestId('form-error')).toHaveTextContent('Choose a day, a start time and a duration.');
    fireEvent.press(screen.getByTestId('slot-day-2027-01-12'));
    fireEvent.press(screen.getByTestId('slot-hour-9'));
    fireEvent.press(screen.getByTestId('slot-duration-4'));
    fireEvent.press(screen.getByTestId('propose'));
    await waitFor(() => expect(jobPropose).toHaveBeenCalledWith('j1', { start: '2027-01-12T08:00:00.000Z', end: '2027-01-12T12:00:00.000Z' }));
    expect(await screen.findByTestId('notice')).toHaveTextContent(/^Proposal sent\./);
    expect(screen.getByTestId('open-proposal')).toHaveTextContent(/You proposed .* Waiting for the customer/);
  });

  test('propose: the server refusing becomes a sentence (too_many_proposals)', async () => {
    const jobPropose = jest.fn().mockRejectedValue(new ApiError(409, 'too_many_proposals'));
    renderScreen(<JobScreen jobId="j1" onBack={jest.fn()} />, { api: { job: () => Promise.resolve(job()), jobPropose } });
    fireEvent.press(await screen.findByTestId('slot-day-2027-01-15'));
    fireEvent.press(screen.getByTestId('slot-hour-8'));
    fireEvent.press(screen.getByTestId('slot-duration-8'));
    fireEvent.press(screen.getByTestId('propose'));
    expect(await screen.findByTestId('form-error')).toHaveTextContent('No proposals left. Please call the customer to agree on a time.');
  });

  test('accept the customer’s open proposal → the agreed appointment', async () => {
    const jobAcceptProposal = jest.fn().mockResolvedValue(job({ status: 'SCHEDULED', appointment, scheduling: scheduling(null) }));
    renderScreen(<JobScreen jobId="j1" onBack={jest.fn()} />, {
      api: { job: () => Promise.resolve(job({ scheduling: scheduling(proposal()) })), jobAcceptProposal },
    });
    expect(await screen.findByTestId('open-proposal')).toHaveTextContent(/The customer proposes/);
    fireEvent.press(screen.getByTestId('accept-proposal-pr1'));
    await waitFor(() => expect(jobAcceptProposal).toHaveBeenCalledWith('j1', 'pr1'));
    expect(await screen.findByTestId('appointment-agreed')).toHaveTextContent(/Agreed: 14 Jan 2027, 09:00 – 15:00/);
    expect(screen.getByTestId('job-status')).toHaveTextContent('Scheduled');
    expect(screen.getByTestId('notice')).toHaveTextContent('Appointment agreed.');
  });

  test('reschedule needs a reason; a late one becomes the 48 h sentence', async () => {
    const jobReschedule = jest.fn().mockRejectedValue(new ApiError(409, 'reschedule_too_late'));
    renderScreen(<JobScreen jobId="j1" onBack={jest.fn()} />, {
      api: { job: () => Promise.resolve(job({ status: 'SCHEDULED', appointment })), jobReschedule },
    });
    fireEvent.press(await screen.findByTestId('reschedule'));
    expect(screen.getByTestId('form-error')).toHaveTextContent('Give a reason for rescheduling.');
    fireEvent.changeText(screen.getByTestId('reschedule-reason'), 'Van broke down');
    fireEvent.press(screen.getByTestId('reschedule'));
    await waitFor(() => expect(jobReschedule).toHaveBeenCalledWith('j1', 'Van broke down'));
    expect(await screen.findByText('Rescheduling is no longer possible: less than 48 hours to go.')).toBeTruthy();
  });

  test('start: not the appointment day → its sentence; on the day → in progress with the report form', async () => {
    const jobStart = jest
      .fn()
      .mockRejectedValueOnce(new ApiError(409, 'not_appointment_day'))
      .mockResolvedValueOnce(job({ status: 'IN_PROGRESS', appointment }));
    renderScreen(<JobScreen jobId="j1" onBack={jest.fn()} />, {
      api: { job: () => Promise.resolve(job({ status: 'SCHEDULED', appointment, canStart: true })), jobStart },
    });
    fireEvent.press(await screen.findByTestId('start-job'));
    expect(await screen.findByTestId('form-error')).toHaveTextContent('You can only start the job on the appointment day.');
    fireEvent.press(screen.getByTestId('start-job'));
    expect(await screen.findByTestId('report-form')).toBeTruthy();
    expect(screen.getByTestId('job-status')).toHaveTextContent('In progress');
  });

  describe('completion report', () => {
    const inProgress = () => job({ status: 'IN_PROGRESS', appointment, panelCount: 2 });

    test('a photo is picked, uploaded and removable', async () => {
      pick.mockResolvedValueOnce({ status: 'picked', photos: [{ uri: 'file:///a.jpg', name: 'a.jpg', type: 'image/jpeg', size: 2000 }] });
      const jobUploadPhoto = jest.fn().mockResolvedValue(photo({ photoId: 'ph9' }));
      const jobDeletePhoto = jest.fn().mockResolvedValue(undefined);
      renderScreen(<JobScreen jobId="j1" onBack={jest.fn()} />, {
        api: { job: () => Promise.resolve(inProgress()), jobUploadPhoto, jobDeletePhoto },
      });
      fireEvent.press(await screen.findByTestId('photo-library'));
      expect(await screen.findByTestId('photo-ph9')).toBeTruthy();
      expect(jobUploadPhoto).toHaveBeenCalledWith('j1', expect.objectContaining({ uri: 'file:///a.jpg', name: 'a.jpg', type: 'image/jpeg' }));
      expect(screen.getByTestId('notice')).toHaveTextContent('Photo added.');
      expect(pick).toHaveBeenCalledWith('library', 10);
      fireEvent.press(screen.getByLabelText('Remove photo 1'));
      await waitFor(() => expect(jobDeletePhoto).toHaveBeenCalledWith('j1', 'ph9'));
      await waitFor(() => expect(screen.queryByTestId('photo-ph9')).toBeNull());
    });

    test('too large, wrong type, denied permission and a server refusal each get a sentence', async () => {
      pick
        .mockResolvedValueOnce({ status: 'denied' })
        .mockResolvedValueOnce({ status: 'picked', photos: [{ uri: 'x', name: 'big.jpg', type: 'image/jpeg', size: 11 * 1024 * 1024 }] })
        .mockResolvedValueOnce({ status: 'picked', photos: [{ uri: 'x', name: 'a.gif', type: 'image/gif', size: 10 }] })
        .mockResolvedValueOnce({ status: 'picked', photos: [{ uri: 'x', name: 'a.jpg', type: 'image/jpeg', size: 10 }] });
      const jobUploadPhoto = jest.fn().mockRejectedValue(new ApiError(400, 'image_invalid'));
      renderScreen(<JobScreen jobId="j1" onBack={jest.fn()} />, { api: { job: () => Promise.resolve(inProgress()), jobUploadPhoto } });
      fireEvent.press(await screen.findByTestId('photo-camera'));
      expect(await screen.findByText('Camera access is not allowed for this app.')).toBeTruthy();
      fireEvent.press(screen.getByTestId('photo-library'));
      expect(await screen.findByText('This photo is larger than 10 MB.')).toBeTruthy();
      fireEvent.press(screen.getByTestId('photo-library'));
      expect(await screen.findByText('Only JPEG, PNG or WebP photos.')).toBeTruthy();
      fireEvent.press(screen.getByTestId('photo-library'));
      expect(await screen.findByText('This image cannot be read. Choose another photo.')).toBeTruthy();
      expect(jobUploadPhoto).toHaveBeenCalledTimes(1);
    });

    test('checks the report before sending, then completes with checklist, serials, notes and photos', async () => {
      const jobComplete = jest.fn().mockResolvedValue(
        job({
          status: 'AWAITING_CONFIRMATION',
          appointment,
          confirmBy: '2027-01-21T12:00:00Z',
          report: {
            submittedAt: '2027-01-14T12:00:00Z',
            checklist: { panelsMounted: true, inverterConnected: true, systemCommissioned: true, gridDocumentsHandedOver: true },
            serialNumbers: ['SN-1', 'SN-2'],
            notes: '',
            photos: [photo()],
          },
        }),
      );
      renderScreen(<JobScreen jobId="j1" onBack={jest.fn()} />, {
        api: { job: () => Promise.resolve(job({ status: 'IN_PROGRESS', appointment, panelCount: 2, draftPhotos: [photo()] })), jobComplete },
      });
      fireEvent.press(await screen.findByTestId('submit-report'));
      expect(screen.getByTestId('form-error')).toHaveTextContent('Tick every item of the checklist.');
      for (const key of ['panelsMounted', 'inverterConnected', 'systemCommissioned', 'gridDocumentsHandedOver']) {
        fireEvent(screen.getByTestId(`check-${key}`), 'valueChange', true);
      }
      fireEvent.changeText(screen.getByTestId('serial-1'), 'SN-1');
      fireEvent.press(screen.getByTestId('submit-report'));
      expect(screen.getByTestId('form-error')).toHaveTextContent('Enter one serial number for each panel.');
      fireEvent.changeText(screen.getByTestId('serial-2'), 'SN-1');
      fireEvent.press(screen.getByTestId('submit-report'));
      expect(screen.getByTestId('form-error')).toHaveTextContent('Each serial number may appear only once.');
      fireEvent.changeText(screen.getByTestId('serial-2'), ' SN-2 ');
      fireEvent.changeText(screen.getByTestId('report-notes'), 'Roof in good shape');
      fireEvent.press(screen.getByTestId('submit-report'));
      await waitFor(() =>
        expect(jobComplete).toHaveBeenCalledWith('j1', {
          checklist: { panelsMounted: true, inverterConnected: true, systemCommissioned: true, gridDocumentsHandedOver: true },
          serialNumbers: ['SN-1', 'SN-2'],
          notes: 'Roof in good shape',
          photoIds: ['ph1'],
        }),
      );
      expect(await screen.findByTestId('report-summary')).toHaveTextContent(/Report sent/);
      expect(screen.getByTestId('job-status')).toHaveTextContent('Waiting for the customer');
    });

    test('without photos the report is not sent', async () => {
      const jobComplete = jest.fn();
      renderScreen(<JobScreen jobId="j1" onBack={jest.fn()} />, { api: { job: () => Promise.resolve(job({ status: 'IN_PROGRESS', panelCount: 1 })), jobComplete } });
      for (const key of ['panelsMounted', 'inverterConnected', 'systemCommissioned', 'gridDocumentsHandedOver']) {
        fireEvent(await screen.findByTestId(`check-${key}`), 'valueChange', true);
      }
      fireEvent.changeText(screen.getByTestId('serial-1'), 'SN-1');
      fireEvent.press(screen.getByTestId('submit-report'));
      expect(screen.getByTestId('form-error')).toHaveTextContent('Add 1 to 10 photos.');
      expect(jobComplete).not.toHaveBeenCalled();
    });
  });

  test('German sentences', async () => {
    renderScreen(<JobScreen jobId="j1" onBack={jest.fn()} />, {
      language: 'de',
      api: { job: () => Promise.resolve(job({ status: 'SCHEDULED', appointment, canStart: true })), jobStart: () => Promise.reject(new ApiError(409, 'not_appointment_day')) },
    });
    fireEvent.press(await screen.findByTestId('start-job'));
    expect(await screen.findByTestId('form-error')).toHaveTextContent('Sie können den Auftrag nur am Tag des Termins beginnen.');
  });
});
