package com.sundispatch.dispatch.internal;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
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
     * Takes the installer's row lock for the rest of the transaction with a plain UPDATE (which every database
     * honours, unlike SELECT ... FOR UPDATE under some isolation settings): two accepts by the same installer,
     * of two jobs with overlapping windows, run one after the other, so the overlap check cannot be raced.
     */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("update InstallerProfile p set p.bookingVersion = p.bookingVersion + 1 where p.userId = :id")
    int lockForBooking(@Param("id") String id);

    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("""
            update InstallerProfile p set p.ratingSum = p.ratingSum + :rating, p.ratingCount = p.ratingCount + 1
            where p.userId = :id""")
    int addRating(@Param("id") String id, @Param("rating") int rating);
}
