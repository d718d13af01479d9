package com.sundispatch.shared;

import java.io.IOException;

/** Thrown while reading a request body that arrives too slowly or stalls; it becomes a 408 problem. */
public class RequestBodyTimeoutException extends IOException {

    public RequestBodyTimeoutException() {
        super("Request body not received in time");
    }
}
