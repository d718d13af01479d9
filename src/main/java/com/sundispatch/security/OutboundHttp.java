package com.sundispatch.security;

import java.util.Map;

/**
 * THE client for every outbound HTTP call (SECURITY.md A10). Each URL is checked when it is saved
 * ({@link #check}) and again at every call; the connection goes to the very address that was checked.
 */
public interface OutboundHttp {

    /** The status and at most the first 1 MiB of the body; never followed, never trusted. */
    record Response(int status, byte[] body) {
    }

    /** Throws {@link UnsafeUrlException} naming the broken rule. */
    void check(String url);

    /** POSTs a JSON body; throws {@link UnsafeUrlException} for a refused URL, IOException-like failures as {@link Failure}. */
    Response postJson(String url, byte[] body, Map<String, String> headers);

    /** The call could not be completed (timeout, connection refused, TLS failure, oversized answer). */
    class Failure extends RuntimeException {
        public Failure(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
