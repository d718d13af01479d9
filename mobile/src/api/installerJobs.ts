import type { Client } from 'openapi-fetch';
import { ApiError, NETWORK_ERROR, parseProblem } from './errors';
import type { Session } from './session';
import { unwrap } from './results';
import type { components, paths } from './schema';
import type { InstallerJob } from './types';

type S = components['schemas'];
export type Slot = S['Slot'];
export type Photo = S['Photo'];
export type Proposal = S['Proposal'];
export type Appointment = S['Appointment'];
export type CompletionRequest = S['CompletionRequest'];
export type Checklist = S['ChecklistRequest'];
export type Earnings = S['Earnings'];
export type EarningsMonth = S['EarningsMonth'];

/** A picked or captured image. On web `file` is the File from the input; on devices `uri` is a file:// URI. */
export interface PhotoFile {
  uri: string;
  name: string;
  type: string;
  file?: Blob;
}

/** The installer's job life cycle: one job, appointment, start, photos, completion report; availability, earnings. */
export interface InstallerJobsApi {
  job(jobId: string): Promise<InstallerJob>;
  jobPropose(jobId: string, slot: Slot): Promise<InstallerJob>;
  jobAcceptProposal(jobId: string, proposalId: string): Promise<InstallerJob>;
  jobReschedule(jobId: string, reason: string): Promise<InstallerJob>;
  jobStart(jobId: string): Promise<InstallerJob>;
  jobUploadPhoto(jobId: string, photo: PhotoFile): Promise<Photo>;
  jobDeletePhoto(jobId: string, photoId: string): Promise<void>;
  jobComplete(jobId: string, report: CompletionRequest): Promise<InstallerJob>;
  availability(): Promise<Slot[]>;
  setAvailability(slots: Slot[]): Promise<Slot[]>;
  earnings(year?: number): Promise<Earnings>;
}


/**
 * A multipart upload through the session's authorizing fetch (bearer token, one refresh and retry on 401).
 * No Content-Type header: fetch sets multipart/form-data with its boundary.
 */
export async function uploadMultipart<T>(session: Pick<Session, 'baseUrl' | 'authFetch'>, path: string, field: string, file: PhotoFile): Promise<T> {
  const form = new FormData();
  if (file.file) form.append(field, file.file, file.name);
  // React Native's FormData takes {uri, name, type} for a file on the device
  else form.append(field, { uri: file.uri, name: file.name, type: file.type } as unknown as Blob);
  const request = new Request(session.baseUrl + path, { method: 'POST', headers: { Accept: 'application/json' }, body: form });
  let response: Response;
  try {
    response = await session.authFetch(request);
  } catch {
    throw new ApiError(0, NETWORK_ERROR);
  }
  if (!response.ok) throw await parseProblem(response);
  return (await response.json()) as T;
}

export function createInstallerJobsApi(client: Client<paths>, session: Pick<Session, 'baseUrl' | 'authFetch'>): InstallerJobsApi {
  const path = (jobId: string) => ({ params: { path: { jobId } } });
  return {
    job: (jobId) => unwrap(client.GET('/api/v1/installer/jobs/{jobId}', path(jobId))),
    jobPropose: (jobId, slot) =>
      unwrap(client.POST('/api/v1/installer/jobs/{jobId}/appointment/proposals', { ...path(jobId), body: slot })),
    jobAcceptProposal: (jobId, proposalId) =>
      unwrap(
        client.POST('/api/v1/installer/jobs/{jobId}/appointment/proposals/{proposalId}/accept', {
          params: { path: { jobId, proposalId } },
        }),
      ),
    jobReschedule: (jobId, reason) =>
      unwrap(client.POST('/api/v1/installer/jobs/{jobId}/appointment/reschedule', { ...path(jobId), body: { reason } })),
    jobStart: (jobId) => unwrap(client.POST('/api/v1/installer/jobs/{jobId}/start', path(jobId))),
    jobUploadPhoto: (jobId, photo) =>
      uploadMultipart<Photo>(session, `/api/v1/installer/jobs/${encodeURIComponent(jobId)}/photos`, 'photo', photo),
    jobDeletePhoto: async (jobId, photoId) => {
      await unwrap(client.DELETE('/api/v1/installer/jobs/{jobId}/photos/{photoId}', { params: { path: { jobId, photoId } } }));
    },
    jobComplete: (jobId, report) => unwrap(client.POST('/api/v1/installer/jobs/{jobId}/complete', { ...path(jobId), body: report })),
    availability: () => unwrap(client.GET('/api/v1/installer/availability')),
    setAvailability: (slots) => unwrap(client.PUT('/api/v1/installer/availability', { body: { slots } })),
    earnings: (year) => unwrap(client.GET('/api/v1/installer/earnings', { params: { query: year ? { year } : {} } })),
  };
}

/** The method names, for test fakes that fail loudly when a method is not stubbed. */
export const INSTALLER_JOBS_API_NAMES: (keyof InstallerJobsApi)[] = [
  'job',
  'jobPropose',
  'jobAcceptProposal',
  'jobReschedule',
  'jobStart',
  'jobUploadPhoto',
  'jobDeletePhoto',
  'jobComplete',
  'availability',
  'setAvailability',
  'earnings',
];
