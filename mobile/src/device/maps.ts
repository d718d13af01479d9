import type { InstallerJob } from '../api/types';

export function addressText(job: Pick<InstallerJob, 'address'>): string {
  const a = job.address;
  return `${a.addressLine}, ${a.postalCode} ${a.city}`;
}

/** The maps link for this platform: geo: on Android, Apple Maps on iOS, the API's https link on web. */
export function mapsUrl(job: Pick<InstallerJob, 'address' | 'mapLinks'>, os: string): string {
  const a = job.address;
  if (os === 'android') {
    return job.mapLinks.geo || `geo:${a.latitude},${a.longitude}?q=${encodeURIComponent(addressText(job))}`;
  }
  if (os === 'ios') {
    return `https://maps.apple.com/?q=${encodeURIComponent(addressText(job))}&ll=${a.latitude},${a.longitude}`;
  }
  return job.mapLinks.web;
}
