package com.sundispatch.identity.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collections;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The nightly purge of identity rows past their retention ({@link RetentionProperties}). Each kind is deleted by
 * its predicate in bounded batches (select up to a batch of keys, delete those keys under the same predicate, one
 * short transaction each), so a large backlog never holds long locks. No lock or leader election is needed for
 * several instances: the predicate only grows (time moves on, a revoked session stays revoked), so two instances
 * running at once delete disjoint or the same rows, and a row already deleted simply counts 0 the second time.
 */
@Component
public class IdentityRetention {

    private static final Logger log = LoggerFactory.getLogger(IdentityRetention.class);

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final RetentionProperties properties;
    private final TransactionTemplate tx;

    IdentityRetention(JdbcTemplate jdbc, Clock clock, RetentionProperties properties,
            PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.properties = properties;
        this.tx = new TransactionTemplate(transactions);
    }

    /** What one purge deleted. */
    public record Purged(long sessions, long refreshTokens, long accountTokens, long mfaChallenges, long devices,
            long emailChanges) {
    }

    @Scheduled(cron = "${sundispatch.retention.cron:0 41 3 * * *}")
    public Purged purge() {
        Instant now = clock.instant();
        // Bound as Timestamp like the rest of the JDBC code (Inbox, NotificationMails).
        Timestamp sessionsBefore = Timestamp.from(now.minus(properties.sessions()));
        Timestamp tokensBefore = Timestamp.from(now.minus(properties.tokens()));
        // Refresh tokens go first: of sessions being purged (foreign key), and long expired ones of any session
        // (a rotated token past its expiry can no longer be presented, so reuse detection needs it no more).
        long sessionTokens = 0;
        long sessions = 0;
        while (true) {
            List<String> ids = jdbc.queryForList("select id from user_sessions where (revoked_at < ? or expires_at < ?)"
                    + " order by id limit " + properties.batchSize(), String.class, sessionsBefore, sessionsBefore);
            if (ids.isEmpty()) {
                break;
            }
            String in = String.join(",", Collections.nCopies(ids.size(), "?"));
            long[] deleted = tx.execute(s -> new long[] {
                    jdbc.update("delete from refresh_tokens where session_id in (" + in + ")", ids.toArray()),
                    jdbc.update("delete from user_sessions where id in (" + in + ") and (revoked_at < ? or expires_at "
                            + "< ?)", concat(ids, sessionsBefore, sessionsBefore)) });
            sessionTokens += deleted[0];
            sessions += deleted[1];
            if (ids.size() < properties.batchSize()) {
                break;
            }
        }
        long refreshTokens = sessionTokens + batched("refresh_tokens", "token_hash", "expires_at < ?", tokensBefore);
        long accountTokens = batched("account_tokens", "token_hash", "(used_at < ? or expires_at < ?)", tokensBefore,
                tokensBefore);
        Timestamp challengesBefore = Timestamp.from(now.minus(properties.mfaChallenges()));
        long challenges = batched("mfa_challenges", "token_hash", "(used_at < ? or expires_at < ?)", challengesBefore,
                challengesBefore);
        long devices = batched("known_devices", "id", "last_seen_at < ?",
                Timestamp.from(now.minus(properties.devices())));
        // Both addresses of an email change are personal data: kept as long as an email-link token once its change
        // is over (ended, expired unconfirmed, or confirmed and past its undo window).
        long emailChanges = batched("email_changes", "id", "(ended_at < ? or (status = 'PENDING' and "
                + "confirm_expires_at < ?) or (status = 'CONFIRMED' and coalesce(undo_expires_at, confirmed_at) < ?))",
                tokensBefore, tokensBefore, tokensBefore);
        Purged purged = new Purged(sessions, refreshTokens, accountTokens, challenges, devices, emailChanges);
        log.info("Retention purge: {} sessions, {} refresh tokens, {} email-link tokens, {} MFA challenges, "
                + "{} known devices, {} email changes", sessions, refreshTokens, accountTokens, challenges, devices,
                emailChanges);
        return purged;
    }

    private long batched(String table, String key, String predicate, Object... args) {
        long total = 0;
        while (true) {
            List<String> keys = jdbc.queryForList("select " + key + " from " + table + " where " + predicate
                    + " order by " + key + " limit " + properties.batchSize(), String.class, args);
            if (keys.isEmpty()) {
                return total;
            }
            String in = String.join(",", Collections.nCopies(keys.size(), "?"));
            Object[] all = concat(keys, args);
            Integer n = tx.execute(s -> jdbc.update("delete from " + table + " where " + key + " in (" + in
                    + ") and " + predicate, all));
            total += n == null ? 0 : n;
            if (keys.size() < properties.batchSize()) {
                return total;
            }
        }
    }

    private static Object[] concat(List<String> keys, Object... more) {
        Object[] all = new Object[keys.size() + more.length];
        for (int i = 0; i < keys.size(); i++) {
            all[i] = keys.get(i);
        }
        System.arraycopy(more, 0, all, keys.size(), more.length);
        return all;
    }
}
