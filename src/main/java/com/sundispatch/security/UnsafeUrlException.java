package com.sundispatch.security;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;

import com.sundispatch.shared.ApiException;

/**
 * A URL the server refuses to call (400 {@code unsafe_url}). The client always gets the same answer, whatever
 * rule was broken: saying "does not resolve" or "resolves to a private address" would let anyone map the
 * internal DNS. The rule and its detail are kept for the log and the audit trail only ({@link #rule()},
 * {@link #reason()}).
 */
public class UnsafeUrlException extends ApiException {

    /** The one answer for every refused destination. */
    public static final String PUBLIC_DETAIL = "This URL cannot be used. Use a public https URL on the default "
            + "port, without user name or password.";

    static final String FIELD_MESSAGE = "must be a public https URL on the default port, without user name or "
            + "password";

    private final String rule;
    private final String reason;

    public UnsafeUrlException(String rule, String reason) {
        super(HttpStatus.BAD_REQUEST, "unsafe_url", PUBLIC_DETAIL, List.of(new FieldProblem("url", FIELD_MESSAGE)),
                Map.of());
        this.rule = rule;
        this.reason = reason;
    }

    /** The broken rule (e.g. {@code public_address}); for logs and audit only, never for the client. */
    public String rule() {
        return rule;
    }

    /** What exactly was wrong; for logs and audit only, never for the client. */
    public String reason() {
        return reason;
    }
}
