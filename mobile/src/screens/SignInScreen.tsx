import React, { useEffect, useState } from 'react';
import { KeyboardAvoidingView, Platform, Text, TextInput, View } from 'react-native';
import { isApiError } from '../api/errors';
import type { PasskeyResult } from '../api/passkey';
import { useApp } from '../core/AppContext';
import { useI18n } from '../i18n/I18nContext';
import { Body, Button, ErrorText, Heading, ScreenScroll, styles } from '../components/ui';
import { LanguageSwitch } from '../components/LanguageSwitch';

type Busy = null | 'password' | 'passkey' | 'code';

/**
 * Email + password (or a passkey alone), then the second step when the server asks for it: a TOTP or recovery
 * code, or a passkey of the account, depending on the `methods` the account has.
 */
export function SignInScreen() {
  const { login, verifyMfa, passkeys, variant } = useApp();
  const { t, errorText } = useI18n();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [mfa, setMfa] = useState<{ token: string; methods: string[] } | null>(null);
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState<Busy>(null);
  const [error, setError] = useState<string | null>(null);
  const [passkeySupported, setPasskeySupported] = useState(false);

  // the passkey buttons appear only once the device says it can show the dialog
  useEffect(() => {
    let active = true;
    if (!passkeys) return undefined;
    passkeys
      .isSupported()
      .then((supported) => {
        if (active) setPasskeySupported(supported);
      })
      .catch(() => undefined);
    return () => {
      active = false;
    };
  }, [passkeys]);

  // an account without any listed method comes from a server before passkeys: it asks for a code
  const codeAllowed = mfa !== null && (mfa.methods.length === 0 || mfa.methods.includes('totp'));
  const passkeyAllowed = mfa !== null && mfa.methods.includes('passkey') && passkeySupported;

  /** The MFA step is over (expired or used up): back to the password, with why. */
  const mfaExpired = () => {
    setMfa(null);
    setCode('');
    setError(t('mfa.expired'));
  };

  const submit = async () => {
    if (!email.trim() || !password) {
      setError(t('signIn.missing'));
      return;
    }
    setBusy('password');
    setError(null);
    try {
      const result = await login(email.trim(), password);
      if (result.kind === 'mfa') {
        setMfa({ token: result.mfaToken, methods: result.methods });
        setPassword('');
      }
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(null);
    }
  };

  const submitCode = async () => {
    if (!mfa) return;
    if (!code.trim()) {
      setError(t('mfa.missing'));
      return;
    }
    setBusy('code');
    setError(null);
    try {
      await verifyMfa(mfa.token, code.replace(/\s+/g, ''));
    } catch (e) {
      if (isApiError(e) && e.code === 'invalid_token') mfaExpired();
      else {
        setError(errorText(e));
        setCode('');
      }
    } finally {
      setBusy(null);
    }
  };

  /** Runs a passkey step; a dismissed dialog changes nothing and shows nothing. */
  const runPasskey = async (step: () => Promise<PasskeyResult>, inMfaStep: boolean) => {
    setBusy('passkey');
    setError(null);
    try {
      await step();
    } catch (e) {
      if (inMfaStep && isApiError(e) && e.code === 'invalid_token') mfaExpired();
      // in the second step the server knows the account: an unknown passkey is one of another account
      else if (inMfaStep && isApiError(e) && e.code === 'passkey_unknown') setError(t('mfa.passkeyOtherAccount'));
      else setError(errorText(e));
    } finally {
      setBusy(null);
    }
  };

  const signInWithPasskey = () => {
    if (passkeys) void runPasskey(() => passkeys.signIn(), false);
  };

  const completeWithPasskey = () => {
    if (passkeys && mfa) void runPasskey(() => passkeys.completeMfa(mfa.token), true);
  };

  const back = () => {
    setMfa(null);
    setCode('');
    setError(null);
  };

  const isBusy = busy !== null;

  return (
    <KeyboardAvoidingView style={{ flex: 1 }} behavior={Platform.OS === 'ios' ? 'padding' : undefined}>
      <ScreenScroll testID="sign-in-screen">
        {mfa === null ? (
          <View style={{ gap: 12 }}>
            <Heading>{t('signIn.title')}</Heading>
            <Body muted>{t(variant === 'installer' ? 'signIn.subtitle.installer' : 'signIn.subtitle.homeowner')}</Body>
            <Text style={styles.label} nativeID="email-label">
              {t('signIn.email')}
            </Text>
            <TextInput
              testID="email"
              style={styles.input}
              value={email}
              onChangeText={setEmail}
              autoCapitalize="none"
              autoComplete="email"
              autoCorrect={false}
              keyboardType="email-address"
              textContentType="username"
              accessibilityLabel={t('signIn.email')}
              accessibilityLabelledBy="email-label"
              editable={!isBusy}
            />
            <Text style={styles.label} nativeID="password-label">
              {t('signIn.password')}
            </Text>
            <TextInput
              testID="password"
              style={styles.input}
              value={password}
              onChangeText={setPassword}
              secureTextEntry
              autoComplete="current-password"
              textContentType="password"
              accessibilityLabel={t('signIn.password')}
              accessibilityLabelledBy="password-label"
              onSubmitEditing={submit}
              editable={!isBusy}
            />
            <ErrorText message={error} />
            <Button testID="sign-in" title={t('signIn.submit')} onPress={submit} busy={busy === 'password'} disabled={isBusy} />
            {passkeys && passkeySupported ? (
              <Button
                testID="passkey-sign-in"
                title={t('signIn.passkey')}
                accessibilityLabel={t('signIn.passkey')}
                accessibilityHint={t('signIn.passkeyHint')}
                variant="secondary"
                onPress={signInWithPasskey}
                busy={busy === 'passkey'}
                disabled={isBusy}
              />
            ) : null}
            <LanguageSwitch />
          </View>
        ) : (
          <View style={{ gap: 12 }}>
            <Heading>{t('mfa.title')}</Heading>
            {codeAllowed ? (
              <>
                <Body muted>{t(passkeyAllowed ? 'mfa.hintWithPasskey' : 'mfa.hint')}</Body>
                <Text style={styles.label} nativeID="code-label">
                  {t('mfa.code')}
                </Text>
                <TextInput
                  testID="mfa-code"
                  style={styles.input}
                  value={code}
                  onChangeText={setCode}
                  autoComplete="one-time-code"
                  textContentType="oneTimeCode"
                  keyboardType="number-pad"
                  autoCapitalize="none"
                  autoCorrect={false}
                  accessibilityLabel={t('mfa.code')}
                  accessibilityLabelledBy="code-label"
                  onSubmitEditing={submitCode}
                  editable={!isBusy}
                  maxLength={32}
                />
                <ErrorText message={error} />
                <Button testID="mfa-submit" title={t('mfa.submit')} onPress={submitCode} busy={busy === 'code'} disabled={isBusy} />
              </>
            ) : (
              <>
                <Body muted>{t(passkeyAllowed ? 'mfa.passkeyHint' : 'mfa.passkeyUnavailable')}</Body>
                <ErrorText message={error} />
              </>
            )}
            {passkeyAllowed ? (
              <Button
                testID="mfa-passkey"
                title={t('mfa.passkey')}
                accessibilityLabel={t('mfa.passkey')}
                // with a code field next to it the passkey is the alternative; alone it is the step's action
                variant={codeAllowed ? 'secondary' : 'primary'}
                onPress={completeWithPasskey}
                busy={busy === 'passkey'}
                disabled={isBusy}
              />
            ) : null}
            <Button testID="mfa-back" title={t('common.back')} variant="secondary" onPress={back} disabled={isBusy} />
          </View>
        )}
      </ScreenScroll>
    </KeyboardAvoidingView>
  );
}
