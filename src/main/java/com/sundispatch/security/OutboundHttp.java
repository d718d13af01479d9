package com.sundispatch.security;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * THE client for every outbound HTTP call (SECURITY.md A10). Each URL is checked when it is saved
 * ({@link #check}) and again at every call; the connection goes to the very address that was checked.
 */
public interface OutboundHttp {

    /**
     * The status, the answer's headers (names in lower case; the last value of a repeated one) and at most the
     * first 1 MiB of the body; never followed, never trusted.
     */
    record Response(int status, byte[] body, Map<String, String> headers) {

        public Response {
            headers = Map.copyOf(headers);
        }

        public Response(int status, byte[] body) {
            this(status, body, Map.of());
        }

        /** A header of the answer, or null. */
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    /** Throws {@link UnsafeUrlException} naming the broken rule. */
    void check(String url);

    /** POSTs a JSON body; throws {@link UnsafeUrlException} for a refused URL, IOException-like failures as {@link Failure}. */
    Response postJson(String url, byte[] body, Map<String, String> headers);

    /** GETs a URL with the same guarantees as {@link #postJson}; a 3xx is returned, never followed. */
    default Response get(String url, Map<String, String> headers) {
        return get(url, headers, null);
    }

    /**
     * As {@link #get(String, Map)}, with a per-call time limit for the connection and each read (null: the
     * default); it can only be shorter than the default, never longer.
     */
    Response get(String url, Map<String, String> headers, Duration timeout);

    /** The call could not be completed (timeout, connection refused, TLS failure, oversized answer). */
    class Failure extends RuntimeException {
        public Failure(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
