package com.sundispatch.security;

import java.util.List;

/**
 * The data key's state and its rotation: which key seals new values, how many stored values are still under
 * another key (or still in plaintext), and a batch that re-encrypts them all under the current key.
 */
public interface DataKeys {

    Status status();

    /**
     * Re-encrypts every value of every registered column that is not under the current key, in bounded batches.
     * Safe to run twice and on several instances at once: each row is written with a conditional update that
     * compares the ciphertext it read, so a row another instance (or a save) changed meanwhile is left alone.
     */
    Result reencrypt();

    /** {@code pending}: values not under the current key (another key, the old format, or plaintext). */
    record ColumnStatus(String table, String column, long pending) {
    }

    record Status(String keyId, boolean previousKeyConfigured, long pending, List<ColumnStatus> columns) {

        public Status {
            columns = List.copyOf(columns);
        }
    }

    /**
     * {@code reencrypted}: rows written under the current key; {@code skipped}: rows changed by someone else
     * between read and write; {@code failed}: values that open under no configured key (or with another row's
     * context) and were left as they are.
     */
    record Result(String keyId, long reencrypted, long skipped, long failed, long pending) {
    }
}
