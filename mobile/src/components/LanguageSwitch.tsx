import React from 'react';
import { View } from 'react-native';
import { useI18n } from '../i18n/I18nContext';
import type { Language } from '../i18n/strings';
import { Button, styles } from './ui';

const NAMES: Record<Language, string> = { en: 'English', de: 'Deutsch' };

export function LanguageSwitch() {
  const { language, setLanguage, t } = useI18n();
  return (
    <View style={styles.row} accessibilityRole="radiogroup" accessibilityLabel={t('account.language')}>
      {(Object.keys(NAMES) as Language[]).map((l) => (
        <Button
          key={l}
          testID={`language-${l}`}
          title={NAMES[l]}
          variant={l === language ? 'primary' : 'secondary'}
          accessibilityRole="radio"
          aria-checked={l === language}
          onPress={() => setLanguage(l)}
        />
      ))}
    </View>
  );
}
