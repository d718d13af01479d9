package com.sundispatch.dispatch.internal;

import java.time.Instant;
import java.util.List;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface ReviewRepository extends JpaRepository<Review, String> {

    /** An installer's latest reviews (index {@code ix_reviews_installer_created}). */
    @Query("select r from Review r where r.installerId = :installerId order by r.createdAt desc, r.jobId desc")
    List<Review> latestOf(@Param("installerId") String installerId, Pageable limit);

    /**
     * The latest reviews of installers who may be shown in public: not revoked and not banned at {@code now}
     * (the landing page links every review to the installer's profile).
     */
    @Query("""
            select r from Review r join InstallerProfile p on p.userId = r.installerId
            where p.revokedAt is null and (p.bannedUntil is null or p.bannedUntil <= :now)
            order by r.createdAt desc, r.jobId desc""")
    List<Review> latestShown(@Param("now") Instant now, Pageable limit);
}
