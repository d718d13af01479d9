import React, { useCallback, useState } from 'react';
import { useApp } from '../core/AppContext';
import { useLoad } from '../core/useLoad';
import { useI18n } from '../i18n/I18nContext';
import type { Offer } from '../api/types';
import { Button, EmptyState, ErrorState, Heading, Loading, Notice, ScreenScroll } from '../components/ui';
import { OfferCard } from '../components/OfferCard';
import { useOfferActions } from './OffersScreen';

/** One offer, opened from a deep link (sundispatchpro://offers/<offerId>) or a push notification. */
export function OfferScreen({ offerId, onBack }: { offerId: string; onBack?: () => void }) {
  const { api } = useApp();
  const { t } = useI18n();
  const loader = useCallback(async () => (await api.offers()).find((o) => o.offerId === offerId) ?? null, [api, offerId]);
  const { state, reload, setData } = useLoad<Offer | null>(loader);
  const [notice, setNotice] = useState<string | null>(null);
  const actions = useOfferActions(() => setData(() => null), setNotice);

  return (
    <ScreenScroll testID="offer-screen">
      {onBack ? <Button testID="back" title={t('common.back')} variant="secondary" onPress={onBack} style={{ alignSelf: 'flex-start' }} /> : null}
      <Heading>{t('offer.title')}</Heading>
      <Notice message={notice} />
      {state.status === 'loading' && <Loading />}
      {state.status === 'error' && <ErrorState error={state.error} onRetry={reload} />}
      {state.status === 'ready' &&
        (state.data ? <OfferCard offer={state.data} actions={actions} /> : notice ? null : <EmptyState message={t('offer.gone')} />)}
    </ScreenScroll>
  );
}
