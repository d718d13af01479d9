package com.sundispatch.security.internal;

import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The one route that takes a multipart body: {@code POST /api/v1/installer/jobs/{jobId}/photos} (docs/installation.md).
 * It alone gets the upload body cap ({@code sundispatch.security.transport.upload-max-bytes}) and may send
 * {@code multipart/form-data}; every other request keeps the 64 KiB cap and JSON only. The match is on the raw
 * request URI, exactly: a path parameter ({@code ;x=y}), an encoded character, a trailing slash or a context path
 * does not match, so such a request simply gets the strict rules of every other route.
 */
final class UploadRoute {

    static final String PATTERN = "/api/v1/installer/jobs/{jobId}/photos";

    /** Job ids are random identifiers (UUIDs today); nothing that could hide a '/' or a '.' segment. */
    private static final Pattern URI = Pattern.compile("/api/v1/installer/jobs/[A-Za-z0-9_-]{1,64}/photos");

    private UploadRoute() {
    }

    static boolean matches(HttpServletRequest request) {
        String uri = request.getRequestURI();
        return "POST".equals(request.getMethod()) && uri != null && URI.matcher(uri).matches();
    }
}
