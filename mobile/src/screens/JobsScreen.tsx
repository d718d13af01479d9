import React, { useCallback } from 'react';
import { FlatList, Linking, Platform, RefreshControl, View } from 'react-native';
import { useApp } from '../core/AppContext';
import { useLoad } from '../core/useLoad';
import { useI18n } from '../i18n/I18nContext';
import type { InstallerJob, Page } from '../api/types';
import { formatDateTime, formatRange } from '../format';
import { addressText, mapsUrl } from '../device/maps';
import { useSecureScreen } from '../device/secureScreen';
import { Body, Button, Card, EmptyState, ErrorState, Heading, Loading, WEB_FOCUSABLE, styles } from '../components/ui';

function JobCard({ job, onOpen }: { job: InstallerJob; onOpen?: (jobId: string) => void }) {
  const { t, locale } = useI18n();
  const address = addressText(job);
  return (
    <Card testID={`job-${job.jobId}`}>
      <Body style={{ fontSize: 18, fontWeight: '600' }}>{t(`job.${job.status}`)}</Body>
      <Body muted>{t('jobs.address')}</Body>
      <Body testID={`job-address-${job.jobId}`}>{address}</Body>
      {job.customer.name ? (
        <Body>
          {t('jobs.customer')}: {job.customer.name}
          {job.customer.phone ? ` · ${job.customer.phone}` : ''}
        </Body>
      ) : null}
      <Body>
        {job.appointment
          ? `${t('jobs.appointment')}: ${formatDateTime(job.appointment.start, locale, job.appointment.timeZone)}`
          : `${t('offers.window')}: ${formatRange(job.window.start, job.window.end, locale)}`}
      </Body>
      <Body>{t('offers.panels', { count: job.panelCount })}</Body>
      <View style={styles.row}>
        {onOpen ? (
          <Button
            testID={`job-open-${job.jobId}`}
            title={t('jobs.details')}
            accessibilityLabel={t('jobs.detailsLabel', { address })}
            onPress={() => onOpen(job.jobId)}
          />
        ) : null}
        <Button
          testID={`open-maps-${job.jobId}`}
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
  );
}

/** Accepted jobs with the exact address; hidden from screenshots and the app switcher. */
export function JobsScreen({
  refreshKey = 0,
  onOpen,
  onOpenAvailability,
  onOpenEarnings,
}: {
  refreshKey?: number;
  onOpen?: (jobId: string) => void;
  onOpenAvailability?: () => void;
  onOpenEarnings?: () => void;
}) {
  const { api } = useApp();
  const { t } = useI18n();
  useSecureScreen('jobs');
  const loader = useCallback(() => api.jobs(), [api]);
  const { state, refreshing, reload, refresh } = useLoad<Page<InstallerJob>>(loader, refreshKey);

  return (
    <View style={{ flex: 1 }}>
      <FlatList
        testID="jobs"
        contentContainerStyle={styles.screen}
        focusable={WEB_FOCUSABLE}
        data={state.status === 'ready' ? state.data.items : []}
        keyExtractor={(j) => j.jobId}
        refreshControl={<RefreshControl refreshing={refreshing} onRefresh={refresh} />}
        ListHeaderComponent={
          <>
            <Heading>{t('jobs.title')}</Heading>
            {onOpenAvailability || onOpenEarnings ? (
              <View style={styles.row}>
                {onOpenAvailability ? (
                  <Button testID="open-availability" title={t('jobs.availability')} variant="secondary" onPress={onOpenAvailability} />
                ) : null}
                {onOpenEarnings ? <Button testID="open-earnings" title={t('jobs.earnings')} variant="secondary" onPress={onOpenEarnings} /> : null}
              </View>
            ) : null}
          </>
        }
        ListEmptyComponent={
          state.status === 'loading' ? (
            <Loading />
          ) : state.status === 'error' ? (
            <ErrorState error={state.error} onRetry={reload} />
          ) : (
            <EmptyState message={t('jobs.empty')} />
          )
        }
        renderItem={({ item }) => <JobCard job={item} onOpen={onOpen} />}
      />
    </View>
  );
}
