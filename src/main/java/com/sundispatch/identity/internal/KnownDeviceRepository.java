package com.sundispatch.identity.internal;

import java.time.Instant;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/**
 * Known devices. Touching and forgetting are plain statements rather than entity changes: two sign-ins of one
 * account at once may touch or forget the same row, and neither must fail the sign-in because the other won.
 */
interface KnownDeviceRepository extends JpaRepository<KnownDevice, String> {

    /** Most recently seen first. */
    List<KnownDevice> findByUserIdOrderByLastSeenAtDesc(String userId);

    @Modifying(flushAutomatically = true)
    @Query("update KnownDevice d set d.network = :network, d.lastSeenAt = :now where d.id = :id")
    int touch(@Param("id") String id, @Param("network") String network, @Param("now") Instant now);

    @Modifying(flushAutomatically = true)
    @Query("delete from KnownDevice d where d.id in :ids")
    int forget(@Param("ids") List<String> ids);
}
