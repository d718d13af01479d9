module.exports = async function globalSetup() {
  if (!process.env.SUNDISPATCH_API_URL) {
    throw new Error(
      'npm run test:api is run by the server\'s Java integration test, which starts a SunDispatch server and sets ' +
        'SUNDISPATCH_API_URL, SD_CUSTOMER_EMAIL, SD_CUSTOMER_PASSWORD, SD_INSTALLER_EMAIL, SD_INSTALLER_PASSWORD, ' +
        'SD_INSTALLER_TOTP_SECRET and the passkey account SD_PASSKEY_EMAIL, SD_PASSKEY_PASSWORD, SD_PASSKEY_CREDENTIAL_ID, ' +
        'SD_PASSKEY_USER_HANDLE, SD_PASSKEY_PRIVATE_KEY, SD_PASSKEY_RP_ID and SD_PASSKEY_ORIGIN. ' +
        'SUNDISPATCH_API_URL is not set: refusing to skip.',
    );
  }
};
