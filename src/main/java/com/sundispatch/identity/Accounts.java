package com.sundispatch.identity;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** What other modules may ask about accounts. */
public interface Accounts {

    /** A short, non-secret view of an account for other modules. */
    record AccountSummary(String id, String fullName, String phone, Role role, boolean emailVerified) {
    }

    /** Where to mail someone about their account or about the service; never shown to other users. */
    record Contact(String userId, String email, String fullName) {

        @Override
        public String toString() {
            return "Contact[userId=" + userId + "]";
        }
    }

    Optional<AccountSummary> find(String userId);

    /** Every admin's contact, for security alert mails (banned admins left out). */
    List<Contact> adminContacts();

    /**
     * Locks an account until a time after repeated suspicious activity: its sessions end at once, sign-in is
     * refused with 403 {@code account_locked} until then, the owner is mailed ({@link AccountLocked}) and the
     * lock is audited. False when there is no such account or it is already locked at least that long.
     */
    boolean lockTemporarily(String userId, Instant until, String reason);

    /** Refuses with 403 {@code email_not_verified} unless the account's email is confirmed. */
    void requireVerifiedEmail(String userId);

    long countWithRole(Role role);

    /**
     * Makes a customer an installer (after an admin approved their application). Never grants ADMIN. The
     * account's current access tokens keep their old role until the next refresh.
     */
    void promoteToInstaller(String userId);
}
