package com.sundispatch.identity.internal;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import com.sundispatch.security.SecurityEvents;
import com.sundispatch.security.SecurityEvents.Origin;
import com.sundispatch.shared.ApiException;
import com.sundispatch.shared.ErrorCodes;

/**
 * Finishes registrations and password-reset requests after the answer has gone out: the account look-up,
 * bcrypt, the rows and the mail all happen here, so how long the answer takes says nothing about whether the
 * address has an account. The pool is bounded (threads and queue): when the queue is full the request is
 * refused at once with 503 {@code server_busy} and Retry-After, the same for every address, instead of letting
 * a flood queue without bound (memory) or answering 202 for work that would never be done.
 */
@Component
public class AccountWork implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(AccountWork.class);

    private final ThreadPoolExecutor pool;
    private final SecurityEvents audit;

    AccountWork(AccountWorkProperties properties, SecurityEvents audit) {
        this.audit = audit;
        AtomicInteger n = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(properties.threads(), properties.threads(), 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(properties.queue()), r -> {
                    Thread t = new Thread(r, "account-work-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                }, new ThreadPoolExecutor.AbortPolicy());
    }

    /** Queues the work, or refuses with 503 when the queue is full. Failures of the work are logged only. */
    void submit(String name, Runnable work) {
        // Audit events of the work keep the client's address and user agent, although the request has ended.
        Origin origin = audit.currentOrigin();
        try {
            pool.execute(() -> {
                try {
                    SecurityEvents.runAs(origin, work);
                } catch (RuntimeException e) {
                    // The caller has its answer already; the log says what was lost (never the address).
                    log.error("Account work '{}' failed: {} {}", name, e.getClass().getSimpleName(),
                            e instanceof ApiException api ? api.code() : "");
                }
            });
        } catch (RejectedExecutionException e) {
            log.warn("Account work queue full: '{}' refused with server_busy", name);
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, ErrorCodes.SERVER_BUSY,
                    "Too many requests right now. Please try again in a moment.", List.of(),
                    Map.of("Retry-After", "5"));
        }
    }

    /** Tasks finished so far (for tests that must wait for work that leaves no other trace). */
    public long completed() {
        return pool.getCompletedTaskCount();
    }

    @Override
    public void destroy() throws InterruptedException {
        pool.shutdown();
        if (!pool.awaitTermination(10, TimeUnit.SECONDS)) {
            pool.shutdownNow();
        }
    }
}
