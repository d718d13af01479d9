package com.sundispatch.dispatch.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import com.sundispatch.dispatch.DisputeResolved;
import com.sundispatch.dispatch.JobStatus;
import com.sundispatch.shared.Actor;

/**
 * Jobs. Every status change takes a {@link JobStatus.Move}, which exists only for moves the machine allows, and
 * is a conditional update from the move's source state: of two racing requests exactly one gets 1.
 */
interface JobRepository extends JpaRepository<Job, String> {

    Optional<Job> findByOrderId(String orderId);

    @Query("select j from Job j where j.orderId = :orderId and j.customerId = :customerId")
    Optional<Job> findOwnedByOrder(@Param("orderId") String orderId, @Param("customerId") String customerId);

    @Query("select j from Job j where j.id = :id and j.customerId = :customerId")
    Optional<Job> findOwned(@Param("id") String id, @Param("customerId") String customerId);

    @Query("select j from Job j where j.id = :id and j.installerId = :installerId")
    Optional<Job> findAssigned(@Param("id") String id, @Param("installerId") String installerId);

    /**
     * 1 when the user may see the job's photos: its customer, or its installer while acting as one (a revoked
     * installer has lost the role and with it the jobs they held).
     */
    @Query("""
            select count(j) from Job j where j.id = :id
            and (j.customerId = :user or (:installer = true and j.installerId = :user))""")
    long viewable(@Param("id") String id, @Param("user") String userId, @Param("installer") boolean installer);

    Page<Job> findByInstallerIdAndStatusIn(String installerId, Collection<JobStatus> statuses, Pageable pageable);

    Page<Job> findByStatus(JobStatus status, Pageable pageable);

    Page<Job> findByOrderId(String orderId, Pageable pageable);

    /** A slice (no count query): the admins' map needs only "are there more". */
    Slice<Job> findByStatusIn(Collection<JobStatus> statuses, Pageable pageable);

    /** Reports waiting for the customer whose reminder is due and not yet sent. */
    @Query("""
            select j from Job j where j.status = :status and j.remindedAt is null and j.submittedAt <= :before
            order by j.submittedAt""")
    List<Job> reminderDue(@Param("status") JobStatus status, @Param("before") Instant before, Pageable pageable);

    @Query("select j from Job j where j.status = :status and j.confirmBy <= :now order by j.confirmBy")
    List<Job> confirmationDue(@Param("status") JobStatus status, @Param("now") Instant now, Pageable pageable);

    @Query("""
            select j from Job j where j.status = :status and j.lateAlertedAt is null and j.scheduledStart <= :before
            order by j.scheduledStart""")
    List<Job> notStarted(@Param("status") JobStatus status, @Param("before") Instant before, Pageable pageable);

    /** A status change and nothing else. */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("""
            update Job j set j.status = :#{#move.to()}, j.version = j.version + 1
            where j.id = :id and j.status = :#{#move.from()}""")
    int move(@Param("id") String id, @Param("move") JobStatus.Move move);

    /** The first accept wins: only a job still dispatching can be assigned. */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("""
            update Job j set j.status = :#{#move.to()}, j.installerId = :installer, j.assignedAt = :now,
            j.version = j.version + 1
            where j.id = :id and j.status = :#{#move.from()}""")
    int assign(@Param("id") String id, @Param("move") JobStatus.Move move, @Param("installer") String installerId,
            @Param("now") Instant now);

    /** Claims the move to the next round: of two schedulers racing, exactly one gets 1. */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("""
            update Job j set j.round = j.round + 1, j.version = j.version + 1
            where j.id = :id and j.status = :dispatching and j.attempt = :attempt and j.round = :round""")
    int claimNextRound(@Param("id") String id, @Param("dispatching") JobStatus dispatching,
            @Param("attempt") int attempt, @Param("round") int round);

    /**
     * Locks the job's row for the rest of the transaction if it is (still) in {@code status}: serialises the
     * uploads of one job so its photo cap holds, and tells whether the job is still where the caller saw it.
     */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("update Job j set j.version = j.version + 1 where j.id = :id and j.status = :status")
    int lockIn(@Param("id") String id, @Param("status") JobStatus status);

    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("""
            update Job j set j.status = :#{#move.to()}, j.scheduledStart = :start, j.scheduledEnd = :end,
            j.appointmentAgreedAt = :now, j.lateAlertedAt = null, j.version = j.version + 1
            where j.id = :id and j.status = :#{#move.from()} and j.negotiation = :negotiation""")
    int schedule(@Param("id") String id, @Param("move") JobStatus.Move move, @Param("negotiation") int negotiation,
            @Param("start") Instant start, @Param("end") Instant end, @Param("now") Instant now);

