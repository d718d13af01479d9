package com.sundispatch.dispatch.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface AppointmentProposalRepository extends JpaRepository<AppointmentProposal, String> {

    @Query("select p from AppointmentProposal p where p.jobId = :jobId order by p.createdAt, p.id")
    List<AppointmentProposal> history(@Param("jobId") String jobId);

    long countByJobIdAndNegotiation(String jobId, int negotiation);

    @Query("""
            select p from AppointmentProposal p where p.jobId = :jobId and p.negotiation = :negotiation
            and p.status = :open""")
    Optional<AppointmentProposal> findOpen(@Param("jobId") String jobId, @Param("negotiation") int negotiation,
            @Param("open") AppointmentProposal.Status open);

    /** Closes an open proposal (accepted, superseded or withdrawn); 0 when it was no longer open. */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("""
            update AppointmentProposal p set p.status = :to, p.decidedAt = :now
            where p.id = :id and p.status = :open""")
    int close(@Param("id") String id, @Param("open") AppointmentProposal.Status open,
            @Param("to") AppointmentProposal.Status to, @Param("now") Instant now);

    /** Every proposal of the job still open (any negotiation): withdrawn when the appointment stops mattering. */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("""
            update AppointmentProposal p set p.status = :to, p.decidedAt = :now
            where p.jobId = :jobId and p.status = :open""")
    int closeAllOpen(@Param("jobId") String jobId, @Param("open") AppointmentProposal.Status open,
            @Param("to") AppointmentProposal.Status to, @Param("now") Instant now);
}
