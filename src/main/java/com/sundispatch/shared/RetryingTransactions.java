package com.sundispatch.shared;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a multi-row write as ONE transaction that either commits whole or leaves nothing, and runs it again
 * (a bounded number of times, with a short jittered back-off) when the database gave up on it because of a
 * lock: a deadlock victim, a lock-wait timeout, a query timeout. The retry wraps the whole transaction, so
 * each attempt starts from a fresh transaction and a fresh persistence context; a retry inside a transaction
 * would re-run statements in a transaction the database has already rolled back. When every attempt failed
 * the caller gets 503 {@code server_busy} with Retry-After, never a 500.
 *
 * <p>Called inside a transaction that is already running, it cannot retry (only the outermost transaction
 * can), so it just joins it; the outer caller should be the one that uses this class.
 */
@Component
public class RetryingTransactions {

    /** Attempts after the first. */
    static final int MAX_RETRIES = 3;

    private static final Logger log = LoggerFactory.getLogger(RetryingTransactions.class);

    private final TransactionTemplate tx;
    private final RetryTemplate retry;

    RetryingTransactions(PlatformTransactionManager transactions) {
        this.tx = new TransactionTemplate(transactions);
        this.retry = new RetryTemplate(RetryPolicy.builder().maxRetries(MAX_RETRIES).delay(Duration.ofMillis(20))
                .multiplier(2).jitter(Duration.ofMillis(10)).maxDelay(Duration.ofMillis(200))
                .predicate(RetryingTransactions::isLockFailure).build());
    }

    /** True for failures that say "another transaction held the lock; try again", anywhere in the cause chain. */
    public static boolean isLockFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof PessimisticLockingFailureException || t instanceof QueryTimeoutException) {
                return true;
            }
        }
        return false;
    }

    /** The answer when a write lost every attempt to concurrent writers. */
    public static ApiException busy() {
        return new ApiException(HttpStatus.SERVICE_UNAVAILABLE, ErrorCodes.SERVER_BUSY,
                "The server is busy. Please try again in a moment.", List.of(), Map.of("Retry-After", "1"));
    }

    public <T> T execute(String name, TransactionCallback<T> work) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            return tx.execute(work);
        }
        try {
            return retry.execute(() -> tx.execute(work));
        } catch (RetryException e) {
            Throwable last = e.getLastException() != null ? e.getLastException() : e.getCause();
            if (isLockFailure(last)) {
                log.warn("Transaction {} lost to concurrent writers {} times; answering server_busy", name,
                        e.getExceptions().size());
                throw busy();
            }
            if (last instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (last instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(last);
        }
    }

    public void executeWithoutResult(String name, Consumer<TransactionStatus> work) {
        execute(name, status -> {
            work.accept(status);
            return null;
        });
    }
}
