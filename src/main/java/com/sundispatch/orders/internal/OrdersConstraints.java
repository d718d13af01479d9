package com.sundispatch.orders.internal;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.sundispatch.shared.UniqueConstraints;

/** What each unique key of the order tables means when a concurrent duplicate hits it (V4, V6). */
@Configuration(proxyBeanMethods = false)
class OrdersConstraints {

    @Bean
    UniqueConstraints ordersUniqueConstraints() {
        return new UniqueConstraints(List.of(
                UniqueConstraints.primaryKey("processed_webhook_events", "already_processed",
                        "This event was processed already."),
                UniqueConstraints.primaryKey("customer_locks", UniqueConstraints.DEFAULT_CODE,
                        "This conflicts with a concurrent change; reload and try again.")));
    }
}
