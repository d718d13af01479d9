package com.sundispatch.identity.internal;

import java.time.Instant;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface AccountTokenRepository extends JpaRepository<AccountToken, String> {

    @Query("""
            select t from AccountToken t where t.tokenHash = :hash and t.purpose = :purpose
            and t.usedAt is null and t.expiresAt > :now""")
    Optional<AccountToken> findUsable(@Param("hash") String hash, @Param("purpose") AccountToken.Purpose purpose,
            @Param("now") Instant now);

    /** Uses a link once: of two concurrent uses exactly one gets 1. */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("""
            update AccountToken t set t.usedAt = :now where t.tokenHash = :hash and t.purpose = :purpose
            and t.usedAt is null and t.expiresAt > :now""")
    int use(@Param("hash") String hash, @Param("purpose") AccountToken.Purpose purpose, @Param("now") Instant now);

    /** A new link retires the older unused ones of the same purpose. */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("""
            update AccountToken t set t.usedAt = :now where t.userId = :userId and t.purpose = :purpose
            and t.usedAt is null""")
    int retireAll(@Param("userId") String userId, @Param("purpose") AccountToken.Purpose purpose,
            @Param("now") Instant now);
}
