package com.sundispatch.identity.internal;

import java.time.Instant;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface RecoveryCodeRepository extends JpaRepository<RecoveryCode, String> {

    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("""
            update RecoveryCode c set c.usedAt = :now
            where c.userId = :userId and c.codeHash = :hash and c.usedAt is null""")
    int use(@Param("userId") String userId, @Param("hash") String hash, @Param("now") Instant now);

    long countByUserIdAndUsedAtIsNull(String userId);

    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("delete from RecoveryCode c where c.userId = :userId")
    int deleteAllOf(@Param("userId") String userId);
}
