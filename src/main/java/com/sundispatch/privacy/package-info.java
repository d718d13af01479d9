/**
 * The person's rights over their data (GDPR Art. 15, 17, 20): the data export (every module's
 * {@code shared.PersonalData} part, built off the request thread, sealed, mailed as a link valid
 * 24 hours, at most once a day) and account deletion (after a grace period with an undo link, a scheduled job
 * erases the person's data module by module; what the law requires to keep stays, pseudonymised). See
 * docs/privacy.md.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Privacy", allowedDependencies = { "identity",
        "security", "shared" })
package com.sundispatch.privacy;
