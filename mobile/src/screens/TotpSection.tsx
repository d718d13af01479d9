import React, { useState } from 'react';
import { Linking, Share, Text, View } from 'react-native';
import { useApp } from '../core/AppContext';
import { useI18n } from '../i18n/I18nContext';
import type { TotpSetup } from '../api/homeownerApi';
import { Body, Button, Card, ErrorText, LabeledInput, Notice, styles } from '../components/ui';

type Step = { kind: 'idle' } | { kind: 'password' } | { kind: 'setup'; setup: TotpSetup } | { kind: 'codes'; codes: string[] } | { kind: 'disable' };


/**
 * Two-step verification on the account screen: step-up with the password, set-up (key + otpauth:// link), enable with a
 * code, the 10 recovery codes once (Share), and turning it off with a code and the password.
 */
export function TotpSection({ enabled, onChanged }: { enabled: boolean; onChanged: (enabled: boolean) => void }) {
  const { api } = useApp();
  const { t, errorText } = useI18n();
  const [step, setStep] = useState<Step>({ kind: 'idle' });
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      await work();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  const reset = () => {
    setStep({ kind: 'idle' });
    setPassword('');
    setCode('');
    setError(null);
  };

  return (
    <View style={{ gap: 12 }} testID="totp-section">
      <ErrorText message={error} testID="totp-error" />
      <Notice message={notice} testID="totp-notice" />
      {step.kind === 'idle' &&
        (enabled ? (
          <Button testID="totp-disable" title={t('totp.turnOff')} variant="secondary" onPress={() => setStep({ kind: 'disable' })} />
        ) : (
          <Button testID="totp-setup" title={t('totp.turnOn')} variant="secondary" onPress={() => setStep({ kind: 'password' })} />
        ))}

      {step.kind === 'password' && (
        <Card>
          <Body>{t('totp.passwordHint')}</Body>
          <LabeledInput label={t('totp.password')} value={password} onChange={setPassword} testID="totp-password" kind="password" />
          <Button
            testID="totp-password-submit"
            title={t('totp.continue')}
            busy={busy}
            onPress={() => {
              if (!password) return setError(t('totp.passwordMissing'));
              void run(async () => {
                await api.reauthenticate(password);
                const setup = await api.setupTotp();
                setPassword('');
                setStep({ kind: 'setup', setup });
              });
            }}
          />
          <Button testID="totp-cancel" title={t('totp.cancel')} variant="secondary" onPress={reset} />
        </Card>
      )}

      {step.kind === 'setup' && (
        <Card>
          <Body>{t('totp.secretHint')}</Body>
          <Text selectable testID="totp-secret" style={[styles.body, { fontFamily: 'monospace', fontWeight: '600' }]}>
            {t('totp.secret', { secret: step.setup.secret })}
          </Text>
          <Button
            testID="totp-open-app"
            title={t('totp.openApp')}
            variant="secondary"
            onPress={() => void Linking.openURL(step.setup.otpauthUri).catch(() => setNotice(t('totp.noApp')))}
          />
          <LabeledInput label={t('totp.code')} value={code} onChange={setCode} testID="totp-code" kind="code" />
          <Button
            testID="totp-enable"
            title={t('totp.enable')}
            busy={busy}
            onPress={() => {
              if (!/^\d{6}$/.test(code.trim())) return setError(t('totp.codeMissing'));
              void run(async () => {
                const codes = await api.enableTotp(code.trim());
                setCode('');
                setStep({ kind: 'codes', codes });
                setNotice(t('totp.enabled'));
                onChanged(true);
              });
            }}
          />
          <Button testID="totp-cancel" title={t('totp.cancel')} variant="secondary" onPress={reset} />
        </Card>
      )}

      {step.kind === 'codes' && (
        <Card testID="recovery-codes">
          <Text accessibilityRole="header" style={styles.label}>
            {t('totp.codesTitle')}
          </Text>
          <Body testID="recovery-codes-warning" style={{ fontWeight: '600' }}>
            {t('totp.codesWarning')}
          </Body>
          {step.codes.map((c, i) => (
            <Text key={c} selectable testID={`recovery-code-${i}`} style={[styles.body, { fontFamily: 'monospace' }]}>
              {c}
            </Text>
          ))}
          <Button
            testID="share-recovery-codes"
            title={t('totp.share')}
            variant="secondary"
            onPress={() => void Share.share({ title: t('totp.shareTitle'), message: step.codes.join('\n') }).catch(() => undefined)}
          />
          <Button testID="recovery-codes-done" title={t('totp.done')} onPress={reset} />
        </Card>
      )}

      {step.kind === 'disable' && (
        <Card>
          <Body>{t('totp.disableHint')}</Body>
          <LabeledInput label={t('totp.code')} value={code} onChange={setCode} testID="totp-disable-code" kind="code" />
          <LabeledInput label={t('totp.password')} value={password} onChange={setPassword} testID="totp-disable-password" kind="password" />
          <Button
            testID="totp-disable-submit"
            title={t('totp.disable')}
            variant="danger"
            busy={busy}
            onPress={() => {
              if (!code.trim() || !password) return setError(t('totp.codeMissing'));
              void run(async () => {
                await api.disableTotp(code.trim(), password);
                reset();
                setNotice(t('totp.disabled'));
                onChanged(false);
              });
            }}
          />
          <Button testID="totp-cancel" title={t('totp.cancel')} variant="secondary" onPress={reset} />
        </Card>
      )}
    </View>
  );
}
