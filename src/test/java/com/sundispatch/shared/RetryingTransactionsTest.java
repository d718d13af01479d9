package com.sundispatch.shared;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RetryingTransactionsTest {

    /** Counts transactions begun, committed and rolled back. */
    static final class CountingTransactions extends AbstractPlatformTransactionManager {
        final AtomicInteger begun = new AtomicInteger();
        final AtomicInteger committed = new AtomicInteger();
        final AtomicInteger rolledBack = new AtomicInteger();

        @Override
        protected Object doGetTransaction() {
            return new Object();
        }

        @Override
        protected void doBegin(Object transaction, TransactionDefinition definition) {
            begun.incrementAndGet();
        }

        @Override
        protected void doCommit(DefaultTransactionStatus status) {
            committed.incrementAndGet();
        }

        @Override
        protected void doRollback(DefaultTransactionStatus status) {
            rolledBack.incrementAndGet();
        }
    }

    private final CountingTransactions transactions = new CountingTransactions();
    private final RetryingTransactions writes = new RetryingTransactions(transactions);

    @Test
    void lockFailuresAreRecognisedAnywhereInTheCauseChain() {
        assertThat(RetryingTransactions.isLockFailure(new CannotAcquireLockException("lock wait timeout"))).isTrue();
        assertThat(RetryingTransactions.isLockFailure(new PessimisticLockingFailureException("deadlock"))).isTrue();
        assertThat(RetryingTransactions.isLockFailure(new QueryTimeoutException("timeout"))).isTrue();
        assertThat(RetryingTransactions.isLockFailure(
                new IllegalStateException(new CannotAcquireLockException("wrapped")))).isTrue();
        assertThat(RetryingTransactions.isLockFailure(new DataIntegrityViolationException("duplicate"))).isFalse();
        assertThat(RetryingTransactions.isLockFailure(new IllegalArgumentException())).isFalse();
    }

    @Test
    void aTransactionThatLostToALockIsRunAgainWholeUntilItCommits() {
        AtomicInteger calls = new AtomicInteger();
        String result = writes.execute("test", status -> {
            if (calls.incrementAndGet() <= 2) {
                throw new CannotAcquireLockException("deadlock victim");
            }
            return "done";
        });
        assertThat(result).isEqualTo("done");
        assertThat(transactions.begun).hasValue(3);
        assertThat(transactions.rolledBack).hasValue(2);
        assertThat(transactions.committed).hasValue(1);
    }

    @Test
    void whenEveryAttemptLosesThenServerBusyAndNothingCommitted() {
        assertThatThrownBy(() -> writes.execute("test", status -> {
            throw new CannotAcquireLockException("always");
        })).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.status().value()).isEqualTo(503);
            assertThat(e.code()).isEqualTo(ErrorCodes.SERVER_BUSY);
            assertThat(e.headers()).containsEntry("Retry-After", "1");
        });
        assertThat(transactions.begun).hasValue(RetryingTransactions.MAX_RETRIES + 1);
        assertThat(transactions.committed).hasValue(0);
    }

    @Test
    void otherFailuresAreNotRetriedAndKeepTheirType() {
        assertThatThrownBy(() -> writes.execute("test", status -> {
            throw ApiException.badRequest("invalid_token", "no");
        })).isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo("invalid_token"));
        assertThatThrownBy(() -> writes.execute("test", status -> {
            throw new DataIntegrityViolationException("duplicate");
        })).isInstanceOf(DataIntegrityViolationException.class);
        assertThat(transactions.begun).hasValue(2);
        assertThat(transactions.committed).hasValue(0);
    }
}
