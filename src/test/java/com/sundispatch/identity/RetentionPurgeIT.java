package com.sundispatch.identity;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.sundispatch.identity.internal.IdentityRetention;
import com.sundispatch.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** The nightly purge deletes sessions, tokens, challenges and devices past retention, keeps the rest, and repeats harmlessly. */
class RetentionPurgeIT extends IntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    IdentityRetention retention;

    private String userId;

    private Timestamp ago(Duration d) {
        return Timestamp.from(clock.instant().minus(d));
    }

    private String session(Duration expiredAgo, Duration revokedAgo) {
        String id = UUID.randomUUID().toString();
        Instant now = clock.instant();
        jdbc.update("insert into user_sessions (id, user_id, created_at, last_used_at, expires_at, revoked_at) "
                + "values (?, ?, ?, ?, ?, ?)", id, userId, Timestamp.from(now.minus(Duration.ofDays(500))),
                Timestamp.from(now.minus(Duration.ofDays(100))), Timestamp.from(now.minus(expiredAgo)),
                revokedAgo == null ? null : Timestamp.from(now.minus(revokedAgo)));
        return id;
    }

    private String refreshToken(String sessionId, Duration expiredAgo) {
        String hash = hash();
        jdbc.update("insert into refresh_tokens (token_hash, session_id, status, created_at, expires_at) values "
                + "(?, ?, 'ROTATED', ?, ?)", hash, sessionId, ago(Duration.ofDays(400)), ago(expiredAgo));
        return hash;
    }

    private String accountToken(Duration expiredAgo, Duration usedAgo) {
        String hash = hash();
        jdbc.update("insert into account_tokens (token_hash, user_id, purpose, created_at, expires_at, used_at) "
                + "values (?, ?, 'VERIFY_EMAIL', ?, ?, ?)", hash, userId, ago(Duration.ofDays(400)), ago(expiredAgo),
                usedAgo == null ? null : ago(usedAgo));
        return hash;
    }

    private String challenge(Duration expiredAgo, Duration usedAgo) {
        String hash = hash();
        jdbc.update("insert into mfa_challenges (token_hash, user_id, created_at, expires_at, used_at) values "
                + "(?, ?, ?, ?, ?)", hash, userId, ago(Duration.ofDays(400)), ago(expiredAgo),
                usedAgo == null ? null : ago(usedAgo));
        return hash;
    }

    private String device(Duration seenAgo) {
        String id = UUID.randomUUID().toString();
        jdbc.update("insert into known_devices (id, user_id, device_hash, browser, operating_system, network, "
                + "first_seen_at, last_seen_at) values (?, ?, ?, 'Firefox', 'Linux', '203.0.113.0/24', ?, ?)", id,
                userId, hash(), ago(Duration.ofDays(900)), ago(seenAgo));
        return id;
    }

    private String emailChange(String status, Duration confirmExpiredAgo, Duration confirmedAgo,
            Duration undoExpiredAgo, Duration endedAgo) {
        String id = UUID.randomUUID().toString();
        jdbc.update("insert into email_changes (id, user_id, old_email, new_email, status, confirm_token_hash, "
                + "confirm_expires_at, undo_token_hash, undo_expires_at, requested_at, confirmed_at, ended_at) values "
                + "(?, ?, 'old@example.test', 'new@example.test', ?, ?, ?, ?, ?, ?, ?, ?)", id, userId, status, hash(),
                ago(confirmExpiredAgo), undoExpiredAgo == null ? null : hash(),
                undoExpiredAgo == null ? null : ago(undoExpiredAgo), ago(Duration.ofDays(400)),
                confirmedAgo == null ? null : ago(confirmedAgo), endedAgo == null ? null : ago(endedAgo));
        return id;
    }

    private static String hash() {
        return (UUID.randomUUID().toString() + UUID.randomUUID()).replace("-", "");
    }

    private boolean exists(String table, String key, String value) {
        Integer n = jdbc.queryForObject("select count(*) from " + table + " where " + key + " = ?", Integer.class,
                value);
        return n != null && n > 0;
    }

    @Test
    void rowsPastRetentionArePurgedRecentOnesKeptAndASecondRunIsHarmless() {
        String email = registerVerifiedCustomer();
        userId = jdbc.queryForObject("select id from users where email = ?", String.class, email);

        String oldExpired = session(Duration.ofDays(31), null);
        String oldRevoked = session(Duration.ofDays(-30), Duration.ofDays(31));
        String recentlyExpired = session(Duration.ofDays(29), null);
        String live = session(Duration.ofDays(-10), null);
        String tokenOfOldSession = refreshToken(oldExpired, Duration.ofDays(31));
        String longExpiredTokenOfLive = refreshToken(live, Duration.ofDays(8));
        String liveToken = refreshToken(live, Duration.ofDays(-10));

        String usedLongAgo = accountToken(Duration.ofDays(-1), Duration.ofDays(8));
        String expiredLongAgo = accountToken(Duration.ofDays(8), null);
        String usedRecently = accountToken(Duration.ofDays(6), Duration.ofDays(6));
        String open = accountToken(Duration.ofDays(-1), null);

        String oldChallenge = challenge(Duration.ofDays(8), null);
        String recentChallenge = challenge(Duration.ofDays(1), Duration.ofDays(1));

        String forgottenDevice = device(Duration.ofDays(401));
        String knownDevice = device(Duration.ofDays(399));

        String cancelledLongAgo = emailChange("CANCELLED", Duration.ofDays(20), null, null, Duration.ofDays(8));
        String unconfirmedLongAgo = emailChange("PENDING", Duration.ofDays(8), null, null, null);
        String undoWindowOverLongAgo = emailChange("CONFIRMED", Duration.ofDays(30), Duration.ofDays(30),
                Duration.ofDays(23), null);
        String inUndoWindow = emailChange("CONFIRMED", Duration.ofDays(4), Duration.ofDays(4), Duration.ofDays(-3),
                null);
        String pending = emailChange("PENDING", Duration.ofDays(-1), null, null, null);

        IdentityRetention.Purged first = retention.purge();
        assertThat(first.sessions()).isGreaterThanOrEqualTo(2);

        assertThat(exists("user_sessions", "id", oldExpired)).isFalse();
        assertThat(exists("user_sessions", "id", oldRevoked)).isFalse();
        assertThat(exists("refresh_tokens", "token_hash", tokenOfOldSession)).isFalse();
        assertThat(exists("user_sessions", "id", recentlyExpired)).isTrue();
        assertThat(exists("user_sessions", "id", live)).isTrue();
        assertThat(exists("refresh_tokens", "token_hash", longExpiredTokenOfLive)).isFalse();
        assertThat(exists("refresh_tokens", "token_hash", liveToken)).isTrue();

        assertThat(exists("account_tokens", "token_hash", usedLongAgo)).isFalse();
        assertThat(exists("account_tokens", "token_hash", expiredLongAgo)).isFalse();
        assertThat(exists("account_tokens", "token_hash", usedRecently)).isTrue();
        assertThat(exists("account_tokens", "token_hash", open)).isTrue();

        assertThat(exists("mfa_challenges", "token_hash", oldChallenge)).isFalse();
        assertThat(exists("mfa_challenges", "token_hash", recentChallenge)).isTrue();

        assertThat(exists("known_devices", "id", forgottenDevice)).isFalse();
        assertThat(exists("known_devices", "id", knownDevice)).isTrue();
        assertThat(exists("email_changes", "id", cancelledLongAgo)).isFalse();
        assertThat(exists("email_changes", "id", unconfirmedLongAgo)).isFalse();
        assertThat(exists("email_changes", "id", undoWindowOverLongAgo)).isFalse();
        assertThat(exists("email_changes", "id", inUndoWindow)).isTrue();
        assertThat(exists("email_changes", "id", pending)).isTrue();
        // The account itself is never purged here.
        assertThat(exists("users", "id", userId)).isTrue();

        IdentityRetention.Purged second = retention.purge();
        assertThat(second).isEqualTo(new IdentityRetention.Purged(0, 0, 0, 0, 0, 0));
        assertThat(exists("user_sessions", "id", live)).isTrue();
        assertThat(exists("account_tokens", "token_hash", open)).isTrue();
    }

    @Test
    void movingTheClockPastRetentionPurgesWhatWasRecent() {
        String email = registerVerifiedCustomer();
        userId = jdbc.queryForObject("select id from users where email = ?", String.class, email);
        String device = device(Duration.ofDays(399));
        retention.purge();
        assertThat(exists("known_devices", "id", device)).isTrue();
        // Two days on (a small step: the suite's shared admin session must outlive it) the device is forgotten.
        clock.advance(Duration.ofDays(2));
        try {
            retention.purge();
            assertThat(exists("known_devices", "id", device)).isFalse();
        } finally {
            clock.advance(Duration.ofDays(-2));
        }
    }
}
