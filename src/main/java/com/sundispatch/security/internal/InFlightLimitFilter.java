package com.sundispatch.security.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.SocketTimeoutException;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import com.sundispatch.security.ClientIpResolver;
import com.sundispatch.security.ClientKeys;
import com.sundispatch.shared.ErrorCodes;
import com.sundispatch.shared.Problems;
import com.sundispatch.shared.RequestBodyTimeoutException;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The first line against slow and greedy clients (API4): at most N requests of one client address in progress at
 * once, counted before anything reads a body, and a time budget for receiving the whole request body. Without it a few hundred
 * connections from one address, each trickling a body one byte at a time, hold every worker thread.
 * <p>
 * A refused request is answered at once with {@code Connection: close}; {@link NoSwallowValve} then makes Tomcat
 * close the connection instead of waiting for the rest of the trickling body.
 */
class InFlightLimitFilter extends OncePerRequestFilter {

    private final ClientIpResolver clientIp;
    private final ClientKeys clientKeys;
    private final int maxPerClient;
    private final long bodyTimeoutNanos;
    private final long drainLimit;
    private final Counter refused;
    /** In-progress counts per client; an entry lives only while that client has a request in progress. */
    private final ConcurrentHashMap<String, Integer> inFlight = new ConcurrentHashMap<>();

    InFlightLimitFilter(ClientIpResolver clientIp, ClientKeys clientKeys, TransportProperties properties,
            MeterRegistry meters) {
        this.clientIp = clientIp;
        this.clientKeys = clientKeys;
        this.maxPerClient = properties.maxConcurrentRequestsPerClient();
        this.bodyTimeoutNanos = properties.requestBodyTimeout().toNanos();
        this.drainLimit = properties.maxUnreadBodyBytes();
        this.refused = Counter.builder("sundispatch.requests.too_many_concurrent")
                .description("Requests refused because their client had too many in progress").register(meters);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // The same key as every other per-address control (an IPv6 client counts per /64).
        String client = clientKeys.key(clientIp.resolve(request));
        if (!acquire(client)) {
            refused.increment();
            response.setHeader(HttpHeaders.RETRY_AFTER, "1");
            // The body of a refused request is never read: the connection ends with this answer.
            response.setHeader(HttpHeaders.CONNECTION, "close");
            Problems.write(request, response, HttpStatus.TOO_MANY_REQUESTS, ErrorCodes.TOO_MANY_CONCURRENT_REQUESTS,
                    "Too many requests from your address are in progress. Wait for them to finish and try again.");
            return;
        }
        DeadlineRequest bounded = new DeadlineRequest(request, bodyTimeoutNanos);
        try {
            chain.doFilter(bounded, response);
        } finally {
            try {
                drainUnreadBody(bounded);
            } finally {
                release(client);
            }
        }
    }

    /**
     * A body the application did not read (refused before reading: 401, 413, 415...) is read to its end here,
     * within the same time budget and still counted against the client, so that an ordinary client's connection
     * stays usable. Tomcat would otherwise do it after this filter, with no deadline and outside the count. A body
     * that is too big or does not arrive in time is left: {@link NoSwallowValve} then closes the connection.
     */
    private void drainUnreadBody(DeadlineRequest request) {
        if (request.isAsyncStarted() || request.getContentLengthLong() > drainLimit) {
            return;
        }
        try {
            ServletInputStream in = request.getInputStream();
            if (in.isFinished()) {
                return;
            }
            byte[] buffer = new byte[8192];
            long total = 0;
            int n;
            while ((n = in.read(buffer, 0, buffer.length)) != -1) {
                total += n;
                if (total > drainLimit) {
                    return;
                }
            }
        } catch (IOException | IllegalStateException ignored) {
            // Too slow, gone, or read through a reader: the connection is closed instead of kept.
        }
    }

    private boolean acquire(String client) {
        boolean[] admitted = {false};
        inFlight.compute(client, (key, count) -> {
            int current = count == null ? 0 : count;
            if (current >= maxPerClient) {
                return count;
            }
            admitted[0] = true;
            return current + 1;
        });
        return admitted[0];
    }

    private void release(String client) {
        inFlight.computeIfPresent(client, (key, count) -> count <= 1 ? null : count - 1);
    }


    /** The request with a body that must arrive within its time budget. */
    private static final class DeadlineRequest extends HttpServletRequestWrapper {

        private final long budgetNanos;
        private ServletInputStream stream;

        DeadlineRequest(HttpServletRequest request, long budgetNanos) {
            super(request);
            this.budgetNanos = budgetNanos;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new DeadlineStream(super.getInputStream(), budgetNanos);
            }
            return stream;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            String encoding = getCharacterEncoding() == null ? "UTF-8" : getCharacterEncoding();
            return new BufferedReader(new InputStreamReader(getInputStream(), encoding));
        }
    }

    /**
     * Counts the time spent waiting for body bytes (the client's share: the server's own work between reads, or
     * before the first, costs the client nothing) and refuses to read on once the budget is spent; Tomcat's read
     * timeout (a stalled body) gets the same answer. A single read blocks at most {@code upload-read-timeout}, so a
     * worker thread is held at most {@code request-body-timeout + upload-read-timeout} by any body. Measured with
     * the monotonic clock: a transport timeout, not a business rule.
     */
    private static final class DeadlineStream extends ServletInputStream {

        private final ServletInputStream delegate;
        private final long budgetNanos;
        private long waitedNanos;

        DeadlineStream(ServletInputStream delegate, long budgetNanos) {
            this.delegate = delegate;
            this.budgetNanos = budgetNanos;
        }

        @Override
        public int read() throws IOException {
            checkBudget();
            long start = System.nanoTime();
            try {
                return delegate.read();
            } catch (IOException e) {
                throw translate(e);
            } finally {
                waitedNanos += System.nanoTime() - start;
            }
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            checkBudget();
            long start = System.nanoTime();
            try {
                return delegate.read(buf, off, len);
            } catch (IOException e) {
                throw translate(e);
            } finally {
                waitedNanos += System.nanoTime() - start;
            }
        }

        private void checkBudget() throws RequestBodyTimeoutException {
            if (waitedNanos > budgetNanos) {
                throw new RequestBodyTimeoutException();
            }
        }

        private IOException translate(IOException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof SocketTimeoutException) {
                    return new RequestBodyTimeoutException();
                }
            }
            return e;
        }

        @Override
        public boolean isFinished() {
            return delegate.isFinished();
        }

        @Override
        public boolean isReady() {
            return delegate.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            delegate.setReadListener(listener);
        }
    }
}
