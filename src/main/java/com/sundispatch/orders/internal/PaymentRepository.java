package com.sundispatch.orders.internal;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface PaymentRepository extends JpaRepository<Payment, String> {

    /** Settles a payment once: of two events (or two confirmations) racing, exactly one gets 1. */
    @org.springframework.data.jpa.repository.Modifying(flushAutomatically = true, clearAutomatically = true)
    @org.springframework.data.jpa.repository.Query("""
            update Payment p set p.status = :outcome, p.updatedAt = :now
            where p.id = :id and p.status = com.sundispatch.orders.internal.Payment.Status.REQUIRES_CONFIRMATION""")
    int settle(@org.springframework.data.repository.query.Param("id") String id,
            @org.springframework.data.repository.query.Param("outcome") Payment.Status outcome,
            @org.springframework.data.repository.query.Param("now") java.time.Instant now);

    List<Payment> findByOrderIdAndStatus(String orderId, Payment.Status status);
}
