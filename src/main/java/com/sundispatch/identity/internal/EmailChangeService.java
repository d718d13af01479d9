package com.sundispatch.identity.internal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.sundispatch.identity.EmailChangeAttemptedForExistingAccount;
import com.sundispatch.identity.EmailChangeRequested;
import com.sundispatch.identity.EmailChanged;
import com.sundispatch.identity.EmailVerificationRequested;
import com.sundispatch.security.CurrentUser;
import com.sundispatch.security.DataCipher;
import com.sundispatch.security.SecurityEvent.Outcome;
import com.sundispatch.security.SecurityEvents;
import com.sundispatch.shared.ApiException;
import com.sundispatch.shared.ErrorCodes;
import com.sundispatch.shared.EventIds;
import com.sundispatch.shared.RetryingTransactions;

/**
 * Changing an account's email address. The owner asks (signed in, after a step-up); the new address gets a link
 * (24 h); the account keeps its old address until that link is opened. Then the new address is the sign-in
 * address (verified), every other session ends, and the old address gets a notice with a link that undoes the
 * change for 7 days. Undoing gives the old address back and secures the account ({@link AccountSecuring}):
 * whoever changed it may know the password.
 *
 * <p>An address that belongs to another account is never revealed: the caller gets the same answer and the same
 * pending change, the other account's owner a notice, and the link is never issued. The unique index decides
 * again when a link is used, for an address taken in the meantime ({@code email_taken}).
 */
@Service
public class EmailChangeService {

    static final Duration CONFIRM_TTL = Duration.ofHours(24);
    static final Duration UNDO_TTL = Duration.ofDays(7);

    /** A change waiting for its new address to be confirmed, as its owner sees it. */
    public record PendingEmailChange(String newEmail, Instant requestedAt, Instant expiresAt) {
    }

    private final UserAccountRepository users;
    private final EmailChangeRepository changes;
    private final SessionService sessions;
    private final ReauthenticationService reauthentication;
    private final AccountSecuring securing;
    private final MailQuota quota;
    private final RetryingTransactions writes;
    private final ApplicationEventPublisher events;
    private final DataCipher cipher;
    private final SecurityEvents audit;
    private final Clock clock;

