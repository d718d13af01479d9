package com.sundispatch.dispatch.internal;

import java.util.List;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface WebhookDeliveryRepository extends JpaRepository<WebhookDelivery, String> {

    List<WebhookDelivery> findByInstallerIdOrderByAttemptedAtDesc(String installerId, Pageable limit);
}
