import React, { useCallback } from 'react';
import { FlatList, RefreshControl, View } from 'react-native';
import { useApp } from '../core/AppContext';
import { useLoad } from '../core/useLoad';
import { useI18n } from '../i18n/I18nContext';
import type { Page, Panel } from '../api/types';
import { formatMoney } from '../format';
import { Body, Card, EmptyState, ErrorState, Heading, Loading, WEB_FOCUSABLE, styles } from '../components/ui';

/** The public catalog, read-only. */
export function CatalogScreen() {
  const { api } = useApp();
  const { t, locale } = useI18n();
  const loader = useCallback(() => api.panels(), [api]);
  const { state, refreshing, reload, refresh } = useLoad<Page<Panel>>(loader);
  const number = (n: number) => new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(n);

  return (
    <View style={{ flex: 1 }}>
      <FlatList
        testID="panels"
        contentContainerStyle={styles.screen}
        focusable={WEB_FOCUSABLE}
        data={state.status === 'ready' ? state.data.items : []}
        keyExtractor={(p) => p.id}
        refreshControl={<RefreshControl refreshing={refreshing} onRefresh={refresh} />}
        ListHeaderComponent={<Heading>{t('catalog.title')}</Heading>}
        ListEmptyComponent={
          state.status === 'loading' ? (
            <Loading />
          ) : state.status === 'error' ? (
            <ErrorState error={state.error} onRetry={reload} />
          ) : (
            <EmptyState message={t('catalog.empty')} />
          )
        }
        renderItem={({ item }) => (
          <Card testID={`panel-${item.id}`}>
            <Body style={{ fontSize: 18, fontWeight: '600' }}>{item.name}</Body>
            <Body muted>{item.manufacturer}</Body>
            <Body>
              {t('catalog.watts', { watts: item.wattsPeak })} · {t('catalog.efficiency', { pct: number(item.efficiencyPercent) })}
            </Body>
            <Body style={{ fontWeight: '600' }}>{formatMoney(item.price, locale)}</Body>
            <Body muted>{item.stock > 0 ? t('catalog.stock', { count: item.stock }) : t('catalog.outOfStock')}</Body>
          </Card>
        )}
      />
    </View>
  );
}
