package com.sundispatch.security.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.cors.DefaultCorsProcessor;

/** A refused cross-origin request gets 403 problem+json, and no CORS header at all. */
class ProblemCorsProcessor extends DefaultCorsProcessor {

    @Override
    protected void rejectRequest(ServerHttpResponse response) throws IOException {
        response.setStatusCode(HttpStatus.FORBIDDEN);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        response.getBody().write(("{\"type\":\"urn:sundispatch:problem:cors_rejected\",\"title\":\"Forbidden\","
                + "\"status\":403,\"detail\":\"This origin may not call the API.\",\"code\":\"cors_rejected\"}")
                .getBytes(StandardCharsets.UTF_8));
        response.flush();
    }
}
