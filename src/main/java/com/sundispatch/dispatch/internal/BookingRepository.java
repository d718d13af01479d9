package com.sundispatch.dispatch.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface BookingRepository extends JpaRepository<Booking, String> {

    @Query("""
            select count(b) > 0 from Booking b
            where b.installerId = :id and b.startAt < :end and b.endAt > :start""")
    boolean overlaps(@Param("id") String installerId, @Param("start") Instant start, @Param("end") Instant end);

    @Query("""
            select distinct b.installerId from Booking b
            where b.installerId in :ids and b.startAt < :end and b.endAt > :start""")
    List<String> busy(@Param("ids") Collection<String> ids, @Param("start") Instant start, @Param("end") Instant end);

    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("delete from Booking b where b.jobId = :jobId")
    int release(@Param("jobId") String jobId);
}
