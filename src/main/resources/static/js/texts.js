// Words for step-up re-authentication and the admin account actions, kept together so they can move into
// translation catalogs as they are. Error codes from the server map to sentences for people here; a server's
// own message is never shown for these codes.

export const STEP_UP = {
  title: "Confirm it's you",
  intro: 'For your safety, confirm your identity before this change.',
  password: 'Password',
  code: 'Authenticator code',
  useCode: 'Use an authenticator code instead',
  usePassword: 'Use your password instead',
  confirm: 'Confirm',
  cancel: 'Cancel',
  missingPassword: 'Enter your password.',
  missingCode: 'Enter the 6-digit code from your authenticator app.',
};

export const ADMIN_ACTIONS = {
  resetMfa: 'Reset MFA',
  resetMfaTitle: (email) => `Reset two-factor sign-in of ${email}?`,
  resetMfaText: 'Their authenticator and recovery codes stop working, they are signed out everywhere and get a mail about it.',
  reason: 'Reason',
  reasonMissing: 'Give a reason; it goes into the audit trail.',
  resetMfaDone: (email) => `Two-factor sign-in of ${email} was reset; they were mailed and signed out.`,
  promote: 'Make admin',
  promoteTitle: (email) => `Make ${email} an administrator?`,
  promoteText: 'They are signed out everywhere, mailed, and must set up two-factor sign-in before anything else.',
  promoteDone: (email) => `${email} is now an administrator.`,
  demote: 'Remove admin',
  demoteTitle: (email) => `Remove the administrator role of ${email}?`,
  demoteText: 'They get back the role they had before and are signed out everywhere and mailed.',
  revoke: 'Revoke approval',
  revokeTitle: (company) => `Revoke the installer approval of ${company}?`,
  revokeText: 'They lose the installer role and their sessions end; open offers are withdrawn and jobs not yet started go to other installers.',
  revokeReason: 'Reason (kept in the record)',
  revokeDone: (company) => `${company}: approval revoked.`,
  demoteDone: (email, role) => `${email} is no longer an administrator (now ${role.toLowerCase()}).`,
};

export const ACCOUNT_ACTIONS = {
  newCodes: 'New recovery codes',
  newCodesTitle: 'Create new recovery codes?',
  newCodesText: 'Your current recovery codes stop working at once. Enter a code from your authenticator app.',
  newCodesShown: 'Your new recovery codes; keep them safe, they are shown only now. The old ones no longer work.',
};

/** Sentences for the error codes of these features. */
export const ERRORS = {
  reauthentication_required: "Please confirm it's you first.",
  reauthentication_cancelled: "Nothing was changed: you did not confirm it's you.",
  wrong_password: 'That password is not correct.',
  invalid_mfa_code: 'That code is not correct or was already used. Wait for the next code and try again.',
  login_throttled: 'Too many failed attempts. Please wait a little and try again.',
  validation_failed: 'Please check the highlighted fields.',
  cannot_change_own_role: 'You cannot change your own role.',
  last_admin: 'This is the last administrator; make someone else an administrator first.',
  already_admin: 'This account is an administrator already.',
  not_admin: 'This account is not an administrator.',
  user_banned: 'A suspended account cannot become an administrator.',
  email_not_verified: 'This account has not confirmed its email yet.',
  cannot_reset_own_mfa: 'Turn off your own two-factor sign-in on your account page.',
  mfa_not_enabled: 'Two-factor sign-in is not on for this account.',
  account_locked: 'This account is locked for now after suspicious activity. We have mailed you when you can sign in again; consider resetting your password then.',
  unsafe_url: 'This URL cannot be used. Use a public https URL on the default port, without user name or password.',
  invalid_state: 'Someone else already changed this. Reload to see its current state.',
  too_many_concurrent_requests: 'Too many requests at once. Please wait a moment and try again.',
  request_timeout: 'The connection was too slow. Please try again.',
  malformed_request: 'The request could not be understood. Please reload the page and try again.',
  unsupported_media_type: 'The request could not be understood. Please reload the page and try again.',
  server_busy: 'The server is busy right now. Please try again in a moment.',
  payments_unavailable: 'Payments are not available right now. Your order is kept; please try again later.',
  installer_not_eligible: 'Your installer account cannot take jobs at the moment.',
  offer_withdrawn: 'This offer was withdrawn.',
  already_revoked: 'This approval was already revoked.',
  application_in_progress: 'Another application of yours is being sent right now. Reload to see it.',
  conflict: 'Someone else changed this at the same moment. Reload and try again.',
  preference_locked: 'Security notices and mails about money are always sent; they cannot be turned off.',
  notification_not_found: 'This notification no longer exists.',
  too_many_push_subscriptions: 'Push notifications are on for too many of your devices. Turn them off on a device you no longer use, then try again.',
  unsupported_push_service: 'This browser uses a push service SunDispatch cannot send to. Notifications still reach you in the app and by email.',
  invalid_push_keys: 'This browser offered a push subscription that cannot be used. Please try again or use another browser.',
  push_not_configured: 'Push notifications are not available on this SunDispatch server.',
};

