package com.sundispatch.identity;

import java.util.Optional;

/** What other modules may ask about accounts. */
public interface Accounts {

    /** A short, non-secret view of an account for other modules. */
    record AccountSummary(String id, String fullName, String phone, Role role, boolean emailVerified) {
    }

    Optional<AccountSummary> find(String userId);

    /** Refuses with 403 {@code email_not_verified} unless the account's email is confirmed. */
    void requireVerifiedEmail(String userId);

    long countWithRole(Role role);

    /**
     * Makes a customer an installer (after an admin approved their application). Never grants ADMIN. The
     * account's current access tokens keep their old role until the next refresh.
     */
    void promoteToInstaller(String userId);

    /**
     * Takes an installer's role back (an admin revoked their approval): INSTALLER becomes CUSTOMER and every
     * session of the account ends at once, so no token still carrying the role works. Never touches an ADMIN.
     * False when the account is not an installer.
     */
    boolean revokeInstaller(String userId);
}
