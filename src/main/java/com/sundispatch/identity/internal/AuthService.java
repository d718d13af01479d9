package com.sundispatch.identity.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import com.sundispatch.security.AccessToken;
import com.sundispatch.security.AccessTokens;
import com.sundispatch.security.CurrentUser;
import com.sundispatch.security.SecurityEvent.Outcome;
import com.sundispatch.security.SecurityEvents;
import com.sundispatch.security.SessionRevocations;
import com.sundispatch.shared.ApiException;
import com.sundispatch.shared.ErrorCodes;

/** Login (with brute-force defence, bans and MFA), refresh-token rotation and logout. */
@Service
public class AuthService {

    /** What a correct password gets: tokens, or (for an MFA account) a challenge for the second step. */
    public sealed interface LoginResult permits LoginResult.Tokens, LoginResult.MfaRequired {
        record Tokens(TokenPair pair) implements LoginResult {
        }

        /** {@code methods}: the second factors the account has ("totp", "passkey"), so a client offers those. */
        record MfaRequired(String mfaToken, List<String> methods) implements LoginResult {
            public MfaRequired {
                methods = List.copyOf(methods);
            }

            @Override
            public String toString() {
                return "MfaRequired[***]";
            }
        }
    }

    static final Duration MFA_CHALLENGE_TTL = Duration.ofMinutes(5);
    static final int MFA_MAX_ATTEMPTS = 5;

    private static final Logger log = LoggerFactory.getLogger(AuthService.class);

    private final UserAccountRepository users;
    private final UserSessionRepository sessions;
    private final RefreshTokenRepository refreshTokens;
    private final MfaChallengeRepository challenges;
    private final PasswordHashing hashing;
    private final LoginThrottle throttle;
    private final MfaService mfa;
    private final AccessTokens accessTokens;
    private final SessionRevocations revocations;
    private final IdentityProperties properties;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final SecurityEvents audit;
    private final KnownDevices knownDevices;
    private final PasskeyRepository passkeys;

    AuthService(UserAccountRepository users, UserSessionRepository sessions, RefreshTokenRepository refreshTokens,
            MfaChallengeRepository challenges, PasswordHashing hashing, LoginThrottle throttle, MfaService mfa,
            AccessTokens accessTokens, SessionRevocations revocations, IdentityProperties properties,
            TransactionTemplate tx, Clock clock, SecurityEvents audit, KnownDevices knownDevices,
            PasskeyRepository passkeys) {
        this.passkeys = passkeys;
        this.audit = audit;
        this.knownDevices = knownDevices;
        this.users = users;
        this.sessions = sessions;
        this.refreshTokens = refreshTokens;
        this.challenges = challenges;
        this.hashing = hashing;
        this.throttle = throttle;
        this.mfa = mfa;
        this.accessTokens = accessTokens;
        this.revocations = revocations;
        this.properties = properties;
        this.tx = tx;
        this.clock = clock;
    }

