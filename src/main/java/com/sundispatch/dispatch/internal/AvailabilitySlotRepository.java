package com.sundispatch.dispatch.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface AvailabilitySlotRepository extends JpaRepository<AvailabilitySlot, String> {

    List<AvailabilitySlot> findByInstallerIdOrderByStartAtAsc(String installerId);

    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("delete from AvailabilitySlot s where s.installerId = :id")
    int deleteAllOf(@Param("id") String installerId);

    /** Installers among these with one slot covering the whole window. */
    @Query("""
            select distinct s.installerId from AvailabilitySlot s
            where s.installerId in :ids and s.startAt <= :start and s.endAt >= :end""")
    List<String> coveringWindow(@Param("ids") Collection<String> ids, @Param("start") Instant start,
            @Param("end") Instant end);
}
