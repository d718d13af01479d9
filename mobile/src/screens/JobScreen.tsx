import React, { useCallback, useMemo, useState } from 'react';
import { Linking, Platform, Switch, TextInput, View } from 'react-native';
import { useApp } from '../core/AppContext';
import { useLoad } from '../core/useLoad';
import { useI18n } from '../i18n/I18nContext';
import type { InstallerJob } from '../api/types';
import type { Checklist, Photo } from '../api/installerJobs';
import { formatDate, formatDateTime, formatRange } from '../format';
import { addressText, mapsUrl } from '../device/maps';
import { useSecureScreen } from '../device/secureScreen';
import { pickPhotos } from '../device/photoPicker';
import { SlotPicker } from '../components/SlotPicker';
import { daysBetween, slotOf, zoneForCountry, type SlotChoice } from './installer/slots';
import {
  Body,
  Button,
  Card,
  ErrorState,
  ErrorText,
  Heading,
  Loading,
  Notice,
  ScreenScroll,
  Subheading,
  styles,
} from '../components/ui';

const MAX_PHOTOS = 10;
const MAX_BYTES = 10 * 1024 * 1024;
const TYPES = ['image/jpeg', 'image/png', 'image/webp'];
const CHECKLIST: (keyof Checklist)[] = ['panelsMounted', 'inverterConnected', 'systemCommissioned', 'gridDocumentsHandedOver'];

type Feedback = { kind: 'error' | 'notice'; message: string } | null;

function FeedbackText({ feedback }: { feedback: Feedback }) {
  if (!feedback) return null;
  return feedback.kind === 'error' ? <ErrorText message={feedback.message} /> : <Notice message={feedback.message} />;
}

/** Runs one action at a time; the job the server answers replaces the one shown. */
function useAction(onJob: (job: InstallerJob) => void) {
  const { errorText } = useI18n();
  const [busy, setBusy] = useState<string | null>(null);
  const [feedback, setFeedback] = useState<Feedback>(null);
  const run = useCallback(
    async (name: string, action: () => Promise<InstallerJob | void>, done?: string) => {
      setBusy(name);
      setFeedback(null);
      try {
        const job = await action();
        if (job) onJob(job);
        if (done) setFeedback({ kind: 'notice', message: done });
        return true;
      } catch (e) {
        setFeedback({ kind: 'error', message: errorText(e) });
        return false;
      } finally {
        setBusy(null);
      }
    },
    [errorText, onJob],
  );
  return { busy, feedback, setFeedback, run };
}

