package com.sundispatch.identity.internal;

import java.time.Instant;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface PasskeyChallengeRepository extends JpaRepository<PasskeyChallenge, String> {

    /**
     * Spends the challenge: 1 if it was open (this hash, this purpose, unused, unexpired), 0 otherwise. One
     * statement, so of two requests presenting the same challenge only one gets 1.
     */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("""
            update PasskeyChallenge c set c.usedAt = :now
            where c.id = :id and c.challengeHash = :hash and c.purpose = :purpose and c.usedAt is null
            and c.expiresAt > :now""")
    int spend(@Param("id") String id, @Param("hash") String hash, @Param("purpose") PasskeyChallenge.Purpose purpose,
            @Param("now") Instant now);

    @Query("select c from PasskeyChallenge c where c.id = :id")
    Optional<PasskeyChallenge> findOne(@Param("id") String id);

    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("delete from PasskeyChallenge c where c.expiresAt < :before")
    int purgeExpiredBefore(@Param("before") Instant before);
}
