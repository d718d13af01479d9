package com.sundispatch.orders.internal;

import org.springframework.data.jpa.repository.JpaRepository;

interface ProcessedWebhookEventRepository extends JpaRepository<ProcessedWebhookEvent, String> {
}
