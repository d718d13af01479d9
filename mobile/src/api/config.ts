/** Hosts that may be reached over plain http in development (the emulator's 10.0.2.2 is the host machine). */
const DEV_HTTP_HOSTS = new Set(['127.0.0.1', 'localhost', '10.0.2.2', '[::1]']);

export class InsecureApiUrlError extends Error {
  constructor() {
    super('Refusing a non-https API URL');
    this.name = 'InsecureApiUrlError';
  }
}

export interface BaseUrlInput {
  /** EXPO_PUBLIC_API_URL, if set */
  configured?: string | null;
  /** true on react-native-web */
  isWeb: boolean;
  /** the page's own origin on web */
  origin?: string | null;
  /** __DEV__ */
  isDev: boolean;
}

/**
 * The API base URL: EXPO_PUBLIC_API_URL, else on web the page's own origin. Native release builds take only
 * https; development builds also take http for loopback / the Android emulator's host. On web the page's own
 * origin is accepted as it is (the page itself came over it).
 */
export function resolveBaseUrl(input: BaseUrlInput): string {
  const configured = input.configured?.trim();
  if (!configured) {
    if (input.isWeb && input.origin) return input.origin.replace(/\/+$/, '');
    if (input.isDev) return 'http://10.0.2.2:8080';
    throw new InsecureApiUrlError();
  }
  const url = new URL(configured);
  const base = configured.replace(/\/+$/, '');
  if (url.protocol === 'https:') return base;
  if (url.protocol === 'http:' && (input.isDev || input.isWeb) && DEV_HTTP_HOSTS.has(url.hostname)) return base;
  throw new InsecureApiUrlError();
}
