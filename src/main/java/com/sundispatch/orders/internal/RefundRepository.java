package com.sundispatch.orders.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface RefundRepository extends JpaRepository<Refund, String> {

    List<Refund> findByOrderIdOrderByCreatedAt(String orderId);

    Optional<Refund> findByOrderIdAndIdempotencyKey(String orderId, String idempotencyKey);

    /** Settles once: of the provider's answer, its webhook and the reconciliation racing, exactly one gets 1. */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("""
            update Refund r set r.status = :outcome, r.settledAt = :now, r.failureCode = :failureCode,
            r.providerReference = coalesce(r.providerReference, :providerReference)
            where r.id = :id and r.status = :pending""")
    int settle(@Param("id") String id, @Param("pending") Refund.Status pending, @Param("outcome") Refund.Status outcome,
            @Param("providerReference") String providerReference, @Param("failureCode") String failureCode,
            @Param("now") Instant now);

    default int settle(String id, Refund.Status outcome, String providerReference, String failureCode, Instant now) {
        return settle(id, Refund.Status.PENDING, outcome, providerReference, failureCode, now);
    }

    /** The provider accepted the refund but has not finished it: remember its reference for the status query. */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("""
            update Refund r set r.providerReference = :providerReference, r.attempts = r.attempts + 1
            where r.id = :id and r.status = :pending""")
    int accepted(@Param("id") String id, @Param("pending") Refund.Status pending,
            @Param("providerReference") String providerReference);

    default int accepted(String id, String providerReference) {
        return accepted(id, Refund.Status.PENDING, providerReference);
    }

    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("update Refund r set r.attempts = r.attempts + 1 where r.id = :id")
    int attempted(@Param("id") String id);

    @Query("select r.id from Refund r where r.status = :status and r.createdAt < :before order by r.createdAt")
    List<String> findStale(@Param("status") Refund.Status status, @Param("before") Instant before, Pageable page);
}