/** German sentences for the codes that have one yet; the rest fall back to English until the client is translated. */
export const ERRORS_DE = {
  preference_locked: 'Sicherheitshinweise und E-Mails zu Geld werden immer gesendet; sie lassen sich nicht abschalten.',
  validation_failed: 'Bitte prüfen Sie die markierten Felder.',
  notification_not_found: 'Diese Benachrichtigung gibt es nicht mehr.',
  too_many_push_subscriptions: 'Push-Benachrichtigungen sind auf zu vielen Ihrer Geräte an. Schalten Sie sie auf einem Gerät aus, das Sie nicht mehr nutzen, und versuchen Sie es erneut.',
  unsupported_push_service: 'Dieser Browser nutzt einen Push-Dienst, an den SunDispatch nicht senden kann. Benachrichtigungen erreichen Sie weiterhin in der App und per E-Mail.',
  invalid_push_keys: 'Dieser Browser hat ein unbrauchbares Push-Abonnement angeboten. Bitte versuchen Sie es erneut oder nutzen Sie einen anderen Browser.',
  push_not_configured: 'Push-Benachrichtigungen sind auf diesem SunDispatch-Server nicht verfügbar.',
  unsafe_url: 'Diese URL kann nicht verwendet werden. Verwenden Sie eine öffentliche https-URL auf dem Standard-Port, ohne Benutzername oder Passwort.',
};

export function errorText(code) {
  const has = (table) => Object.prototype.hasOwnProperty.call(table, code);
  if (lang() === 'de' && has(ERRORS_DE)) return ERRORS_DE[code];
  return has(ERRORS) ? ERRORS[code] : null;
}

let userLanguage = null;

/** The profile's language once the signed-in user's /me answer carries one; null falls back to the browser. */
export function setUserLanguage(language) {
  userLanguage = typeof language === 'string' ? language.toLowerCase() : null;
}

/** "de" or "en": the user's profile language if known, else the browser's. */
export function lang() {
  if (userLanguage === 'de' || userLanguage === 'en') return userLanguage;
  const browser = (typeof navigator !== 'undefined' && navigator.language) || 'en';
  return browser.toLowerCase().startsWith('de') ? 'de' : 'en';
}

