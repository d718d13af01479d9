import { Passkey } from 'react-native-passkey';
import { PasskeyError, base64urlToBytes, bytesToBase64url, type PasskeyRequestOptions } from '../passkey';
import { passkeyAuthenticator as nativeAuthenticator } from '../../device/passkeyAuthenticator';
import { passkeyAuthenticator as webAuthenticator } from '../../device/passkeyAuthenticator.web';

const options = (allow: string[] = []): PasskeyRequestOptions => ({
  rpId: 'example.test',
  challenge: 'AAEC_-8',
  timeout: 300000,
  userVerification: 'required',
  allowCredentials: allow.map((id) => ({ type: 'public-key', id, transports: ['internal', 'hybrid'] })),
});

describe('base64url', () => {
  test('round-trips every length and byte value, without padding', () => {
    for (let length = 0; length < 10; length += 1) {
      const bytes = Uint8Array.from({ length }, (_, i) => (i * 97 + 251) & 0xff);
      const text = bytesToBase64url(bytes);
      expect(text).toMatch(/^[A-Za-z0-9_-]*$/);
      expect(Array.from(base64urlToBytes(text))).toEqual(Array.from(bytes));
    }
    expect(bytesToBase64url(Uint8Array.from([0xfb, 0xff, 0xbf]))).toBe('-_-_');
    expect(bytesToBase64url(new TextEncoder().encode('hello'))).toBe('aGVsbG8');
  });

  test('accepts padding and standard base64, refuses other characters', () => {
    expect(Array.from(base64urlToBytes('aGVsbG8='))).toEqual(Array.from(new TextEncoder().encode('hello')));
    expect(Array.from(base64urlToBytes('+/+/'))).toEqual([0xfb, 0xff, 0xbf]);
    expect(() => base64urlToBytes('a*b')).toThrow();
  });
});

describe('native authenticator (react-native-passkey)', () => {
  const get = Passkey.get as jest.Mock;

  test('is unsupported where the native module is not linked (Expo Go, Jest)', () => {
    expect(nativeAuthenticator.isSupported()).toBe(false);
  });

  test('passes the request on (an empty allow list left out) and answers the assertion JSON', async () => {
    get.mockResolvedValueOnce({
      id: 'cred',
      response: { clientDataJSON: 'cdj', authenticatorData: 'ad', signature: 'sig', userHandle: 'uh' },
    });
    await expect(nativeAuthenticator.get(options())).resolves.toEqual({
      id: 'cred',
      rawId: 'cred',
      type: 'public-key',
      response: { clientDataJSON: 'cdj', authenticatorData: 'ad', signature: 'sig', userHandle: 'uh' },
      clientExtensionResults: {},
    });
    expect(get).toHaveBeenLastCalledWith({ challenge: 'AAEC_-8', rpId: 'example.test', timeout: 300000, userVerification: 'required' });
    get.mockResolvedValueOnce({ id: 'c', rawId: 'c', response: { clientDataJSON: 'x', authenticatorData: 'y', signature: 'z' } });
    await nativeAuthenticator.get(options(['cred']));
    expect(get.mock.lastCall?.[0].allowCredentials).toEqual([{ type: 'public-key', id: 'cred', transports: ['internal', 'hybrid'] }]);
  });

  test.each([
    ['UserCancelled', 'cancelled'],
    ['NoCredentials', 'noCredentials'],
    ['BadConfiguration', 'notSupported'],
    ['NotSupported', 'notSupported'],
    ['TimedOut', 'failed'],
  ])('the library error %s is the failure %s', async (error, reason) => {
    get.mockRejectedValueOnce({ error, message: 'platform text' });
    const thrown = await nativeAuthenticator.get(options()).catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(PasskeyError);
    expect(thrown).toMatchObject({ reason });
  });
});

describe('web authenticator (navigator.credentials)', () => {
  const g = globalThis as Record<string, unknown>;
  const saved = { window: g.window, navigator: g.navigator, PublicKeyCredential: g.PublicKeyCredential };
  const credentialsGet = jest.fn();

  beforeEach(() => {
    credentialsGet.mockReset();
    for (const [name, value] of Object.entries({
      window: globalThis,
      navigator: { credentials: { get: credentialsGet } },
      PublicKeyCredential: function PublicKeyCredential() {},
    })) {
      Object.defineProperty(globalThis, name, { value, configurable: true, writable: true });
    }
  });
  afterAll(() => {
    for (const [name, value] of Object.entries(saved)) Object.defineProperty(globalThis, name, { value, configurable: true, writable: true });
  });

  test('supported where PublicKeyCredential exists, not otherwise', () => {
    expect(webAuthenticator.isSupported()).toBe(true);
    Object.defineProperty(globalThis, 'PublicKeyCredential', { value: undefined, configurable: true, writable: true });
    expect(webAuthenticator.isSupported()).toBe(false);
  });

  test('converts base64url to ArrayBuffers for the browser and its answer back', async () => {
    const buffer = (...bytes: number[]) => Uint8Array.from(bytes).buffer;
    credentialsGet.mockResolvedValueOnce({
      id: 'AQID',
      type: 'public-key',
      rawId: buffer(1, 2, 3),
      authenticatorAttachment: 'platform',
      response: { clientDataJSON: buffer(0xfb, 0xff), authenticatorData: buffer(4), signature: buffer(5, 6), userHandle: buffer(7) },
      getClientExtensionResults: () => ({}),
    });
    const assertion = await webAuthenticator.get(options(['AQID']));
    const publicKey = credentialsGet.mock.calls[0][0].publicKey;
    expect(Array.from(new Uint8Array(publicKey.challenge))).toEqual([0, 1, 2, 0xff, 0xef]);
    expect(Array.from(new Uint8Array(publicKey.allowCredentials[0].id))).toEqual([1, 2, 3]);
    expect(publicKey).toMatchObject({ rpId: 'example.test', timeout: 300000, userVerification: 'required' });
    expect(assertion).toEqual({
      id: 'AQID',
      rawId: 'AQID',
      type: 'public-key',
      response: { clientDataJSON: '-_8', authenticatorData: 'BA', signature: 'BQY', userHandle: 'Bw' },
      clientExtensionResults: {},
      authenticatorAttachment: 'platform',
    });
  });

  test('a dismissed dialog (NotAllowedError) is a cancel; a wrong rp id is not supported', async () => {
    credentialsGet.mockRejectedValueOnce(Object.assign(new Error('x'), { name: 'NotAllowedError' }));
    await expect(webAuthenticator.get(options())).rejects.toMatchObject({ reason: 'cancelled' });
    credentialsGet.mockRejectedValueOnce(Object.assign(new Error('x'), { name: 'SecurityError' }));
    await expect(webAuthenticator.get(options())).rejects.toMatchObject({ reason: 'notSupported' });
    credentialsGet.mockResolvedValueOnce(null);
    await expect(webAuthenticator.get(options())).rejects.toMatchObject({ reason: 'cancelled' });
  });
});
