package com.sundispatch.orders.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface PaymentRepository extends JpaRepository<Payment, String> {

    /** Settles a payment once: of two events (or two confirmations) racing, exactly one gets 1. */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("""
            update Payment p set p.status = :outcome, p.updatedAt = :now,
            p.chargeReference = coalesce(:chargeReference, p.chargeReference)
            where p.id = :id and p.status = :open""")
    int settle(@Param("id") String id, @Param("open") Payment.Status open, @Param("outcome") Payment.Status outcome,
            @Param("chargeReference") String chargeReference, @Param("now") Instant now);

    /** Settles a payment still awaiting confirmation; 0 when it was settled before. */
    default int settle(String id, Payment.Status outcome, String chargeReference, Instant now) {
        return settle(id, Payment.Status.REQUIRES_CONFIRMATION, outcome, chargeReference, now);
    }

    /** The provider created the payment: where the customer pays, and the provider's reference for it. */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("""
            update Payment p set p.providerReference = :reference, p.checkoutUrl = :checkoutUrl, p.updatedAt = :now
            where p.id = :id and p.providerReference is null""")
    int created(@Param("id") String id, @Param("reference") String reference,
            @Param("checkoutUrl") String checkoutUrl, @Param("now") Instant now);

    List<Payment> findByOrderIdAndStatus(String orderId, Payment.Status status);

    @Query("""
            select distinct p.orderId from Payment p where p.status = :succeeded order by p.orderId""")
    Slice<String> findPaidOrderIds(@Param("succeeded") Payment.Status succeeded, Pageable page);

    List<Payment> findByOrderIdOrderByCreatedAt(String orderId);

    @Query("""
            select p.id from Payment p where p.status = :status and p.providerReference is not null
            and p.createdAt < :before and p.createdAt > :since order by p.createdAt""")
    List<String> findStale(@Param("status") Payment.Status status, @Param("before") Instant before,
            @Param("since") Instant since, Pageable page);
}
