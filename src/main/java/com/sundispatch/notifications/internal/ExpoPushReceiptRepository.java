package com.sundispatch.notifications.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;
import org.springframework.transaction.annotation.Transactional;

interface ExpoPushReceiptRepository extends JpaRepository<ExpoPushReceipt, String> {

    @Query("select r from ExpoPushReceipt r where r.createdAt <= :before order by r.createdAt asc")
    List<ExpoPushReceipt> findDue(@Param("before") Instant before, Pageable page);

    @Transactional
    @Modifying
    @Query("delete from ExpoPushReceipt r where r.ticketId in :ids")
    int removeAll(@Param("ids") Collection<String> ids);

    /** Expo keeps receipts for a day: a ticket older than that will never get one. */
    @Transactional
    @Modifying
    @Query("delete from ExpoPushReceipt r where r.createdAt < :before")
    int removeOlderThan(@Param("before") Instant before);
}
