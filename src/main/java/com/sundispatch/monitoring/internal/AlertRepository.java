package com.sundispatch.monitoring.internal;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface AlertRepository extends JpaRepository<Alert, String> {

    Page<Alert> findByType(String type, Pageable pageable);
}
