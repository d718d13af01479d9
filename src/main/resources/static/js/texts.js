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
};

export function errorText(code) {
  return Object.prototype.hasOwnProperty.call(ERRORS, code) ? ERRORS[code] : null;
}
