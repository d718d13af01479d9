package com.sundispatch.dispatch.internal;

import java.time.Instant;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface InstallerApplicationRepository extends JpaRepository<InstallerApplication, String> {

    long countByUserIdAndStatus(String userId, InstallerApplication.Status status);

    Page<InstallerApplication> findByStatus(InstallerApplication.Status status, Pageable pageable);

    @Query("""
            select a.pendingSlot from InstallerApplication a where a.userId = :userId and a.pendingSlot is not null
            and a.status = com.sundispatch.dispatch.internal.InstallerApplication.Status.PENDING""")
    java.util.List<Integer> pendingSlots(@Param("userId") String userId);

    Page<InstallerApplication> findByUserId(String userId, Pageable pageable);

    /** Decides a pending application once: a second decision (or a concurrent one) changes nothing. */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("""
            update InstallerApplication a set a.status = :to, a.decidedAt = :now, a.decidedBy = :admin,
            a.rejectReason = :reason, a.pendingSlot = null
            where a.id = :id and a.status = com.sundispatch.dispatch.internal.InstallerApplication.Status.PENDING""")
    int decide(@Param("id") String id, @Param("to") InstallerApplication.Status to, @Param("now") Instant now,
            @Param("admin") String admin, @Param("reason") String reason);
}
