package com.sundispatch.shared;

/** The stable machine-readable {@code code} values of problem responses that more than one module uses. */
public final class ErrorCodes {

    public static final String VALIDATION_FAILED = "validation_failed";
    public static final String MALFORMED_JSON = "malformed_json";
    public static final String NOT_FOUND = "not_found";
    public static final String METHOD_NOT_ALLOWED = "method_not_allowed";
    public static final String UNSUPPORTED_MEDIA_TYPE = "unsupported_media_type";
    public static final String NOT_ACCEPTABLE = "not_acceptable";
    public static final String PAYLOAD_TOO_LARGE = "payload_too_large";
    /** A photo upload too large: the transport cap of the upload route (security) and the image policy (files). */
    public static final String FILE_TOO_LARGE = "file_too_large";
    public static final String BAD_REQUEST = "bad_request";
    public static final String UNAUTHORIZED = "unauthorized";
    public static final String INVALID_TOKEN = "invalid_token";
    public static final String FORBIDDEN = "forbidden";
    public static final String SERVER_BUSY = "server_busy";
    public static final String TOO_MANY_CONCURRENT_REQUESTS = "too_many_concurrent_requests";
    public static final String REQUEST_TIMEOUT = "request_timeout";
    public static final String MALFORMED_REQUEST = "malformed_request";
    public static final String INTERNAL_ERROR = "internal_error";

    private ErrorCodes() {
    }

    /** The code used when nothing more specific is known about an error of this HTTP status. */
    public static String forStatus(int status) {
        return switch (status) {
            case 400 -> BAD_REQUEST;
            case 401 -> UNAUTHORIZED;
            case 403 -> FORBIDDEN;
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 406 -> NOT_ACCEPTABLE;
            case 408 -> REQUEST_TIMEOUT;
            case 413 -> PAYLOAD_TOO_LARGE;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 429 -> "rate_limited";
            case 503 -> SERVER_BUSY;
            default -> status >= 500 ? INTERNAL_ERROR : BAD_REQUEST;
        };
    }
}
