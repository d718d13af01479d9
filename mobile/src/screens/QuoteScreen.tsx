import React, { useMemo, useRef, useState } from 'react';
import { AccessibilityInfo, Linking, Platform, Pressable, ScrollView, Text, TextInput, View } from 'react-native';
import { ApiError } from '../api/errors';
import { resolveBaseUrl } from '../api/config';
import { createQuoteApi, QuoteError, quoteRequestFor, webQuoteUrl, type Place, type Quote, type QuoteApi } from '../api/quote';
import { useI18n } from '../i18n/I18nContext';
import type { StringKey } from '../i18n/strings';
import { formatMoney } from '../format';
import { Body, Button, Card, ErrorText, Heading, Loading, Subheading, WEB_FOCUSABLE, colors, styles } from '../components/ui';

/** The panel the quote was opened for (a catalog row); none means the server chooses. */
export interface QuotePanel {
  id: string;
  name: string;
}

export interface QuoteScreenProps {
  panel?: QuotePanel | null;
  onBack?: () => void;
  /** for tests; the app uses the public endpoints at the API base URL */
  quoteApi?: QuoteApi;
  /** the API base URL; the website's quote step is opened at the same origin */
  baseUrl?: string;
}

/** The same base URL rules as the app's session (src/core/services.ts); '' when this build has none. */
function appBaseUrl(): string {
  try {
    const isWeb = Platform.OS === 'web';
    const origin = isWeb && typeof window !== 'undefined' ? window.location.origin : null;
    return resolveBaseUrl({ configured: process.env.EXPO_PUBLIC_API_URL, isWeb, origin, isDev: __DEV__ });
  } catch {
    return '';
  }
}

/** 4xx codes of the places search and the quote with a sentence of their own (src/i18n/quote.ts). */
const QUOTE_CODES = [
  'validation_failed',
  'address_not_found',
  'place_not_found',
  'country_not_served',
  'unknown_panel',
  'no_panels',
  'out_of_stock',
  'bad_request',
  'malformed_json',
  'malformed_request',
  'payload_too_large',
  'unsupported_media_type',
  'forbidden',
  'host_not_allowed',
  'ip_blocked',
  'not_found',
  'conflict',
  'rate_limited',
  'too_many_concurrent_requests',
] as const;

const MIN_QUERY = 3;

/** Parses "300", "312.5" or "312,5"; null when it is not a number. */
function parseKwh(text: string): number | null {
  const cleaned = text.trim().replace(',', '.');
  if (!/^\d+(\.\d+)?$/.test(cleaned)) return null;
  const value = Number(cleaned);
  return Number.isFinite(value) ? value : null;
}

/** A place in the suggestion list: a 44 pt+ pressable row. */
function PlaceRow({ place, index, onPick }: { place: Place; index: number; onPick: (p: Place) => void }) {
  return (
    <Pressable
      testID={`place-${index}`}
      accessibilityRole="button"
      accessibilityLabel={place.label}
      onPress={() => onPick(place)}
      style={({ pressed }) => [
        { minHeight: 44, justifyContent: 'center', paddingVertical: 10, paddingHorizontal: 12, borderWidth: 1, borderColor: colors.border, borderRadius: 8, backgroundColor: colors.card },
        pressed && styles.pressed,
      ]}
    >
      <Text style={styles.body}>{place.label}</Text>
    </Pressable>
  );
}

/**
 * "Get a quote": monthly use, the home's address (searched, then picked), optionally a panel →
 * POST /api/v1/quotes → panels, kWp, yearly production, price and the assumptions; "Order on the website" opens
 * the web shop's quote step at the API's origin (ordering and paying stay on the website).
 */
