import React from 'react';
import {
  AccessibilityInfo,
  ActivityIndicator,
  Platform,
  Pressable,
  ScrollView,
  StyleSheet,
  Text,
  TextInput,
  View,
  type PressableProps,
  type StyleProp,
  type ViewStyle,
} from 'react-native';
import { useI18n } from '../i18n/I18nContext';

export const colors = {
  primary: '#b45309',
  primaryText: '#ffffff',
  text: '#1c1917',
  muted: '#57534e',
  border: '#d6d3d1',
  background: '#fafaf9',
  card: '#ffffff',
  danger: '#b91c1c',
  success: '#15803d',
};

export function Heading({ children, testID }: { children: React.ReactNode; testID?: string }) {
  return (
    <Text accessibilityRole="header" style={styles.heading} testID={testID}>
      {children}
    </Text>
  );
}

/** A section heading: h2 on web (the screen's Heading is its one h1). */
const LEVEL_2 = (Platform.OS === 'web' ? { 'aria-level': 2 } : {}) as object;

export function Subheading({ children }: { children: React.ReactNode }) {
  return (
    <Text accessibilityRole="header" style={styles.subheading} {...LEVEL_2}>
      {children}
    </Text>
  );
}

export function Body({ children, muted, testID, style }: { children: React.ReactNode; muted?: boolean; testID?: string; style?: object }) {
  return (
    <Text style={[styles.body, muted && styles.muted, style]} testID={testID}>
      {children}
    </Text>
  );
}

interface ButtonProps extends Omit<PressableProps, 'children' | 'style'> {
  title: string;
  variant?: 'primary' | 'secondary' | 'danger';
  busy?: boolean;
  style?: StyleProp<ViewStyle>;
}

/** A button at least 44 × 44 pt. */
export function Button({ title, variant = 'primary', busy, disabled, style, ...rest }: ButtonProps) {
  const isDisabled = disabled || busy;
  return (
    <Pressable
      accessibilityRole="button"
      aria-disabled={!!isDisabled}
      aria-busy={!!busy}
      disabled={isDisabled}
      hitSlop={4}
      style={({ pressed }) => [
        styles.button,
        variant === 'primary' && styles.buttonPrimary,
        variant === 'secondary' && styles.buttonSecondary,
        variant === 'danger' && styles.buttonDanger,
        pressed && styles.pressed,
        isDisabled && styles.disabled,
        style,
      ]}
      {...rest}
    >
      <Text style={[styles.buttonText, variant !== 'primary' && styles.buttonTextSecondary, variant === 'danger' && styles.buttonTextDanger]}>
        {title}
      </Text>
    </Pressable>
  );
}

/** An error sentence, announced to screen readers when it appears. */
export function ErrorText({ message, testID = 'form-error' }: { message: string | null; testID?: string }) {
  React.useEffect(() => {
    if (message) AccessibilityInfo.announceForAccessibility?.(message);
  }, [message]);
  if (!message) return null;
  return (
    <Text accessibilityRole="alert" accessibilityLiveRegion="assertive" style={styles.error} testID={testID}>
      {message}
    </Text>
  );
}

/** A short confirmation, announced politely. */
export function Notice({ message, testID = 'notice' }: { message: string | null; testID?: string }) {
  React.useEffect(() => {
    if (message) AccessibilityInfo.announceForAccessibility?.(message);
  }, [message]);
  if (!message) return null;
  return (
    <Text accessibilityLiveRegion="polite" style={styles.notice} testID={testID}>
      {message}
    </Text>
  );
}

export function Loading({ testID = 'loading' }: { testID?: string }) {
  const { t } = useI18n();
  return (
    <View style={styles.center} testID={testID}>
      <ActivityIndicator accessibilityLabel={t('app.loading')} size="large" color={colors.primary} />
      <Body muted>{t('app.loading')}</Body>
    </View>
  );
}

export function ErrorState({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t, errorText } = useI18n();
  return (
    <View style={styles.center} testID="error-state">
      <ErrorText message={errorText(error)} />
      <Button title={t('common.retry')} onPress={onRetry} testID="retry" />
    </View>
  );
}

export function EmptyState({ message }: { message: string }) {
  return (
    <View style={styles.center} testID="empty-state">
      <Body muted>{message}</Body>
    </View>
  );
}

