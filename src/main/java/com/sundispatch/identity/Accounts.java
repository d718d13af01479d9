package com.sundispatch.identity;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.sundispatch.security.CurrentUser;

/** What other modules may ask about accounts. */
public interface Accounts {

    /** A short, non-secret view of an account for other modules. */
    record AccountSummary(String id, String fullName, String phone, Role role, boolean emailVerified) {
    }

    /** The problem code of a sensitive change tried without a recent step-up (403). */
    String REAUTHENTICATION_REQUIRED = "reauthentication_required";

    Optional<AccountSummary> find(String userId);

    /**
     * The one check every sensitive change makes before it changes anything (MFA, recovery codes, phone, email,
     * webhook URLs, admin actions, later refunds): refuses with 403 {@code reauthentication_required} unless the
     * caller's session proved its owner again ({@code POST /api/v1/me/reauthenticate}) within
     * {@code sundispatch.identity.reauthentication-window}. A stolen access token alone never passes it.
     */
    void requireRecentReauthentication(CurrentUser caller);

    /**
     * Where to mail someone about their account or about the service, and in which language ({@code "en"} or
     * {@code "de"}); never shown to other users.
     */
    record Contact(String userId, String email, String fullName, String language) {

        @Override
        public String toString() {
            return "Contact[userId=" + userId + "]";
        }
    }

    /** The ids of accounts whose email starts with {@code prefix} (case-insensitive, literal), at most {@code limit}. */
    List<String> idsWithEmailPrefix(String prefix, int limit);

    /** The contact of one account, empty when there is no such account. */
    Optional<Contact> contact(String userId);

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
     * How people appear in public (reviews): the first name and the initial of the last ("Anna M."), or the one name
     * given; never an email or an id. Ids without an account are left out of the map.
     */
    Map<String, String> publicNames(Collection<String> userIds);

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

    /**
     * Ends every session of the account but {@code keepSessionId} (null: all), at once; joins the caller's
     * transaction (a scheduled account deletion ends the sessions on other devices).
     */
    void endOtherSessions(String userId, String keepSessionId, String reason);
}
