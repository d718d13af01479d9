package com.sundispatch.security.internal;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.servlet.ServletException;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.coyote.ActionCode;

/**
 * After a response, Tomcat normally reads ("swallows") whatever is left of the request body so that the
 * connection can serve the next request. A client trickling that body one byte at a time would hold the worker
 * thread all that while, even after the request was refused (401, 413, 415, 429...). So: when the application has
 * answered without reading the whole body, the connection is closed instead (the answer is sent first).
 */
class NoSwallowValve extends ValveBase {

    NoSwallowValve() {
        super(true);
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        try {
            getNext().invoke(request, response);
        } finally {
            if (!request.isAsync()) {
                AtomicBoolean fullyRead = new AtomicBoolean(true);
                request.getCoyoteRequest().action(ActionCode.REQUEST_BODY_FULLY_READ, fullyRead);
                if (!fullyRead.get()) {
                    request.getCoyoteRequest().action(ActionCode.DISABLE_SWALLOW_INPUT, null);
                }
            }
        }
    }
}
