package com.sundispatch.dispatch.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface JobOfferRepository extends JpaRepository<JobOffer, String> {

    @Query("select o from JobOffer o where o.id = :id and o.installerId = :installerId")
    Optional<JobOffer> findOwned(@Param("id") String id, @Param("installerId") String installerId);

    @Query("""
            select o from JobOffer o where o.installerId = :installerId
            and o.status = com.sundispatch.dispatch.internal.JobOffer.Status.OPEN and o.expiresAt > :now
            order by o.expiresAt""")
    List<JobOffer> findOpenFor(@Param("installerId") String installerId, @Param("now") Instant now);

    @Query("select o.installerId from JobOffer o where o.jobId = :jobId and o.attempt = :attempt")
    List<String> askedInAttempt(@Param("jobId") String jobId, @Param("attempt") int attempt);

    @Query("""
            select count(o) from JobOffer o where o.jobId = :jobId
            and o.status = com.sundispatch.dispatch.internal.JobOffer.Status.OPEN""")
    long countOpen(@Param("jobId") String jobId);

    @Query("""
            select o from JobOffer o where o.status = com.sundispatch.dispatch.internal.JobOffer.Status.OPEN
            and o.expiresAt <= :now""")
    List<JobOffer> findExpired(@Param("now") Instant now, org.springframework.data.domain.Pageable limit);

    /** One offer from one state to another, only if it is still in the expected state. */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("update JobOffer o set o.status = :to where o.id = :id and o.status = :from")
    int move(@Param("id") String id, @Param("from") JobOffer.Status from, @Param("to") JobOffer.Status to);

    /** Every still-open offer of a job (others of the winner, or all on cancel) moves at once. */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("""
            update JobOffer o set o.status = :to
            where o.jobId = :jobId and o.status = com.sundispatch.dispatch.internal.JobOffer.Status.OPEN""")
    int closeOpen(@Param("jobId") String jobId, @Param("to") JobOffer.Status to);

    /** Every open offer of an installer, expired or not (a suspended installer's are all withdrawn). */
    @Query("""
            select o from JobOffer o where o.installerId = :installerId
            and o.status = com.sundispatch.dispatch.internal.JobOffer.Status.OPEN""")
    List<JobOffer> findAllOpenOf(@Param("installerId") String installerId);

    List<JobOffer> findByJobIdAndStatus(String jobId, JobOffer.Status status);

    List<JobOffer> findByJobIdAndInstallerIdAndStatusOrderByCreatedAtDesc(String jobId, String installerId,
            JobOffer.Status status);

    /** The still-open offers of one job (the others of a winner each hear that the job was taken). */
    default List<JobOffer> findAllOpenForJob(String jobId) {
        return findByJobIdAndStatus(jobId, JobOffer.Status.OPEN);
    }

    /** The installer's accepted offer of a job, newest first (a job sent out again may be accepted anew). */
    default List<JobOffer> acceptedBy(String jobId, String installerId) {
        return findByJobIdAndInstallerIdAndStatusOrderByCreatedAtDesc(jobId, installerId, JobOffer.Status.ACCEPTED);
    }
}