    /** The appointment is given up: a new negotiation starts with a fresh budget of proposals. */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("""
            update Job j set j.status = :#{#move.to()}, j.scheduledStart = null, j.scheduledEnd = null,
            j.appointmentAgreedAt = null, j.negotiation = j.negotiation + 1, j.version = j.version + 1
            where j.id = :id and j.status = :#{#move.from()}""")
    int reschedule(@Param("id") String id, @Param("move") JobStatus.Move move);

    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("""
            update Job j set j.status = :#{#move.to()}, j.startedAt = :now, j.version = j.version + 1
            where j.id = :id and j.installerId = :installer and j.status = :#{#move.from()}
            and j.negotiation = :negotiation""")
    int start(@Param("id") String id, @Param("move") JobStatus.Move move, @Param("installer") String installerId,
            @Param("negotiation") int negotiation, @Param("now") Instant now);

    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("""
            update Job j set j.status = :#{#move.to()}, j.submittedAt = :now, j.confirmBy = :confirmBy,
            j.remindedAt = null, j.version = j.version + 1
            where j.id = :id and j.installerId = :installer and j.status = :#{#move.from()}""")
    int submitCompletion(@Param("id") String id, @Param("move") JobStatus.Move move,
            @Param("installer") String installerId, @Param("now") Instant now,
            @Param("confirmBy") Instant confirmBy);

    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("""
            update Job j set j.status = :#{#move.to()}, j.completedAt = :now, j.confirmedBy = :#{#move.actor()},
            j.version = j.version + 1
            where j.id = :id and j.status = :#{#move.from()} and (:due is null or j.confirmBy <= :due)""")
    int confirm(@Param("id") String id, @Param("move") JobStatus.Move move, @Param("due") Instant due,
            @Param("now") Instant now);

    /** An admin stops work in progress; the note stays on the job for admins. */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("""
            update Job j set j.status = :#{#move.to()}, j.resolutionNote = :note, j.resolvedAt = :now,
            j.resolvedBy = :admin, j.version = j.version + 1
            where j.id = :id and j.status = :#{#move.from()}""")
    int cancelByAdmin(@Param("id") String id, @Param("move") JobStatus.Move move, @Param("note") String note,
            @Param("admin") String adminId, @Param("now") Instant now);

    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("""
            update Job j set j.status = :#{#move.to()}, j.disputedAt = :now, j.disputeReason = :reason,
            j.resolution = null, j.resolutionNote = null, j.resolvedAt = null, j.resolvedBy = null,
            j.version = j.version + 1
            where j.id = :id and j.status = :#{#move.from()}""")
    int dispute(@Param("id") String id, @Param("move") JobStatus.Move move, @Param("reason") String reason,
            @Param("now") Instant now);

    /** An admin's decision on a dispute; a rework clears the report's timers (a new report starts them again). */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("""
            update Job j set j.status = :#{#move.to()}, j.resolution = :outcome, j.resolutionNote = :note,
            j.resolvedAt = :now, j.resolvedBy = :admin, j.submittedAt = null, j.confirmBy = null,
            j.completedAt = :completedAt, j.confirmedBy = :confirmedBy,
            j.version = j.version + 1
            where j.id = :id and j.status = :#{#move.from()}""")
    int resolve(@Param("id") String id, @Param("move") JobStatus.Move move,
            @Param("outcome") DisputeResolved.Outcome outcome, @Param("note") String note,
            @Param("admin") String adminId, @Param("completedAt") Instant completedAt,
            @Param("confirmedBy") Actor confirmedBy, @Param("now") Instant now);

    /** Re-dispatch of an unassigned job starts a new attempt from the first round. */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("""
            update Job j set j.status = :#{#move.to()}, j.attempt = j.attempt + 1, j.round = 0,
            j.version = j.version + 1
            where j.id = :id and j.status = :#{#move.from()}""")
    int restart(@Param("id") String id, @Param("move") JobStatus.Move move);

    /**
     * A held job whose installer was suspended before starting goes back to dispatch as a new attempt from the
     * first round, without its appointment; only from that installer.
     */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("""
            update Job j set j.status = :#{#move.to()}, j.installerId = null, j.assignedAt = null,
            j.scheduledStart = null, j.scheduledEnd = null, j.appointmentAgreedAt = null,
            j.negotiation = j.negotiation + 1, j.attempt = j.attempt + 1, j.round = 0, j.version = j.version + 1
            where j.id = :id and j.installerId = :installer and j.status = :#{#move.from()}""")
    int unassign(@Param("id") String id, @Param("move") JobStatus.Move move, @Param("installer") String installerId);

    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("""
            update Job j set j.remindedAt = :now, j.version = j.version + 1
            where j.id = :id and j.status = :status and j.remindedAt is null""")
    int markReminded(@Param("id") String id, @Param("status") JobStatus status, @Param("now") Instant now);

    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("""
            update Job j set j.lateAlertedAt = :now, j.version = j.version + 1
            where j.id = :id and j.status = :status and j.lateAlertedAt is null""")
    int markLateAlerted(@Param("id") String id, @Param("status") JobStatus status, @Param("now") Instant now);
}
