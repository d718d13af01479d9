package com.sundispatch.shared;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.http.HttpStatus;

/**
 * A failure that the client caused or must be told about. It becomes an RFC 9457 problem with a stable
 * {@code code}; the message is shown to the client, so it must never carry internals.
 */
public class ApiException extends RuntimeException {

    private static final Set<String> RESERVED = Set.of("type", "title", "status", "detail", "instance", "code",
            "errors");

    private final HttpStatus status;
    private final String code;
    private final List<FieldProblem> errors;
    private final Map<String, String> headers;
    /** Extension members of the problem (RFC 9457 section 3.2), e.g. {@code suggestions}; insertion-ordered. */
    private final Map<String, Object> properties = new LinkedHashMap<>();

    public ApiException(HttpStatus status, String code, String detail) {
        this(status, code, detail, List.of(), Map.of());
    }

    public ApiException(HttpStatus status, String code, String detail, List<FieldProblem> errors,
            Map<String, String> headers) {
        super(detail, null, false, false);
        this.status = status;
        this.code = code;
        this.errors = List.copyOf(errors);
        this.headers = Map.copyOf(headers);
    }

    public static ApiException badRequest(String code, String detail) {
        return new ApiException(HttpStatus.BAD_REQUEST, code, detail);
    }

    public static ApiException validation(String field, String message) {
        return new ApiException(HttpStatus.BAD_REQUEST, ErrorCodes.VALIDATION_FAILED, "The request is not valid.",
                List.of(new FieldProblem(field, message)), Map.of());
    }

    public static ApiException unauthorized(String code, String detail) {
        return new ApiException(HttpStatus.UNAUTHORIZED, code, detail);
    }

    public static ApiException forbidden(String code, String detail) {
        return new ApiException(HttpStatus.FORBIDDEN, code, detail);
    }

    public static ApiException notFound(String detail) {
        return new ApiException(HttpStatus.NOT_FOUND, ErrorCodes.NOT_FOUND, detail);
    }

    public static ApiException conflict(String code, String detail) {
        return new ApiException(HttpStatus.CONFLICT, code, detail);
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    public List<FieldProblem> errors() {
        return errors;
    }

    public Map<String, String> headers() {
        return headers;
    }

    /** The problem's extension members, as added with {@link #with}. */
    public Map<String, Object> properties() {
        return Collections.unmodifiableMap(properties);
    }

    /**
     * Adds an extension member to the problem ({@code suggestions}, ...). The standard members and {@code code}
     * and {@code errors} cannot be replaced this way. Returns this exception, for chaining at the throw site.
     */
    public final ApiException with(String name, Object value) {
        if (RESERVED.contains(name)) {
            throw new IllegalArgumentException("'" + name + "' is a reserved problem member");
        }
        properties.put(name, value);
        return this;
    }

    /** One invalid field of a request, as shown in a problem's {@code errors} array. */
    public record FieldProblem(String field, String message) {
    }
}
