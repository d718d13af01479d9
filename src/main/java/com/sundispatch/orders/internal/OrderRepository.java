package com.sundispatch.orders.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import com.sundispatch.orders.OrderStatus;

interface OrderRepository extends JpaRepository<CustomerOrder, String> {

    /** The owner is part of the query: someone else's order is simply not found. */
    @Query("select o from CustomerOrder o where o.id = :id and o.customerId = :customerId")
    Optional<CustomerOrder> findOwned(@Param("id") String id, @Param("customerId") String customerId);

    Page<CustomerOrder> findByCustomerId(String customerId, Pageable pageable);

    long countByCustomerIdAndStatus(String customerId, OrderStatus status);

    /** A state change only from an expected state: concurrent changes cannot both apply. */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("""
            update CustomerOrder o set o.status = :to, o.cancelledAt = :now, o.refundDue = :refundDue,
            o.version = o.version + 1
            where o.id = :id and o.status in :from""")
    int cancel(@Param("id") String id, @Param("from") Collection<OrderStatus> from, @Param("to") OrderStatus to,
            @Param("now") Instant now, @Param("refundDue") boolean refundDue);

    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("""
            update CustomerOrder o set o.status = com.sundispatch.orders.OrderStatus.PAID, o.paidAt = :now,
            o.version = o.version + 1
            where o.id = :id and o.status = com.sundispatch.orders.OrderStatus.PENDING_PAYMENT""")
    int markPaid(@Param("id") String id, @Param("now") Instant now);

    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("""
            update CustomerOrder o set o.status = :to, o.version = o.version + 1
            where o.id = :id and o.status = :from""")
    int advance(@Param("id") String id, @Param("from") OrderStatus from, @Param("to") OrderStatus to);

    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("update CustomerOrder o set o.refundDue = true, o.version = o.version + 1 where o.id = :id")
    int markRefundDue(@Param("id") String id);

    @Query("""
            select o.id from CustomerOrder o
            where o.status = com.sundispatch.orders.OrderStatus.PENDING_PAYMENT and o.reservedUntil < :now""")
    List<String> findExpired(@Param("now") Instant now, Pageable limit);
}
