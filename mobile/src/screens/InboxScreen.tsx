import React, { useCallback, useEffect, useRef } from 'react';
import { AppState, Pressable, RefreshControl, ScrollView, View } from 'react-native';
import { useApp } from '../core/AppContext';
import { useLoad } from '../core/useLoad';
import { useI18n } from '../i18n/I18nContext';
import type { InboxResponse } from '../api/homeownerApi';
import { formatDateTime } from '../format';
import { Body, Button, colors, EmptyState, ErrorState, ErrorText, Heading, Loading, styles, WEB_FOCUSABLE } from '../components/ui';

const POLL_MS = 30_000;

/**
 * The notification inbox (GET /api/v1/me/notifications, polled with If-None-Match while shown). Opening an entry
 * marks it read and, when it has a link the app has a screen for, opens that screen.
 */
export function InboxScreen({ onBack, onOpenLink }: { onBack?: () => void; onOpenLink?: (link: string) => void }) {
  const { api } = useApp();
  const { t, locale, errorText } = useI18n();
  const etag = useRef<string | null>(null);
  const loader = useCallback(async (): Promise<InboxResponse> => {
    const result = await api.inbox(null);
    if (!result) throw new Error('unexpected 304');
    etag.current = result.etag;
    return result.inbox;
  }, [api]);
  const { state, refreshing, reload, refresh, setData } = useLoad<InboxResponse>(loader);
  const [error, setError] = React.useState<string | null>(null);

  // cheap polling: 304 while nothing changed
  useEffect(() => {
    const timer = setInterval(() => {
      if (AppState.currentState === 'background' || !etag.current) return;
      api.inbox(etag.current).then(
        (result) => {
          if (!result) return;
          etag.current = result.etag;
          setData(() => result.inbox);
        },
        () => undefined,
      );
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [api, setData]);

  const markLocally = (id: string | null) =>
    setData((d) => {
      const now = new Date().toISOString();
      const items = d.items.map((e) => (e.readAt || (id !== null && e.id !== id) ? e : { ...e, readAt: now }));
      return { ...d, items, unreadCount: items.filter((e) => !e.readAt).length };
    });

  const open = async (id: string, unread: boolean, link: string | null) => {
    setError(null);
    if (unread) {
      try {
        await api.markRead(id);
        markLocally(id);
      } catch (e) {
        setError(errorText(e));
        return;
      }
    }
    if (link) onOpenLink?.(link);
  };

  const markAll = async () => {
    setError(null);
    try {
      await api.markAllRead();
      markLocally(null);
    } catch (e) {
      setError(errorText(e));
    }
  };

  const back = onBack ? <Button testID="back" title={t('common.back')} variant="secondary" onPress={onBack} style={{ alignSelf: 'flex-start' }} /> : null;
  if (state.status !== 'ready') {
    return (
      <View style={[styles.screen, { flex: 1 }]}>
        {back}
        <Heading>{t('inbox.title')}</Heading>
        {state.status === 'loading' ? <Loading /> : <ErrorState error={state.error} onRetry={reload} />}
      </View>
    );
  }
  const { items, unreadCount } = state.data;
  return (
    <ScrollView
      contentContainerStyle={styles.screen}
      focusable={WEB_FOCUSABLE}
      refreshControl={<RefreshControl refreshing={refreshing} onRefresh={refresh} />}
      testID="inbox-screen"
    >
      {back}
      <Heading>{t('inbox.title')}</Heading>
      <ErrorText message={error} />
      {items.length === 0 ? (
        <EmptyState message={t('inbox.empty')} />
      ) : (
        <>
          {unreadCount > 0 && <Button testID="mark-all-read" title={t('inbox.markAllRead')} variant="secondary" onPress={() => void markAll()} />}
          <View testID="inbox" style={{ gap: 8 }}>
            {items.map((e) => {
              const unread = !e.readAt;
              const time = formatDateTime(e.createdAt, locale);
              return (
                <Pressable
                  key={e.id}
                  testID={`inbox-entry-${e.id}`}
                  accessibilityRole="button"
                  accessibilityLabel={t(unread ? 'inbox.entryLabelUnread' : 'inbox.entryLabel', { title: e.title, time })}
                  accessibilityHint={e.link ? t('inbox.opensScreen') : undefined}
                  onPress={() => void open(e.id, unread, e.link)}
                  style={[styles.card, { minHeight: 44, borderColor: unread ? colors.primary : colors.border }]}
                >
                  <View style={[styles.row, { justifyContent: 'space-between' }]}>
                    <Body style={{ fontWeight: unread ? '700' : '400', flexShrink: 1 }}>{e.title}</Body>
                    {unread ? (
                      <Body testID={`unread-${e.id}`} style={{ color: colors.primary, fontWeight: '700' }}>
                        ● {t('inbox.unread')}
                      </Body>
                    ) : null}
                  </View>
                  {e.body ? <Body>{e.body}</Body> : null}
                  <Body muted>{time}</Body>
                </Pressable>
              );
            })}
          </View>
        </>
      )}
    </ScrollView>
  );
}
