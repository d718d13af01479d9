import React, { useState } from 'react';
import { View } from 'react-native';
import type { Offer } from '../api/types';
import { useI18n } from '../i18n/I18nContext';
import { formatRange } from '../format';
import { Body, Button, Card, ErrorText, styles } from './ui';
import { Countdown } from './Countdown';

export interface OfferActions {
  accept(offerId: string): Promise<void>;
  decline(offerId: string): Promise<void>;
}

/** One offer: the approximate area only (town, postal code, distance), never the customer's address. */
export function OfferCard({ offer, actions }: { offer: Offer; actions: OfferActions }) {
  const { t, locale, errorText } = useI18n();
  const [busy, setBusy] = useState<'accept' | 'decline' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [expired, setExpired] = useState(() => new Date(offer.expiresAt).getTime() <= Date.now());
  const area = `${offer.postalCode} ${offer.city}`;

  const run = async (kind: 'accept' | 'decline') => {
    setBusy(kind);
    setError(null);
    try {
      await (kind === 'accept' ? actions.accept(offer.offerId) : actions.decline(offer.offerId));
    } catch (e) {
      setError(errorText(e));
      setBusy(null);
    }
  };

  return (
    <Card testID={`offer-${offer.offerId}`}>
      <Body style={{ fontSize: 18, fontWeight: '600' }}>{area}</Body>
      <Body muted>{t('offers.distance', { km: offer.distanceKm })}</Body>
      <Body>
        {t('offers.window')}: {formatRange(offer.window.start, offer.window.end, locale)}
      </Body>
      <Body>{t('offers.panels', { count: offer.panelCount })}</Body>
      <Countdown expiresAt={offer.expiresAt} testID={`countdown-${offer.offerId}`} onExpire={() => setExpired(true)} />
      <ErrorText message={error} testID={`offer-error-${offer.offerId}`} />
      <View style={styles.row}>
        <Button
          testID={`accept-${offer.offerId}`}
          title={t('offers.accept')}
          accessibilityLabel={t('offers.acceptLabel', { area })}
          busy={busy === 'accept'}
          disabled={expired || busy !== null}
          onPress={() => run('accept')}
        />
        <Button
          testID={`decline-${offer.offerId}`}
          title={t('offers.decline')}
          accessibilityLabel={t('offers.declineLabel', { area })}
          variant="secondary"
          busy={busy === 'decline'}
          disabled={busy !== null}
          onPress={() => run('decline')}
        />
      </View>
    </Card>
  );
}