    public LoginResult login(String rawEmail, String rawPassword, ClientContext client) {
        String email = AccountService.normaliseEmail(rawEmail);
        // Not well-formed text is no password at all: refused before it could collapse into another one.
        String password = PasswordText.normalise(rawPassword, "password");
        // Before any hashing: a throttled attempt costs the server nothing.
        throttled(email, client.ip());
        Optional<UserAccount> found = AccountService.isAcceptableEmail(email) ? users.findByEmail(email)
                : Optional.empty();
        // The same bcrypt work whether or not the account exists, so timing reveals nothing.
        PasswordHashing.Match match = found.isPresent() ? hashing.verify(rawPassword, found.get().passwordHash())
                : PasswordHashing.Match.NO;
        if (found.isEmpty()) {
            hashing.matchesNobody(rawPassword);
        }
        boolean ok = match != PasswordHashing.Match.NO;
        if (!ok) {
            long failures = throttle.recordFailure(email, client.ip());
            audit.publish("LOGIN_FAILED", found.map(UserAccount::id).orElse(null), Outcome.FAILURE,
                    Map.of("reason", found.isPresent() ? "wrong_password" : "unknown_account"));
            if (failures == LoginThrottle.FREE_FAILURES) {
                audit.publish("ACCOUNT_LOCKOUT", found.map(UserAccount::id).orElse(null), Outcome.INFO, Map.of());
            }
            throw invalidCredentials();
        }
        UserAccount account = found.get();
        if (account.isBanned(clock.instant())) {
            audit.publish("LOGIN_FAILED", account.id(), Outcome.DENIED, Map.of("reason", "banned"));
            throw bannedError();
        }
        if (account.isLocked(clock.instant())) {
            audit.publish("LOGIN_FAILED", account.id(), Outcome.DENIED, Map.of("reason", "locked"));
            throw lockedError(account.lockedUntil());
        }
        if (!hasSecondFactor(account)) {
            // An MFA account's failures are reset only once its code is right (completeMfaLogin), so that
            // someone who knows the password cannot reset the wait between batches of code guesses.
            throttle.recordSuccess(email);
        }
        // An old cost, or a hash of the password as typed rather than its NFKC form: store a current one.
        String upgraded = match == PasswordHashing.Match.LEGACY || hashing.needsUpgrade(account.passwordHash())
                ? hashing.hash(password) : null;
        return tx.execute(status -> {
            UserAccount current = users.findById(account.id()).orElseThrow(AuthService::invalidCredentials);
            Instant now = clock.instant();
            if (upgraded != null) {
                current.changePasswordHash(upgraded, now);
            }
            List<String> methods = secondFactors(current);
            if (!methods.isEmpty()) {
                audit.publish("LOGIN_PASSWORD_ACCEPTED", current.id(), Outcome.INFO, Map.of("next", "mfa"));
                String token = SecureTokens.newToken();
                challenges.save(new MfaChallenge(SecureTokens.sha256Hex(token), current.id(), now,
                        now.plus(MFA_CHALLENGE_TTL), client));
                return new LoginResult.MfaRequired(token, methods);
            }
            audit.publish("LOGIN_SUCCEEDED", current.id(), Outcome.SUCCESS, Map.of("mfa", "false"));
            return new LoginResult.Tokens(startSession(current, client, now));
        });
    }

    /** Second step of an MFA login. Each challenge allows a few attempts; failures count as failed sign-ins. */
    public TokenPair completeMfaLogin(String mfaToken, String code, ClientContext client) {
        if (mfaToken == null || mfaToken.isBlank() || mfaToken.length() > 200) {
            throw invalidToken();
        }
        String hash = SecureTokens.sha256Hex(mfaToken);
        MfaChallenge challenge = challenges.findByHash(hash).orElseThrow(AuthService::invalidToken);
        UserAccount account = users.findById(challenge.userId()).orElseThrow(AuthService::invalidToken);
        throttled(account.email(), client.ip());
        Integer counted = tx.execute(s -> challenges.countAttempt(hash, clock.instant(), MFA_MAX_ATTEMPTS));
        if (counted == null || counted == 0) {
            throw invalidToken();
        }
        if (!Boolean.TRUE.equals(tx.execute(s -> mfa.acceptSignInCode(account.id(), code)))) {
            throttle.recordFailure(account.email(), client.ip());
            audit.publish("MFA_FAILED", account.id(), Outcome.FAILURE, Map.of("step", "login"));
            throw MfaService.invalidCode();
        }
        TokenPair pair = tx.execute(status -> {
            Instant now = clock.instant();
            if (challenges.markUsed(hash, now) != 1) {
                throw invalidToken();
            }
            UserAccount current = users.findById(account.id()).orElseThrow(AuthService::invalidToken);
            if (current.isBanned(now)) {
                throw bannedError();
            }
            if (current.isLocked(now)) {
                throw lockedError(current.lockedUntil());
            }
            return startSession(current, client, now);
        });
        throttle.recordSuccess(account.email());
        audit.publish("LOGIN_SUCCEEDED", account.id(), Outcome.SUCCESS, Map.of("mfa", "true"));
        return pair;
    }

    /**
     * The second factors of an account: "totp" when TOTP is on, "passkey" when it has at least one passkey.
     * Either makes it an MFA account: a password alone is never enough for it.
     */
    List<String> secondFactors(UserAccount account) {
        return secondFactors(account, passkeys.existsByUserId(account.id()));
    }

    /** The second factors of an account whose passkey presence is already known. */
    static List<String> secondFactors(UserAccount account, boolean passkey) {
        return secondFactors(account.mfaEnabled(), passkey);
    }

    /** The second factors an account has, in the order the client offers them: TOTP, then passkey. */
    static List<String> secondFactors(boolean totp, boolean passkey) {
        if (totp) {
            return passkey ? List.of("totp", "passkey") : List.of("totp");
        }
        return passkey ? List.of("passkey") : List.of();
    }

    private boolean hasSecondFactor(UserAccount account) {
        return account.mfaEnabled() || passkeys.existsByUserId(account.id());
    }

