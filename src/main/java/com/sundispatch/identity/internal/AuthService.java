package com.sundispatch.identity.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import com.sundispatch.security.AccessToken;
import com.sundispatch.security.AccessTokens;
import com.sundispatch.security.CurrentUser;
import com.sundispatch.security.SessionRevocations;
import com.sundispatch.shared.ApiException;
import com.sundispatch.shared.ErrorCodes;

/** Login, refresh-token rotation and logout. */
@Service
public class AuthService {

    private static final Logger log = LoggerFactory.getLogger(AuthService.class);

    private final UserAccountRepository users;
    private final UserSessionRepository sessions;
    private final RefreshTokenRepository refreshTokens;
    private final PasswordHashing hashing;
    private final AccessTokens accessTokens;
    private final SessionRevocations revocations;
    private final IdentityProperties properties;
    private final TransactionTemplate tx;
    private final Clock clock;

    AuthService(UserAccountRepository users, UserSessionRepository sessions, RefreshTokenRepository refreshTokens,
            PasswordHashing hashing, AccessTokens accessTokens, SessionRevocations revocations,
            IdentityProperties properties, TransactionTemplate tx, Clock clock) {
        this.users = users;
        this.sessions = sessions;
        this.refreshTokens = refreshTokens;
        this.hashing = hashing;
        this.accessTokens = accessTokens;
        this.revocations = revocations;
        this.properties = properties;
        this.tx = tx;
        this.clock = clock;
    }

    public TokenPair login(String rawEmail, String password, ClientContext client) {
        String email = AccountService.normaliseEmail(rawEmail);
        Optional<UserAccount> found = users.findByEmail(email);
        // The same bcrypt work whether or not the account exists, so timing reveals nothing.
        boolean ok = found.isPresent() ? hashing.matches(password, found.get().passwordHash())
                : hashing.matchesNobody(password);
        if (!ok) {
            throw invalidCredentials();
        }
        UserAccount account = found.get();
        String upgraded = hashing.needsUpgrade(account.passwordHash()) ? hashing.hash(password) : null;
        return tx.execute(status -> {
            UserAccount current = users.findById(account.id()).orElseThrow(AuthService::invalidCredentials);
            Instant now = clock.instant();
            if (upgraded != null) {
                current.changePasswordHash(upgraded, now);
            }
            UserSession session = sessions.save(new UserSession(UUID.randomUUID().toString(), current.id(),
                    client.userAgent(), client.ip(), now, now.plus(properties.refreshAbsoluteTimeout())));
            return issue(current, session, now);
        });
    }

    public TokenPair refresh(String presented, ClientContext client) {
        if (presented == null || presented.isBlank() || presented.length() > 200) {
            throw invalidToken();
        }
        String hash = SecureTokens.sha256Hex(presented);
        Result result = tx.execute(status -> {
            Optional<RefreshToken> token = refreshTokens.findById(hash);
            if (token.isEmpty()) {
                return Result.failed();
            }
            UserSession session = sessions.findById(token.get().sessionId()).orElse(null);
            if (session == null) {
                return Result.failed();
            }
            Instant now = clock.instant();
            RefreshTokenRules.Outcome outcome = RefreshTokenRules.decide(token.get().status(),
                    token.get().expiresAt(), session.isRevoked(), session.expiresAt(), now);
            if (outcome == RefreshTokenRules.Outcome.ROTATE && refreshTokens.markRotated(hash) == 0) {
                outcome = RefreshTokenRules.Outcome.REPLAYED;
            }
            switch (outcome) {
                case ROTATE -> {
                    UserSession live = sessions.findById(session.id()).orElseThrow();
                    live.touch(now);
                    UserAccount account = users.findById(live.userId()).orElseThrow();
                    return Result.ok(issue(account, live, now));
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
            log.warn("Refresh token reuse detected: session {} of user {} revoked", result.replayedSession(),
                    result.userId());
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
    }

    /** After a restart, sessions revoked in the last access-token lifetime must still be refused. */
    void reloadRecentRevocations() {
        Instant now = clock.instant();
        Instant until = now.plus(accessTokens.lifetimeWithSkew());
        for (String sid : sessions.revokedSince(now.minus(accessTokens.lifetimeWithSkew()))) {
            revocations.revoke(sid, until);
        }
    }

    private TokenPair issue(UserAccount account, UserSession session, Instant now) {
        String refresh = SecureTokens.newToken();
        refreshTokens.save(new RefreshToken(SecureTokens.sha256Hex(refresh), session.id(), now,
                RefreshTokenRules.nextExpiry(now, properties.refreshIdleTimeout(), session.expiresAt())));
        AccessToken access = accessTokens.issue(account.id(), List.of(account.role().name()), session.id());
        return new TokenPair(access.value(), "Bearer", access.expiresInSeconds(), refresh);
    }

    private static ApiException invalidCredentials() {
        return ApiException.unauthorized("invalid_credentials", "The email or password is not correct.");
    }

    private static ApiException invalidToken() {
        return ApiException.unauthorized(ErrorCodes.INVALID_TOKEN, "The refresh token is invalid or expired.");
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
