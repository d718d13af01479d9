package com.sundispatch.dispatch.internal;

import java.time.Instant;
import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface InstallerProfileRepository extends JpaRepository<InstallerProfile, String> {

    /**
     * Bounding-box prefilter on the indexed base coordinates, of eligible installers only (not revoked, not
     * banned at {@code now}); exact distances are computed afterwards. The eligibility columns sit on the same
     * row the index leads to, so excluding the ineligible costs nothing extra.
     */
    @Query("""
            select p from InstallerProfile p
            where p.baseLatitude between :minLat and :maxLat and p.baseLongitude between :minLon and :maxLon
            and p.revokedAt is null and (p.bannedUntil is null or p.bannedUntil <= :now)""")
    List<InstallerProfile> inBox(@Param("minLat") double minLat, @Param("maxLat") double maxLat,
            @Param("minLon") double minLon, @Param("maxLon") double maxLon, @Param("now") Instant now);

    /**
     * Moves an installer's service area (a new base address, the point derived from it, a radius) with one
     * update of those columns only, so a concurrent rating or ban is never overwritten; a revoked installer's
     * profile is left alone. {@code line} is the address line already sealed for this row (PersonalData): a bulk
     * update passes no entity callback.
     */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("""
            update InstallerProfile p set p.baseAddressSealed.addressLine = :line,
            p.baseAddressSealed.postalCode = :postalCode, p.baseAddressSealed.city = :city,
            p.baseAddressSealed.country = :country, p.baseLatitude = :lat,
            p.baseLongitude = :lon, p.serviceRadiusKm = :radius
            where p.userId = :id and p.revokedAt is null""")
    int moveServiceArea(@Param("id") String id, @Param("line") String line, @Param("postalCode") String postalCode,
            @Param("city") String city, @Param("country") String country, @Param("lat") double lat,
            @Param("lon") double lon, @Param("radius") int radius);

    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("update InstallerProfile p set p.bannedUntil = :until where p.userId = :id")
    int mirrorBan(@Param("id") String id, @Param("until") Instant until);

    /** Revokes once: a second (or concurrent) revocation changes nothing. */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("""
            update InstallerProfile p set p.revokedAt = :now, p.revokedBy = :admin, p.revokeReason = :reason
            where p.userId = :id and p.revokedAt is null""")
    int revoke(@Param("id") String id, @Param("now") Instant now, @Param("admin") String admin,
            @Param("reason") String reason);

    @Query("""
            select p from InstallerProfile p
            where (:revoked = false and p.revokedAt is null) or (:revoked = true and p.revokedAt is not null)""")
    Page<InstallerProfile> byRevoked(@Param("revoked") boolean revoked, Pageable pageable);

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

    /**
     * How many reviews the installers who may be shown in public (not revoked, not banned at {@code now}) have, and
     * the sum of their ratings: {@code [count, sum]}; read from the profiles' running totals, not from every review.
     */
    @Query("""
            select coalesce(sum(p.ratingCount), 0), coalesce(sum(p.ratingSum), 0) from InstallerProfile p
            where p.revokedAt is null and (p.bannedUntil is null or p.bannedUntil <= :now)""")
    List<Object[]> ratingTotalsShown(@Param("now") Instant now);
}
