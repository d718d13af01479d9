import React, { useCallback } from 'react';
import { RefreshControl, ScrollView, View } from 'react-native';
import { useApp } from '../core/AppContext';
import { useLoad } from '../core/useLoad';
import { useI18n } from '../i18n/I18nContext';
import type { Installation, Order } from '../api/types';
import { formatDateTime, formatMoney, formatRange } from '../format';
import { Body, Button, Card, colors, ErrorState, Heading, Loading, Subheading, styles, WEB_FOCUSABLE } from '../components/ui';
import { buildTimeline } from './timeline';
import { InstallationActions } from './InstallationActions';

interface OrderData {
  order: Order;
  installation: Installation | null;
}

export function OrderScreen({
  orderId,
  onBack,
  onOpenInstaller,
}: {
  orderId: string;
  onBack?: () => void;
  /** opens the assigned installer's public profile */
  onOpenInstaller?: (installerId: string) => void;
}) {
  const { api } = useApp();
  const { t, locale } = useI18n();
  const loader = useCallback(async (): Promise<OrderData> => {
    const [order, installation] = await Promise.all([api.order(orderId), api.installation(orderId)]);
    return { order, installation };
  }, [api, orderId]);
  const { state, refreshing, reload, refresh, setData } = useLoad<OrderData>(loader);

  const back = onBack ? <Button testID="back" title={t('common.back')} variant="secondary" onPress={onBack} style={{ alignSelf: 'flex-start' }} /> : null;

  if (state.status === 'loading') {
    return (
      <View style={[styles.screen, { flex: 1 }]}>
        {back}
        <Heading>{t('order.title')}</Heading>
        <Loading />
      </View>
    );
  }
  if (state.status === 'error') {
    return (
      <View style={[styles.screen, { flex: 1 }]}>
        {back}
        <Heading>{t('order.title')}</Heading>
        <ErrorState error={state.error} onRetry={reload} />
      </View>
    );
  }
  const { order, installation } = state.data;
  const steps = buildTimeline(order, installation);
  const installer = installation?.installer ?? null;

  return (
    <ScrollView
      contentContainerStyle={styles.screen}
      focusable={WEB_FOCUSABLE}
      refreshControl={<RefreshControl refreshing={refreshing} onRefresh={refresh} />}
      testID="order-screen"
    >
      {back}
      <Heading>{t('order.title')}</Heading>
      <Body muted>{t('order.status')}</Body>
      <Body testID="order-status" style={{ fontSize: 20, fontWeight: '700' }}>
        {t(`status.${order.status}`)}
      </Body>

      <Subheading>{t('order.timeline')}</Subheading>
      <View testID="timeline" style={{ gap: 8 }}>
        {steps.map((step) => (
          <View
            key={step.status}
            testID={`timeline-step-${step.status}`}
            style={{ flexDirection: 'row', gap: 12, alignItems: 'center', minHeight: 44 }}
          >
            <View
              style={{
                width: 16,
                height: 16,
                borderRadius: 8,
                borderWidth: 2,
                borderColor: step.state === 'upcoming' ? colors.border : colors.primary,
                backgroundColor: step.state === 'upcoming' ? colors.background : colors.primary,
              }}
            />
            <View style={{ flex: 1 }}>
              <Body style={step.state === 'current' ? { fontWeight: '700' } : step.state === 'upcoming' ? { color: colors.muted } : undefined}>
                {t(`status.${step.status}`)}
              </Body>
              {step.at ? <Body muted>{formatDateTime(step.at, locale)}</Body> : null}
            </View>
          </View>
        ))}
      </View>

      <Subheading>{t('order.installer')}</Subheading>
      {installer ? (
        <Card testID="installer">
          <Body style={{ fontWeight: '600' }}>{installer.companyName}</Body>
          <Body>{installer.name}</Body>
          <Body>
            {installer.rating > 0
              ? t('order.rating', { rating: new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(installer.rating) })
              : t('order.noRating')}
          </Body>
          {installation?.appointment ? (
            <Body>
              {t('order.appointment')}: {formatDateTime(installation.appointment.start, locale, installation.appointment.timeZone)}
            </Body>
          ) : null}
          {onOpenInstaller && installer.id ? (
            <Button
              testID="view-installer-profile"
              title={t('profile.view')}
              accessibilityLabel={t('profile.viewLabel', { company: installer.companyName })}
              variant="secondary"
              onPress={() => onOpenInstaller(installer.id)}
              style={{ alignSelf: 'flex-start' }}
            />
          ) : null}
        </Card>
      ) : (
        <Body muted testID="no-installer">
          {t('order.noInstaller')}
        </Body>
      )}
      {installation && installation.installer ? (
        <InstallationActions
          installation={installation}
          country={order.installation.country}
          onChange={(next) => {
            setData((d) => ({ ...d, installation: next }));
            // the order's status follows the job's
            api.order(orderId).then(
              (fresh) => setData((d) => ({ ...d, order: fresh })),
              () => undefined,
            );
          }}
        />
      ) : null}
      <Body>
        {t('order.window')}: {formatRange(order.installation.preferredStart, order.installation.preferredEnd, locale)}
      </Body>

      <Subheading>{t('order.items')}</Subheading>
      {order.items.map((item) => (
        <View key={item.panelId} style={[styles.row, { justifyContent: 'space-between' }]}>
          <Body style={{ flexShrink: 1 }}>
            {item.quantity} × {item.panelName}
          </Body>
          <Body>{formatMoney(item.lineTotal, locale)}</Body>
        </View>
      ))}
      <View style={[styles.row, { justifyContent: 'space-between' }]}>
        <Body style={{ fontWeight: '700' }}>{t('order.total')}</Body>
        <Body style={{ fontWeight: '700' }} testID="order-total">
          {formatMoney(order.total, locale)}
        </Body>
      </View>
    </ScrollView>
  );
}
