package com.sundispatch.identity.internal;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import com.sundispatch.security.PersonalDataSeal;
import com.sundispatch.shared.PersonalData;

/**
 * The account, its sessions, known devices, passkeys and email address changes. Never exported: the password hash,
 * the TOTP secret, recovery code and refresh token hashes, emailed link tokens, device fingerprints, a passkey's
 * credential id and public key (they identify the authenticator and are of no use outside this relying party). Erasure keeps the row (the id is never
 * issued again) under a pseudonym, and deletes every credential and session.
 */
@Component
class IdentityPersonalData implements PersonalData {

    /** A stored hash no password can match: the encoder only accepts hashes with its own prefix. */
    static final String UNUSABLE_PASSWORD = "!erased";

    private final JdbcTemplate jdbc;
    private final PersonalDataSeal seal;
    private final UserAccountRepository users;
    private final SessionService sessions;
    private final Clock clock;

    IdentityPersonalData(JdbcTemplate jdbc, UserAccountRepository users, SessionService sessions, Clock clock,
            PersonalDataSeal seal) {
        this.jdbc = jdbc;
        this.seal = seal;
        this.users = users;
        this.sessions = sessions;
        this.clock = clock;
    }

    @Override
    public String section() {
        return "account";
    }

    @Override
    public Object export(String userId) {
        Map<String, Object> out = new LinkedHashMap<>();
        List<Map<String, Object>> profile = PersonalData.rows(jdbc.queryForList("select id, email, full_name, phone, "
                + "role, language, email_verified, mfa_enabled, created_at, updated_at from users where id = ?", userId));
        // The phone number is sealed at rest, bound to the row: the person gets it in the clear.
        seal.openRows(profile, "users", row -> userId, "phone");
        out.put("profile", profile.stream().findFirst().orElse(Map.of()));
        out.put("sessions", PersonalData.rows(jdbc.queryForList("select id, device, ip, created_at, last_used_at, "
                + "expires_at, revoked_at, revoke_reason from user_sessions where user_id = ? order by created_at",
                userId)));
        out.put("knownDevices", PersonalData.rows(jdbc.queryForList("select browser, operating_system, network, "
                + "first_seen_at, last_seen_at from known_devices where user_id = ? order by first_seen_at", userId)));
        out.put("passkeys", PersonalData.rows(jdbc.queryForList("select id, name, transports, created_at, "
                + "last_used_at from passkeys where user_id = ? order by created_at", userId)));
        out.put("emailChanges", PersonalData.rows(jdbc.queryForList("select old_email, new_email, status, "
                + "requested_at, confirmed_at, ended_at from email_changes where user_id = ? order by requested_at",
                userId)));
        return out;
    }

    @Override
    public void erase(String userId, String pseudonym) {
        UserAccount account = users.findById(userId).orElse(null);
        if (account == null || account.erased()) {
            return;
        }
        // First through the service, so every instance's revoked-session cache hears of it after the commit.
        sessions.revokeAll(userId, null, "account_erased");
        jdbc.update("delete from refresh_tokens where session_id in (select id from user_sessions where user_id = ?)",
                userId);
        jdbc.update("delete from user_sessions where user_id = ?", userId);
        jdbc.update("delete from known_devices where user_id = ?", userId);
        jdbc.update("delete from account_tokens where user_id = ?", userId);
        jdbc.update("delete from recovery_codes where user_id = ?", userId);
        jdbc.update("delete from mfa_challenges where user_id = ?", userId);
        jdbc.update("delete from passkey_challenges where user_id = ?", userId);
        jdbc.update("delete from passkeys where user_id = ?", userId);
        // Both addresses of a change are personal data; the change itself is over once the account is gone.
        jdbc.update("delete from email_changes where user_id = ?", userId);
        account.erase(pseudonym, "erased-" + userId + "@erased.invalid", UNUSABLE_PASSWORD, clock.instant());
        users.saveAndFlush(account);
    }
}
