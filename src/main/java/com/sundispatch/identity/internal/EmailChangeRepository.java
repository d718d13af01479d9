package com.sundispatch.identity.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface EmailChangeRepository extends JpaRepository<EmailChange, String> {

    @Query("""
            select c from EmailChange c where c.userId = :userId and c.status = 'PENDING'
            and c.confirmExpiresAt > :now order by c.requestedAt desc""")
    List<EmailChange> findPending(@Param("userId") String userId, @Param("now") Instant now);

    @Query("""
            select c from EmailChange c where c.confirmTokenHash = :hash and c.status = 'PENDING'
            and c.confirmExpiresAt > :now""")
    Optional<EmailChange> findConfirmable(@Param("hash") String hash, @Param("now") Instant now);

    @Query("""
            select c from EmailChange c where c.undoTokenHash = :hash and c.status = 'CONFIRMED'
            and c.undoExpiresAt > :now""")
    Optional<EmailChange> findUndoable(@Param("hash") String hash, @Param("now") Instant now);

    /** Uses a confirmation link once: of two concurrent uses exactly one gets 1. */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("""
            update EmailChange c set c.status = 'CONFIRMED', c.confirmedAt = :now where c.id = :id
            and c.status = 'PENDING' and c.confirmExpiresAt > :now""")
    int confirm(@Param("id") String id, @Param("now") Instant now);

    /** Uses an undo link once. */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("""
            update EmailChange c set c.status = 'UNDONE', c.endedAt = :now where c.id = :id
            and c.status = 'CONFIRMED' and c.undoExpiresAt > :now""")
    int undo(@Param("id") String id, @Param("now") Instant now);

    /** Ends every pending request of the account (a newer one, a cancel, an undo or a secured account). */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("update EmailChange c set c.status = 'CANCELLED', c.endedAt = :now where c.userId = :userId and c.status = 'PENDING'")
    int cancelPending(@Param("userId") String userId, @Param("now") Instant now);

    /** Ends every confirmed change's undo link: after an undo, no other link may move the address again. */
    @Modifying(flushAutomatically = true)
    @Query("update EmailChange c set c.undoTokenHash = null, c.undoExpiresAt = null where c.userId = :userId "
            + "and c.status = 'CONFIRMED' and c.undoTokenHash is not null")
    int endUndoLinks(@Param("userId") String userId);

    /** The account's confirmed changes whose undo link still works, earliest first. */
    @Query("select c from EmailChange c where c.userId = :userId and c.status = 'CONFIRMED' "
            + "and c.undoTokenHash is not null and c.undoExpiresAt > :now order by c.confirmedAt, c.requestedAt")
    List<EmailChange> earliestUndoable(@Param("userId") String userId, @Param("now") Instant now);

    /** An address another account may take back within its undo window: reserved until then. */
    @Query("select count(c) > 0 from EmailChange c where lower(c.oldEmail) = lower(:email) and c.status = 'CONFIRMED' "
            + "and c.undoTokenHash is not null and c.undoExpiresAt > :now")
    boolean isReservedForUndo(@Param("email") String email, @Param("now") Instant now);
}
