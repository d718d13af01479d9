package com.sundispatch.orders.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import com.sundispatch.orders.OrderStatus;

interface OrderRepository extends JpaRepository<CustomerOrder, String>, JpaSpecificationExecutor<CustomerOrder> {

    /** The order row locked until the transaction ends: money decisions on one order happen one at a time. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select o from CustomerOrder o where o.id = :id")
    Optional<CustomerOrder> lockById(@Param("id") String id);

    /** The owner is part of the query: someone else's order is simply not found. */
    @Query("select o from CustomerOrder o where o.id = :id and o.customerId = :customerId")
    Optional<CustomerOrder> findOwned(@Param("id") String id, @Param("customerId") String customerId);

    Page<CustomerOrder> findByCustomerId(String customerId, Pageable pageable);

    long countByCustomerIdAndStatus(String customerId, OrderStatus status);

    // Every status change takes an OrderStatus.Move (it exists only for moves the machine allows) and applies only
    // from the move's source state: concurrent changes cannot both apply.

    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("""
            update CustomerOrder o set o.status = :#{#move.to()}, o.cancelledAt = :now, o.refundDue = :refundDue,
            o.version = o.version + 1
            where o.id = :id and o.status = :#{#move.from()}""")
    int cancel(@Param("id") String id, @Param("move") OrderStatus.Move move, @Param("now") Instant now,
            @Param("refundDue") boolean refundDue);

    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("""
            update CustomerOrder o set o.status = :#{#move.to()}, o.paidAt = :now, o.version = o.version + 1
            where o.id = :id and o.status = :#{#move.from()}""")
    int markPaid(@Param("id") String id, @Param("move") OrderStatus.Move move, @Param("now") Instant now);

    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("""
            update CustomerOrder o set o.status = :#{#move.to()}, o.version = o.version + 1
            where o.id = :id and o.status = :#{#move.from()}""")
    int advance(@Param("id") String id, @Param("move") OrderStatus.Move move);

    /** An installer accepted: the order is SCHEDULED and names them (their payout is recorded against it). */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("""
            update CustomerOrder o set o.status = :#{#move.to()}, o.installerId = :installerId,
            o.version = o.version + 1
            where o.id = :id and o.status = :#{#move.from()}""")
    int assign(@Param("id") String id, @Param("move") OrderStatus.Move move,
            @Param("installerId") String installerId);

    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("""
            update CustomerOrder o set o.status = :#{#move.to()}, o.installerId = null, o.version = o.version + 1
            where o.id = :id and o.status = :#{#move.from()}""")
    int unassign(@Param("id") String id, @Param("move") OrderStatus.Move move);

    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("update CustomerOrder o set o.refundDue = true, o.version = o.version + 1 where o.id = :id")
    int markRefundDue(@Param("id") String id);

    @Query("""
            select o.id from CustomerOrder o
            where o.status = :pending and o.reservedUntil < :now""")
    List<String> findExpired(@Param("pending") OrderStatus pending, @Param("now") Instant now, Pageable limit);
}