    /**
     * The end of a passkey sign-in whose assertion was verified: refused for a banned or locked account exactly
     * like a password sign-in, otherwise the same session and token pair. {@code mfaTokenHash} is the MFA
     * challenge the passkey completes (second factor after the password), spent here; null for a passkey alone.
     */
    TokenPair finishPasskeySignIn(String userId, String mfaTokenHash, ClientContext client) {
        UserAccount account = users.findById(userId).orElseThrow(AuthService::invalidToken);
        Instant at = clock.instant();
        if (account.isBanned(at)) {
            audit.publish("LOGIN_FAILED", account.id(), Outcome.DENIED, Map.of("reason", "banned", "method", "passkey"));
            throw bannedError();
        }
        if (account.isLocked(at)) {
            audit.publish("LOGIN_FAILED", account.id(), Outcome.DENIED, Map.of("reason", "locked", "method", "passkey"));
            throw lockedError(account.lockedUntil());
        }
        TokenPair pair = tx.execute(status -> {
            Instant now = clock.instant();
            if (mfaTokenHash != null && challenges.markUsed(mfaTokenHash, now) != 1) {
                throw invalidToken();
            }
            UserAccount current = users.findById(userId).orElseThrow(AuthService::invalidToken);
            return startSession(current, client, now);
        });
        throttle.recordSuccess(account.email());
        audit.publish("LOGIN_SUCCEEDED", account.id(), Outcome.SUCCESS, Map.of("mfa", "true", "method",
                mfaTokenHash == null ? "passkey" : "password+passkey"));
        return pair;
    }

    /** The account of an open MFA challenge (password accepted, second factor due), counting one attempt. */
    String openMfaChallenge(String mfaToken, ClientContext client, boolean countAttempt) {
        if (mfaToken == null || mfaToken.isBlank() || mfaToken.length() > 200) {
            throw invalidToken();
        }
        String hash = SecureTokens.sha256Hex(mfaToken);
        MfaChallenge challenge = challenges.findByHash(hash).orElseThrow(AuthService::invalidToken);
        if (!challenge.isOpen(clock.instant())) {
            throw invalidToken();
        }
        UserAccount account = users.findById(challenge.userId()).orElseThrow(AuthService::invalidToken);
        throttled(account.email(), client.ip());
        if (countAttempt) {
            Integer counted = tx.execute(s -> challenges.countAttempt(hash, clock.instant(), MFA_MAX_ATTEMPTS));
            if (counted == null || counted == 0) {
                throw invalidToken();
            }
        }
        return account.id();
    }

    /** The per-account sign-in throttle, for a passkey sign-in once it is known whose passkey it is. */
    void checkThrottle(String email, String ip) {
        throttled(email, ip);
    }

    /** A failed passkey sign-in counts like a wrong password. */
    void recordPasskeyFailure(String email, String ip) {
        long failures = throttle.recordFailure(email, ip);
        if (failures == LoginThrottle.FREE_FAILURES) {
            audit.publish("ACCOUNT_LOCKOUT", null, Outcome.INFO, Map.of());
        }
    }

    public TokenPair refresh(String presented, ClientContext client) {
        if (presented == null || presented.isBlank() || presented.length() > 200) {
            throw invalidToken();
        }
        String hash = SecureTokens.sha256Hex(presented);
        Result result = tx.execute(status -> {
            // One statement reads token, session, account and passkey presence; a rotation then writes three
            // (token retired, session touched, new token): four round trips where there were eight.
            List<Object[]> rows = refreshTokens.presented(hash);
            if (rows.isEmpty()) {
                return Result.failed();
            }
            RefreshToken token = (RefreshToken) rows.get(0)[0];
            UserSession session = (UserSession) rows.get(0)[1];
            UserAccount account = (UserAccount) rows.get(0)[2];
            boolean passkey = Boolean.TRUE.equals(rows.get(0)[3]);
            Instant now = clock.instant();
            RefreshTokenRules.Outcome outcome = RefreshTokenRules.decide(token.status(), token.expiresAt(),
                    session.isRevoked(), session.expiresAt(), now);
            if (outcome == RefreshTokenRules.Outcome.ROTATE && refreshTokens.markRotated(hash) == 0) {
                outcome = RefreshTokenRules.Outcome.REPLAYED;
            }
            switch (outcome) {
                case ROTATE -> {
                    if (account.isBanned(now) || account.isLocked(now)) {
                        sessions.revoke(session.id(), session.userId(), now,
                                account.isBanned(now) ? "banned" : "locked");
                        return Result.failed();
                    }
                    if (sessions.touchIfLive(session.id(), now) == 0) {
                        return Result.failed();
                    }
                    return Result.ok(issue(account, session.id(), session.expiresAt(), now,
                            account.mfaEnabled() || passkey));
                }
                case REPLAYED -> {
                    sessions.revoke(session.id(), session.userId(), now, "refresh_token_reuse");
                    return Result.replayed(session.id(), session.userId());
                }
                default -> {
                    return Result.failed();
                }
            }
        });
        if (result.replayedSession() != null) {
            revocations.revoke(result.replayedSession(), clock.instant().plus(accessTokens.lifetimeWithSkew()));
            audit.publish("REFRESH_TOKEN_REUSE", result.userId(), Outcome.DENIED,
                    Map.of("sessionId", result.replayedSession()));
        }
        if (result.tokens() == null) {
            throw invalidToken();
        }
        return result.tokens();
    }

