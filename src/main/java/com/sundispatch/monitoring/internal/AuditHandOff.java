package com.sundispatch.monitoring.internal;

import java.sql.SQLTransientException;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import com.sundispatch.security.SecurityEvent;

/**
 * Stores security events without ever making a thread that holds a pooled connection wait for a second one.
 * A thread that holds no transactional resource stores its event at once (one connection). A thread that still
 * holds one (an AFTER_COMPLETION listener runs before Spring returns the transaction's connection) hands the
 * event to one writer thread through a bounded queue; the writer takes one connection at a time, after the
 * request has released its own. A store that fails for want of a connection is retried until it succeeds, so a
 * busy pool delays an audit event but never loses it.
 *
 * <p>Crash semantics: events still queued when the JVM dies are not in the table; every event is first written
 * to the JSON log (synchronously, before the hand-off), which is the record of last resort. A graceful shutdown
 * drains the queue first.
 */
final class AuditHandOff implements AutoCloseable {

    static final int CAPACITY = 10_000;
    private static final Logger log = LoggerFactory.getLogger("sundispatch.audit");

    private final BlockingQueue<SecurityEvent> queue = new LinkedBlockingQueue<>(CAPACITY);
    private final AtomicLong pending = new AtomicLong();
    private final Object idle = new Object();
    private final Consumer<SecurityEvent> store;
    private final Consumer<SecurityEvent> after;
    private final Thread writer;
    private volatile boolean closing;

    /**
     * @param store writes the event (may throw a transient failure, then it is retried)
     * @param after what follows a stored event (alert rules); its failures are logged, not retried
     */
    AuditHandOff(Consumer<SecurityEvent> store, Consumer<SecurityEvent> after) {
        this.store = store;
        this.after = after;
        this.writer = new Thread(this::drainForever, "audit-writer");
        this.writer.setDaemon(true);
        this.writer.start();
    }

    /** True when the calling thread holds a transaction's resources (and so possibly a pooled connection). */
    static boolean holdsConnection() {
        return !TransactionSynchronizationManager.getResourceMap().isEmpty();
    }

    void accept(SecurityEvent event) {
        if (!holdsConnection()) {
            try {
                process(event);
                return;
            } catch (RuntimeException e) {
                if (!isTransient(e)) {
                    log.error("Could not store security event {}: {}", event.type(), e.getClass().getSimpleName());
                    return;
                }
                // The pool is busy: the writer will retry it, off this request.
            }
        }
        enqueue(event);
    }

    private void enqueue(SecurityEvent event) {
        pending.incrementAndGet();
        if (!queue.offer(event)) {
            done();
            // Only reachable when the database has been unavailable for a long time; the JSON log line written
            // before the hand-off keeps the event.
            log.error("Audit queue full ({} events): security event {} kept in the log only", CAPACITY,
                    event.type());
        }
    }

    private void process(SecurityEvent event) {
        store.accept(event);
        try {
            after.accept(event);
        } catch (RuntimeException e) {
            log.error("Alert rules failed for event {}: {}", event.type(), e.getClass().getSimpleName());
        }
    }

    private void drainForever() {
        while (!closing || !queue.isEmpty()) {
            SecurityEvent event;
            try {
                event = queue.poll(200, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (event != null) {
                try {
                    storeWithRetries(event);
                } catch (RuntimeException e) {
                    // One event that cannot be stored (it is in the JSON log already) must not end the writer.
                    log.error("Security event {} could not be stored: {}", event.type(), e.getClass().getSimpleName());
                } finally {
                    done();
                }
            }
        }
    }

    private void storeWithRetries(SecurityEvent event) {
        long backoff = 100;
        while (true) {
            try {
                process(event);
                return;
            } catch (RuntimeException e) {
                if (!isTransient(e) || (closing && backoff > 1_000)) {
                    log.error("Could not store security event {}: {}", event.type(), e.getClass().getSimpleName());
                    return;
                }
                log.warn("Security event {} not stored yet ({}); retrying", event.type(),
                        e.getClass().getSimpleName());
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
                backoff = Math.min(backoff * 2, 5_000);
            }
        }
    }

    private void done() {
        // The count changes under the waiters' lock, so a waiter that just saw "pending" cannot miss this wake-up.
        synchronized (idle) {
            if (pending.decrementAndGet() <= 0) {
                idle.notifyAll();
            }
        }
    }

    /**
     * Waits (at most {@code max}) until every event handed off so far is stored, so an admin reading the audit
     * trail sees what just happened. Must not be called while holding a connection (the writer may need one).
     */
    void awaitIdle(Duration max) {
        long deadline = System.nanoTime() + max.toNanos();
        synchronized (idle) {
            while (pending.get() > 0) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    return;
                }
                try {
                    idle.wait(Math.min(left, 50));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    static boolean isTransient(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof CannotCreateTransactionException || t instanceof TransientDataAccessException
                    || t instanceof DataAccessResourceFailureException
                    || t instanceof SQLTransientException) {
                return true;
            }
        }
        return false;
    }

    /** Graceful shutdown: the writer finishes the queue (bounded, as the database may be gone already). */
    @Override
    public void close() {
        closing = true;
        try {
            writer.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!queue.isEmpty()) {
            log.error("{} security events not stored at shutdown; they are in the log", queue.size());
        }
    }
}
