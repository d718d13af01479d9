package com.sundispatch.monitoring.internal;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface AlertRepository extends JpaRepository<Alert, String> {

    @Query("select a from Alert a where (:type is null or a.type = :type) and (:status is null or a.status = :status)")
    Page<Alert> search(@Param("type") String type, @Param("status") String status, Pageable pageable);
}