function AppointmentSection({ job, onJob }: { job: InstallerJob; onJob: (job: InstallerJob) => void }) {
  const { api } = useApp();
  const { t, locale } = useI18n();
  const { busy, feedback, setFeedback, run } = useAction(onJob);
  const timeZone = job.appointment?.timeZone ?? zoneForCountry(job.address.country);
  const [choice, setChoice] = useState<SlotChoice>({ day: null, hour: null, duration: null });
  const [reason, setReason] = useState('');
  const range = (start: string, end: string) => formatRange(start, end, locale, timeZone);
  const days = useMemo(
    () => daysBetween(new Date(job.window.start).getTime(), new Date(job.window.end).getTime(), timeZone, Date.now()),
    [job.window.start, job.window.end, timeZone],
  );
  const slot = slotOf(choice, timeZone);
  const open = job.scheduling?.openProposal ?? null;
  const left = job.scheduling?.proposalsLeft ?? 6;

  const propose = () => {
    if (!slot) {
      setFeedback({ kind: 'error', message: t('appt.pickAll') });
      return;
    }
    const start = new Date(slot.start).getTime();
    if (start < new Date(job.window.start).getTime() || start > new Date(job.window.end).getTime()) {
      setFeedback({ kind: 'error', message: t('error.outside_window') });
      return;
    }
    if (start <= Date.now()) {
      setFeedback({ kind: 'error', message: t('error.invalid_appointment') });
      return;
    }
    void run('propose', () => api.jobPropose(job.jobId, slot), t('appt.proposed')).then((ok) => {
      if (ok) setChoice({ day: null, hour: null, duration: null });
    });
  };

  const appointment = job.appointment;
  const rescheduleUntil = appointment?.rescheduleUntil ? new Date(appointment.rescheduleUntil).getTime() : null;
  const missed = appointment ? new Date(appointment.end).getTime() < Date.now() : false;
  const canReschedule = job.status === 'SCHEDULED' && !!appointment && ((rescheduleUntil !== null && Date.now() < rescheduleUntil) || missed);

  return (
    <Card testID="appointment">
      <Subheading>{t('appt.title')}</Subheading>
      {appointment && job.status !== 'ASSIGNED' ? (
        <>
          <Body testID="appointment-agreed">{t('appt.agreed', { range: range(appointment.start, appointment.end) })}</Body>
          {job.status === 'SCHEDULED' ? (
            canReschedule ? (
              <>
                {rescheduleUntil !== null && !missed ? (
                  <Body muted>{t('appt.rescheduleUntil', { date: formatDateTime(appointment.rescheduleUntil ?? '', locale, timeZone) })}</Body>
                ) : null}
                <Body style={styles.label}>{t('appt.rescheduleReason')}</Body>
                <TextInput
                  testID="reschedule-reason"
                  accessibilityLabel={t('appt.rescheduleReason')}
                  style={styles.input}
                  value={reason}
                  onChangeText={setReason}
                  maxLength={500}
                />
                <Button
                  testID="reschedule"
                  title={t('appt.reschedule')}
                  variant="secondary"
                  busy={busy === 'reschedule'}
                  onPress={() => {
                    if (!reason.trim()) {
                      setFeedback({ kind: 'error', message: t('appt.reasonMissing') });
                      return;
                    }
                    void run('reschedule', () => api.jobReschedule(job.jobId, reason.trim()), t('appt.rescheduled'));
                  }}
                />
              </>
            ) : (
              <Body muted>{t('appt.rescheduleClosed')}</Body>
            )
          ) : null}
        </>
      ) : job.status === 'ASSIGNED' ? (
        <>
          <Body>{t('appt.none')}</Body>
          {open && open.proposedBy !== 'INSTALLER' ? (
            <>
              <Body testID="open-proposal">{t('appt.customerProposes', { range: range(open.start, open.end) })}</Body>
              <Button
                testID={`accept-proposal-${open.id}`}
                title={t('appt.accept')}
                accessibilityLabel={t('appt.acceptLabel', { range: range(open.start, open.end) })}
                busy={busy === 'accept'}
                onPress={() => void run('accept', () => api.jobAcceptProposal(job.jobId, open.id), t('appt.accepted'))}
              />
            </>
          ) : open ? (
            <Body testID="open-proposal">{t('appt.waiting', { range: range(open.start, open.end) })}</Body>
          ) : null}
          {left > 0 ? (
            <>
              <Body muted testID="proposals-left">
                {t('appt.proposalsLeft', { count: left })}
              </Body>
              <Body style={styles.label}>{t('appt.propose')}</Body>
              {days.length === 0 ? (
                <Body muted>{t('appt.noDays')}</Body>
              ) : (
                <>
                  <SlotPicker days={days} timeZone={timeZone} value={choice} onChange={setChoice} prefix="slot" />
                  {slot ? <Body testID="slot-chosen">{t('appt.chosen', { range: range(slot.start, slot.end) })}</Body> : null}
                  <Button testID="propose" title={t('appt.proposeSubmit')} busy={busy === 'propose'} onPress={propose} />
                </>
              )}
            </>
          ) : (
            <Body testID="proposals-left">{t('appt.noneLeft')}</Body>
          )}
        </>
      ) : (
        <Body muted>{t('appt.none')}</Body>
      )}
      <FeedbackText feedback={feedback} />
    </Card>
  );
}

function StartSection({ job, onJob }: { job: InstallerJob; onJob: (job: InstallerJob) => void }) {
  const { api } = useApp();
  const { t, locale } = useI18n();
  const { busy, feedback, run } = useAction(onJob);
  if (job.status !== 'SCHEDULED') return feedback ? <FeedbackText feedback={feedback} /> : null;
  const timeZone = job.appointment?.timeZone ?? zoneForCountry(job.address.country);
  return (
    <Card testID="start">
      <Subheading>{t('start.title')}</Subheading>
      {!job.canStart && job.appointment ? <Body muted>{t('start.notYet', { date: formatDate(job.appointment.start, locale, timeZone) })}</Body> : null}
      <Button
        testID="start-job"
        title={t('start.button')}
        busy={busy === 'start'}
        onPress={() => void run('start', () => api.jobStart(job.jobId), t('start.started'))}
      />
      <FeedbackText feedback={feedback} />
    </Card>
  );
}

