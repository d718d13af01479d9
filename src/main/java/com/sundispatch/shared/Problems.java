package com.sundispatch.shared;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

import tools.jackson.databind.json.JsonMapper;

/**
 * Builds RFC 9457 problem bodies the same way everywhere: in MVC advice, in servlet filters and in the
 * security entry points, which run before MVC and would otherwise answer with framework defaults.
 */
public final class Problems {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Problems() {
    }

    public static ProblemDetail of(HttpStatus status, String code, String detail, String instance) {
        return of(status.value(), code, detail, instance, List.of());
    }

    public static ProblemDetail of(int status, String code, String detail, String instance,
            List<ApiException.FieldProblem> errors) {
        ProblemDetail problem = ProblemDetail.forStatus(status);
        HttpStatus known = HttpStatus.resolve(status);
        problem.setTitle(known != null ? known.getReasonPhrase() : "Error");
        problem.setType(URI.create("urn:sundispatch:problem:" + code));
        problem.setDetail(detail);
        if (instance != null) {
            problem.setInstance(URI.create(safePath(instance)));
        }
        problem.setProperty("code", code);
        if (!errors.isEmpty()) {
            problem.setProperty("errors", errors.stream()
                    .map(e -> Map.of("field", e.field(), "message", e.message()))
                    .toList());
        }
        return problem;
    }

    /** Writes a problem straight to the servlet response, for code that runs outside Spring MVC. */
    public static void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status,
            String code, String detail) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        ProblemDetail problem = of(status, code, detail, request.getRequestURI());
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        // Written, not closed: closing the response stream also closes the request body, and the connection could
        // then not be kept (the unread rest of a refused body can no longer be read past).
        response.getOutputStream().write(JSON.writeValueAsBytes(problemAsMap(problem)));
    }

    private static Map<String, Object> problemAsMap(ProblemDetail p) {
        var map = new java.util.LinkedHashMap<String, Object>();
        map.put("type", p.getType().toString());
        map.put("title", p.getTitle());
        map.put("status", p.getStatus());
        map.put("detail", p.getDetail());
        if (p.getInstance() != null) {
            map.put("instance", p.getInstance().toString());
        }
        if (p.getProperties() != null) {
            map.putAll(p.getProperties());
        }
        return map;
    }

    /** The instance is echoed to the client: keep it to plain path characters so it cannot carry markup. */
    private static String safePath(String path) {
        String cleaned = path.replaceAll("[^A-Za-z0-9/_.\\-~]", "_");
        return cleaned.length() > 200 ? cleaned.substring(0, 200) : cleaned;
    }
}
