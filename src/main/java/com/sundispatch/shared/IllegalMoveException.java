package com.sundispatch.shared;

import java.util.Locale;

import org.springframework.http.HttpStatus;

/**
 * A life-cycle move its state machine does not allow. It is an {@link ApiException} (409 {@code invalid_state})
 * so that an illegal move attempted anywhere answers the same way, and nothing is written.
 */
public class IllegalMoveException extends ApiException {

    private static final long serialVersionUID = 1L;

    public IllegalMoveException(String aggregate, Enum<?> from, Enum<?> to, Actor actor) {
        super(HttpStatus.CONFLICT, "invalid_state", "This " + aggregate + " cannot go from " + from + " to " + to
                + (actor == null ? "" : " by " + actor.name().toLowerCase(Locale.ROOT)) + ".");
    }
}
