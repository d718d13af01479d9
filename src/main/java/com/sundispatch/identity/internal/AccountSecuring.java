package com.sundispatch.identity.internal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

import com.sundispatch.identity.AccountSecured;
import com.sundispatch.identity.EmailVerificationRequested;
import com.sundispatch.security.DataCipher;
import com.sundispatch.security.SecurityEvent.Outcome;
import com.sundispatch.security.SecurityEvents;
import com.sundispatch.shared.ApiException;
import com.sundispatch.shared.EventIds;
import com.sundispatch.shared.RetryingTransactions;

/**
 * "Secure my account": the password stops working (replaced by the hash of a random secret nobody knows), every
 * session ends, known devices are forgotten, a pending email change is cancelled, and a password reset link goes
 * to the account's address. The owner gets back in through that link alone. Used by the owner's one click and by
 * the undo of an email change.
 *
 * <p>The reset mail here is not counted against {@link MailQuota}: securing ends every session and disables the
 * password, so nobody can repeat it without first using the link it mails; a cap would only risk locking the
 * owner out.
 */
@Service
public class AccountSecuring {

    /**
     * Longer than a requested reset's 30 minutes: the owner did not ask for this mail at this moment (an undo
     * link, or a click in a hurry) and has no other way in until they use it.
     */
    static final Duration RESET_TTL = Duration.ofHours(24);

    private final UserAccountRepository users;
    private final AccountTokenRepository tokens;
    private final EmailChangeRepository changes;
    private final PasskeyRepository passkeys;
    private final SessionService sessions;
    private final KnownDevices knownDevices;
    private final PasswordHashing hashing;
    private final RetryingTransactions writes;
    private final ApplicationEventPublisher events;
    private final DataCipher cipher;
    private final SecurityEvents audit;
    private final Clock clock;

    AccountSecuring(UserAccountRepository users, AccountTokenRepository tokens, EmailChangeRepository changes,
            SessionService sessions, KnownDevices knownDevices, PasswordHashing hashing, RetryingTransactions writes,
            ApplicationEventPublisher events, DataCipher cipher, SecurityEvents audit, Clock clock,
            PasskeyRepository passkeys) {
        this.passkeys = passkeys;
        this.users = users;
        this.tokens = tokens;
        this.changes = changes;
        this.sessions = sessions;
        this.knownDevices = knownDevices;
        this.hashing = hashing;
        this.writes = writes;
        this.events = events;
        this.cipher = cipher;
        this.audit = audit;
        this.clock = clock;
    }

    /** The owner's "this wasn't me": secures the account and ends every session, the caller's too. */
    public void secure(String userId) {
        // Hashed before the transaction: bcrypt takes a while and must not hold row locks.
        String unusable = unusablePasswordHash();
        writes.executeWithoutResult("secure_account", status -> secureWithin(userId, unusable, "secured_by_owner"));
        audit.publish("ACCOUNT_SECURED", userId, Outcome.SUCCESS, Map.of("trigger", "owner"));
    }

    /** A hash nobody can sign in with, made outside any transaction. */
    String unusablePasswordHash() {
        return hashing.hash(SecureTokens.newToken());
    }

    /** The securing steps, inside the caller's transaction (the account's current address gets the reset mail). */
    void secureWithin(String userId, String unusableHash, String reason) {
        Instant now = clock.instant();
        UserAccount account = users.findById(userId).orElseThrow(() -> ApiException.notFound("No such account."));
        account.changePasswordHash(unusableHash, now);
        users.flush();
        sessions.revokeAll(userId, null, reason);
        knownDevices.forgetAll(userId);
        changes.cancelPending(userId, now);
        // A passkey signs in without the password: one an intruder added with a step-up must not outlive securing.
        // (Undo links of earlier address changes stay: they are the owner's way back if the intruder secures.)
        passkeys.deleteAllOf(userId);
        tokens.retireAll(userId, AccountToken.Purpose.RESET_PASSWORD, now);
        String token = SecureTokens.newToken();
        tokens.save(new AccountToken(SecureTokens.sha256Hex(token), userId, AccountToken.Purpose.RESET_PASSWORD, now,
                now.plus(RESET_TTL)));
        String sealed = cipher.encrypt(token.getBytes(StandardCharsets.UTF_8),
                EmailVerificationRequested.sealContext(userId));
        events.publishEvent(new AccountSecured(EventIds.next(), userId, account.email(), sealed));
    }
}
