package com.sundispatch.identity.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import com.sundispatch.identity.Accounts;
import com.sundispatch.security.CurrentUser;
import com.sundispatch.security.SecurityEvent.Outcome;
import com.sundispatch.security.SecurityEvents;
import com.sundispatch.shared.ApiException;
import com.sundispatch.shared.ErrorCodes;

/**
 * Step-up re-authentication (SECURITY.md A07): before a sensitive change the session proves its owner again
 * with the current password or a fresh TOTP code. The fact is stored on the session row, so it belongs to the
 * one login that earned it, and it lasts {@code sundispatch.identity.reauthentication-window}. Failures count in
 * the same per-account throttle as sign-ins: a stolen access token is neither a password nor a code oracle.
 */
@Service
public class ReauthenticationService {

    private final UserAccountRepository users;
    private final UserSessionRepository sessions;
    private final PasswordHashing hashing;
    private final LoginThrottle throttle;
    private final MfaService mfa;
    private final IdentityProperties properties;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final SecurityEvents audit;

    ReauthenticationService(UserAccountRepository users, UserSessionRepository sessions, PasswordHashing hashing,
            LoginThrottle throttle, MfaService mfa, IdentityProperties properties, TransactionTemplate tx,
            Clock clock, SecurityEvents audit) {
        this.users = users;
        this.sessions = sessions;
        this.hashing = hashing;
        this.throttle = throttle;
        this.mfa = mfa;
        this.properties = properties;
        this.tx = tx;
        this.clock = clock;
        this.audit = audit;
    }

    /** Checks exactly one proof and returns until when the caller's session counts as re-authenticated. */
    public Instant reauthenticate(CurrentUser caller, String password, String code, String ip) {
        boolean hasPassword = password != null && !password.isEmpty();
        boolean hasCode = code != null && !code.isBlank();
        if (hasPassword == hasCode) {
            throw ApiException.validation(hasPassword ? "code" : "password",
                    "send exactly one of password or code");
        }
        UserAccount account = users.findById(caller.userId())
                .orElseThrow(() -> ApiException.notFound("No such account."));
        try {
            throttle.check(account.email(), ip);
        } catch (ApiException e) {
            audit.publish("REAUTHENTICATION_THROTTLED", account.id(), Outcome.DENIED, Map.of());
            throw e;
        }
        if (hasPassword) {
            if (!hashing.matches(password, account.passwordHash())) {
                fail(account, ip, "wrong_password");
                throw ApiException.badRequest("wrong_password", "The password is not correct.");
            }
        } else if (!account.mfaEnabled()
                || !Boolean.TRUE.equals(tx.execute(s -> mfa.acceptTotpCode(account.id(), code)))) {
            // TOTP codes only (single-use, like at sign-in); recovery codes stay for a lost authenticator.
            fail(account, ip, "invalid_mfa_code");
            throw MfaService.invalidCode();
        }
        // Stored as DATETIME(6): cut to microseconds here, so the database never rounds it into the future.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Integer marked = tx.execute(s -> sessions.markReauthenticated(caller.sessionId(), caller.userId(), now));
        if (marked == null || marked != 1) {
            throw ApiException.unauthorized(ErrorCodes.INVALID_TOKEN,
                    "The token is invalid or expired.");
        }
        // Like sign-in: a password alone never clears the count of an MFA account, so whoever knows the password
        // cannot reset the wait between batches of code guesses.
        if (hasCode || !account.mfaEnabled()) {
            throttle.recordSuccess(account.email());
        }
        audit.publish("REAUTHENTICATED", account.id(), Outcome.SUCCESS,
                Map.of("method", hasPassword ? "password" : "totp", "sessionId", caller.sessionId()));
        return now.plus(properties.reauthenticationWindow());
    }

    /** Refuses with 403 {@code reauthentication_required} unless this session stepped up within the window. */
    public void require(CurrentUser caller) {
        Instant now = clock.instant();
        Instant at = sessions.findById(caller.sessionId())
                .filter(s -> s.userId().equals(caller.userId()) && !s.isRevoked())
                .map(UserSession::reauthenticatedAt).orElse(null);
        if (at == null || at.isAfter(now) || !now.isBefore(at.plus(properties.reauthenticationWindow()))) {
            audit.publish("REAUTHENTICATION_REQUIRED", caller.userId(), Outcome.DENIED, Map.of());
            throw ApiException.forbidden(Accounts.REAUTHENTICATION_REQUIRED,
                    "Confirm it's you: re-authenticate with your password or an authenticator code, then try again.");
        }
    }

    private void fail(UserAccount account, String ip, String reason) {
        long failures = throttle.recordFailure(account.email(), ip);
        audit.publish("REAUTHENTICATION_FAILED", account.id(), Outcome.FAILURE, Map.of("reason", reason));
        if (failures == LoginThrottle.FREE_FAILURES) {
            audit.publish("ACCOUNT_LOCKOUT", account.id(), Outcome.INFO, Map.of());
        }
    }
}
