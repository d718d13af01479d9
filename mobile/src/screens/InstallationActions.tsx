import React, { useEffect, useState } from 'react';
import { Image, Pressable, Text, TextInput, View } from 'react-native';
import { useApp } from '../core/AppContext';
import { useI18n } from '../i18n/I18nContext';
import type { StringKey } from '../i18n/strings';
import type { Installation } from '../api/homeownerApi';
import { formatDate, formatDateTime, formatRange } from '../format';
import { Body, Button, Card, colors, ErrorText, Notice, Subheading, styles } from '../components/ui';
import { errorCode } from '../api/errors';
import { STRINGS } from '../i18n/strings';
import { daysBetween, zonedTime, zoneForCountry } from './installer/slots';

const HOURS = [7, 8, 9, 10, 11, 12, 13, 14, 15, 16];
const DURATIONS = [2, 4, 6, 8];
const MIN_REASON = 10;
const CHECKLIST = ['panelsMounted', 'inverterConnected', 'systemCommissioned', 'gridDocumentsHandedOver'] as const;

const pad = (n: number) => String(n).padStart(2, '0');

/** A choice among chips: a radio group, each chip at least 44 × 44 pt. */
function Chips<T extends string | number>({
  label,
  options,
  value,
  onChange,
  testID,
  text,
}: {
  label: string;
  options: T[];
  value: T | null;
  onChange: (v: T) => void;
  testID: (v: T) => string;
  text: (v: T) => string;
}) {
  return (
    <View style={{ gap: 6 }}>
      <Text style={styles.label}>{label}</Text>
      <View accessibilityRole="radiogroup" accessibilityLabel={label} style={[styles.row, { gap: 8 }]}>
        {options.map((o) => {
          const checked = o === value;
          return (
            <Pressable
              key={String(o)}
              testID={testID(o)}
              accessibilityRole="radio"
              accessibilityState={{ checked }}
              aria-checked={checked}
              accessibilityLabel={text(o)}
              onPress={() => onChange(o)}
              style={{
                minHeight: 44,
                minWidth: 44,
                paddingHorizontal: 12,
                justifyContent: 'center',
                borderRadius: 22,
                borderWidth: 1,
                borderColor: checked ? colors.primary : colors.border,
                backgroundColor: checked ? colors.primary : colors.card,
              }}
            >
              <Text style={{ fontSize: 16, color: checked ? colors.primaryText : colors.text }}>{text(o)}</Text>
            </Pressable>
          );
        })}
      </View>
    </View>
  );
}

function Field({ label, value, onChange, testID }: { label: string; value: string; onChange: (v: string) => void; testID: string }) {
  return (
    <View style={{ gap: 6 }}>
      <Text style={styles.label}>{label}</Text>
      <TextInput testID={testID} style={[styles.input, { minHeight: 88, paddingTop: 10 }]} multiline value={value} onChangeText={onChange} accessibilityLabel={label} />
    </View>
  );
}

/** A report photo: fetched with the bearer token and shown as a data: URI. */
function ReportPhoto({ jobId, photoId, label }: { jobId: string; photoId: string; label: string }) {
  const { api } = useApp();
  const { t } = useI18n();
  const [uri, setUri] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let live = true;
    api.photo(jobId, photoId).then(
      (u) => live && setUri(u),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, [api, jobId, photoId]);
  if (failed) return <Body muted testID={`report-photo-${photoId}`}>{t('inst.photoError')}</Body>;
  return (
    <View testID={`report-photo-${photoId}`} style={{ width: 150, height: 150, backgroundColor: colors.border, borderRadius: 8, overflow: 'hidden' }}>
      {uri ? <Image source={{ uri }} accessibilityLabel={label} accessibilityRole="image" style={{ width: 150, height: 150 }} resizeMode="cover" /> : null}
    </View>
  );
}

/**
 * What the homeowner can do with the installation now: agree on the appointment (accept the installer's proposal or
 * propose another slot inside the window), move it, read the completion report and confirm or dispute it, review.
 */
