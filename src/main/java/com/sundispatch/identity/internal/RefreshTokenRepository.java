package com.sundispatch.identity.internal;

import java.time.Instant;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface RefreshTokenRepository extends JpaRepository<RefreshToken, String> {

    /**
     * Marks a token used, only if nobody else did first: of two concurrent refreshes with the same token,
     * exactly one gets 1 here; the other is treated as a replay.
     */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("""
            update RefreshToken t set t.status = com.sundispatch.identity.internal.RefreshToken.Status.ROTATED
            where t.tokenHash = :hash and t.status = com.sundispatch.identity.internal.RefreshToken.Status.ACTIVE""")
    int markRotated(@Param("hash") String hash);

    @Modifying
    @Query("delete from RefreshToken t where t.expiresAt < :before")
    int deleteExpiredBefore(@Param("before") Instant before);
}
