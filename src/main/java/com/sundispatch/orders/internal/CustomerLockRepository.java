package com.sundispatch.orders.internal;

import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface CustomerLockRepository extends JpaRepository<CustomerLock, String> {

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select l from CustomerLock l where l.customerId = :id")
    Optional<CustomerLock> lock(@Param("id") String customerId);
}
