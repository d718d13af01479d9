package com.sundispatch.privacy.internal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.annotation.Nullable;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import com.sundispatch.identity.AccountSecured;
import com.sundispatch.identity.Accounts;
import com.sundispatch.privacy.AccountDeletionScheduled;
import com.sundispatch.privacy.DataExportReady;
import com.sundispatch.security.CurrentUser;
import com.sundispatch.security.DataCipher;
import com.sundispatch.security.SecurityEvent.Outcome;
import com.sundispatch.security.SecurityEvents;
import com.sundispatch.shared.ApiException;
import com.sundispatch.shared.ErrorCodes;
import com.sundispatch.shared.EventIds;
import com.sundispatch.shared.PersonalData;

/**
 * Account deletion (GDPR Art. 17) with a grace period: after a step-up the owner schedules it, every other session
 * ends, a mail carries an undo link; until it is due the owner can keep the account (signed in, or from the mail).
 * Then {@link #eraseDue} erases the person module by module. Each account is claimed with one conditional update
 * inside the erasing transaction, so several instances running the job never erase one twice, and a failure rolls
 * the claim back for the next run. Accounts something still blocks (an open job, an order in progress) are refused
 * when scheduling and skipped by the job until they are free.
 */
@Service
public class AccountDeletions {

    private static final Logger log = LoggerFactory.getLogger(AccountDeletions.class);

    /** The problem code of cancelling when nothing is scheduled (404). */
    public static final String NO_DELETION_SCHEDULED = "no_deletion_scheduled";

    /** Whether and when the account will be erased. */
    public record DeletionStatus(boolean scheduled, @Nullable Instant dueAt) {
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final List<PersonalData> parts;
    private final Accounts accounts;
    private final DataCipher cipher;
    private final ApplicationEventPublisher events;
    private final SecurityEvents audit;
    private final PrivacyProperties properties;
    private final DataExports exports;
    private final Clock clock;

    AccountDeletions(JdbcTemplate jdbc, TransactionTemplate tx, List<PersonalData> parts, Accounts accounts,
            DataCipher cipher, ApplicationEventPublisher events, SecurityEvents audit, PrivacyProperties properties,
            DataExports exports, Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.parts = List.copyOf(parts);
        this.accounts = accounts;
        this.cipher = cipher;
        this.events = events;
        this.audit = audit;
        this.properties = properties;
        this.exports = exports;
        this.clock = clock;
    }

    public DeletionStatus status(String userId) {
        return jdbc.query("select due_at from account_deletions where user_id = ? and status = 'SCHEDULED'",
                (rs, n) -> new DeletionStatus(true, Utc.read(rs, "due_at")), userId).stream().findFirst()
                .orElse(new DeletionStatus(false, null));
    }