function ReportForm({ job, onJob }: { job: InstallerJob; onJob: (job: InstallerJob) => void }) {
  const { api } = useApp();
  const { t, errorText } = useI18n();
  const { busy, feedback, setFeedback, run } = useAction(onJob);
  const [checklist, setChecklist] = useState<Checklist>({
    panelsMounted: false,
    inverterConnected: false,
    systemCommissioned: false,
    gridDocumentsHandedOver: false,
  });
  const [serials, setSerials] = useState<string[]>(() => Array.from({ length: job.panelCount }, () => ''));
  const [notes, setNotes] = useState('');
  const [photos, setPhotos] = useState<Photo[]>(job.draftPhotos);
  const [uploading, setUploading] = useState(false);

  const addPhotos = async (source: 'camera' | 'library') => {
    setFeedback(null);
    const left = MAX_PHOTOS - photos.length;
    if (left <= 0) {
      setFeedback({ kind: 'error', message: t('error.too_many_photos') });
      return;
    }
    let picked;
    try {
      picked = await pickPhotos(source, left);
    } catch {
      setFeedback({ kind: 'error', message: t('error.generic') });
      return;
    }
    if (picked.status === 'denied') {
      setFeedback({ kind: 'error', message: t(source === 'camera' ? 'report.cameraDenied' : 'report.libraryDenied') });
      return;
    }
    if (picked.status === 'cancelled') return;
    setUploading(true);
    let added = 0;
    let failure: string | null = null;
    for (const file of picked.photos.slice(0, left)) {
      if (!TYPES.includes(file.type)) {
        failure = t('report.fileType');
        continue;
      }
      if (file.size !== undefined && file.size > MAX_BYTES) {
        failure = t('report.fileTooLarge');
        continue;
      }
      try {
        const photo = await api.jobUploadPhoto(job.jobId, file);
        added++;
        setPhotos((list) => [...list, photo]);
      } catch (e) {
        failure = errorText(e);
      }
    }
    setUploading(false);
    if (failure) setFeedback({ kind: 'error', message: failure });
    else if (added > 0) setFeedback({ kind: 'notice', message: t('report.uploaded') });
  };

  const remove = (photo: Photo) =>
    void run(`remove-${photo.photoId}`, async () => {
      await api.jobDeletePhoto(job.jobId, photo.photoId);
      setPhotos((list) => list.filter((p) => p.photoId !== photo.photoId));
    }, t('report.removed'));

  const submit = () => {
    const trimmed = serials.map((s) => s.trim());
    let problem: string | null = null;
    if (!CHECKLIST.every((k) => checklist[k])) problem = 'checklist_incomplete';
    else if (trimmed.some((s) => !s)) problem = 'serial_count_mismatch';
    else if (new Set(trimmed).size !== trimmed.length) problem = 'duplicate_serial';
    else if (photos.length < 1 || photos.length > MAX_PHOTOS) problem = 'photos_required';
    if (problem) {
      setFeedback({ kind: 'error', message: t(`error.${problem}` as 'error.checklist_incomplete') });
      return;
    }
    void run(
      'submit',
      () =>
        api.jobComplete(job.jobId, {
          checklist,
          serialNumbers: trimmed,
          notes: notes.trim() || undefined,
          photoIds: photos.map((p) => p.photoId),
        }),
      t('report.submitted'),
    );
  };

  return (
    <Card testID="report-form">
      <Subheading>{t('report.title')}</Subheading>
      <Body style={styles.label}>{t('report.checklist')}</Body>
      {CHECKLIST.map((key) => (
        <View key={key} style={[styles.row, { justifyContent: 'space-between', minHeight: 44 }]}>
          <Body>{t(`report.${key}`)}</Body>
          <Switch
            testID={`check-${key}`}
            accessibilityLabel={t(`report.${key}`)}
            value={checklist[key]}
            onValueChange={(v) => setChecklist((c) => ({ ...c, [key]: v }))}
          />
        </View>
      ))}
      <Body style={styles.label}>{t('report.serials')}</Body>
      {serials.map((value, i) => (
        <TextInput
          key={i}
          testID={`serial-${i + 1}`}
          accessibilityLabel={t('report.serial', { n: i + 1 })}
          placeholder={t('report.serial', { n: i + 1 })}
          autoCapitalize="characters"
          autoCorrect={false}
          style={styles.input}
          value={value}
          maxLength={64}
          onChangeText={(text) => setSerials((list) => list.map((s, j) => (j === i ? text : s)))}
        />
      ))}
      <Body style={styles.label}>{t('report.notes')}</Body>
      <TextInput
        testID="report-notes"
        accessibilityLabel={t('report.notes')}
        style={[styles.input, { minHeight: 88, textAlignVertical: 'top' }]}
        multiline
        maxLength={2000}
        value={notes}
        onChangeText={setNotes}
      />
      <Body style={styles.label}>{t('report.photos', { count: photos.length })}</Body>
      <Body muted>{t('report.photoHint')}</Body>
      <View testID="photos" style={{ gap: 6 }}>
        {photos.map((photo, i) => (
          <View key={photo.photoId} style={styles.row} testID={`photo-${photo.photoId}`}>
            <Body>{t('report.photo', { n: i + 1 })}</Body>
            <Button
              testID={`photo-remove-${photo.photoId}`}
              title={t('report.removePhoto')}
              variant="danger"
              accessibilityLabel={t('report.removePhotoLabel', { n: i + 1 })}
              busy={busy === `remove-${photo.photoId}`}
              onPress={() => remove(photo)}
            />
          </View>
        ))}
      </View>
      <View style={styles.row}>
        {Platform.OS !== 'web' ? (
          <Button
            testID="photo-camera"
            title={t('report.takePhoto')}
            variant="secondary"
            disabled={uploading || photos.length >= MAX_PHOTOS}
            onPress={() => void addPhotos('camera')}
          />
        ) : null}
        <Button
          testID="photo-library"
          title={t('report.pickPhoto')}
          variant="secondary"
          busy={uploading}
          disabled={photos.length >= MAX_PHOTOS}
          onPress={() => void addPhotos('library')}
        />
      </View>
      {uploading ? <Notice testID="photo-progress" message={t('report.uploading')} /> : null}
      <Button testID="submit-report" title={t('report.submit')} busy={busy === 'submit'} disabled={uploading} onPress={submit} />
      <FeedbackText feedback={feedback} />
    </Card>
  );
}