/** Words of the notification bell, inbox, toasts and preferences, in English and German. */
export const NOTIFY = {
  en: {
    bell: 'Notifications',
    bellUnread: (n) => `Notifications, ${n} unread`,
    title: 'Notifications',
    settingsLink: 'Notification settings',
    markAllRead: 'Mark all as read',
    markRead: 'Mark as read',
    allRead: 'All notifications are marked as read.',
    loadMore: 'Load more',
    empty: 'No notifications yet. We will tell you here when something happens to your orders, jobs or account.',
    unread: 'Unread',
    read: 'Read',
    loading: 'Loading…',
    loadFailed: 'The notifications could not be loaded. Please try again.',
    shown: (shown, total) => `${shown} of ${total}`,
    toastOpen: 'Open',
    toastDismiss: 'Dismiss notification',
    toastRegion: 'New notifications',
    justNow: 'just now',
    accessUpdated: 'Your access was updated.',
    settingsTitle: 'Notification settings',
    settingsIntro: 'Choose how we tell you about each kind of news.',
    category: 'Kind of news',
    channels: { EMAIL: 'Email', IN_APP: 'In the app', PUSH: 'Push' },
    categories: {
      SECURITY: ['Security', 'Sign-ins from a new device, password and two-factor changes, locks and bans.'],
      ORDERS: ['Orders and payments', 'Order confirmations, payments received, cancellations and refunds.'],
      INSTALLATION: ['Installation', 'Your installer is booked, starts, finishes, or none was found yet.'],
      REVIEWS: ['Reviews', 'Requests to review an installation, and reviews you receive.'],
      OFFERS: ['Job offers', 'New job offers near you, and offers taken by someone else or expired.'],
      INSTALLER: ['Installer account', 'Your installer application and cancelled jobs.'],
      ADMIN: ['Administration', 'New installer applications, unassigned jobs and serious security alerts.'],
    },
    cell: (category, channel) => `${category}: ${channel}`,
    locked: 'Always on',
    lockedNote: 'Security notices and mails about money are always sent.',
    save: 'Save',
    saved: 'Your notification settings are saved.',
    nothingChanged: 'Nothing was changed.',
    back: '← Notifications',
    pushTitle: 'Push notifications on this device',
    pushIntro: 'Get a notification on this device even when SunDispatch is not open.',
    pushUnsupported: 'This browser cannot receive push notifications from SunDispatch.',
    pushOn: 'Push notifications are on for this device.',
    pushOff: 'Push notifications are off for this device.',
    pushEnable: 'Turn on push notifications',
    pushDisable: 'Turn off push notifications',
    pushTest: 'Send a test notification',
    pushGranted: 'Push notifications are on for this device.',
    pushDenied: 'Your browser blocks notifications from this site. Allow them in the browser settings, then try again.',
    pushError: 'Push notifications could not be turned on. Please try again later.',
    pushDisabled: 'Push notifications are off for this device.',
    pushDismissed: 'Push notifications stay off: the browser asked and the question was closed. Try again to allow them.',
    pushNotConfigured: 'Push notifications are not available on this SunDispatch server.',
    pushTestSent: 'A test notification is on its way.',
    pushTestFailed: 'The test notification could not be sent.',
    becomeInstaller: 'Become an installer',
  },
  de: {
    bell: 'Benachrichtigungen',
    bellUnread: (n) => `Benachrichtigungen, ${n} ungelesen`,
    title: 'Benachrichtigungen',
    settingsLink: 'Einstellungen für Benachrichtigungen',
    markAllRead: 'Alle als gelesen markieren',
    markRead: 'Als gelesen markieren',
    allRead: 'Alle Benachrichtigungen sind als gelesen markiert.',
    loadMore: 'Mehr laden',
    empty: 'Noch keine Benachrichtigungen. Hier erfahren Sie, wenn sich bei Ihren Bestellungen, Aufträgen oder Ihrem Konto etwas tut.',
    unread: 'Ungelesen',
    read: 'Gelesen',
    loading: 'Wird geladen …',
    loadFailed: 'Die Benachrichtigungen konnten nicht geladen werden. Bitte versuchen Sie es erneut.',
    shown: (shown, total) => `${shown} von ${total}`,
    toastOpen: 'Öffnen',
    toastDismiss: 'Benachrichtigung schließen',
    toastRegion: 'Neue Benachrichtigungen',
    justNow: 'gerade eben',
    accessUpdated: 'Ihre Berechtigungen wurden aktualisiert.',
    settingsTitle: 'Einstellungen für Benachrichtigungen',
    settingsIntro: 'Wählen Sie, wie wir Sie über jede Art von Neuigkeit informieren.',
    category: 'Art der Neuigkeit',
    channels: { EMAIL: 'E-Mail', IN_APP: 'In der App', PUSH: 'Push' },
    categories: {
      SECURITY: ['Sicherheit', 'Anmeldungen von neuen Geräten, Änderungen an Passwort und Zwei-Faktor-Anmeldung, Sperren.'],
      ORDERS: ['Bestellungen und Zahlungen', 'Bestellbestätigungen, Zahlungseingänge, Stornierungen und Erstattungen.'],
      INSTALLATION: ['Montage', 'Ihr Installateur ist gebucht, beginnt, ist fertig, oder es wurde noch keiner gefunden.'],
      REVIEWS: ['Bewertungen', 'Bitten um eine Bewertung der Montage und Bewertungen, die Sie erhalten.'],
      OFFERS: ['Auftragsangebote', 'Neue Auftragsangebote in Ihrer Nähe sowie vergebene oder abgelaufene Angebote.'],
      INSTALLER: ['Installateur-Konto', 'Ihre Bewerbung als Installateur und stornierte Aufträge.'],
      ADMIN: ['Verwaltung', 'Neue Installateur-Bewerbungen, nicht vergebene Aufträge und schwere Sicherheitswarnungen.'],
    },
    cell: (category, channel) => `${category}: ${channel}`,
    locked: 'Immer an',
    lockedNote: 'Sicherheitshinweise und E-Mails zu Geld werden immer gesendet.',
    save: 'Speichern',
    saved: 'Ihre Einstellungen für Benachrichtigungen sind gespeichert.',
    nothingChanged: 'Es wurde nichts geändert.',
    back: '← Benachrichtigungen',
    pushTitle: 'Push-Benachrichtigungen auf diesem Gerät',
    pushIntro: 'Erhalten Sie Benachrichtigungen auf diesem Gerät, auch wenn SunDispatch nicht geöffnet ist.',
    pushUnsupported: 'Dieser Browser kann keine Push-Benachrichtigungen von SunDispatch empfangen.',
    pushOn: 'Push-Benachrichtigungen sind auf diesem Gerät an.',
    pushOff: 'Push-Benachrichtigungen sind auf diesem Gerät aus.',
    pushEnable: 'Push-Benachrichtigungen einschalten',
    pushDisable: 'Push-Benachrichtigungen ausschalten',
    pushTest: 'Test-Benachrichtigung senden',
    pushGranted: 'Push-Benachrichtigungen sind auf diesem Gerät an.',
    pushDenied: 'Ihr Browser blockiert Benachrichtigungen dieser Seite. Erlauben Sie sie in den Browser-Einstellungen und versuchen Sie es erneut.',
    pushError: 'Push-Benachrichtigungen konnten nicht eingeschaltet werden. Bitte versuchen Sie es später erneut.',
    pushDisabled: 'Push-Benachrichtigungen sind auf diesem Gerät aus.',
    pushDismissed: 'Push-Benachrichtigungen bleiben aus: Die Frage des Browsers wurde geschlossen. Versuchen Sie es erneut, um sie zu erlauben.',
    pushNotConfigured: 'Push-Benachrichtigungen sind auf diesem SunDispatch-Server nicht verfügbar.',
    pushTestSent: 'Eine Test-Benachrichtigung ist unterwegs.',
    pushTestFailed: 'Die Test-Benachrichtigung konnte nicht gesendet werden.',
    becomeInstaller: 'Installateur werden',
  },
};

/** The notification words in the current language. */
export function notifyText() {
  return NOTIFY[lang()];
}
