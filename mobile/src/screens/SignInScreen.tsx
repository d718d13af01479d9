import React, { useState } from 'react';
import { KeyboardAvoidingView, Platform, Text, TextInput, View } from 'react-native';
import { useApp } from '../core/AppContext';
import { useI18n } from '../i18n/I18nContext';
import { Body, Button, ErrorText, Heading, ScreenScroll, styles } from '../components/ui';
import { LanguageSwitch } from '../components/LanguageSwitch';

/** Email + password, then the TOTP step when the server asks for it. */
export function SignInScreen() {
  const { login, verifyMfa, variant } = useApp();
  const { t, errorText } = useI18n();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [mfaToken, setMfaToken] = useState<string | null>(null);
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async () => {
    if (!email.trim() || !password) {
      setError(t('signIn.missing'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const result = await login(email.trim(), password);
      if (result.kind === 'mfa') {
        setMfaToken(result.mfaToken);
        setPassword('');
      }
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  const submitCode = async () => {
    if (!mfaToken) return;
    if (!code.trim()) {
      setError(t('mfa.missing'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await verifyMfa(mfaToken, code.replace(/\s+/g, ''));
    } catch (e) {
      setError(errorText(e));
      setCode('');
    } finally {
      setBusy(false);
    }
  };

  const back = () => {
    setMfaToken(null);
    setCode('');
    setError(null);
  };

  return (
    <KeyboardAvoidingView style={{ flex: 1 }} behavior={Platform.OS === 'ios' ? 'padding' : undefined}>
      <ScreenScroll testID="sign-in-screen">
        {mfaToken === null ? (
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
              editable={!busy}
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
              editable={!busy}
            />
            <ErrorText message={error} />
            <Button testID="sign-in" title={t('signIn.submit')} onPress={submit} busy={busy} />
            <LanguageSwitch />
          </View>
        ) : (
          <View style={{ gap: 12 }}>
            <Heading>{t('mfa.title')}</Heading>
            <Body muted>{t('mfa.hint')}</Body>
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
              editable={!busy}
              maxLength={32}
            />
            <ErrorText message={error} />
            <Button testID="mfa-submit" title={t('mfa.submit')} onPress={submitCode} busy={busy} />
            <Button testID="mfa-back" title={t('common.back')} variant="secondary" onPress={back} disabled={busy} />
          </View>
        )}
      </ScreenScroll>
    </KeyboardAvoidingView>
  );
}
