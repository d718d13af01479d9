import React, { useCallback } from 'react';
import { FlatList, RefreshControl, View } from 'react-native';
import { useApp } from '../core/AppContext';
import { useLoad } from '../core/useLoad';
import { useI18n } from '../i18n/I18nContext';
import type { Page, Panel } from '../api/types';
import { formatMoney } from '../format';
import { Body, Button, Card, EmptyState, ErrorState, Heading, Loading, WEB_FOCUSABLE, styles } from '../components/ui';
import type { QuotePanel } from './QuoteScreen';

/** The public catalog, read-only; "Get a quote" (for any panel or a row's panel) opens the quote screen. */
export function CatalogScreen({ onQuote }: { onQuote?: (panel: QuotePanel | null) => void } = {}) {
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
        ListHeaderComponent={
          <View style={{ gap: 8 }}>
            <Heading>{t('catalog.title')}</Heading>
            {onQuote ? <Button title={t('quote.open')} onPress={() => onQuote(null)} testID="open-quote" /> : null}
          </View>
        }
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
            {onQuote ? (
              <Button
                title={t('quote.open')}
                variant="secondary"
                accessibilityLabel={t('quote.openForPanel', { panel: item.name })}
                onPress={() => onQuote({ id: item.id, name: item.name })}
                testID={`quote-panel-${item.id}`}
                style={{ alignSelf: 'flex-start', marginTop: 4 }}
              />
            ) : null}
          </Card>
        )}
      />
    </View>
  );
}
