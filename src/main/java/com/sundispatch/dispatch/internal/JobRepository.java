package com.sundispatch.dispatch.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import com.sundispatch.dispatch.JobStatus;

interface JobRepository extends JpaRepository<Job, String> {

    Optional<Job> findByOrderId(String orderId);

    @Query("select j from Job j where j.orderId = :orderId and j.customerId = :customerId")
    Optional<Job> findOwnedByOrder(@Param("orderId") String orderId, @Param("customerId") String customerId);

    @Query("select j from Job j where j.id = :id and j.customerId = :customerId")
    Optional<Job> findOwned(@Param("id") String id, @Param("customerId") String customerId);

    @Query("select j from Job j where j.id = :id and j.installerId = :installerId")
    Optional<Job> findAssigned(@Param("id") String id, @Param("installerId") String installerId);

    Page<Job> findByInstallerIdAndStatusIn(String installerId, Collection<JobStatus> statuses, Pageable pageable);

    Page<Job> findByStatus(JobStatus status, Pageable pageable);

    /** A slice (no count query): the admins' map needs only "are there more". */
    Slice<Job> findByStatusIn(Collection<JobStatus> statuses, Pageable pageable);

    /** The first accept wins: only a job still dispatching in this attempt can be assigned. */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("""
            update Job j set j.status = com.sundispatch.dispatch.JobStatus.ASSIGNED, j.installerId = :installer,
            j.assignedAt = :now, j.version = j.version + 1
            where j.id = :id and j.status = com.sundispatch.dispatch.JobStatus.DISPATCHING""")
    int assign(@Param("id") String id, @Param("installer") String installerId, @Param("now") Instant now);

    /** Claims the move to the next round: of two schedulers racing, exactly one gets 1. */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("""
            update Job j set j.round = j.round + 1, j.version = j.version + 1
            where j.id = :id and j.status = com.sundispatch.dispatch.JobStatus.DISPATCHING
            and j.attempt = :attempt and j.round = :round""")
    int claimNextRound(@Param("id") String id, @Param("attempt") int attempt, @Param("round") int round);

    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("""
            update Job j set j.status = :to, j.version = j.version + 1
            where j.id = :id and j.status in :from""")
    int move(@Param("id") String id, @Param("from") Collection<JobStatus> from, @Param("to") JobStatus to);

    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("""
            update Job j set j.status = com.sundispatch.dispatch.JobStatus.IN_PROGRESS, j.startedAt = :now,
            j.version = j.version + 1
            where j.id = :id and j.installerId = :installer and j.status = com.sundispatch.dispatch.JobStatus.ASSIGNED""")
    int start(@Param("id") String id, @Param("installer") String installerId, @Param("now") Instant now);

    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("""
            update Job j set j.status = com.sundispatch.dispatch.JobStatus.COMPLETED, j.completedAt = :now,
            j.version = j.version + 1
            where j.id = :id and j.installerId = :installer
            and j.status = com.sundispatch.dispatch.JobStatus.IN_PROGRESS""")
    int complete(@Param("id") String id, @Param("installer") String installerId, @Param("now") Instant now);

    /** Re-dispatch of an unassigned job starts a new attempt from the first round. */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("""
            update Job j set j.status = com.sundispatch.dispatch.JobStatus.DISPATCHING, j.attempt = j.attempt + 1,
            j.round = 0, j.version = j.version + 1
            where j.id = :id and j.status = com.sundispatch.dispatch.JobStatus.UNASSIGNED""")
    int restart(@Param("id") String id);

    /**
     * An assigned job whose installer was suspended goes back to dispatch as a new attempt from the first
     * round; only while it has not started, and only from that installer.
     */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("""
            update Job j set j.status = com.sundispatch.dispatch.JobStatus.DISPATCHING, j.installerId = null,
            j.assignedAt = null, j.attempt = j.attempt + 1, j.round = 0, j.version = j.version + 1
            where j.id = :id and j.installerId = :installer
            and j.status = com.sundispatch.dispatch.JobStatus.ASSIGNED""")
    int unassign(@Param("id") String id, @Param("installer") String installerId);
}
