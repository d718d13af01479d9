import React, { useEffect, useState } from 'react';
import { Text } from 'react-native';
import { useI18n } from '../i18n/I18nContext';
import { formatCountdown } from '../format';
import { colors } from './ui';

/** Ticks every second to `expiresAt`; calls onExpire once when it runs out. */
export function Countdown({ expiresAt, testID, onExpire }: { expiresAt: string; testID: string; onExpire?: () => void }) {
  const { t } = useI18n();
  const deadline = new Date(expiresAt).getTime();
  const [now, setNow] = useState(() => Date.now());
  const left = deadline - now;
  const expired = left <= 0;

  useEffect(() => {
    if (expired) return undefined;
    const id = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(id);
  }, [expired]);

  useEffect(() => {
    if (expired) onExpire?.();
    // onExpire is called once per expiry, not when the callback identity changes
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [expired]);

  return (
    <Text
      testID={testID}
      style={{ fontSize: 16, fontWeight: '600', color: expired ? colors.danger : colors.text }}
      accessibilityRole="timer"
    >
      {expired ? t('offers.expired') : t('offers.expiresIn', { time: formatCountdown(left) })}
    </Text>
  );
}