const TEXT_CONTENT = { text: 'name', phone: 'telephoneNumber', password: 'password', code: 'oneTimeCode' } as const;
const AUTO_COMPLETE = { text: 'name', phone: 'tel', password: 'current-password', code: 'one-time-code' } as const;

/** A labelled text field with an optional hint and error; `kind` sets the keyboard, autofill and masking. */
export function LabeledInput({
  label,
  hint,
  error,
  value,
  onChange,
  testID,
  kind = 'text',
}: {
  label: string;
  hint?: string;
  error?: string;
  value: string;
  onChange: (v: string) => void;
  testID: string;
  kind?: 'text' | 'phone' | 'password' | 'code';
}) {
  return (
    <View style={{ gap: 6 }}>
      <Text style={styles.label}>{label}</Text>
      <TextInput
        testID={testID}
        style={styles.input}
        value={value}
        onChangeText={onChange}
        secureTextEntry={kind === 'password'}
        autoCapitalize={kind === 'text' ? 'words' : 'none'}
        autoCorrect={false}
        keyboardType={kind === 'phone' ? 'phone-pad' : kind === 'code' ? 'number-pad' : 'default'}
        textContentType={TEXT_CONTENT[kind]}
        autoComplete={AUTO_COMPLETE[kind]}
        accessibilityLabel={label}
        accessibilityHint={hint}
        aria-invalid={!!error}
      />
      {hint ? <Body muted>{hint}</Body> : null}
      {error ? <ErrorText message={error} testID={`${testID}-error`} /> : null}
    </View>
  );
}

export function Card({ children, testID }: { children: React.ReactNode; testID?: string }) {
  return (
    <View style={styles.card} testID={testID}>
      {children}
    </View>
  );
}

/** On web a scrolling region must be reachable by keyboard (axe: scrollable-region-focusable). */
export const WEB_FOCUSABLE = Platform.OS === 'web';

export function ScreenScroll({ children, testID }: { children: React.ReactNode; testID?: string }) {
  return (
    <ScrollView contentContainerStyle={styles.screen} testID={testID} focusable={WEB_FOCUSABLE}>
      {children}
    </ScrollView>
  );
}

export const styles = StyleSheet.create({
  screen: { padding: 16, gap: 12, backgroundColor: colors.background, flexGrow: 1 },
  heading: { fontSize: 24, fontWeight: '700', color: colors.text, marginBottom: 8 },
  subheading: { fontSize: 18, fontWeight: '600', color: colors.text, marginTop: 12, marginBottom: 4 },
  body: { fontSize: 16, color: colors.text, lineHeight: 22 },
  muted: { color: colors.muted },
  button: {
    minHeight: 44,
    minWidth: 44,
    paddingHorizontal: 16,
    paddingVertical: 10,
    borderRadius: 8,
    alignItems: 'center',
    justifyContent: 'center',
    borderWidth: 1,
    borderColor: colors.primary,
  },
  buttonPrimary: { backgroundColor: colors.primary },
  buttonSecondary: { backgroundColor: colors.card },
  buttonDanger: { backgroundColor: colors.card, borderColor: colors.danger },
  buttonText: { color: colors.primaryText, fontSize: 16, fontWeight: '600', textAlign: 'center' },
  buttonTextSecondary: { color: colors.primary },
  buttonTextDanger: { color: colors.danger },
  pressed: { opacity: 0.8 },
  disabled: { opacity: 0.5 },
  error: { color: colors.danger, fontSize: 16, marginVertical: 8 },
  notice: { color: colors.success, fontSize: 16, marginVertical: 8 },
  center: { flex: 1, alignItems: 'center', justifyContent: 'center', padding: 24, gap: 12 },
  card: {
    backgroundColor: colors.card,
    borderRadius: 12,
    borderWidth: 1,
    borderColor: colors.border,
    padding: 16,
    gap: 6,
  },
  row: { flexDirection: 'row', gap: 12, flexWrap: 'wrap', alignItems: 'center' },
  input: {
    minHeight: 48,
    borderWidth: 1,
    borderColor: colors.border,
    borderRadius: 8,
    paddingHorizontal: 12,
    fontSize: 16,
    color: colors.text,
    backgroundColor: colors.card,
  },
  label: { fontSize: 16, fontWeight: '600', color: colors.text },
});
