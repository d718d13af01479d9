import React, { useEffect } from 'react';
import { View } from 'react-native';
import { useI18n } from '../i18n/I18nContext';
import { Button, Heading, styles } from '../components/ui';

/** Shown over the app until the device owner unlocks (biometrics or device PIN). */
export function LockScreen({ onUnlock, onSignOut }: { onUnlock: () => void; onSignOut: () => void }) {
  const { t } = useI18n();
  useEffect(() => {
    onUnlock();
    // ask once when the lock appears; afterwards only on the button
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return (
    <View style={styles.center} testID="lock-screen">
      <Heading>{t('lock.title')}</Heading>
      <Button testID="unlock" title={t('lock.unlock')} onPress={onUnlock} />
      <Button testID="lock-sign-out" title={t('lock.signOut')} variant="secondary" onPress={onSignOut} />
    </View>
  );
}
