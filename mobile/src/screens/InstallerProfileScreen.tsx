import React, { useCallback } from 'react';
import { Text, View } from 'react-native';
import { useApp } from '../core/AppContext';
import { useLoad } from '../core/useLoad';
import { useI18n } from '../i18n/I18nContext';
import { ApiError } from '../api/errors';
import type { InstallerProfile, PublicReview } from '../api/homeownerApi';
import { formatDate } from '../format';
import { Body, Button, Card, colors, ErrorState, Heading, Loading, ScreenScroll, Subheading, styles } from '../components/ui';

/**
 * 404 is the server's one answer for an unknown, revoked or banned installer (it does not say which); 400 is an id
 * no installer can have (an old or mangled deep link). Both mean there is no profile to show, not "try again".
 */
function isGone(error: unknown): boolean {
  return error instanceof ApiError && (error.status === 404 || error.status === 400);
}

/** "DE" → "Germany" in the UI language; the code itself where the platform has no Intl.DisplayNames. */
function countryName(code: string, locale: string): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** "10115 Berlin, Germany"; '' when the area has no address (installers approved before addresses were asked for). */
function placeOf(area: InstallerProfile['area'], locale: string): string {
  // typed as strings, but null for those older installers (docs/web-client.md)
  const postalCode = area.postalCode as string | null;
  const city = area.city as string | null;
  const country = area.country as string | null;
  return [[postalCode, city].filter(Boolean).join(' '), country ? countryName(country, locale) : null].filter(Boolean).join(', ');
}

/** The stars as glyphs for the eye and as one sentence ("4 of 5 stars") for screen readers. */
function Stars({ rating, testID }: { rating: number; testID?: string }) {
  const { t } = useI18n();
  const full = Math.max(0, Math.min(5, Math.round(rating)));
  return (
    <Text
      accessibilityRole="image"
      accessibilityLabel={t('profile.stars', { count: full })}
      style={{ fontSize: 20, color: colors.primary, letterSpacing: 2 }}
      testID={testID}
    >
      {'★'.repeat(full) + '☆'.repeat(5 - full)}
    </Text>
  );
}

function ReviewCard({ review, index }: { review: PublicReview; index: number }) {
  const { t, locale } = useI18n();
  const date = formatDate(review.createdAt, locale);
  return (
    <Card testID={`review-${index}`}>
      <Stars rating={review.rating} testID={`review-${index}-stars`} />
      {review.comment ? <Body>{review.comment}</Body> : null}
      <Body muted>{[review.author ?? t('profile.formerCustomer'), date].filter(Boolean).join(' · ')}</Body>
    </Card>
  );
}

/**
 * The public profile of the installer assigned to an order: what the website shows at #/installers/{id} (company,
 * verified since, service area, rating and the latest 20 reviews), from the same anonymous endpoint.
 */
export function InstallerProfileScreen({ installerId, onBack }: { installerId: string; onBack?: () => void }) {
  const { api } = useApp();
  const { t, locale } = useI18n();
  const loader = useCallback(() => api.installerProfile(installerId), [api, installerId]);
  const { state, reload } = useLoad<InstallerProfile>(loader);
  const number = (n: number, digits = 0) => new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(n);

  const back = onBack ? (
    <View style={styles.row}>
      <Button testID="back" title={t('common.back')} variant="secondary" onPress={onBack} />
    </View>
  ) : null;

  if (state.status !== 'ready') {
    return (
      <ScreenScroll testID="installer-profile">
        {back}
        <Heading>{t('profile.title')}</Heading>
        {state.status === 'loading' ? (
          <Loading />
        ) : isGone(state.error) ? (
          <View style={styles.center} testID="profile-not-found">
            <Body>{t('profile.notFound')}</Body>
          </View>
        ) : (
          <ErrorState error={state.error} onRetry={reload} />
        )}
      </ScreenScroll>
    );
  }

  const p = state.data;
  const place = placeOf(p.area, locale);
  const { average, count } = p.rating;
  return (
    <ScreenScroll testID="installer-profile">
      {back}
      <Heading testID="profile-company">{p.company}</Heading>
      {p.verifiedSince ? <Body muted testID="profile-verified">{t('profile.verifiedSince', { date: formatDate(p.verifiedSince, locale) })}</Body> : null}
      {p.area.radiusKm && place ? <Body testID="profile-area">{t('profile.area', { radius: number(p.area.radiusKm), place })}</Body> : null}
      {/* like the website: no summary without reviews (average is null then); the list below says "No reviews yet" */}
      {count > 0 && average !== null ? (
        <Body testID="profile-rating" style={{ fontWeight: '600' }}>
          {t(count === 1 ? 'profile.ratingOne' : 'profile.ratingMany', { average: number(average, 1), count: number(count) })}
        </Body>
      ) : null}

      <Subheading>{t('profile.reviews')}</Subheading>
      {p.reviews.length === 0 ? (
        // Under its heading, not centred in the screen like a whole screen's empty state.
        <Body muted testID="empty-state">{t('profile.noReviews')}</Body>
      ) : (
        <View testID="profile-reviews" style={{ gap: 12 }}>
          {p.reviews.map((review, index) => (
            <ReviewCard key={`${review.createdAt}-${index}`} review={review} index={index} />
          ))}
        </View>
      )}
    </ScreenScroll>
  );
}
