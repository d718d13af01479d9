package com.sundispatch.shared;

import java.io.IOException;

/** Thrown while reading a request body that grows past its cap; it becomes a 413 problem. */
public class BodyTooLargeException extends IOException {

    public BodyTooLargeException(long limit) {
        super("Request body larger than " + limit + " bytes");
    }
}
