/** The server and the accounts the Java integration test prepared. */
function required(name: string): string {
  const value = process.env[name];
  if (!value) {
    throw new Error(`${name} is not set: npm run test:api is run by the server's Java integration test, which sets it.`);
  }
  return value;
}

export const env = {
  apiUrl: required('SUNDISPATCH_API_URL'),
  /** the server's clock minus this machine's (a test may have moved the server's clock); for TOTP codes */
  clockOffsetMs: Number(process.env.SD_CLOCK_OFFSET_MS ?? '0') || 0,
  customer: { email: required('SD_CUSTOMER_EMAIL'), password: required('SD_CUSTOMER_PASSWORD') },
  installer: {
    email: required('SD_INSTALLER_EMAIL'),
    password: required('SD_INSTALLER_PASSWORD'),
    totpSecret: required('SD_INSTALLER_TOTP_SECRET'),
  },
  /** an account with exactly one registered passkey (and no TOTP), and that passkey's key material */
  passkey: {
    email: required('SD_PASSKEY_EMAIL'),
    password: required('SD_PASSKEY_PASSWORD'),
    credentialId: required('SD_PASSKEY_CREDENTIAL_ID'),
    userHandle: required('SD_PASSKEY_USER_HANDLE'),
    privateKeyPkcs8: required('SD_PASSKEY_PRIVATE_KEY'),
    rpId: required('SD_PASSKEY_RP_ID'),
    origin: required('SD_PASSKEY_ORIGIN'),
  },
  /** a customer whose installation's completion report awaits confirmation (the installer's public id for the review) */
  review: {
    email: required('SD_REVIEW_CUSTOMER_EMAIL'),
    password: required('SD_REVIEW_CUSTOMER_PASSWORD'),
    orderId: required('SD_REVIEW_ORDER_ID'),
    installerId: required('SD_REVIEW_INSTALLER_ID'),
  },
};
