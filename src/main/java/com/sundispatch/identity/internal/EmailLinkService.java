package com.sundispatch.identity.internal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import com.sundispatch.identity.EmailVerificationRequested;
import com.sundispatch.identity.PasswordChanged;
import com.sundispatch.identity.PasswordResetRequested;
import com.sundispatch.identity.RegistrationAttemptedForExistingAccount;
import com.sundispatch.security.SecurityEvent.Outcome;
import com.sundispatch.security.SecurityEvents;
import com.sundispatch.security.DataCipher;
import com.sundispatch.shared.EventIds;
import com.sundispatch.shared.ApiException;
import com.sundispatch.shared.ErrorCodes;
import com.sundispatch.shared.RetryingTransactions;

/**
 * Single-use emailed links: email verification (24 h) and password reset (30 min). Only the SHA-256 of a
 * token is stored; a new link retires the older ones; using one is a conditional update, so a link works
 * exactly once even under concurrent use. Every account mail first passes the per-recipient cap
 * ({@link MailQuota}); over it, nothing is issued or sent and the caller's answer does not change.
 */
@Service
public class EmailLinkService {

    static final Duration VERIFY_TTL = Duration.ofHours(24);
    static final Duration RESET_TTL = Duration.ofMinutes(30);

    private final UserAccountRepository users;
    private final AccountTokenRepository tokens;
    private final SessionService sessions;
    private final PasswordHashing hashing;
    private final PasswordPolicy policy = new PasswordPolicy();
    private final LoginThrottle throttle;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final RetryingTransactions writes;
    private final MailQuota quota;
    private final AccountWork work;
    private final ObjectProvider<IdentityWriteHook> hooks;
    private final Clock clock;
    private final SecurityEvents audit;
    private final DataCipher cipher;

    EmailLinkService(UserAccountRepository users, AccountTokenRepository tokens, SessionService sessions,
            PasswordHashing hashing, LoginThrottle throttle, ApplicationEventPublisher events,
            TransactionTemplate tx, RetryingTransactions writes, MailQuota quota, AccountWork work,
            ObjectProvider<IdentityWriteHook> hooks, Clock clock, SecurityEvents audit, DataCipher cipher) {
        this.cipher = cipher;
        this.writes = writes;
        this.quota = quota;
        this.work = work;
        this.hooks = hooks;
        this.audit = audit;
        this.users = users;
        this.tokens = tokens;
        this.sessions = sessions;
        this.hashing = hashing;
        this.throttle = throttle;
        this.events = events;
        this.tx = tx;
        this.clock = clock;
    }

    /**
     * Issues a new verification link for an unverified account (no-op for a verified one, or when its address
     * had its share of mails this hour: the older link then keeps working).
     */
    public void sendVerification(String userId) {
        Optional<UserAccount> account = users.findById(userId).filter(u -> !u.emailVerified());
        if (account.isEmpty() || !quota.tryAcquire(account.get().email(), userId, "email-verification")) {
            return;
        }
        tx.executeWithoutResult(status -> users.findById(userId).filter(u -> !u.emailVerified()).ifPresent(u -> {
            String token = issue(u.id(), AccountToken.Purpose.VERIFY_EMAIL, VERIFY_TTL);
            events.publishEvent(new EmailVerificationRequested(EventIds.next(), u.id(), u.email(), u.fullName(),
                    seal(u.id(), token)));
        }));
    }

    /** The first verification link of a new account: runs inside the transaction that creates the account. */
    String issueVerificationToken(String userId) {
        return issue(userId, AccountToken.Purpose.VERIFY_EMAIL, VERIFY_TTL);
    }

    /** Mails the first verification link, once the account and its token are committed. */
    void mailVerification(String userId, String email, String fullName, String token) {
        if (quota.tryAcquire(email, userId, "email-verification")) {
            // In a transaction of its own: the mail listener is durable and only hears committed events.
            tx.executeWithoutResult(status -> events.publishEvent(new EmailVerificationRequested(EventIds.next(),
                    userId, email, fullName, seal(userId, token))));
        }
    }

    /** Tells an account's owner that someone tried to register with their address. */
    void mailRegistrationAttempt(UserAccount account) {
        if (quota.tryAcquire(account.email(), account.id(), "registration-attempt")) {
            // In a transaction of its own: durable listeners hear only committed events.
            tx.executeWithoutResult(status -> events.publishEvent(new RegistrationAttemptedForExistingAccount(
                    EventIds.next(), account.id(), account.email(), account.fullName())));
            audit.publish("REGISTRATION_ATTEMPT_FOR_EXISTING_ACCOUNT", account.id(), Outcome.INFO, Map.of());
        }
    }

