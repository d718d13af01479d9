import React from 'react';
import { Pressable, Text, View } from 'react-native';
import { useI18n } from '../i18n/I18nContext';
import { formatDate } from '../format';
import { DURATIONS, START_HOURS, zonedTime, type SlotChoice } from '../screens/installer/slots';
import { Body, colors, styles } from './ui';

function Chip({ label, selected, onPress, testID, accessibilityLabel }: { label: string; selected: boolean; onPress: () => void; testID: string; accessibilityLabel?: string }) {
  return (
    <Pressable
      accessibilityRole="button"
      accessibilityState={{ selected }}
      aria-pressed={selected}
      accessibilityLabel={accessibilityLabel ?? label}
      testID={testID}
      onPress={onPress}
      hitSlop={4}
      style={{
        minHeight: 44,
        minWidth: 44,
        paddingHorizontal: 12,
        justifyContent: 'center',
        borderRadius: 22,
        borderWidth: 1,
        borderColor: selected ? colors.primary : colors.border,
        backgroundColor: selected ? colors.primary : colors.card,
      }}
    >
      <Text style={{ fontSize: 16, color: selected ? colors.primaryText : colors.text }}>{label}</Text>
    </Pressable>
  );
}

/**
 * An accessible slot picker without a native date picker: day chips, start-hour chips, duration chips. Days and
 * hours are in the installation's time zone. testIDs: <prefix>-day-<YYYY-MM-DD>, <prefix>-hour-<H>, <prefix>-duration-<H>.
 */
export function SlotPicker({
  days,
  timeZone,
  value,
  onChange,
  prefix,
}: {
  days: string[];
  timeZone: string;
  value: SlotChoice;
  onChange: (next: SlotChoice) => void;
  prefix: string;
}) {
  const { t, locale } = useI18n();
  const hourLabel = (h: number) => `${String(h).padStart(2, '0')}:00`;
  return (
    <View style={{ gap: 8 }}>
      <Body style={styles.label}>{t('appt.day')}</Body>
      <View style={styles.row}>
        {days.map((day) => (
          <Chip
            key={day}
            testID={`${prefix}-day-${day}`}
            label={formatDate(new Date(zonedTime(day, 12, timeZone)).toISOString(), locale, timeZone)}
            selected={value.day === day}
            onPress={() => onChange({ ...value, day })}
          />
        ))}
      </View>
      <Body style={styles.label}>{t('appt.start')}</Body>
      <View style={styles.row}>
        {START_HOURS.map((h) => (
          <Chip key={h} testID={`${prefix}-hour-${h}`} label={hourLabel(h)} selected={value.hour === h} onPress={() => onChange({ ...value, hour: h })} />
        ))}
      </View>
      <Body style={styles.label}>{t('appt.duration')}</Body>
      <View style={styles.row}>
        {DURATIONS.map((d) => (
          <Chip
            key={d}
            testID={`${prefix}-duration-${d}`}
            label={t('appt.hours', { count: d })}
            selected={value.duration === d}
            onPress={() => onChange({ ...value, duration: d })}
          />
        ))}
      </View>
    </View>
  );
}
