package com.sundispatch.security.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long and how many: the limits that keep slow or greedy clients from holding the server's worker threads
 * ({@code sundispatch.security.transport.*}). Tomcat's own thread and connection counts are {@code server.tomcat.*}.
 *
 * @param maxConcurrentRequestsPerClient requests one client address (an IPv6 client: its /64) may have in
 *        progress at once; more are refused with 429 {@code too_many_concurrent_requests} before any body is read
 * @param requestBodyTimeout the longest a request may spend, in total, waiting for the bytes of its body (time the
 *        server spends working does not count); a body still trickling in after it is refused with 408
 * @param uploadReadTimeout the longest wait for the next bytes of a request body (Tomcat's
 *        {@code connectionUploadTimeout}); a body that stalls longer is refused with 408
 * @param maxUnreadBodyBytes the most of a body the server still reads (within the same time budget) after answering
 *        without needing it, to keep the connection open; with more, or slower, the connection is closed
 * @param uploadMaxBytes the body cap of the one upload route ({@link UploadRoute}) instead of
 *        {@code sundispatch.security.max-body-bytes}: the largest photo ({@code sundispatch.files.max-image-size})
 *        plus 64 KiB for the multipart framing. {@code spring.servlet.multipart.max-request-size} and
 *        {@code max-file-size} take the same value (application.yml), so a chunked body is cut off there too
 */
@ConfigurationProperties("sundispatch.security.transport")
public record TransportProperties(
        @DefaultValue("20") int maxConcurrentRequestsPerClient,
        @DefaultValue("PT10S") Duration requestBodyTimeout,
        @DefaultValue("PT5S") Duration uploadReadTimeout,
        @DefaultValue("1048576") long maxUnreadBodyBytes,
        @DefaultValue("10551296") long uploadMaxBytes) {

    public TransportProperties {
        if (maxConcurrentRequestsPerClient < 1) {
            throw new IllegalArgumentException(
                    "sundispatch.security.transport.max-concurrent-requests-per-client must be at least 1");
        }
        if (requestBodyTimeout.isNegative() || requestBodyTimeout.isZero()) {
            throw new IllegalArgumentException("sundispatch.security.transport.request-body-timeout must be positive");
        }
        if (uploadReadTimeout.toMillis() < 1 || uploadReadTimeout.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("sundispatch.security.transport.upload-read-timeout must be positive");
        }
        if (maxUnreadBodyBytes < 0) {
            throw new IllegalArgumentException("sundispatch.security.transport.max-unread-body-bytes must not be negative");
        }
        if (uploadMaxBytes < 65536) {
            throw new IllegalArgumentException("sundispatch.security.transport.upload-max-bytes must be at least 65536");
        }
    }
}
