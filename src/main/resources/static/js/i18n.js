// Language of the web client: English or German. Pure apart from the guarded browser reads, so Node's test runner
// can import it. The order: the choice made with the language switch on this browser (remembered), then the signed-in
// user's profile language, then the browser's own language.

export const LANGUAGES = ['en', 'de'];
const STORE = 'sd_lang';
const listeners = new Set();
let profileLanguage = null;

function storage() {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null; // storage blocked by the browser's privacy settings
  }
}

function valid(language) {
  const l = typeof language === 'string' ? language.trim().toLowerCase().slice(0, 2) : null;
  return LANGUAGES.includes(l) ? l : null;
}

/** The rule itself, without the browser: the remembered choice, else the profile, else the browser, else English. */
export function pickLanguage({ chosen, profile, browser } = {}) {
  return valid(chosen) || valid(profile) || valid(browser) || 'en';
}

/** The language the switch remembered on this browser, or null. */
export function chosenLanguage() {
  const s = storage();
  return s ? valid(s.getItem(STORE)) : null;
}

/** "de" or "en". */
export function lang() {
  const browser = typeof navigator !== 'undefined' ? (navigator.languages && navigator.languages[0]) || navigator.language : null;
  return pickLanguage({ chosen: chosenLanguage(), profile: profileLanguage, browser });
}

/** The BCP 47 locale for Intl: en-GB (day-month order, 24-hour clock, euro sign first) or de-DE. */
export function locale(language = lang()) {
  return language === 'de' ? 'de-DE' : 'en-GB';
}

/**
 * The signed-in user's profile language (from /me), or null when signed out. Silent: the session change that
 * brings it re-renders the page anyway; a second render from here would replace the page under the person's hands.
 */
export function setProfileLanguage(language) {
  profileLanguage = valid(language);
}

/** The language switch: remembered on this browser; listeners re-render. */
export function chooseLanguage(language) {
  const l = valid(language);
  if (!l) return;
  const s = storage();
  if (s) s.setItem(STORE, l);
  listeners.forEach((fn) => fn(l));
}

export function onLanguageChange(fn) {
  listeners.add(fn);
}

/** The current language's half of a catalog {en: {...}, de: {...}}. */
export function pick(catalog, language = lang()) {
  return catalog[language] || catalog.en;
}

/**
 * The plural form for n after the language's rules (Intl.PluralRules): forms is { one, other } (German and English
 * need no more), each a string with {n} for the number, formatted for the locale.
 */
export function plural(n, forms, language = lang()) {
  const form = forms[new Intl.PluralRules(locale(language)).select(n)] || forms.other;
  return form.replace('{n}', new Intl.NumberFormat(locale(language)).format(n));
}

/** Fills {name} placeholders from params; an unknown placeholder stays visible so a missing value is noticed. */
export function fill(template, params = {}) {
  return String(template).replace(/\{(\w+)\}/g, (all, name) => (params[name] === undefined || params[name] === null ? all : String(params[name])));
}
