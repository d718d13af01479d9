package com.sundispatch.security.internal;

import java.io.IOException;
import java.io.Writer;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

import com.sundispatch.shared.ErrorCodes;

/**
 * Errors that Tomcat answers itself (malformed URIs, encoded slashes, oversized headers) as a fixed RFC 9457
 * body with the security headers, instead of Tomcat's HTML page.
 */
class ProblemErrorReportValve extends ErrorReportValve {

    private final String contentSecurityPolicy;

    ProblemErrorReportValve(String contentSecurityPolicy) {
        this.contentSecurityPolicy = contentSecurityPolicy;
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        try {
            BaselineHeadersFilter.apply(response, contentSecurityPolicy);
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            // Tomcat answers 400 itself only for requests it cannot parse (broken encoding, encoded slash...).
            String code = status == 400 ? ErrorCodes.MALFORMED_REQUEST : ErrorCodes.forStatus(status);
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write("{\"type\":\"urn:sundispatch:problem:" + code + "\",\"title\":\"Error\",\"status\":"
                        + status + ",\"detail\":\"The request could not be processed.\",\"code\":\"" + code + "\"}");
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException ignored) {
            // The client is gone or the response was committed meanwhile: nothing more to say.
        }
    }
}