    public void logout(CurrentUser user) {
        Instant now = clock.instant();
        tx.executeWithoutResult(status -> sessions.revoke(user.sessionId(), user.userId(), now, "logout"));
        revocations.revoke(user.sessionId(), now.plus(accessTokens.lifetimeWithSkew()));
        audit.publish("LOGOUT", user.userId(), Outcome.SUCCESS, Map.of());
    }

    private void throttled(String email, String ip) {
        try {
            throttle.check(email, ip);
        } catch (ApiException e) {
            audit.publish("LOGIN_THROTTLED", null, Outcome.DENIED, Map.of());
            throw e;
        }
    }

    /** After a restart, sessions revoked in the last access-token lifetime must still be refused. */
    void reloadRecentRevocations() {
        Instant now = clock.instant();
        Instant until = now.plus(accessTokens.lifetimeWithSkew());
        for (String sid : sessions.revokedSince(now.minus(accessTokens.lifetimeWithSkew()))) {
            revocations.revoke(sid, until);
        }
    }

    private TokenPair startSession(UserAccount account, ClientContext client, Instant now) {
        UserSession session = sessions.save(new UserSession(UUID.randomUUID().toString(), account.id(),
                client.userAgent(), client.ip(), now, now.plus(properties.refreshAbsoluteTimeout())));
        // Only a completed sign-in (after the second factor, if any) makes a device known or tells of a new one.
        return issue(account, session.id(), session.expiresAt(), now, hasSecondFactor(account))
                .withDeviceToken(knownDevices.signedIn(account.id(), client, now));
    }

    /** {@code secondFactor}: TOTP or a passkey; an admin with passkeys and no TOTP meets the mandatory MFA. */
    private TokenPair issue(UserAccount account, String sessionId, Instant sessionExpiresAt, Instant now,
            boolean secondFactor) {
        String refresh = SecureTokens.newToken();
        refreshTokens.save(new RefreshToken(SecureTokens.sha256Hex(refresh), sessionId, now,
                RefreshTokenRules.nextExpiry(now, properties.refreshIdleTimeout(), sessionExpiresAt)));
        AccessToken access = accessTokens.issue(account.id(), List.of(account.role().name()), sessionId,
                secondFactor);
        return new TokenPair(access.value(), "Bearer", access.expiresInSeconds(), refresh, null);
    }

    private static ApiException invalidCredentials() {
        return ApiException.unauthorized("invalid_credentials", "The email or password is not correct.");
    }

    private static ApiException bannedError() {
        return ApiException.forbidden("account_banned", "This account is suspended. Contact support.");
    }

    /** Says when the lock ends (Retry-After), so the owner knows when to try again. */
    private ApiException lockedError(Instant until) {
        long seconds = Math.max(1, Duration.between(clock.instant(), until).toSeconds());
        return new ApiException(HttpStatus.FORBIDDEN, "account_locked",
                "This account is locked for now after suspicious activity. Try again later, and consider "
                        + "resetting your password.", List.of(), Map.of("Retry-After", Long.toString(seconds)));
    }

    private static ApiException invalidToken() {
        return ApiException.unauthorized(ErrorCodes.INVALID_TOKEN, "The token is invalid or expired.");
    }

    private record Result(TokenPair tokens, String replayedSession, String userId) {
        static Result ok(TokenPair t) {
            return new Result(t, null, null);
        }

        static Result failed() {
            return new Result(null, null, null);
        }

        static Result replayed(String sid, String userId) {
            return new Result(null, sid, userId);
        }
    }
}