    EmailChangeService(UserAccountRepository users, EmailChangeRepository changes, SessionService sessions,
            ReauthenticationService reauthentication, AccountSecuring securing, MailQuota quota,
            RetryingTransactions writes, ApplicationEventPublisher events, DataCipher cipher, SecurityEvents audit,
            Clock clock) {
        this.users = users;
        this.changes = changes;
        this.sessions = sessions;
        this.reauthentication = reauthentication;
        this.securing = securing;
        this.quota = quota;
        this.writes = writes;
        this.events = events;
        this.cipher = cipher;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Starts a change (a newer request replaces an older pending one). Over the per-recipient mail cap nothing is
     * sent and the answer stays the same, like every account mail.
     */
    public void request(CurrentUser caller, String rawNewEmail) {
        String newEmail = AccountService.normaliseEmail(rawNewEmail);
        if (!AccountService.isAcceptableEmail(newEmail)) {
            throw ApiException.validation("newEmail", "must be a valid email address");
        }
        reauthentication.require(caller);
        UserAccount account = users.findById(caller.userId())
                .orElseThrow(() -> ApiException.notFound("No such account."));
        if (newEmail.equals(account.email())) {
            throw ApiException.badRequest("email_unchanged", "This is already your email address.");
        }
        Optional<UserAccount> owner = users.findByEmail(newEmail);
        String mailTo = owner.map(UserAccount::email).orElse(newEmail);
        boolean mail = quota.tryAcquire(mailTo, owner.map(UserAccount::id).orElse(account.id()), "email-change");
        writes.executeWithoutResult("email_change_request", status -> {
            Instant now = clock.instant();
            changes.cancelPending(account.id(), now);
            String token = SecureTokens.newToken();
            changes.save(new EmailChange(UUID.randomUUID().toString(), account.id(), account.email(), newEmail,
                    SecureTokens.sha256Hex(token), now, now.plus(CONFIRM_TTL)));
            if (!mail) {
                return;
            }
            if (owner.isPresent()) {
                events.publishEvent(new EmailChangeAttemptedForExistingAccount(EventIds.next(), owner.get().id(),
                        owner.get().email()));
            } else {
                events.publishEvent(new EmailChangeRequested(EventIds.next(), account.id(), newEmail,
                        seal(account.id(), token)));
            }
        });
        audit.publish("EMAIL_CHANGE_REQUESTED", account.id(), Outcome.INFO, Map.of());
        // Recorded against the address's owner, without the requester: the requester's own history and data
        // export must not tell them that the address has an account.
        owner.ifPresent(o -> audit.publish("EMAIL_CHANGE_TO_EXISTING_ADDRESS", o.id(), Outcome.DENIED, Map.of()));
    }

    /**
     * Uses a confirmation link: the new address becomes the account's (verified), every session ends except
     * {@code keepSessionId} (the confirming browser's own session when it is signed in to this account; null
     * ends all), and the old address is told with an undo link.
     */
    public void confirm(String token, String callerUserId, String callerSessionId) {
        String hash = hashOf(token);
        Instant now = clock.instant();
        EmailChange change = changes.findConfirmable(hash, now).orElseThrow(EmailChangeService::invalidToken);
        if (users.findByEmail(change.newEmail()).isPresent() || changes.isReservedForUndo(change.newEmail(), now)) {
            throw emailTaken();
        }
        String keep = change.userId().equals(callerUserId) ? callerSessionId : null;
        String undoToken = SecureTokens.newToken();
        Instant undoUntil = now.plus(UNDO_TTL);
        try {
            writes.executeWithoutResult("email_change_confirm", status -> {
                if (changes.confirm(change.id(), now) != 1) {
                    throw invalidToken();
                }
                UserAccount account = users.findById(change.userId()).orElseThrow(EmailChangeService::invalidToken);
                if (!account.email().equals(change.oldEmail())) {
                    throw invalidToken();
                }
                account.changeEmail(change.newEmail(), now);
                users.flush();
                EmailChange confirmed = changes.findById(change.id()).orElseThrow();
                confirmed.offerUndo(SecureTokens.sha256Hex(undoToken), undoUntil);
                sessions.revokeAll(change.userId(), keep, "email_change");
                events.publishEvent(new EmailChanged(EventIds.next(), change.userId(), change.oldEmail(),
                        change.newEmail(), now, seal(change.userId(), undoToken), undoUntil));
            });
        } catch (DataIntegrityViolationException taken) {
            // Registered or moved to by someone else between the check above and the write: the unique index.
            throw emailTaken();
        }
        audit.publish("EMAIL_CHANGED", change.userId(), Outcome.SUCCESS, Map.of());
    }

    /**
     * Uses an undo link (the old address's): that address is the account's again, and the account is secured:
     * the password stops working, every session ends, and a reset link goes to the restored address.
     */
    public void undo(String token) {
        String hash = hashOf(token);
        Instant now = clock.instant();
        EmailChange change = changes.findUndoable(hash, now).orElseThrow(EmailChangeService::invalidToken);
        Optional<UserAccount> holder = users.findByEmail(change.oldEmail());
        if (holder.isPresent() && !holder.get().id().equals(change.userId())) {
            throw emailTaken();
        }
        String unusable = securing.unusablePasswordHash();
        try {
            writes.executeWithoutResult("email_change_undo", status -> {
                // Within the undo window only the earliest change counts: its old address is the one the account
                // had before anyone moved it. An intruder who moved it on (A to B, then B to C) holds the undo link
                // of the later change, which would otherwise hand the account back to them.
                if (!change.id().equals(changes.earliestUndoable(change.userId(), now).stream().findFirst()
                        .map(EmailChange::id).orElse(null))) {
                    throw invalidToken();
                }
                if (changes.undo(change.id(), now) != 1) {
                    throw invalidToken();
                }
                UserAccount account = users.findById(change.userId()).orElseThrow(EmailChangeService::invalidToken);
                account.changeEmail(change.oldEmail(), now);
                users.flush();
                securing.secureWithin(change.userId(), unusable, "email_change_undone");
                changes.endUndoLinks(change.userId());
            });
        } catch (DataIntegrityViolationException taken) {
            throw emailTaken();
        }
        audit.publish("EMAIL_CHANGE_UNDONE", change.userId(), Outcome.SUCCESS, Map.of());
        audit.publish("ACCOUNT_SECURED", change.userId(), Outcome.SUCCESS, Map.of("trigger", "email_change_undo"));
    }

    /** Cancels the pending change, if any (idempotent). */
    public void cancel(String userId) {
        Integer cancelled = writes.execute("email_change_cancel", status -> changes.cancelPending(userId,
                clock.instant()));
        if (cancelled != null && cancelled > 0) {
            audit.publish("EMAIL_CHANGE_CANCELLED", userId, Outcome.SUCCESS, Map.of());
        }
    }

    @Transactional(readOnly = true)
    public Optional<PendingEmailChange> pending(String userId) {
        return changes.findPending(userId, clock.instant()).stream().findFirst()
                .map(c -> new PendingEmailChange(c.newEmail(), c.requestedAt(), c.confirmExpiresAt()));
    }

    private String seal(String userId, String token) {
        return cipher.encrypt(token.getBytes(StandardCharsets.UTF_8), EmailVerificationRequested.sealContext(userId));
    }

    private static String hashOf(String token) {
        if (token == null || token.isBlank() || token.length() > 200) {
            throw invalidToken();
        }
        return SecureTokens.sha256Hex(token.trim());
    }

    private static ApiException invalidToken() {
        return ApiException.badRequest(ErrorCodes.INVALID_TOKEN, "This link is invalid, used or expired.");
    }

    private static ApiException emailTaken() {
        return ApiException.conflict("email_taken",
                "This email address now belongs to another account; the change was not made.");
    }
}