    /**
     * Schedules the deletion (idempotent while one is scheduled: no second mail). Needs a recent step-up; refused
     * with 409 and the blocking module's code while something stands in the way.
     */
    public DeletionStatus schedule(CurrentUser caller) {
        accounts.requireRecentReauthentication(caller);
        String userId = caller.userId();
        blocker(userId).ifPresent(code -> {
            audit.publish("ACCOUNT_DELETION_REFUSED", userId, Outcome.DENIED, Map.of("reason", code));
            throw ApiException.conflict(code, "Your account cannot be deleted yet.");
        });
        DeletionStatus current = status(userId);
        if (current.scheduled()) {
            return current;
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Instant due = now.plus(properties.deletionGrace());
        String token = PrivacyTokens.newToken();
        boolean scheduled = Boolean.TRUE.equals(tx.execute(status -> {
            if (!insertOrReschedule(userId, now, due, PrivacyTokens.hash(token))) {
                return false;
            }
            accounts.endOtherSessions(userId, caller.sessionId(), "deletion_scheduled");
            events.publishEvent(new AccountDeletionScheduled(EventIds.next(), userId, cipher.encrypt(
                    token.getBytes(StandardCharsets.UTF_8), DataExportReady.sealContext(userId)), due));
            return true;
        }));
        if (scheduled) {
            audit.publish("ACCOUNT_DELETION_SCHEDULED", userId, Outcome.SUCCESS, Map.of("dueAt", due.toString()));
        }
        return status(userId);
    }

    private boolean insertOrReschedule(String userId, Instant now, Instant due, String tokenHash) {
        if (jdbc.update("update account_deletions set status = 'SCHEDULED', requested_at = ?, due_at = ?, "
                + "undo_token_hash = ?, decided_at = null, version = version + 1 where user_id = ? "
                + "and status = 'CANCELLED'", Utc.db(now), Utc.db(due), tokenHash, userId) == 1) {
            return true;
        }
        try {
            return jdbc.update("insert into account_deletions (user_id, status, requested_at, due_at, undo_token_hash) "
                    + "values (?, 'SCHEDULED', ?, ?, ?)", userId, Utc.db(now), Utc.db(due), tokenHash) == 1;
        } catch (DuplicateKeyException e) {
            // Scheduled concurrently by another request of the same person: that one mails.
            return false;
        }
    }

    /** Keeps the account, signed in. */
    public void cancel(CurrentUser caller) {
        if (!cancel(caller.userId(), "account")) {
            throw new ApiException(HttpStatus.NOT_FOUND, NO_DELETION_SCHEDULED,
                    "No deletion of your account is scheduled.");
        }
    }

    /** Keeps the account from the mailed link (no session needed: the token is the proof). */
    public void undo(String token) {
        if (!PrivacyTokens.plausible(token)) {
            throw invalidToken();
        }
        String userId = jdbc.query("select user_id from account_deletions where undo_token_hash = ? "
                + "and status = 'SCHEDULED'", (rs, n) -> rs.getString(1), PrivacyTokens.hash(token)).stream()
                .findFirst().orElseThrow(AccountDeletions::invalidToken);
        if (!cancel(userId, "mail_link")) {
            throw invalidToken();
        }
    }

    /**
     * A secured account ("this wasn't me", or an undone email change) keeps itself: a deletion scheduled by whoever
     * was in the account must not run on. The owner can schedule it again once signed in. Idempotent, so a
     * redelivered event changes nothing.
     */
    @ApplicationModuleListener
    void on(AccountSecured event) {
        cancel(event.userId(), "account_secured");
    }

    private boolean cancel(String userId, String via) {
        boolean cancelled = jdbc.update("update account_deletions set status = 'CANCELLED', undo_token_hash = null, "
                + "decided_at = ?, version = version + 1 where user_id = ? and status = 'SCHEDULED' and due_at > ?",
                Utc.db(clock.instant()), userId, Utc.db(clock.instant())) == 1;
        if (cancelled) {
            audit.publish("ACCOUNT_DELETION_CANCELLED", userId, Outcome.SUCCESS, Map.of("via", via));
        }
        return cancelled;
    }

    /** Erases every account whose grace period is over; returns how many this run erased. */
    @Scheduled(fixedDelayString = "${sundispatch.privacy.erasure-interval:PT15M}",
            initialDelayString = "${sundispatch.privacy.erasure-interval:PT15M}")
    public int eraseDue() {
        exports.purgeExpired();
        Instant now = clock.instant();
        List<String> due = jdbc.query("select user_id from account_deletions where status = 'SCHEDULED' "
                + "and due_at <= ? order by due_at", (rs, n) -> rs.getString(1), Utc.db(now));
        int erased = 0;
        for (String userId : due) {
            Optional<String> blocked = blocker(userId);
            if (blocked.isPresent()) {
                log.info("Erasure of a due account waits: {}", blocked.get());
                continue;
            }
            try {
                if (Boolean.TRUE.equals(tx.execute(status -> erase(userId, now)))) {
                    erased++;
                    audit.publish("ACCOUNT_ERASED", userId, Outcome.INFO, Map.of());
                }
            } catch (RuntimeException e) {
                // Rolled back with its claim: the next run tries again; the others go on.
                log.warn("Erasure of a due account failed; it is retried on the next run", e);
            }
        }
        return erased;
    }

    private boolean erase(String userId, Instant now) {
        if (jdbc.update("update account_deletions set status = 'ERASED', undo_token_hash = null, decided_at = ?, "
                + "version = version + 1 where user_id = ? and status = 'SCHEDULED' and due_at <= ?", Utc.db(now),
                userId, Utc.db(now)) != 1) {
            return false;
        }
        String pseudonym = pseudonym(userId);
        for (PersonalData part : parts) {
            part.erase(userId, pseudonym);
        }
        jdbc.update("delete from data_exports where user_id = ?", userId);
        jdbc.update("delete from data_export_quota where user_id = ?", userId);
        return true;
    }

    /** "Deleted user 7F3A2C": stable for one account, says nothing about the person. */
    static String pseudonym(String userId) {
        return "Deleted user " + PrivacyTokens.hash("pseudonym:" + userId).substring(0, 6).toUpperCase(Locale.ROOT);
    }

    private Optional<String> blocker(String userId) {
        return parts.stream().map(p -> p.erasureBlocker(userId)).flatMap(Optional::stream).findFirst();
    }

    private static ApiException invalidToken() {
        return ApiException.badRequest(ErrorCodes.INVALID_TOKEN, "This link is invalid, used or expired.");
    }
}
