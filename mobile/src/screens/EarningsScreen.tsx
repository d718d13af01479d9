import React, { useCallback } from 'react';
import { View } from 'react-native';
import { useApp } from '../core/AppContext';
import { useLoad } from '../core/useLoad';
import { useI18n } from '../i18n/I18nContext';
import type { Earnings } from '../api/installerJobs';
import { formatMoney } from '../format';
import { Body, Button, Card, EmptyState, ErrorState, Heading, Loading, ScreenScroll, Subheading, styles } from '../components/ui';

/** "2026-03" → "March 2026" in the UI language. */
function monthName(month: string, locale: string): string {
  const [y, m] = month.split('-').map(Number);
  if (!y || !m) return month;
  return new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, 15)));
}

/** This year's payouts month by month: earned = pending + paid out. */
export function EarningsScreen({ onBack }: { onBack: () => void }) {
  const { api } = useApp();
  const { t, locale } = useI18n();
  const loader = useCallback(() => api.earnings(), [api]);
  const { state, reload } = useLoad<Earnings>(loader);

  return (
    <ScreenScroll testID="earnings">
      <View style={styles.row}>
        <Button testID="back" title={t('common.back')} variant="secondary" onPress={onBack} />
      </View>
      <Heading>{t('earnings.title')}</Heading>
      {state.status === 'loading' ? (
        <Loading />
      ) : state.status === 'error' ? (
        <ErrorState error={state.error} onRetry={reload} />
      ) : (
        (() => {
          const e = state.data;
          const months = e.months.filter((m) => m.jobs > 0 || Number(m.earned.amount) !== 0);
          return (
            <>
              <Body muted>{t('earnings.year', { year: e.year })}</Body>
              <Card testID="earnings-total">
                <Subheading>{t('earnings.total')}</Subheading>
                <Body>{t('earnings.earned', { amount: formatMoney(e.totals.earned, locale) })}</Body>
                <Body>{t('earnings.paidOut', { amount: formatMoney(e.totals.paidOut, locale) })}</Body>
                <Body>{t('earnings.pending', { amount: formatMoney(e.totals.pending, locale) })}</Body>
              </Card>
              {months.length === 0 ? (
                <EmptyState message={t('earnings.empty')} />
              ) : (
                months.map((m) => (
                  <Card key={m.month} testID={`earnings-month-${m.month}`}>
                    <Subheading>{monthName(m.month, locale)}</Subheading>
                    <Body>{t('earnings.jobs', { count: m.jobs })}</Body>
                    <Body>{t('earnings.earned', { amount: formatMoney(m.earned, locale) })}</Body>
                    <Body>{t('earnings.paidOut', { amount: formatMoney(m.paidOut, locale) })}</Body>
                    <Body>{t('earnings.pending', { amount: formatMoney(m.pending, locale) })}</Body>
                  </Card>
                ))
              )}
            </>
          );
        })()
      )}
    </ScreenScroll>
  );
}
