package com.sundispatch.dispatch.internal;

import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface InstallerProfileRepository extends JpaRepository<InstallerProfile, String> {

    /** Bounding-box prefilter on the indexed base coordinates; exact distances are computed afterwards. */
    @Query("""
            select p from InstallerProfile p
            where p.baseLatitude between :minLat and :maxLat and p.baseLongitude between :minLon and :maxLon""")
    List<InstallerProfile> inBox(@Param("minLat") double minLat, @Param("maxLat") double maxLat,
            @Param("minLon") double minLon, @Param("maxLon") double maxLon);

    /**
     * Locks the installer's row for the rest of the transaction: two accepts by the same installer (of two
     * jobs with overlapping windows) are serialised, so the overlap check cannot be raced.
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select p from InstallerProfile p where p.userId = :id")
    Optional<InstallerProfile> lockById(@Param("id") String id);

    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("""
            update InstallerProfile p set p.ratingSum = p.ratingSum + :rating, p.ratingCount = p.ratingCount + 1
            where p.userId = :id""")
    int addRating(@Param("id") String id, @Param("rating") int rating);
}
