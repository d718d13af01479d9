// Readable names for the sessions list: a User-Agent string becomes a browser and a system ("Chrome" on "Android"),
// an address becomes "this computer", "local network" or a shortened IPv6 form. Pure (no DOM, no language): the
// account page puts the names into its catalog's sentences, and Node's test runner checks the rules
// (src/test/js/devices.test.mjs).

// Order matters: many browsers name others in their UA (Edge and Opera say "Chrome", Chrome says "Safari").
const BROWSERS = [
  [/\bEdg(?:e|A|iOS)?\//, 'Edge'],
  [/\b(?:OPR|Opera|OPT)\//, 'Opera'],
  [/\bSamsungBrowser\//, 'Samsung Internet'],
  [/\bVivaldi\//, 'Vivaldi'],
  [/\bYaBrowser\//, 'Yandex Browser'],
  [/\b(?:Firefox|FxiOS)\//, 'Firefox'],
  [/\b(?:HeadlessChrome|Chrome|Chromium|CriOS)\//, 'Chrome'],
  [/\bVersion\/[\d.]+.*\bSafari\//, 'Safari'],
  [/\bMobile\/\w+.*\bSafari\//, 'Safari'],
  [/\bMSIE \d|\bTrident\//, 'Internet Explorer'],
];

// Programs that are not browsers: shown as what they are rather than as an unknown device.
const PROGRAMS = [
  [/^curl\//i, 'curl'],
  [/^Wget\//i, 'Wget'],
  [/^(?:Java-http-client|Java)\//i, 'Java'],
  [/^okhttp\//i, 'OkHttp'],
  [/^python-requests\//i, 'Python'],
  [/^PostmanRuntime\//i, 'Postman'],
];

const SYSTEMS = [
  [/\biPhone\b/, 'iPhone'],
  [/\biPad\b/, 'iPad'],
  [/\biPod\b/, 'iPod'],
  [/\bAndroid\b/, 'Android'],
  [/\bCrOS\b/, 'ChromeOS'],
  [/\bWindows Phone\b/, 'Windows Phone'],
  [/\bWindows\b/, 'Windows'],
  [/\bMacintosh\b|\bMac OS X\b/, 'macOS'],
  [/\bLinux\b|\bX11\b/, 'Linux'],
];

/**
 * What a User-Agent says: { browser, system, program }; each null when not recognised. A program (curl, a Java
 * client) is not a browser; "Safari on iPhone" and "Chrome on Linux" are { browser, system }.
 */
export function parseUserAgent(ua) {
  const text = typeof ua === 'string' ? ua.trim() : '';
  if (!text) return { browser: null, system: null, program: null };
  const program = PROGRAMS.find(([re]) => re.test(text));
  if (program) return { browser: null, system: null, program: program[1] };
  const browser = BROWSERS.find(([re]) => re.test(text));
  const system = SYSTEMS.find(([re]) => re.test(text));
  // Safari on an iPhone or Mac identifies only by its Version/… Safari/… pair; an app's web view has neither.
  return { browser: browser ? browser[1] : null, system: system ? system[1] : null, program: null };
}

/**
 * The device as words, through the catalog's sentences: { both(browser, system), browserOnly(browser),
 * systemOnly(system), program(name), unknown }.
 */
export function deviceName(ua, words) {
  const { browser, system, program } = parseUserAgent(ua);
  if (program) return words.program(program);
  if (browser && system) return words.both(browser, system);
  if (browser) return words.browserOnly(browser);
  if (system) return words.systemOnly(system);
  return words.unknown;
}

/** The shortest usual form of an IPv6 address ("0:0:0:0:0:0:0:1" → "::1"); other text as it is. */
export function shortIpv6(address) {
  const a = String(address || '').trim().toLowerCase();
  if (!a.includes(':') || a.includes('.') || !/^[0-9a-f:]+$/.test(a)) return a;
  const full = expand(a);
  if (!full) return a;
  const groups = full.map((g) => g.replace(/^0+(?=.)/, ''));
  // The longest run of two or more zero groups becomes "::" (the first such run on a tie, RFC 5952).
  let best = -1;
  let bestLength = 1;
  for (let i = 0; i < groups.length;) {
    if (groups[i] !== '0') { i += 1; continue; }
    let j = i;
    while (j < groups.length && groups[j] === '0') j += 1;
    if (j - i > bestLength) { best = i; bestLength = j - i; }
    i = j;
  }
  if (best < 0) return groups.join(':');
  return `${groups.slice(0, best).join(':')}::${groups.slice(best + bestLength).join(':')}`;
}

function expand(a) {
  const halves = a.split('::');
  if (halves.length > 2) return null;
  const head = halves[0] ? halves[0].split(':') : [];
  const tail = halves.length === 2 && halves[1] ? halves[1].split(':') : [];
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? head.length !== 8 : missing < 1) return null;
  const groups = [...head, ...Array(halves.length === 2 ? missing : 0).fill('0'), ...tail];
  return groups.every((g) => /^[0-9a-f]{1,4}$/.test(g)) ? groups : null;
}

/** The IPv4 address inside an IPv4-mapped IPv6 address ("::ffff:192.0.2.7" or "::ffff:c000:207"), else null. */
function mappedIpv4(a) {
  const dotted = /^(?:0{0,4}:){0,5}:?ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(a) || /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(a);
  if (dotted) return dotted[1];
  const full = a.includes(':') && !a.includes('.') ? expand(a.toLowerCase()) : null;
  if (full && full.slice(0, 5).every((g) => /^0+$/.test(g)) && full[5] === 'ffff') {
    const hi = parseInt(full[6], 16);
    const lo = parseInt(full[7], 16);
    return `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
  }
  return null;
}

function isPrivateIpv4(ip) {
  const p = ip.split('.').map(Number);
  return p[0] === 10 || (p[0] === 172 && p[1] >= 16 && p[1] <= 31) || (p[0] === 192 && p[1] === 168)
    || (p[0] === 169 && p[1] === 254) || (p[0] === 100 && p[1] >= 64 && p[1] <= 127);
}

/**
 * Where a session came from: { kind: 'loopback' } (this computer), { kind: 'local' } (a private network), or
 * { kind: 'address', text } with IPv4-mapped addresses as IPv4 and IPv6 shortened; { kind: 'unknown' } for nothing.
 */
export function describeAddress(address) {
  const a = String(address || '').trim();
  if (!a) return { kind: 'unknown' };
  const v4 = /^\d{1,3}(?:\.\d{1,3}){3}$/.test(a) ? a : mappedIpv4(a);
  if (v4) {
    if (v4.startsWith('127.')) return { kind: 'loopback' };
    if (isPrivateIpv4(v4)) return { kind: 'local', text: v4 };
    return { kind: 'address', text: v4 };
  }
  const short = shortIpv6(a);
  if (short === '::1') return { kind: 'loopback' };
  // fe80::/10 link-local, fc00::/7 unique local: a home or office network.
  if (/^(fe[89ab][0-9a-f]|f[cd][0-9a-f]{2}):/i.test(short)) return { kind: 'local', text: short };
  return { kind: 'address', text: short };
}
