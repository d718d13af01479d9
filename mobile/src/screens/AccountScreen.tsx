import React, { useCallback, useEffect, useState } from 'react';
import { Switch, View } from 'react-native';
import { useApp } from '../core/AppContext';
import { useLoad } from '../core/useLoad';
import { useI18n } from '../i18n/I18nContext';
import type { Me, SessionInfo } from '../api/types';
import { formatDateTime } from '../format';
import { useSecureScreen } from '../device/secureScreen';
import { useDeviceFeatures } from '../device/DeviceContext';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { TotpSection } from './TotpSection';
import { Body, Button, Card, ErrorState, ErrorText, Heading, Loading, Notice, ScreenScroll, Subheading, styles } from '../components/ui';

interface AccountData {
  me: Me;
  sessions: SessionInfo[];
}

function SettingSwitch({ label, hint, value, onChange, testID }: { label: string; hint?: string; value: boolean; onChange: (v: boolean) => void; testID: string }) {
  return (
    <View style={[styles.row, { justifyContent: 'space-between', minHeight: 44 }]}>
      <View style={{ flex: 1 }}>
        <Body>{label}</Body>
        {hint ? <Body muted>{hint}</Body> : null}
      </View>
      <Switch testID={testID} value={value} onValueChange={onChange} accessibilityLabel={label} accessibilityRole="switch" />
    </View>
  );
}

/** "Notifications, 3 unread": opens the inbox; the count is best effort (hidden when it cannot be read). */
function InboxButton({ onOpen, refreshKey }: { onOpen: () => void; refreshKey: number }) {
  const { api } = useApp();
  const { t } = useI18n();
  const [unread, setUnread] = useState<number | null>(null);
  useEffect(() => {
    let live = true;
    api.inbox(null).then(
      (r) => live && r && setUnread(r.inbox.unreadCount),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [api, refreshKey]);
  const label = unread ? t('inbox.openUnread', { count: unread }) : t('inbox.open');
  return <Button testID="open-inbox" title={label} accessibilityLabel={label} variant="secondary" onPress={onOpen} />;
}

export function AccountScreen({ onOpenInbox, refreshKey = 0 }: { onOpenInbox?: () => void; refreshKey?: number } = {}) {
  const { api, signOut } = useApp();
  const { t, locale, errorText } = useI18n();
  const device = useDeviceFeatures();
  useSecureScreen('account');
  const loader = useCallback(async (): Promise<AccountData> => {
    const [me, sessions] = await Promise.all([api.me(), api.sessions()]);
    return { me, sessions };
  }, [api]);
  const { state, reload, setData } = useLoad<AccountData>(loader);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [signingOut, setSigningOut] = useState(false);

  const revoke = async (id: string) => {
    setError(null);
    try {
      await api.revokeSession(id);
      setData((d) => ({ ...d, sessions: d.sessions.filter((s) => s.id !== id) }));
    } catch (e) {
      setError(errorText(e));
    }
  };

  /** "Sign out everywhere else": one call (DELETE /api/v1/me/sessions) ends every session but this one. */
  const revokeOthers = async () => {
    setError(null);
    try {
      await api.endOtherSessions();
      setData((d) => ({ ...d, sessions: d.sessions.filter((s) => s.current) }));
    } catch (e) {
      setError(errorText(e));
    }
  };

  const togglePush = async (enabled: boolean) => {
    setNotice(null);
    const result = await device.setPushEnabled(enabled);
    if (result) setNotice(t(result));
  };

  return (
    <ScreenScroll testID="account-screen">
      <Heading>{t('account.title')}</Heading>
      {onOpenInbox ? <InboxButton onOpen={onOpenInbox} refreshKey={refreshKey} /> : null}
      {state.status === 'loading' && <Loading />}
      {state.status === 'error' && <ErrorState error={state.error} onRetry={reload} />}
      {state.status === 'ready' && (
        <>
          <Subheading>{t('account.profile')}</Subheading>
          <Card testID="profile">
            <Body style={{ fontSize: 18, fontWeight: '600' }}>{state.data.me.fullName}</Body>
            <Body>
              {t('account.email')}: {state.data.me.email}
            </Body>
            <Body>
              {t('account.role')}: {t(`role.${state.data.me.role}`)}
            </Body>
            <Body>
              {t('account.mfa')}: {state.data.me.mfaEnabled ? t('account.on') : t('account.off')}
            </Body>
          </Card>
          <Subheading>{t('account.mfa')}</Subheading>
          <Body testID="mfa-status">{state.data.me.mfaEnabled ? t('account.on') : t('account.off')}</Body>
          <TotpSection enabled={state.data.me.mfaEnabled} onChanged={(on) => setData((d) => ({ ...d, me: { ...d.me, mfaEnabled: on } }))} />

          <Subheading>{t('account.sessions')}</Subheading>
          <ErrorText message={error} />
          {state.data.sessions.map((s) => {
            const device = s.device ?? t('account.unknownDevice');
            return (
              <Card key={s.id} testID={`session-${s.id}`}>
                <Body style={{ fontWeight: '600' }}>
                  {device}
                  {s.current ? ` · ${t('account.thisDevice')}` : ''}
                </Body>
                {s.lastUsedAt ? <Body muted>{t('account.lastUsed', { date: formatDateTime(s.lastUsedAt, locale) })}</Body> : null}
                {!s.current && (
                  <Button
                    testID={`revoke-${s.id}`}
                    title={t('account.revoke')}
                    accessibilityLabel={t('account.revokeLabel', { device })}
                    variant="secondary"
                    onPress={() => revoke(s.id)}
                  />
                )}
              </Card>
            );
          })}
          {state.data.sessions.filter((s) => !s.current).length > 1 && (
            <Button
              testID="revoke-others"
              title={t('account.revokeOthers')}
              variant="secondary"
              onPress={() => void revokeOthers()}
            />
          )}
        </>
      )}

      <Subheading>{t('account.language')}</Subheading>
      <LanguageSwitch />

      {(device.lockAvailable || device.pushAvailable) && <Subheading>{t('account.security')}</Subheading>}
      {device.lockAvailable && (
        <SettingSwitch
          testID="lock-setting"
          label={t('account.lock')}
          hint={t('account.lockHint')}
          value={device.lockEnabled}
          onChange={(v) => void device.setLockEnabled(v)}
        />
      )}
      {device.pushAvailable && (
        <SettingSwitch testID="push-setting" label={t('account.push')} value={device.pushEnabled} onChange={(v) => void togglePush(v)} />
      )}
      <Notice message={notice} />

      <Button
        testID="sign-out"
        title={t('account.signOut')}
        variant="danger"
        busy={signingOut}
        onPress={async () => {
          setSigningOut(true);
          await signOut();
        }}
        style={{ marginTop: 24 }}
      />
    </ScreenScroll>
  );
}
