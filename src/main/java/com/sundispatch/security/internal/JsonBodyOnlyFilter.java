package com.sundispatch.security.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import com.sundispatch.shared.ErrorCodes;
import com.sundispatch.shared.Problems;

/**
 * The API reads JSON and nothing else. Any request that carries a body must say {@code application/json} (UTF-8:
 * no charset, or charset=UTF-8); every other type, a missing type, or another charset is 415
 * {@code unsupported_media_type} before a byte of the body is read. Otherwise a parser that happens to be on the
 * class path (YAML, XML, forms...) would read it with rules other than the strict JSON ones. The body itself must
 * then be well-formed UTF-8 ({@link Utf8ValidatingInputStream}).
 * <p>
 * The one exception is the photo upload route ({@link UploadRoute}): there a body must be
 * {@code multipart/form-data} with a boundary, and nothing else. A multipart type anywhere else is refused even
 * without a body, so Spring's multipart parser never runs outside that route.
 */
class JsonBodyOnlyFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (UploadRoute.matches(request)) {
            if (hasBody(request) && !isMultipartFormData(request.getContentType())) {
                Problems.write(request, response, HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                        ErrorCodes.UNSUPPORTED_MEDIA_TYPE, "Upload photos as multipart/form-data.");
                return;
            }
            chain.doFilter(request, response);
            return;
        }
        if (isMultipart(request.getContentType())) {
            Problems.write(request, response, HttpStatus.UNSUPPORTED_MEDIA_TYPE, ErrorCodes.UNSUPPORTED_MEDIA_TYPE,
                    "This content type is not supported; send application/json (UTF-8).");
            return;
        }
        if (!hasBody(request)) {
            chain.doFilter(request, response);
            return;
        }
        if (!isUtf8Json(request.getContentType())) {
            Problems.write(request, response, HttpStatus.UNSUPPORTED_MEDIA_TYPE, ErrorCodes.UNSUPPORTED_MEDIA_TYPE,
                    "This content type is not supported; send application/json (UTF-8).");
            return;
        }
        chain.doFilter(new Utf8Request(request), response);
    }

    private static boolean hasBody(HttpServletRequest request) {
        return request.getContentLengthLong() > 0 || request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null;
    }

    /** multipart/form-data with a boundary parameter: what the upload route's multipart parser reads. */
    static boolean isMultipartFormData(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return false;
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            String boundary = type.getParameter("boundary");
            return MediaType.MULTIPART_FORM_DATA.equalsTypeAndSubtype(type) && boundary != null && !boundary.isBlank();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * Any multipart type, also one too broken to parse: the servlet container decides "multipart" from the raw
     * header's start, so the check does too.
     */
    static boolean isMultipart(String contentType) {
        return contentType != null
                && contentType.stripLeading().regionMatches(true, 0, "multipart/", 0, "multipart/".length());
    }

    static boolean isUtf8Json(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return false;
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            if (!MediaType.APPLICATION_JSON.equalsTypeAndSubtype(type)) {
                return false;
            }
            // RFC 8259: JSON between systems is UTF-8. Another charset would decode the same bytes differently.
            Charset charset = type.getCharset();
            return charset == null || charset.equals(StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            // An unparsable type (InvalidMediaTypeException) or an unknown or illegal charset name.
            return false;
        }
    }

    /** The body as it is, read through the UTF-8 check. */
    private static final class Utf8Request extends HttpServletRequestWrapper {

        private ServletInputStream stream;

        Utf8Request(HttpServletRequest request) {
            super(request);
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new Utf8ValidatingInputStream(super.getInputStream());
            }
            return stream;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }
    }
}
