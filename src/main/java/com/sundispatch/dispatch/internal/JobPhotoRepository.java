package com.sundispatch.dispatch.internal;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface JobPhotoRepository extends JpaRepository<JobPhoto, String> {

    @Query("select p from JobPhoto p where p.jobId = :jobId and p.reportId is null order by p.uploadedAt, p.id")
    List<JobPhoto> drafts(@Param("jobId") String jobId);

    @Query("select count(p) from JobPhoto p where p.jobId = :jobId and p.reportId is null")
    long countDrafts(@Param("jobId") String jobId);

    @Query("select p from JobPhoto p where p.reportId = :reportId order by p.uploadedAt, p.id")
    List<JobPhoto> ofReport(@Param("reportId") String reportId);

    @Query("select p from JobPhoto p where p.id = :id and p.jobId = :jobId")
    Optional<JobPhoto> findInJob(@Param("id") String id, @Param("jobId") String jobId);

    /** Deletes a photo only while it is a draft: 0 when a report has taken it meanwhile. */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("delete from JobPhoto p where p.id = :id and p.jobId = :jobId and p.reportId is null")
    int deleteDraft(@Param("id") String id, @Param("jobId") String jobId);

    /** Attaches draft photos of this job to a report; the count tells whether all of them were still drafts. */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("""
            update JobPhoto p set p.reportId = :reportId
            where p.jobId = :jobId and p.reportId is null and p.id in :ids""")
    int attach(@Param("jobId") String jobId, @Param("reportId") String reportId, @Param("ids") Collection<String> ids);
}
