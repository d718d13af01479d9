package com.sundispatch.identity.internal;

import java.time.Instant;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface MfaChallengeRepository extends JpaRepository<MfaChallenge, String> {

    /**
     * Counts one attempt, only while the challenge is open and has attempts left; 0 means it is used up,
     * expired or unknown.
     */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("""
            update MfaChallenge c set c.attempts = c.attempts + 1
            where c.tokenHash = :hash and c.usedAt is null and c.expiresAt > :now and c.attempts < :max""")
    int countAttempt(@Param("hash") String hash, @Param("now") Instant now, @Param("max") int max);

    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("update MfaChallenge c set c.usedAt = :now where c.tokenHash = :hash and c.usedAt is null")
    int markUsed(@Param("hash") String hash, @Param("now") Instant now);

    @Query("select c from MfaChallenge c where c.tokenHash = :hash")
    Optional<MfaChallenge> findByHash(@Param("hash") String hash);
}
