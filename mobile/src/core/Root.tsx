import React, { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { AppState, Platform, View } from 'react-native';
import { StatusBar } from 'expo-status-bar';
import { SafeAreaProvider, SafeAreaView } from 'react-native-safe-area-context';
import * as Localization from 'expo-localization';
import * as LocalAuthentication from 'expo-local-authentication';
import { I18nProvider, useI18n } from '../i18n/I18nContext';
import { pickLanguage, type Language } from '../i18n/strings';
import { AppProvider, type AppServices } from './AppContext';
import { createCore, type Core } from './services';
import { currentVariant } from './variant';
import { AppNavigation } from './Navigation';
import { SignInScreen } from '../screens/SignInScreen';
import { LockScreen } from '../screens/LockScreen';
import { DeviceContext, type DeviceFeatures } from '../device/DeviceContext';
import { settings } from '../device/settings';
import { enablePush, listenForPushTaps, pushAvailable, removePushTokenBeforeSignOut } from '../device/push';
import * as Linking from 'expo-linking';
import { colors, ErrorText, Loading, styles } from '../components/ui';
import type { SessionState } from '../api/session';

const LOCK_AFTER_MS = 5 * 60 * 1000;

/** Lock again after 5 minutes in the background, when the setting is on and someone is signed in. */
export function shouldLockAfterBackground(awayMs: number, lockEnabled: boolean, signedIn: boolean): boolean {
  return lockEnabled && signedIn && awayMs >= LOCK_AFTER_MS;
}

function deviceLanguage(): Language {
  try {
    return pickLanguage(Localization.getLocales().map((l) => l.languageTag));
  } catch {
    return 'en';
  }
}

function ConfigError() {
  const { t } = useI18n();
  return (
    <View style={styles.center}>
      <ErrorText message={t('error.insecure_api_url')} />
    </View>
  );
}

function Main({ core }: { core: Core }) {
  const variant = currentVariant();
  const [state, setState] = useState<SessionState | 'restoring'>('restoring');
  const [locked, setLocked] = useState(false);
  const [lockAvailable, setLockAvailable] = useState(false);
  const [lockEnabled, setLockEnabledState] = useState(false);
  const [pushEnabled, setPushEnabledState] = useState(false);
  const backgroundSince = useRef<number | null>(null);
  const lockEnabledRef = useRef(false);
  lockEnabledRef.current = lockEnabled;
  const { t } = useI18n();

  // cold start: settings, lock hardware, then sign in again from the stored refresh token
  useEffect(() => {
    const unsubscribe = core.session.subscribe((s) => setState(s));
    (async () => {
      let lockOn = false;
      if (Platform.OS !== 'web') {
        try {
          const [hardware, enrolled] = await Promise.all([LocalAuthentication.hasHardwareAsync(), LocalAuthentication.isEnrolledAsync()]);
          setLockAvailable(hardware && enrolled);
          lockOn = hardware && enrolled && (await settings.get('lockEnabled')) === '1';
        } catch {
          lockOn = false;
        }
        setLockEnabledState(lockOn);
        setPushEnabledState((await settings.get('pushEnabled').catch(() => null)) === '1');
      }
      const restored = await core.session.restore().catch(() => false);
      if (restored && lockOn) setLocked(true);
      setState(core.session.state);
    })();
    return unsubscribe;
  }, [core]);

  // lock after 5 minutes in the background
  useEffect(() => {
    const sub = AppState.addEventListener('change', (next) => {
      if (next === 'background') backgroundSince.current = Date.now();
      if (next === 'active' && backgroundSince.current !== null) {
        const away = Date.now() - backgroundSince.current;
        backgroundSince.current = null;
        if (shouldLockAfterBackground(away, lockEnabledRef.current, core.session.state === 'signedIn')) setLocked(true);
      }
    });
    return () => sub.remove();
  }, [core]);

  // a tapped push message opens its screen (through the same deep links as a link from outside)
  useEffect(() => {
    if (state !== 'signedIn') return undefined;
    let stop: (() => void) | null = null;
    let cancelled = false;
    void listenForPushTaps(variant, (url) => void Linking.openURL(url)).then((unsubscribe) => {
      if (cancelled) unsubscribe();
      else stop = unsubscribe;
    });
    return () => {
      cancelled = true;
      stop?.();
    };
  }, [state, variant]);

  const signOut = useCallback(async () => {
    setLocked(false);
    if (pushAvailable) await removePushTokenBeforeSignOut(core.api);
    await core.session.logout();
  }, [core]);

  const unlock = useCallback(async () => {
    try {
      const result = await LocalAuthentication.authenticateAsync({ promptMessage: t('lock.prompt') });
      if (result.success) setLocked(false);
    } catch {
      // stay locked
    }
  }, [t]);

  const services = useMemo<AppServices>(
    () => ({
      api: core.api,
      variant,
      login: (email, password) => core.session.login(email, password),
      verifyMfa: (token, code) => core.session.verifyMfa(token, code),
      passkeys: core.passkeys,
      signOut,
    }),
    [core, variant, signOut],
  );

  const device = useMemo<DeviceFeatures>(
    () => ({
      lockAvailable,
      lockEnabled,
      setLockEnabled: async (enabled) => {
        setLockEnabledState(enabled);
        await settings.set('lockEnabled', enabled ? '1' : '0');
      },
      pushAvailable,
      pushEnabled,
      setPushEnabled: async (enabled) => {
        if (!enabled) {
          setPushEnabledState(false);
          await settings.set('pushEnabled', '0');
          return null;
        }
        const result = await enablePush(core.api);
        if (result !== 'ok') return result === 'denied' ? 'account.pushDenied' : 'account.pushUnavailable';
        setPushEnabledState(true);
        await settings.set('pushEnabled', '1');
        return null;
      },
    }),
    [lockAvailable, lockEnabled, pushEnabled, core],
  );

  return (
    <AppProvider value={services}>
      <DeviceContext.Provider value={device}>
        {state === 'signedIn' && !locked ? (
          <AppNavigation variant={variant} />
        ) : (
          <SafeAreaView style={{ flex: 1, backgroundColor: colors.background }}>
            {state === 'restoring' ? <Loading /> : state === 'signedOut' ? <SignInScreen /> : <LockScreen onUnlock={unlock} onSignOut={signOut} />}
          </SafeAreaView>
        )}
      </DeviceContext.Provider>
    </AppProvider>
  );
}

export function Root() {
  const [language, setLanguage] = useState<Language | null>(null);
  const core = useMemo<Core | null>(() => {
    try {
      return createCore();
    } catch {
      return null;
    }
  }, []);

  useEffect(() => {
    settings
      .get('language')
      .then((stored) => setLanguage(stored === 'de' || stored === 'en' ? stored : deviceLanguage()))
      .catch(() => setLanguage(deviceLanguage()));
  }, []);

  if (!language) return null;
  return (
    <SafeAreaProvider>
      <StatusBar style="dark" />
      <I18nProvider initialLanguage={language} onChange={(l) => void settings.set('language', l)}>
        {core ? <Main core={core} /> : <ConfigError />}
      </I18nProvider>
    </SafeAreaProvider>
  );
}
