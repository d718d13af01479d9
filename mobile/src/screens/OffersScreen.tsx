import React, { useCallback, useState } from 'react';
import { FlatList, RefreshControl, View } from 'react-native';
import { useApp } from '../core/AppContext';
import { useLoad } from '../core/useLoad';
import { useI18n } from '../i18n/I18nContext';
import type { Offer } from '../api/types';
import { EmptyState, ErrorState, Heading, Loading, Notice, WEB_FOCUSABLE, styles } from '../components/ui';
import { OfferCard, type OfferActions } from '../components/OfferCard';

/** Accept/decline with the list updated; 409 offer_taken removes the offer and says why. */
export function useOfferActions(remove: (offerId: string) => void, onNotice: (text: string) => void): OfferActions {
  const { api } = useApp();
  const { t } = useI18n();
  return {
    accept: async (offerId) => {
      // a 409 offer_taken is thrown on: the card shows the sentence and the next refresh drops the offer
      await api.acceptOffer(offerId);
      onNotice(t('offers.accepted'));
      remove(offerId);
    },
    decline: async (offerId) => {
      await api.declineOffer(offerId);
      onNotice(t('offers.declined'));
      remove(offerId);
    },
  };
}

export function OffersScreen({ refreshKey = 0 }: { refreshKey?: number }) {
  const { api } = useApp();
  const { t } = useI18n();
  const loader = useCallback(() => api.offers(), [api]);
  const { state, refreshing, reload, refresh, setData } = useLoad<Offer[]>(loader, refreshKey);
  const [notice, setNotice] = useState<string | null>(null);
  const remove = (offerId: string) => setData((offers) => offers.filter((o) => o.offerId !== offerId));
  const actions = useOfferActions(remove, setNotice);

  return (
    <View style={{ flex: 1 }}>
      <FlatList
        testID="offers"
        contentContainerStyle={styles.screen}
        focusable={WEB_FOCUSABLE}
        data={state.status === 'ready' ? state.data : []}
        keyExtractor={(o) => o.offerId}
        refreshControl={<RefreshControl refreshing={refreshing} onRefresh={refresh} />}
        ListHeaderComponent={
          <View>
            <Heading>{t('offers.title')}</Heading>
            <Notice message={notice} />
          </View>
        }
        ListEmptyComponent={
          state.status === 'loading' ? (
            <Loading />
          ) : state.status === 'error' ? (
            <ErrorState error={state.error} onRetry={reload} />
          ) : (
            <EmptyState message={t('offers.empty')} />
          )
        }
        renderItem={({ item }) => <OfferCard offer={item} actions={actions} />}
      />
    </View>
  );
}
