package com.sundispatch.support;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.dao.CannotAcquireLockException;

import com.sundispatch.identity.internal.IdentityWriteHook;

/**
 * Fails identity writes half-way, as a lock timeout or deadlock would: after the first row is written, before
 * the rest. Disarmed unless a test arms it for one operation and user.
 */
public class WriteFaults implements IdentityWriteHook {

    private final ConcurrentHashMap<String, AtomicInteger> armed = new ConcurrentHashMap<>();
    private final AtomicInteger thrown = new AtomicInteger();

    /** The next {@code times} writes of this operation fail with CannotAcquireLockException. */
    public void failNext(String operation, int times) {
        armed.put(operation, new AtomicInteger(times));
    }

    public void disarm() {
        armed.clear();
    }

    public int thrown() {
        return thrown.get();
    }

    @Override
    public void betweenRows(String operation, String userId) {
        AtomicInteger left = armed.get(operation);
        if (left != null && left.getAndDecrement() > 0) {
            thrown.incrementAndGet();
            throw new CannotAcquireLockException("injected lock timeout between the rows of " + operation);
        }
    }
}
