import React, { useCallback, useEffect, useState } from 'react';
import { Switch, Text, View } from 'react-native';
import { useApp } from '../core/AppContext';
import { useLoad } from '../core/useLoad';
import { useI18n } from '../i18n/I18nContext';
import type { Me, SessionInfo } from '../api/types';
import type { ProfileUpdate } from '../api/client';
import { ApiError } from '../api/errors';
import type { Language, StringKey } from '../i18n/strings';
import { formatDateTime } from '../format';
import { useSecureScreen } from '../device/secureScreen';
import { useDeviceFeatures } from '../device/DeviceContext';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { TotpSection } from './TotpSection';
import { Body, Button, Card, ErrorState, ErrorText, Heading, LabeledInput, Loading, Notice, ScreenScroll, Subheading, styles } from '../components/ui';

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

const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', de: 'Deutsch' };
type ProfileField = 'fullName' | 'phone' | 'language';
/** The sentence for a field the server refused (400 validation_failed); its own message is never shown. */
const FIELD_SENTENCES: Record<ProfileField, StringKey> = {
  fullName: 'profile.nameInvalid',
  phone: 'profile.phoneInvalid',
  language: 'profile.languageInvalid',
};
const isLanguage = (value: string): value is Language => value === 'en' || value === 'de';


/**
 * "Edit profile": name, phone (empty clears it) and language, saved with PATCH /api/v1/me (only the changed fields).
 * A new phone number needs a recent step-up: on 403 reauthentication_required the password is asked for inline,
 * then the same change is sent once more.
 */
function ProfileEditor({ me, onSaved, onClose }: { me: Me; onSaved: (me: Me, languageChanged: boolean) => void; onClose: () => void }) {
  const { api } = useApp();
  const { t, errorText } = useI18n();
  const [fullName, setFullName] = useState(me.fullName);
  const [phone, setPhone] = useState(me.phone ?? '');
  const [language, setLanguageChoice] = useState(me.language);
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<ProfileField, string>>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  /** The change waiting for the password (set after a 403 reauthentication_required). */
  const [pending, setPending] = useState<ProfileUpdate | null>(null);
  const [password, setPassword] = useState('');

  const changes = (): ProfileUpdate => {
    const update: ProfileUpdate = {};
    const name = fullName.trim();
    const number = phone.trim();
    if (name !== me.fullName) update.fullName = name;
    if (number !== (me.phone ?? '')) update.phone = number;
    if (language !== me.language) update.language = language;
    return update;
  };

  /** Sends the change; false when it needs the step-up first. Other errors become sentences. */
  const send = async (update: ProfileUpdate): Promise<boolean> => {
    try {
      onSaved(await api.updateProfile(update), update.language !== undefined);
      return true;
    } catch (e) {
      if (e instanceof ApiError && e.status === 403 && e.code === 'reauthentication_required') return false;
      if (e instanceof ApiError && e.code === 'validation_failed') {
        const known = e.fields.map((f) => f.field).filter((f): f is ProfileField => f in FIELD_SENTENCES);
        if (known.length > 0) {
          setFieldErrors(Object.fromEntries(known.map((f) => [f, t(FIELD_SENTENCES[f])])));
          return true;
        }
      }
      setError(errorText(e));
      return true;
    }
  };

  const save = async () => {
    setError(null);
    setFieldErrors({});
    if (!fullName.trim()) {
      setFieldErrors({ fullName: t('profile.nameMissing') });
      return;
    }
    const update = changes();
    if (Object.keys(update).length === 0) {
      onClose();
      return;
    }
    setBusy(true);
    try {
      if (!(await send(update))) {
        setPassword('');
        setPending(update);
      }
    } finally {
      setBusy(false);
    }
  };

  const confirm = async () => {
    if (!pending) return;
    setError(null);
    setFieldErrors({});
    if (!password) {
      setError(t('profile.passwordMissing'));
      return;
    }
    setBusy(true);
    try {
      try {
        await api.reauthenticate(password);
      } catch (e) {
        setError(e instanceof ApiError && e.code === 'wrong_password' ? t('profile.wrongPassword') : errorText(e));
        return;
      }
      setPassword('');
      setPending(null);
      // once: a second 403 right after a successful step-up is shown as its sentence, not asked again
      if (!(await send(pending))) setError(errorText(new ApiError(403, 'reauthentication_required')));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card testID="profile-form">
      <ErrorText message={error} testID="profile-error" />
      <LabeledInput label={t('profile.fullName')} value={fullName} onChange={setFullName} testID="profile-fullName" error={fieldErrors.fullName} />
      <LabeledInput
        label={t('profile.phoneOptional')}
        hint={t('profile.phoneHint')}
        value={phone}
        onChange={setPhone}
        testID="profile-phone"
        kind="phone"
        error={fieldErrors.phone}
      />
      <Text style={styles.label}>{t('profile.language')}</Text>
      <View style={styles.row} accessibilityRole="radiogroup" accessibilityLabel={t('profile.language')}>
        {(Object.keys(LANGUAGE_NAMES) as Language[]).map((l) => (
          <Button
            key={l}
            testID={`profile-language-${l}`}
            title={LANGUAGE_NAMES[l]}
            variant={l === language ? 'primary' : 'secondary'}
            accessibilityRole="radio"
            aria-checked={l === language}
            onPress={() => setLanguageChoice(l)}
          />
        ))}
      </View>
      {fieldErrors.language ? <ErrorText message={fieldErrors.language} testID="profile-language-error" /> : null}
      {pending ? (
        <View style={{ gap: 6 }} testID="profile-step-up">
          <Body>{t('profile.stepUpHint')}</Body>
          <LabeledInput label={t('profile.password')} value={password} onChange={setPassword} testID="profile-password" kind="password" />
          <Button testID="profile-confirm" title={t('profile.confirm')} busy={busy} onPress={() => void confirm()} />
        </View>
      ) : (
        <Button testID="profile-save" title={t('profile.save')} busy={busy} onPress={() => void save()} />
      )}
      <Button testID="profile-cancel" title={t('profile.cancel')} variant="secondary" disabled={busy} onPress={onClose} />
    </Card>
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
  const { t, locale, errorText, setLanguage } = useI18n();
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
  const [editing, setEditing] = useState(false);
  /** A key, not a sentence, so "Profile saved." follows a language change made in the same save. */
  const [profileNotice, setProfileNotice] = useState<StringKey | null>(null);

  const profileSaved = (updated: Me, languageChanged: boolean) => {
    setData((d) => ({ ...d, me: updated }));
    // the account's language also becomes the app's (only when it was changed here: a name change keeps the app's choice)
    if (languageChanged && isLanguage(updated.language)) setLanguage(updated.language);
    setEditing(false);
    setProfileNotice('profile.saved');
  };

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
            <Body testID="profile-phone-value">
              {t('profile.phone')}: {state.data.me.phone || t('profile.noPhone')}
            </Body>
            <Body>
              {t('account.role')}: {t(`role.${state.data.me.role}`)}
            </Body>
            <Body>
              {t('account.mfa')}: {state.data.me.mfaEnabled ? t('account.on') : t('account.off')}
            </Body>
          </Card>
          <Notice message={profileNotice && t(profileNotice)} testID="profile-notice" />
          {editing ? (
            <ProfileEditor me={state.data.me} onSaved={profileSaved} onClose={() => setEditing(false)} />
          ) : (
            <Button
              testID="edit-profile"
              title={t('profile.edit')}
              variant="secondary"
              onPress={() => {
                setProfileNotice(null);
                setEditing(true);
              }}
            />
          )}
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
