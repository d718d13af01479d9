package com.sundispatch.identity.internal;

/**
 * A seam for tests: called inside multi-row identity writes after the first row is written and before the
 * rest, so a test can fail a write half-way (a lock timeout, a deadlock) and prove that nothing half-written
 * stays. Production defines no such bean.
 */
public interface IdentityWriteHook {

    /** {@code operation}: registration, password_change, password_reset. */
    void betweenRows(String operation, String userId);
}
