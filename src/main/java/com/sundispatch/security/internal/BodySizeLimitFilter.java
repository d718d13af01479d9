package com.sundispatch.security.internal;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import com.sundispatch.shared.BodyTooLargeException;
import com.sundispatch.shared.ErrorCodes;
import com.sundispatch.shared.Problems;

/**
 * Caps every request body (API4: unbounded resource consumption). A declared Content-Length over the cap
 * is refused before a byte is read; a chunked body is cut off as soon as it crosses the cap.
 * <p>
 * The photo upload route ({@link UploadRoute}) has its own, larger cap; over it the answer is 413
 * {@code file_too_large}, the code the image policy gives a photo over its size. Tomcat parses multipart bodies
 * from its own stream, not through this wrapper, so for a chunked upload the same number is enforced by
 * {@code spring.servlet.multipart.max-request-size} (413 {@code file_too_large} from {@code ProblemAdvice}).
 */
class BodySizeLimitFilter extends OncePerRequestFilter {

    private final long limit;
    private final long uploadLimit;

    BodySizeLimitFilter(long limit, long uploadLimit) {
        this.limit = limit;
        this.uploadLimit = uploadLimit;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean upload = UploadRoute.matches(request);
        long cap = upload ? uploadLimit : limit;
        if (request.getContentLengthLong() > cap) {
            if (upload) {
                Problems.write(request, response, HttpStatus.CONTENT_TOO_LARGE, ErrorCodes.FILE_TOO_LARGE,
                        "The upload is too large (at most " + cap + " bytes with its multipart framing).");
            } else {
                Problems.write(request, response, HttpStatus.CONTENT_TOO_LARGE, ErrorCodes.PAYLOAD_TOO_LARGE,
                        "The request body is too large (at most " + cap + " bytes).");
            }
            return;
        }
        chain.doFilter(new LimitedRequest(request, cap), response);
    }

    private static final class LimitedRequest extends HttpServletRequestWrapper {

        private final long limit;
        private ServletInputStream stream;

        LimitedRequest(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public java.io.BufferedReader getReader() throws IOException {
            String encoding = getCharacterEncoding() == null ? "UTF-8" : getCharacterEncoding();
            return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(), encoding));
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new LimitedStream(super.getInputStream(), limit);
            }
            return stream;
        }
    }

    private static final class LimitedStream extends ServletInputStream {

        private final ServletInputStream delegate;
        private final long limit;
        private long count;

        LimitedStream(ServletInputStream delegate, long limit) {
            this.delegate = delegate;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = delegate.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            int n = delegate.read(buf, off, len);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws IOException {
            count += n;
            if (count > limit) {
                throw new BodyTooLargeException(limit);
            }
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
