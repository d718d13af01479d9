package com.sundispatch.shared;

import java.util.concurrent.Executor;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The pool that runs durable event listeners ({@code @ApplicationModuleListener}s are {@code @Async}). Bounded:
 * a burst of events queues here instead of starting a thread each; should the queue ever overflow, the
 * rejected delivery stays in the event publication registry and is redelivered later, so nothing is lost.
 * Named {@code taskExecutor} because that is the bean plain {@code @Async} resolves to.
 */
@Configuration(proxyBeanMethods = false)
@EnableAsync
class AsyncConfiguration {

    @Bean(name = "taskExecutor")
    Executor taskExecutor() {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(4);
        executor.setMaxPoolSize(4);
        executor.setQueueCapacity(10_000);
        executor.setThreadNamePrefix("events-");
        // On shutdown, deliveries in progress get a moment to finish; whatever is left is redelivered on start.
        executor.setWaitForTasksToCompleteOnShutdown(true);
        executor.setAwaitTerminationSeconds(5);
        executor.initialize();
        return executor;
    }
}
