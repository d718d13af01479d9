package com.sundispatch.identity.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface PasskeyRepository extends JpaRepository<Passkey, String> {

    List<Passkey> findByUserIdOrderByCreatedAtAsc(String userId);

    boolean existsByUserId(String userId);

    long countByUserId(String userId);

    @Query("select p from Passkey p where p.credentialIdHash = :hash")
    Optional<Passkey> findByCredentialIdHash(@Param("hash") String hash);

    /**
     * Stores the counter of an accepted assertion, only if it still is the one the assertion was checked
     * against: of two sign-ins racing with one counter value, one wins (a cloned authenticator cannot ride on
     * the other's check).
     */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("""
            update Passkey p set p.signCount = :next, p.backedUp = :backedUp, p.lastUsedAt = :now
            where p.id = :id and p.signCount = :previous""")
    int recordUse(@Param("id") String id, @Param("previous") long previous, @Param("next") long next,
            @Param("backedUp") boolean backedUp, @Param("now") Instant now);

    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("delete from Passkey p where p.id = :id and p.userId = :userId")
    int deleteOwn(@Param("id") String id, @Param("userId") String userId);

    /** Every passkey of the account: securing it must not leave one an intruder added. */
    @Modifying(flushAutomatically = true)
    @Query("delete from Passkey p where p.userId = :userId")
    int deleteAllOf(@Param("userId") String userId);
}
