package com.sundispatch.shared;

import java.util.List;
import java.util.function.Function;

import org.springframework.data.domain.Page;

/** The paged list shape of the API: {@code {"items":[...],"page":0,"size":20,"totalItems":N}}. */
public record PageResponse<T>(List<T> items, int page, int size, long totalItems) {

    public static <E, T> PageResponse<T> of(Page<E> page, Function<E, T> mapper) {
        return new PageResponse<>(page.getContent().stream().map(mapper).toList(), page.getNumber(), page.getSize(),
                page.getTotalElements());
    }
}