export function InstallationActions({ installation, country, onChange }: { installation: Installation; country?: string; onChange: (next: Installation) => void }) {
  const { api } = useApp();
  const { t, locale, language, errorText } = useI18n();
  /** the homeowner's wording where the installer app words the same code for installers */
  const sentence = (e: unknown) => {
    const key = `ho.error.${errorCode(e)}` as StringKey;
    return key in STRINGS[language] ? t(key) : errorText(e);
  };
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [day, setDay] = useState<string | null>(null);
  const [hour, setHour] = useState<number | null>(null);
  const [duration, setDuration] = useState<number | null>(null);
  const [mode, setMode] = useState<'none' | 'confirm' | 'dispute' | 'reschedule'>('none');
  const [reason, setReason] = useState('');
  const [rating, setRating] = useState<number | null>(null);
  const [comment, setComment] = useState('');
  const { jobId, status, scheduling, appointment, report, dispute } = installation;
  // times in the installation's zone (the appointment's own, else from the country), as the server judges them
  const zone = appointment?.timeZone ?? zoneForCountry(country);

  const act = async (run: () => Promise<Installation | null>, done: StringKey) => {
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      const next = await run();
      setMode('none');
      setReason('');
      setNotice(t(done));
      if (next) onChange(next);
    } catch (e) {
      setError(sentence(e));
    } finally {
      setBusy(false);
    }
  };

  const withReason = (send: (r: string) => Promise<Installation>, done: StringKey) => {
    if (reason.trim().length < MIN_REASON) {
      setError(t('inst.reasonMissing'));
      return;
    }
    void act(() => send(reason.trim()), done);
  };

  const days = daysBetween(Date.parse(installation.window.start), Date.parse(installation.window.end), zone, Date.now(), 21);
  const chosen = (() => {
    if (!day || hour === null || duration === null) return null;
    const start = zonedTime(day, hour, zone);
    return { start: new Date(start).toISOString(), end: new Date(start + duration * 3_600_000).toISOString() };
  })();

  const open = scheduling?.openProposal ?? null;
  const negotiating = status === 'ASSIGNED' && !!scheduling;
  const canMove = status === 'SCHEDULED' && !!appointment?.rescheduleUntil && new Date(appointment.rescheduleUntil).getTime() > Date.now();

  return (
    <View style={{ gap: 12 }} testID="installation-actions">
      <ErrorText message={error} testID="action-error" />
      <Notice message={notice} testID="action-notice" />

      {negotiating && (
        <>
          <Subheading>{t('inst.appointment')}</Subheading>
          <Body>{t('inst.window', { range: formatRange(installation.window.start, installation.window.end, locale, zone) })}</Body>
          {open && open.proposedBy !== 'CUSTOMER' && (
            <Card testID="open-proposal">
              <Body>{t('inst.openProposal', { range: formatRange(open.start, open.end, locale, zone) })}</Body>
              <Button testID="accept-proposal" title={t('inst.acceptProposal')} busy={busy} onPress={() => void act(() => api.acceptProposal(jobId, open.id), 'inst.accepted')} />
            </Card>
          )}
          {open && open.proposedBy === 'CUSTOMER' && (
            <Body testID="own-proposal">{t('inst.waiting', { range: formatRange(open.start, open.end, locale, zone) })}</Body>
          )}
          {scheduling.proposalsLeft > 0 ? (
            <Card testID="propose-form">
              <Body style={{ fontWeight: '600' }}>{t('inst.proposeTitle')}</Body>
              <Body muted>{t('inst.proposalsLeft', { count: scheduling.proposalsLeft })}</Body>
              <Chips
                label={t('inst.day')}
                options={days}
                value={day}
                onChange={setDay}
                testID={(v) => `propose-day-${v}`}
                text={(v) => formatDate(`${v}T12:00:00Z`, locale, 'UTC')}
              />
              <Chips label={t('inst.startHour')} options={HOURS} value={hour} onChange={setHour} testID={(v) => `propose-hour-${v}`} text={(v) => `${pad(v)}:00`} />
              <Chips
                label={t('inst.duration')}
                options={DURATIONS}
                value={duration}
                onChange={setDuration}
                testID={(v) => `propose-duration-${v}`}
                text={(v) => t('inst.hours', { count: v })}
              />
              <Button
                testID="propose-submit"
                title={t('inst.propose')}
                accessibilityLabel={chosen ? t('inst.proposeLabel', { range: formatRange(chosen.start, chosen.end, locale, zone) }) : t('inst.propose')}
                busy={busy}
                onPress={() => {
                  if (!chosen) {
                    setError(t('inst.pickAll'));
                    return;
                  }
                  void act(() => api.propose(jobId, chosen.start, chosen.end), 'inst.proposed');
                }}
              />
            </Card>
          ) : (
            <Body muted testID="no-proposals-left">{t('inst.noProposalsLeft')}</Body>
          )}
        </>
      )}

      {status === 'SCHEDULED' && appointment && (
        <>
          <Subheading>{t('inst.appointment')}</Subheading>
          <Body testID="agreed-appointment">{t('inst.agreed', { range: formatRange(appointment.start, appointment.end, locale, zone) })}</Body>
          {canMove && appointment.rescheduleUntil && (
            <>
              <Body muted>{t('inst.rescheduleUntil', { date: formatDateTime(appointment.rescheduleUntil, locale, zone) })}</Body>
              {mode === 'reschedule' ? (
                <Card>
                  <Field label={t('inst.rescheduleReason')} value={reason} onChange={setReason} testID="reschedule-reason" />
                  <Button testID="reschedule-submit" title={t('inst.rescheduleSubmit')} busy={busy} onPress={() => withReason((r) => api.reschedule(jobId, r), 'inst.rescheduled')} />
                  <Button testID="reschedule-cancel" title={t('inst.cancel')} variant="secondary" onPress={() => setMode('none')} />
                </Card>
              ) : (
                <Button testID="reschedule" title={t('inst.reschedule')} variant="secondary" onPress={() => setMode('reschedule')} />
              )}
            </>
          )}
        </>
      )}

      {report && (status === 'AWAITING_CONFIRMATION' || status === 'DISPUTED' || status === 'COMPLETED') && (
        <>
          <Subheading>{t('inst.report')}</Subheading>
          <Card testID="completion-report">
            <Body muted>{t('inst.reportSubmitted', { date: formatDateTime(report.submittedAt, locale, zone) })}</Body>
            {CHECKLIST.map((item) => (
              <Body key={item} testID={`checklist-${item}`}>
                {report.checklist[item] ? '✓' : '✗'} {t(`inst.checklist.${item}`)} ({report.checklist[item] ? t('inst.done') : t('inst.notDone')})
              </Body>
            ))}
            <Body style={{ fontWeight: '600' }}>{t('inst.serials')}</Body>
            <Body testID="report-serials">{report.serialNumbers.join(', ')}</Body>
            {report.notes ? (
              <>
                <Body style={{ fontWeight: '600' }}>{t('inst.notes')}</Body>
                <Body testID="report-notes">{report.notes}</Body>
              </>
            ) : null}
            <View style={[styles.row, { gap: 8 }]}>
              {report.photos.map((p, i) => (
                <ReportPhoto key={p.photoId} jobId={jobId} photoId={p.photoId} label={t('inst.photo', { n: i + 1 })} />
              ))}
            </View>
          </Card>
        </>
      )}

      {status === 'AWAITING_CONFIRMATION' && (
        <>
          {installation.confirmBy ? <Body muted testID="confirm-by">{t('inst.confirmBy', { date: formatDate(installation.confirmBy, locale, zone) })}</Body> : null}
          {mode === 'confirm' ? (
            <Card testID="confirm-dialog">
              <Body>{t('inst.confirmQuestion')}</Body>
              <Button testID="confirm-installation-yes" title={t('inst.confirmYes')} busy={busy} onPress={() => void act(() => api.confirmInstallation(jobId), 'inst.confirmed')} />
              <Button testID="confirm-installation-cancel" title={t('inst.cancel')} variant="secondary" onPress={() => setMode('none')} />
            </Card>
          ) : mode === 'dispute' ? (
            <Card testID="dispute-form">
              <Field label={t('inst.disputeReason')} value={reason} onChange={setReason} testID="dispute-reason" />
              <Button testID="dispute-submit" title={t('inst.disputeSubmit')} variant="danger" busy={busy} onPress={() => withReason((r) => api.dispute(jobId, r), 'inst.disputed')} />
              <Button testID="dispute-cancel" title={t('inst.cancel')} variant="secondary" onPress={() => setMode('none')} />
            </Card>
          ) : (
            <>
              <Button testID="confirm-installation" title={t('inst.confirm')} onPress={() => setMode('confirm')} />
              <Button testID="dispute" title={t('inst.dispute')} variant="danger" onPress={() => setMode('dispute')} />
            </>
          )}
        </>
      )}

      {status === 'DISPUTED' && dispute && (
        <Card testID="dispute-shown">
          <Body>{t('inst.disputeShown', { reason: dispute.reason })}</Body>
          {dispute.resolution ? <Body>{t('inst.resolution', { outcome: t(`inst.outcome.${dispute.resolution.outcome}`) })}</Body> : null}
        </Card>
      )}

      {status === 'COMPLETED' && installation.reviewed && installation.review && (
        <Body testID="own-review">{t('inst.ownReview', { count: installation.review.rating })}</Body>
      )}
      {status === 'COMPLETED' && !installation.reviewed && (
        <>
          <Subheading>{t('inst.review')}</Subheading>
          <Card testID="review-form">
            <Chips label={t('inst.rating')} options={[1, 2, 3, 4, 5]} value={rating} onChange={setRating} testID={(v) => `review-star-${v}`} text={(v) => t('inst.stars', { count: v })} />
            <Field label={t('inst.comment')} value={comment} onChange={setComment} testID="review-comment" />
            <Button
              testID="review-submit"
              title={t('inst.reviewSubmit')}
              busy={busy}
              onPress={() => {
                if (rating === null) {
                  setError(t('inst.reviewMissing'));
                  return;
                }
                void act(async () => {
                  const review = await api.review(jobId, rating, comment.trim() || undefined);
                  return { ...installation, reviewed: true, review: { rating: review.rating, comment: review.comment, createdAt: review.createdAt } };
                }, 'inst.reviewed');
              }}
            />
          </Card>
        </>
      )}
    </View>
  );
}
