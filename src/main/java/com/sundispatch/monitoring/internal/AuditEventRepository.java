package com.sundispatch.monitoring.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.springframework.data.domain.Limit;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface AuditEventRepository extends JpaRepository<AuditEvent, String> {

    /** Entries whose stored detail contains {@code fragment} (a caller-built, wildcard-free JSON member). */
    @Query("select e from AuditEvent e where e.detail like concat('%', :fragment, '%') order by e.occurredAt desc")
    List<AuditEvent> mentioning(@Param("fragment") String fragment, Limit limit);

    @Query("""
            select e from AuditEvent e where (:type is null or e.type = :type)
            and (:userId is null or e.userId = :userId) and (:ip is null or e.ip = :ip)
            and (:from is null or e.occurredAt >= :from) and (:to is null or e.occurredAt < :to)""")
    Page<AuditEvent> search(@Param("type") String type, @Param("userId") String userId, @Param("ip") String ip,
            @Param("from") Instant from, @Param("to") Instant to, Pageable pageable);

    /** One account's own entries of some types since a time (index ix_audit_user); the caller orders the page. */
    @Query("select e from AuditEvent e where e.userId = :userId and e.type in :types and e.occurredAt >= :since")
    Page<AuditEvent> ofUser(@Param("userId") String userId, @Param("types") Collection<String> types,
            @Param("since") Instant since, Pageable pageable);

    /**
     * One page of the export, newest first, after the last row of the page before (keyset paging: every page is
     * one short index read, whatever the size of the whole export, and nothing is held across pages).
     */
    @Query("""
            select e from AuditEvent e where (:type is null or e.type = :type)
            and (:userId is null or e.userId = :userId) and (:ip is null or e.ip = :ip)
            and (:from is null or e.occurredAt >= :from) and (:to is null or e.occurredAt < :to)
            and (:afterTime is null or e.occurredAt < :afterTime or (e.occurredAt = :afterTime and e.id < :afterId))
            order by e.occurredAt desc, e.id desc""")
    List<AuditEvent> exportPage(@Param("type") String type, @Param("userId") String userId, @Param("ip") String ip,
            @Param("from") Instant from, @Param("to") Instant to, @Param("afterTime") Instant afterTime,
            @Param("afterId") String afterId, Limit limit);

    @Modifying
    @Query("delete from AuditEvent e where e.occurredAt < :before")
    int deleteOlderThan(@Param("before") Instant before);
}
