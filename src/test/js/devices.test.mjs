// Readable device names and addresses for the sessions list (Node's built-in test runner).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseUserAgent, deviceName, describeAddress, shortIpv6 } from '../../main/resources/static/js/devices.js';

const WORDS = {
  both: (b, s) => `${b} on ${s}`,
  browserOnly: (b) => `${b}`,
  systemOnly: (s) => `A browser on ${s}`,
  program: (p) => `${p} (a program)`,
  unknown: 'Unknown device',
};

// Real User-Agent strings as browsers sent them.
const AGENTS = [
  ['Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0.0.0 Safari/537.36', 'Chrome on Linux'],
  ['Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36', 'Chrome on Linux'],
  ['Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Mobile Safari/537.36', 'Chrome on Android'],
  ['Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1', 'Safari on iPhone'],
  ['Mozilla/5.0 (iPad; CPU OS 16_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/16.6 Mobile/15E148 Safari/604.1', 'Safari on iPad'],
  ['Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/126.0.6478.54 Mobile/15E148 Safari/604.1', 'Chrome on iPhone'],
  ['Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) FxiOS/127.0 Mobile/15E148 Safari/605.1.15', 'Firefox on iPhone'],
  ['Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0', 'Firefox on Windows'],
  ['Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36', 'Chrome on Windows'],
  ['Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36 Edg/126.0.2592.87', 'Edge on Windows'],
  ['Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15', 'Safari on macOS'],
  ['Mozilla/5.0 (Macintosh; Intel Mac OS X 10.15; rv:128.0) Gecko/20100101 Firefox/128.0', 'Firefox on macOS'],
  ['Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36 OPR/112.0.0.0', 'Opera on Windows'],
  ['Mozilla/5.0 (Linux; Android 14; SAMSUNG SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/25.0 Chrome/121.0.0.0 Mobile Safari/537.36', 'Samsung Internet on Android'],
  ['Mozilla/5.0 (Android 14; Mobile; rv:128.0) Gecko/128.0 Firefox/128.0', 'Firefox on Android'],
  ['Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36', 'Chrome on ChromeOS'],
  ['Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0', 'Firefox on Linux'],
  ['Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; rv:11.0) like Gecko', 'Internet Explorer on Windows'],
  ['curl/8.5.0', 'curl (a program)'],
  ['Java-http-client/17.0.13', 'Java (a program)'],
  ['Mozilla/5.0 (Linux; Android 13; Pixel 7 Build/TQ3A.230901.001; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/116.0.0.0 Mobile Safari/537.36', 'Chrome on Android'],
  ['SunPhone/1.0', 'Unknown device'],
  ['', 'Unknown device'],
  [null, 'Unknown device'],
];

test('real User-Agent strings become a browser on a system', () => {
  for (const [ua, expected] of AGENTS) {
    assert.equal(deviceName(ua, WORDS), expected, String(ua));
  }
});

test('the parts are named separately, so each language builds its own sentence', () => {
  assert.deepEqual(parseUserAgent('Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1'),
    { browser: 'Safari', system: 'iPhone', program: null });
  assert.equal(deviceName('Mozilla/5.0 (X11; Linux x86_64)', WORDS), 'A browser on Linux');
});

test('IPv6 addresses are shortened the usual way', () => {
  assert.equal(shortIpv6('0:0:0:0:0:0:0:1'), '::1');
  assert.equal(shortIpv6('2001:0db8:0000:0000:0000:ff00:0042:8329'), '2001:db8::ff00:42:8329');
  assert.equal(shortIpv6('2001:db8:0:1:0:0:0:1'), '2001:db8:0:1::1');
  assert.equal(shortIpv6('2001:db8:1:2:3:4:5:6'), '2001:db8:1:2:3:4:5:6');
  assert.equal(shortIpv6('fe80::1'), 'fe80::1');
  assert.equal(shortIpv6('not an address'), 'not an address');
});

test('loopback is this computer, private ranges are the local network, others stay as they are', () => {
  assert.deepEqual(describeAddress('0:0:0:0:0:0:0:1'), { kind: 'loopback' });
  assert.deepEqual(describeAddress('::1'), { kind: 'loopback' });
  assert.deepEqual(describeAddress('127.0.0.1'), { kind: 'loopback' });
  assert.deepEqual(describeAddress('::ffff:127.0.0.1'), { kind: 'loopback' });
  assert.deepEqual(describeAddress('192.168.1.20'), { kind: 'local', text: '192.168.1.20' });
  assert.deepEqual(describeAddress('10.0.0.5'), { kind: 'local', text: '10.0.0.5' });
  assert.deepEqual(describeAddress('fd12:3456::1'), { kind: 'local', text: 'fd12:3456::1' });
  assert.deepEqual(describeAddress('203.0.113.9'), { kind: 'address', text: '203.0.113.9' });
  assert.deepEqual(describeAddress('::ffff:203.0.113.9'), { kind: 'address', text: '203.0.113.9' });
  assert.deepEqual(describeAddress('0:0:0:0:0:ffff:cb00:7109'), { kind: 'address', text: '203.0.113.9' });
  assert.deepEqual(describeAddress('2001:0db8:0000:0000:0000:0000:0000:0001'), { kind: 'address', text: '2001:db8::1' });
  assert.deepEqual(describeAddress(''), { kind: 'unknown' });
  assert.deepEqual(describeAddress(null), { kind: 'unknown' });
});
