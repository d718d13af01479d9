import React, { useCallback, useMemo, useState } from 'react';
import { View } from 'react-native';
import { useApp } from '../core/AppContext';
import { useLoad } from '../core/useLoad';
import { useI18n } from '../i18n/I18nContext';
import type { Slot } from '../api/installerJobs';
import { formatRange } from '../format';
import { SlotPicker } from '../components/SlotPicker';
import { daysBetween, slotOf, type SlotChoice } from './installer/slots';
import { Body, Button, Card, EmptyState, ErrorState, ErrorText, Heading, Loading, Notice, ScreenScroll, Subheading, styles } from '../components/ui';

/** Availability is entered in the installer's own time zone (the device's); the API takes instants. */
const deviceZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'Europe/Berlin';

/** The installer's availability windows: list, add (chip picker), remove, save (PUT replaces all). */
export function AvailabilityScreen({ onBack }: { onBack: () => void }) {
  const { api } = useApp();
  const { t, locale, errorText } = useI18n();
  const loader = useCallback(() => api.availability(), [api]);
  const { state, reload, setData } = useLoad<Slot[]>(loader);
  const [choice, setChoice] = useState<SlotChoice>({ day: null, hour: null, duration: null });
  const [dirty, setDirty] = useState(false);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const timeZone = useMemo(deviceZone, []);
  const days = useMemo(() => {
    const now = Date.now();
    return daysBetween(now, now + 89 * 24 * 3600_000, timeZone, now, 28);
  }, [timeZone]);
  const slot = slotOf(choice, timeZone);
  const range = (s: Slot) => formatRange(s.start, s.end, locale, timeZone);

  const update = (next: (slots: Slot[]) => Slot[]) => {
    setData(next);
    setDirty(true);
    setNotice(null);
  };

  const add = (slots: Slot[]) => {
    setError(null);
    if (!slot) {
      setError(t('appt.pickAll'));
      return;
    }
    const start = new Date(slot.start).getTime();
    const end = new Date(slot.end).getTime();
    if (start <= Date.now()) {
      setError(t('error.invalid_appointment'));
      return;
    }
    if (slots.some((s) => new Date(s.start).getTime() < end && start < new Date(s.end).getTime())) {
      setError(t('availability.overlap'));
      return;
    }
    update((list) => [...list, slot].sort((a, b) => a.start.localeCompare(b.start)));
    setChoice({ day: null, hour: null, duration: null });
  };

  const save = async (slots: Slot[]) => {
    setSaving(true);
    setError(null);
    setNotice(null);
    try {
      const saved = await api.setAvailability(slots);
      setData(() => saved);
      setDirty(false);
      setNotice(t('availability.saved'));
    } catch (e) {
      setError(errorText(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <ScreenScroll testID="availability">
      <View style={styles.row}>
        <Button testID="back" title={t('common.back')} variant="secondary" onPress={onBack} />
      </View>
      <Heading>{t('availability.title')}</Heading>
      {state.status === 'loading' ? (
        <Loading />
      ) : state.status === 'error' ? (
        <ErrorState error={state.error} onRetry={reload} />
      ) : (
        <>
          {state.data.length === 0 ? <EmptyState message={t('availability.empty')} /> : null}
          {state.data.map((s, i) => (
            <Card key={`${s.start}-${s.end}`} testID={`availability-slot-${i}`}>
              <Body>{range(s)}</Body>
              <View style={styles.row}>
                <Button
                  testID={`availability-remove-${i}`}
                  title={t('availability.remove')}
                  variant="danger"
                  accessibilityLabel={t('availability.removeLabel', { range: range(s) })}
                  onPress={() => update((list) => list.filter((_, j) => j !== i))}
                />
              </View>
            </Card>
          ))}
          <Card>
            <Subheading>{t('availability.new')}</Subheading>
            <SlotPicker days={days} timeZone={timeZone} value={choice} onChange={setChoice} prefix="availability" />
            {slot ? <Body>{t('appt.chosen', { range: formatRange(slot.start, slot.end, locale, timeZone) })}</Body> : null}
            <Button testID="availability-add" title={t('availability.add')} variant="secondary" onPress={() => add(state.data)} />
          </Card>
          <ErrorText message={error} />
          <Notice message={notice} />
          <Button testID="availability-save" title={t('availability.save')} busy={saving} disabled={!dirty} onPress={() => void save(state.data)} />
        </>
      )}
    </ScreenScroll>
  );
}
