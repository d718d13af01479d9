import React, { useCallback } from 'react';
import { FlatList, Pressable, RefreshControl, View } from 'react-native';
import { useApp } from '../core/AppContext';
import { useLoad } from '../core/useLoad';
import { useI18n } from '../i18n/I18nContext';
import type { Order, Page } from '../api/types';
import { formatDate, formatMoney } from '../format';
import { Body, EmptyState, ErrorState, Heading, Loading, WEB_FOCUSABLE, styles } from '../components/ui';

export function OrdersScreen({ onOpen, refreshKey = 0 }: { onOpen: (orderId: string) => void; refreshKey?: number }) {
  const { api } = useApp();
  const { t, locale } = useI18n();
  const loader = useCallback(() => api.orders(), [api]);
  const { state, refreshing, reload, refresh } = useLoad<Page<Order>>(loader, refreshKey);

  return (
    <View style={{ flex: 1 }}>
      <FlatList
        testID="orders"
        contentContainerStyle={styles.screen}
        focusable={WEB_FOCUSABLE}
        data={state.status === 'ready' ? state.data.items : []}
        keyExtractor={(o) => o.id}
        refreshControl={<RefreshControl refreshing={refreshing} onRefresh={refresh} />}
        ListHeaderComponent={<Heading>{t('orders.title')}</Heading>}
        ListEmptyComponent={
          state.status === 'loading' ? (
            <Loading />
          ) : state.status === 'error' ? (
            <ErrorState error={state.error} onRetry={reload} />
          ) : (
            <EmptyState message={t('orders.empty')} />
          )
        }
        renderItem={({ item }) => {
          const panels = item.items.reduce((n, i) => n + i.quantity, 0);
          const status = t(`status.${item.status}`);
          const placed = t('orders.placed', { date: formatDate(item.createdAt, locale) });
          const total = formatMoney(item.total, locale);
          return (
            <Pressable
              testID={`order-${item.id}`}
              accessibilityRole="button"
              onPress={() => onOpen(item.id)}
              style={({ pressed }) => [styles.card, { minHeight: 44 }, pressed && styles.pressed]}
            >
              <Body style={{ fontSize: 18, fontWeight: '600' }}>{status}</Body>
              <Body muted>{placed}</Body>
              <Body>
                {t('offers.panels', { count: panels })} · {total}
              </Body>
            </Pressable>
          );
        }}
      />
    </View>
  );
}
