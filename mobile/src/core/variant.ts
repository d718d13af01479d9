import Constants from 'expo-constants';

export type Variant = 'installer' | 'homeowner';

export function currentVariant(): Variant {
  const extra = Constants.expoConfig?.extra as { variant?: string } | undefined;
  return extra?.variant === 'installer' ? 'installer' : 'homeowner';
}
