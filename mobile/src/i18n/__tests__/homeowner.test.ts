import { homeownerDe, homeownerEn } from '../homeowner';
import { errorSentence, STRINGS } from '../strings';

test('every homeowner string is in both languages and merged into the dictionaries', () => {
  for (const key of Object.keys(homeownerEn) as (keyof typeof homeownerEn)[]) {
    expect(homeownerDe[key]).toBeTruthy();
    expect(STRINGS.en[key]).toBeTruthy();
    expect(STRINGS.de[key]).toBeTruthy();
  }
});

test('each new problem code has its sentence in en and de', () => {
  const codes = Object.keys(homeownerEn)
    .filter((k) => k.startsWith('error.'))
    .map((k) => k.slice('error.'.length));
  expect(codes).toEqual(expect.arrayContaining(['already_reviewed', 'wrong_password', 'reauthentication_required', 'mfa_setup_required']));
  expect(errorSentence('en', 'already_reviewed')).not.toBe(STRINGS.en['error.generic']);
  for (const code of codes) {
    const key = `error.${code}` as keyof typeof homeownerEn;
    expect(errorSentence('en', code)).toBe(STRINGS.en[key]);
    expect(errorSentence('de', code)).toBe(STRINGS.de[key]);
    expect(errorSentence('de', code)).not.toBe(errorSentence('en', code));
  }
});
