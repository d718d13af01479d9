import React, { createContext, useCallback, useContext, useMemo, useState } from 'react';
import { errorSentence, type Language, type StringKey, translate } from './strings';
import { errorCode } from '../api/errors';

export interface I18n {
  language: Language;
  /** BCP 47 locale for Intl */
  locale: string;
  setLanguage(language: Language): void;
  t(key: StringKey, params?: Record<string, string | number>): string;
  /** The sentence for any thrown value (ApiError code, else the network sentence). */
  errorText(error: unknown): string;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({
  initialLanguage,
  onChange,
  children,
}: {
  initialLanguage: Language;
  onChange?: (language: Language) => void;
  children: React.ReactNode;
}) {
  const [language, setLanguageState] = useState<Language>(initialLanguage);
  const setLanguage = useCallback(
    (next: Language) => {
      setLanguageState(next);
      onChange?.(next);
    },
    [onChange],
  );
  const value = useMemo<I18n>(
    () => ({
      language,
      locale: language === 'de' ? 'de-DE' : 'en-GB',
      setLanguage,
      t: (key, params) => translate(language, key, params),
      errorText: (error) => errorSentence(language, errorCode(error)),
    }),
    [language, setLanguage],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}
