package com.sundispatch.identity.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The pool that finishes registrations and reset requests after the answer ({@code
 * sundispatch.identity.account-work.*}): threads, and how many requests may wait before new ones get 503.
 */
@ConfigurationProperties("sundispatch.identity.account-work")
public record AccountWorkProperties(@DefaultValue("2") int threads, @DefaultValue("200") int queue) {

    public AccountWorkProperties {
        if (threads < 1 || queue < 1) {
            throw new IllegalArgumentException("sundispatch.identity.account-work threads and queue must be >= 1");
        }
    }
}
