package com.sundispatch.identity.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import com.sundispatch.security.AccessTokens;
import com.sundispatch.security.SecurityEvent;
import com.sundispatch.security.SecurityEvents;
import com.sundispatch.security.SessionRevocations;
import com.sundispatch.security.SessionStatusSource;
import com.sundispatch.shared.ApiException;

/** The account's live sessions, and ending them so their access tokens die at once. */
@Service
public class SessionService implements SessionStatusSource {

    /** A live session as its owner sees it. */
    public record SessionView(String id, String device, String ip, Instant createdAt, Instant lastUsedAt,
            boolean current) {
    }

    private final UserSessionRepository sessions;
    private final SessionRevocations revocations;
    private final AccessTokens accessTokens;
    private final Clock clock;
    private final SecurityEvents audit;
    private final IdentityProperties properties;

    SessionService(UserSessionRepository sessions, SessionRevocations revocations, AccessTokens accessTokens,
            Clock clock, SecurityEvents audit, IdentityProperties properties) {
        this.audit = audit;
        this.properties = properties;
        this.sessions = sessions;
        this.revocations = revocations;
        this.accessTokens = accessTokens;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<SessionView> list(String userId, String currentSessionId) {
        return sessions.findLive(userId, clock.instant()).stream()
                .map(s -> new SessionView(s.id(), s.device(), s.ip(), s.createdAt(), s.lastUsedAt(),
                        s.id().equals(currentSessionId)))
                .toList();
    }

    /** Ends one session of this user; someone else's id is "not found", never "forbidden". */
    @Transactional
    public void revoke(String userId, String sessionId, String reason) {
        if (sessions.revoke(sessionId, userId, clock.instant(), reason) == 0) {
            throw ApiException.notFound("No such session.");
        }
        audit.publish("SESSION_REVOKED", userId, SecurityEvent.Outcome.SUCCESS,
                java.util.Map.of("reason", reason));
        afterCommit(List.of(sessionId));
    }

    /** The owner signs out everywhere else (a lost phone, a shared computer); audited like ending one session. */
    @Transactional
    public void revokeOthers(String userId, String currentSessionId) {
        revokeAll(userId, currentSessionId, "ended_by_user");
        audit.publish("SESSION_REVOKED", userId, SecurityEvent.Outcome.SUCCESS,
                java.util.Map.of("reason", "ended_by_user", "scope", "others"));
    }

    /** Ends every session of the user except {@code keep} (null: all). Joins the caller's transaction. */
    @Transactional
    public void revokeAll(String userId, String keep, String reason) {
        Instant now = clock.instant();
        List<String> ended = sessions.findUnrevokedIds(userId).stream().filter(id -> !id.equals(keep))
                .filter(id -> sessions.revoke(id, userId, now, reason) > 0).toList();
        afterCommit(ended);
    }

    @Override
    @Transactional(readOnly = true)
    public boolean isSessionRevoked(String sessionId) {
        return sessions.findById(sessionId).map(UserSession::isRevoked).orElse(true);
    }

    @Override
    @Transactional(readOnly = true)
    public boolean isSessionLive(String sessionId) {
        Instant now = clock.instant();
        // A session unused for the refresh idle timeout can no longer be refreshed: it is over, like a revoked one
        // (its last use is the sign-in or the last refresh; the rotated refresh token lived exactly that long).
        return sessions.findById(sessionId).filter(s -> !s.isRevoked() && s.expiresAt().isAfter(now)
                && s.lastUsedAt().plus(properties.refreshIdleTimeout()).isAfter(now)).isPresent();
    }

    /** The revocation cache learns only what the database has committed. */
    private void afterCommit(List<String> sessionIds) {
        Runnable push = () -> {
            Instant until = clock.instant().plus(accessTokens.lifetimeWithSkew());
            sessionIds.forEach(id -> revocations.revoke(id, until));
        };
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    push.run();
                }
            });
        } else {
            push.run();
        }
    }
}
