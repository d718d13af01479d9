package com.sundispatch.identity.internal;

import java.time.Instant;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface UserSessionRepository extends JpaRepository<UserSession, String> {

    /** Revokes one session of one user; the owner is part of the condition, never checked afterwards. */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("""
            update UserSession s set s.revokedAt = :now, s.revokeReason = :reason
            where s.id = :id and s.userId = :userId and s.revokedAt is null""")
    int revoke(@Param("id") String id, @Param("userId") String userId, @Param("now") Instant now,
            @Param("reason") String reason);

    @Query("""
            select s from UserSession s where s.userId = :userId and s.revokedAt is null and s.expiresAt > :now
            order by s.lastUsedAt desc""")
    List<UserSession> findLive(@Param("userId") String userId, @Param("now") Instant now);

    @Query("select s.id from UserSession s where s.userId = :userId and s.revokedAt is null")
    List<String> findUnrevokedIds(@Param("userId") String userId);

    @Query("select s.id from UserSession s where s.revokedAt >= :since")
    List<String> revokedSince(@Param("since") Instant since);

    /** Records a step-up on a live session of this user; 0 when the session is not theirs or has ended. */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("""
            update UserSession s set s.reauthenticatedAt = :now
            where s.id = :id and s.userId = :userId and s.revokedAt is null""")
    int markReauthenticated(@Param("id") String id, @Param("userId") String userId, @Param("now") Instant now);

    /**
     * A refresh's use of the session, only while it is not revoked: a logout or ban that committed after the
     * refresh read the session still stops this rotation (0).
     */
    @Modifying(flushAutomatically = true)
    @Query("update UserSession s set s.lastUsedAt = :now where s.id = :id and s.revokedAt is null")
    int touchIfLive(@Param("id") String id, @Param("now") Instant now);

    long countByUserId(String userId);
}
