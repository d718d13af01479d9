package com.sundispatch.shared;

import java.util.concurrent.Executor;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.aop.interceptor.AsyncUncaughtExceptionHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.AsyncConfigurer;
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
class AsyncConfiguration implements AsyncConfigurer {

    private static final Logger log = LoggerFactory.getLogger(AsyncConfiguration.class);

    /**
     * A listener that throws has failed one delivery (the mail server or a webhook receiver is down): its
     * publication stays in the registry and is redelivered, so this is a warning with the cause's type, not an
     * error with a stack trace per attempt. Messages are left out: they may quote a receiver's answer.
     */
    @Override
    public AsyncUncaughtExceptionHandler getAsyncUncaughtExceptionHandler() {
        return (e, method, params) -> log.warn("{}.{} failed, will be redelivered: {}{}",
                method.getDeclaringClass().getSimpleName(), method.getName(), e.getClass().getSimpleName(),
                e.getCause() == null ? "" : " (" + e.getCause().getClass().getSimpleName() + ")");
    }

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