export function QuoteScreen({ panel: initialPanel = null, onBack, quoteApi, baseUrl }: QuoteScreenProps) {
  const { t, locale, errorText } = useI18n();
  const base = useMemo(() => baseUrl ?? appBaseUrl(), [baseUrl]);
  const api = useMemo(() => quoteApi ?? createQuoteApi(base), [quoteApi, base]);
  const number = (n: number, options?: Intl.NumberFormatOptions) => new Intl.NumberFormat(locale, { maximumFractionDigits: 1, ...options }).format(n);

  const [panel, setPanel] = useState<QuotePanel | null>(initialPanel);
  const [kwhText, setKwhText] = useState('');
  const [kwhError, setKwhError] = useState<string | null>(null);
  const [query, setQuery] = useState('');
  const [places, setPlaces] = useState<Place[] | null>(null);
  const [searching, setSearching] = useState(false);
  const [placeError, setPlaceError] = useState<string | null>(null);
  const [picked, setPicked] = useState<Place | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<{ quote: Quote; monthlyKwh: number; place: Place } | null>(null);
  const searchSeq = useRef(0);

  /** The sentence for a failed search or quote: the quote's own for its 4xx codes, else the app's. */
  const sentence = (e: unknown): string => {
    if (!(e instanceof ApiError)) return errorText(e);
    if (e.code === 'rate_limited' && e.retryAfterSeconds) return t('quote.error.rate_limited_wait', { seconds: e.retryAfterSeconds });
    if (e.code === 'address_not_found' && e instanceof QuoteError && e.suggestions.length > 0) {
      return t('quote.error.address_not_found_suggestions');
    }
    if ((QUOTE_CODES as readonly string[]).includes(e.code)) return t(`quote.error.${e.code}` as StringKey);
    if (e.status >= 400 && e.status < 500 && e.code === 'unknown_error') return t('quote.error.client');
    return errorText(e);
  };

  const search = async () => {
    const q = query.trim();
    setPlaceError(null);
    if (q.length < MIN_QUERY) {
      setPlaceError(t('quote.queryShort'));
      return;
    }
    const seq = ++searchSeq.current;
    setSearching(true);
    try {
      const found = await api.searchPlaces(q);
      if (seq !== searchSeq.current) return;
      setPlaces(found);
      if (found.length === 0) setPlaceError(t('quote.noPlaces'));
      else AccessibilityInfo.announceForAccessibility?.(t('quote.suggestions', { count: found.length }));
    } catch (e) {
      if (seq === searchSeq.current) setPlaceError(sentence(e));
    } finally {
      if (seq === searchSeq.current) setSearching(false);
    }
  };

  const pick = (place: Place) => {
    setPicked(place);
    setPlaces(null);
    setPlaceError(null);
    setError(null);
    setQuery(place.label);
    AccessibilityInfo.announceForAccessibility?.(t('quote.picked', { place: place.label }));
  };

  const changePlace = () => {
    setPicked(null);
    setResult(null);
  };

  const submit = async () => {
    setError(null);
    const kwhEmpty = kwhText.trim() === '';
    const kwh = parseKwh(kwhText);
    const kwhProblem = kwhEmpty ? t('quote.kwhMissing') : kwh === null || kwh < 1 || kwh > 100000 ? t('quote.kwhInvalid') : null;
    setKwhError(kwhProblem);
    const placeProblem = picked ? null : t('quote.pickPlace');
    setPlaceError(placeProblem);
    if (kwhProblem || placeProblem || kwh === null || !picked) return;
    setSubmitting(true);
    setResult(null);
    try {
      const quote = await api.quote(quoteRequestFor(kwh, picked, panel?.id));
      setResult({ quote, monthlyKwh: kwh, place: picked });
      AccessibilityInfo.announceForAccessibility?.(
        `${t('quote.resultTitle')}: ${t('quote.panels', { count: quote.panelCount, panel: quote.panel.name })}, ${t('quote.price', { price: formatMoney(quote.price, locale) })}`,
      );
    } catch (e) {
      setError(sentence(e));
      if (e instanceof QuoteError && e.code === 'address_not_found') {
        setPicked(null);
        setPlaces(e.suggestions);
      }
    } finally {
      setSubmitting(false);
    }
  };

  const [openError, setOpenError] = useState<string | null>(null);
  const orderOnWebsite = async (r: { quote: Quote; monthlyKwh: number; place: Place }) => {
    setOpenError(null);
    const url = webQuoteUrl(base, { monthlyKwh: r.monthlyKwh, place: r.place, panelId: r.quote.panel.id });
    try {
      await Linking.openURL(url);
    } catch {
      setOpenError(t('quote.orderFailed', { url }));
    }
  };

  const q = result?.quote;
  return (
    <ScrollView contentContainerStyle={styles.screen} focusable={WEB_FOCUSABLE} keyboardShouldPersistTaps="handled" testID="quote-screen">
      {onBack ? <Button title={t('common.back')} variant="secondary" onPress={onBack} testID="quote-back" style={{ alignSelf: 'flex-start' }} /> : null}
      <Heading>{t('quote.title')}</Heading>
      <Body muted>{t('quote.lead')}</Body>

      {panel ? (
        <View style={styles.row} testID="quote-panel">
          <Body>{t('quote.forPanel', { panel: panel.name })}</Body>
          <Button
            title={t('quote.anyPanel')}
            variant="secondary"
            accessibilityHint={t('quote.anyPanelHint')}
            onPress={() => setPanel(null)}
            testID="quote-any-panel"
          />
        </View>
      ) : null}

      <Text nativeID="kwh-label" style={styles.body}>
        {t('quote.kwh')}
      </Text>
      <TextInput
        testID="quote-kwh"
        style={styles.input}
        value={kwhText}
        onChangeText={setKwhText}
        keyboardType="decimal-pad"
        inputMode="decimal"
        placeholder="300"
        accessibilityLabel={t('quote.kwh')}
        accessibilityLabelledBy="kwh-label"
        accessibilityHint={t('quote.kwhHint')}
        aria-invalid={!!kwhError}
      />
      <Body muted>{t('quote.kwhHint')}</Body>
      <ErrorText message={kwhError} testID="kwh-error" />

      {picked ? (
        <View style={{ gap: 8 }}>
          <Body testID="quote-picked">{t('quote.picked', { place: picked.label })}</Body>
          <Button title={t('quote.change')} variant="secondary" onPress={changePlace} testID="quote-change-place" style={{ alignSelf: 'flex-start' }} />
        </View>
      ) : (
        <View style={{ gap: 8 }}>
          <Text nativeID="address-label" style={styles.body}>
            {t('quote.address')}
          </Text>
          <TextInput
            testID="quote-address"
            style={styles.input}
            value={query}
            onChangeText={setQuery}
            onSubmitEditing={search}
            returnKeyType="search"
            autoComplete="postal-address"
            textContentType="fullStreetAddress"
            accessibilityLabel={t('quote.address')}
            accessibilityLabelledBy="address-label"
            accessibilityHint={t('quote.addressHint')}
          />
          <Button title={searching ? t('quote.searching') : t('quote.search')} variant="secondary" busy={searching} onPress={search} testID="place-search" />
          {places && places.length > 0 ? (
            <View style={{ gap: 8 }} testID="places" accessibilityLabel={t('quote.suggestions', { count: places.length })}>
              {error ? <Body>{t('quote.didYouMean')}</Body> : null}
              {places.map((p, i) => (
                <PlaceRow key={`${p.label}-${i}`} place={p} index={i} onPick={pick} />
              ))}
            </View>
          ) : null}
        </View>
      )}
      <ErrorText message={placeError} testID="place-error" />

      <Button title={t('quote.submit')} busy={submitting} onPress={submit} testID="quote-submit" />
      {submitting ? <Loading testID="quote-loading" /> : null}
      <ErrorText message={error} testID="quote-error" />

      {q && result ? (
        <Card testID="quote-result">
          <Subheading>{t('quote.resultTitle')}</Subheading>
          <Body>{t('quote.panels', { count: q.panelCount, panel: q.panel.name })}</Body>
          <Body>{t('quote.kwp', { kwp: number(q.systemKwp, { maximumFractionDigits: 2 }) })}</Body>
          <Body>{t('quote.production', { kwh: number(q.annualProductionKwh, { maximumFractionDigits: 0 }) })}</Body>
          <Body testID="quote-price" style={{ fontSize: 18, fontWeight: '700' }}>
            {t('quote.price', { price: formatMoney(q.price, locale) })}
          </Body>
          <Body muted>{t('quote.priceDetail', { panels: formatMoney(q.panelsTotal, locale), fee: formatMoney(q.installationFee, locale) })}</Body>
          {q.place ? <Body muted>{t('quote.place', { place: q.place.label })}</Body> : null}
          {q.assumptions ? (
            <View testID="quote-assumptions" style={{ gap: 4 }}>
              <Subheading>{t('quote.assumptions')}</Subheading>
              <Body muted>{t('quote.assumptionSun', { hours: number(q.assumptions.peakSunHours) })}</Body>
              <Body muted>{t('quote.assumptionRatio', { ratio: number(q.assumptions.performanceRatio, { style: 'percent', maximumFractionDigits: 0 }) })}</Body>
              {q.assumptions.model ? <Body muted>{t('quote.assumptionModel', { model: q.assumptions.model })}</Body> : null}
            </View>
          ) : null}
          <Button title={t('quote.order')} accessibilityHint={t('quote.orderHint')} onPress={() => orderOnWebsite(result)} testID="quote-order" />
          <ErrorText message={openError} testID="quote-open-error" />
        </Card>
      ) : null}
    </ScrollView>
  );
}