    public void verifyEmail(String token) {
        String hash = hashOf(token);
        tx.executeWithoutResult(status -> {
            Instant now = clock.instant();
            Optional<AccountToken> found = tokens.findUsable(hash, AccountToken.Purpose.VERIFY_EMAIL, now);
            if (found.isEmpty() || tokens.use(hash, AccountToken.Purpose.VERIFY_EMAIL, now) != 1) {
                throw invalidToken();
            }
            users.findById(found.get().userId()).orElseThrow(EmailLinkService::invalidToken).markEmailVerified(now);
            audit.publish("EMAIL_VERIFIED", found.get().userId(), Outcome.SUCCESS, Map.of());
        });
    }

    /**
     * Always the same outcome for the caller, and in the same time: the look-up, the link and the mail happen
     * after the answer ({@link AccountWork}); only an existing account's owner gets a mail, within the cap.
     */
    public void requestPasswordReset(String rawEmail) {
        String email = AccountService.normaliseEmail(rawEmail);
        if (!AccountService.isAcceptableEmail(email)) {
            return;
        }
        work.submit("password-reset-request", () -> completePasswordResetRequest(email));
    }

    void completePasswordResetRequest(String email) {
        Optional<UserAccount> account = users.findByEmail(email);
        if (account.isEmpty() || !quota.tryAcquire(email, account.get().id(), "password-reset")) {
            return;
        }
        // Concurrent requests for one account can deadlock on its tokens (MariaDB): retried whole, so a counted
        // mail is not lost to a deadlock victim.
        writes.executeWithoutResult("password_reset_request", status -> users.findById(account.get().id()).ifPresent(u -> {
            String token = issue(u.id(), AccountToken.Purpose.RESET_PASSWORD, RESET_TTL);
            events.publishEvent(new PasswordResetRequested(EventIds.next(), u.id(), u.email(), u.fullName(),
                    seal(u.id(), token)));
            audit.publish("PASSWORD_RESET_REQUESTED", u.id(), Outcome.INFO, Map.of());
        }));
    }

    /** Sets the new password and ends every session of the account. */
    public void confirmPasswordReset(String token, String rawNewPassword) {
        String newPassword = PasswordText.normalise(rawNewPassword, "newPassword");
        String hash = hashOf(token);
        Instant now = clock.instant();
        AccountToken link = tokens.findUsable(hash, AccountToken.Purpose.RESET_PASSWORD, now)
                .orElseThrow(EmailLinkService::invalidToken);
        UserAccount account = users.findById(link.userId()).orElseThrow(EmailLinkService::invalidToken);
        policy.check(newPassword, account.email(), account.fullName()).ifPresent(reason -> {
            throw ApiException.badRequest("weak_password", reason);
        });
        String newHash = hashing.hash(newPassword);
        writes.executeWithoutResult("password_reset", status -> {
            Instant at = clock.instant();
            if (tokens.use(hash, AccountToken.Purpose.RESET_PASSWORD, at) != 1) {
                throw invalidToken();
            }
            hooks.ifAvailable(h -> h.betweenRows("password_reset", link.userId()));
            users.findById(link.userId()).orElseThrow(EmailLinkService::invalidToken).changePasswordHash(newHash, at);
            sessions.revokeAll(link.userId(), null, "password_reset");
            events.publishEvent(new PasswordChanged(EventIds.next(), link.userId(), true, at));
        });
        throttle.recordSuccess(account.email());
        audit.publish("PASSWORD_RESET", link.userId(), Outcome.SUCCESS, Map.of());
    }

    private String issue(String userId, AccountToken.Purpose purpose, Duration ttl) {
        Instant now = clock.instant();
        tokens.retireAll(userId, purpose, now);
        String token = SecureTokens.newToken();
        tokens.save(new AccountToken(SecureTokens.sha256Hex(token), userId, purpose, now, now.plus(ttl)));
        return token;
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

    /** Both link events share one sealing context per account (see {@link EmailVerificationRequested}). */
    private String seal(String userId, String token) {
        return cipher.encrypt(token.getBytes(StandardCharsets.UTF_8), EmailVerificationRequested.sealContext(userId));
    }
}
