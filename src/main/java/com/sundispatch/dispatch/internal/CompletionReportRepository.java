package com.sundispatch.dispatch.internal;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface CompletionReportRepository extends JpaRepository<CompletionReport, String> {

    @Query("select r from CompletionReport r where r.jobId = :jobId order by r.submittedAt desc, r.id")
    List<CompletionReport> newestFirst(@Param("jobId") String jobId);
}
