package com.sundispatch.identity.internal;

import java.time.Instant;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface RefreshTokenRepository extends JpaRepository<RefreshToken, String> {

    /**
     * What a refresh needs, in one statement: the token, its session, the session's account and whether the
     * account has a passkey (a second factor for the access token's claim). No row: an unknown token, or its
     * session or account is gone. Was five statements per refresh.
     */
    @Query("""
            select t, s, a, case when exists (select p.id from Passkey p where p.userId = a.id) then true else false end
            from RefreshToken t join UserSession s on s.id = t.sessionId join UserAccount a on a.id = s.userId
            where t.tokenHash = :hash""")
    List<Object[]> presented(@Param("hash") String hash);

    /**
     * Marks a token used, only if nobody else did first: of two concurrent refreshes with the same token,
     * exactly one gets 1 here; the other is treated as a replay.
     */
    @Modifying(flushAutomatically = true)
    @Query("""
            update RefreshToken t set t.status = com.sundispatch.identity.internal.RefreshToken.Status.ROTATED
            where t.tokenHash = :hash and t.status = com.sundispatch.identity.internal.RefreshToken.Status.ACTIVE""")
    int markRotated(@Param("hash") String hash);

    @Modifying
    @Query("delete from RefreshToken t where t.expiresAt < :before")
    int deleteExpiredBefore(@Param("before") Instant before);
}
