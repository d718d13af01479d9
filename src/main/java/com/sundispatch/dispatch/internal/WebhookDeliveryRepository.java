package com.sundispatch.dispatch.internal;

import java.util.List;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface WebhookDeliveryRepository extends JpaRepository<WebhookDelivery, String> {

    List<WebhookDelivery> findByInstallerIdOrderByAttemptedAtDesc(String installerId, Pageable limit);

    /** Attempts recorded so far for one event (its id is unique to one installer's delivery). */
    long countByEventId(String eventId);
}
