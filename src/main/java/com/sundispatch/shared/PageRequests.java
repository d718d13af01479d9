package com.sundispatch.shared;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;

/** Turns the API's {@code page}/{@code size} query parameters into a bounded page request. */
public final class PageRequests {

    public static final int MAX_SIZE = 100;
    public static final int DEFAULT_SIZE = 20;

    private PageRequests() {
    }

    /** Size is capped at {@value #MAX_SIZE} so no client can ask the database for an unbounded page. */
    public static PageRequest of(Integer page, Integer size, Sort sort) {
        int p = page == null ? 0 : page;
        int s = size == null ? DEFAULT_SIZE : size;
        if (p < 0 || p > 100_000) {
            throw ApiException.validation("page", "must be between 0 and 100000");
        }
        if (s < 1) {
            throw ApiException.validation("size", "must be at least 1");
        }
        return PageRequest.of(p, Math.min(s, MAX_SIZE), sort);
    }
}