function ReportSummary({ job }: { job: InstallerJob }) {
  const { t, locale } = useI18n();
  if (!job.report) return null;
  return (
    <Card testID="report-summary">
      <Subheading>{t('report.title')}</Subheading>
      <Body>{t('report.sentOn', { date: formatDateTime(job.report.submittedAt, locale) })}</Body>
      {job.confirmBy ? <Body muted>{t('report.confirmBy', { date: formatDate(job.confirmBy, locale) })}</Body> : null}
    </Card>
  );
}

/** One job: customer, exact address, window, appointment, start, completion report. Hidden from screenshots. */
export function JobScreen({ jobId, onBack }: { jobId: string; onBack: () => void }) {
  const { api } = useApp();
  const { t, locale } = useI18n();
  useSecureScreen('job');
  const loader = useCallback(() => api.job(jobId), [api, jobId]);
  const { state, reload, setData } = useLoad<InstallerJob>(loader);
  const onJob = useCallback((job: InstallerJob) => setData(() => job), [setData]);

  return (
    <ScreenScroll testID="job-detail">
      <View style={styles.row}>
        <Button testID="back" title={t('common.back')} variant="secondary" onPress={onBack} />
      </View>
      <Heading>{t('jobDetail.title')}</Heading>
      {state.status === 'loading' ? (
        <Loading />
      ) : state.status === 'error' ? (
        <ErrorState error={state.error} onRetry={reload} />
      ) : (
        (() => {
          const job = state.data;
          const address = addressText(job);
          const phone = job.customer.phone;
          return (
            <>
              <Card testID="job-summary">
                <Body testID="job-status" style={{ fontSize: 18, fontWeight: '600' }}>
                  {t(`job.${job.status}`)}
                </Body>
                <Body>{t('jobDetail.panels', { count: job.panelCount })}</Body>
                <Body muted>{t('jobDetail.window')}</Body>
                <Body testID="job-window">{formatRange(job.window.start, job.window.end, locale, zoneForCountry(job.address.country))}</Body>
              </Card>
              <Card testID="job-customer">
                <Subheading>{t('jobDetail.customer')}</Subheading>
                <Body>{job.customer.name}</Body>
                {phone ? (
                  <View style={styles.row}>
                    <Button
                      testID="call-customer"
                      title={t('jobDetail.call', { phone })}
                      variant="secondary"
                      accessibilityRole="link"
                      accessibilityLabel={t('jobDetail.callLabel', { phone })}
                      onPress={() => {
                        Linking.openURL(`tel:${phone.replace(/[^\d+]/g, '')}`).catch(() => undefined);
                      }}
                    />
                  </View>
                ) : (
                  <Body muted>{t('jobDetail.noPhone')}</Body>
                )}
                <Body muted>{t('jobs.address')}</Body>
                <Body testID="job-detail-address">{address}</Body>
                <View style={styles.row}>
                  <Button
                    testID="job-detail-maps"
                    title={t('jobs.openMaps')}
                    variant="secondary"
                    accessibilityRole="link"
                    accessibilityLabel={t('jobs.openMapsLabel', { address })}
                    onPress={() => {
                      Linking.openURL(mapsUrl(job, Platform.OS)).catch(() => undefined);
                    }}
                  />
                </View>
              </Card>
              <AppointmentSection job={job} onJob={onJob} />
              <StartSection job={job} onJob={onJob} />
              {job.status === 'IN_PROGRESS' ? <ReportForm job={job} onJob={onJob} /> : <ReportSummary job={job} />}
            </>
          );
        })()
      )}
    </ScreenScroll>
  );
}
