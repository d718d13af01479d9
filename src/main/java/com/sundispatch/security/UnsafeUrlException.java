package com.sundispatch.security;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;

import com.sundispatch.shared.ApiException;

/** A URL the server refuses to call, with the rule it broke (400 {@code unsafe_url}). */
public class UnsafeUrlException extends ApiException {

    private final String rule;

    public UnsafeUrlException(String rule, String detail) {
        super(HttpStatus.BAD_REQUEST, "unsafe_url", "This URL cannot be used: " + detail + " (rule: " + rule + ")",
                List.of(new FieldProblem("url", rule)), Map.of());
        this.rule = rule;
    }

    public String rule() {
        return rule;
    }
}
