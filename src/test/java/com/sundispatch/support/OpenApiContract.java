package com.sundispatch.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.CopyOnWriteArrayList;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Holds every HTTP exchange of the integration tests against the server's own {@code /v3/api-docs}, with
 * Atlassian's OpenAPI validator for statuses, media types, parameters and required fields, then
 * {@link OpenApiSchemas} (JSON Schema 2020-12) for the bodies' types and nullability, which Atlassian's validator
 * does not check in a 3.1 document. The document is fetched once per running server (port) from a loopback address
 * of its own, so the fetch never counts against the rate limits of the client address the tests use, and is
 * written to {@code target/openapi.json} (pretty, keys sorted) as the artefact clients are generated from.
 * <p>
 * What counts as a divergence:
 * <ul>
 * <li>any error in a response of a documented operation (status not documented, body or content type not as
 * documented);</li>
 * <li>an error in a request only when the server <em>accepted</em> it (2xx): a request the document forbids and
 * the server refuses is the two agreeing, which is what the many bad-input tests send on purpose;</li>
 * <li>a 2xx answer on an {@code /api} path or method the document does not have.</li>
 * </ul>
 * Divergences are collected per test ({@link #takeViolations()}) and for the whole run per operation, written to
 * {@code target/contract-violations.txt}.
 */
public final class OpenApiContract {

    public static final Path ARTEFACT = Path.of("target", "openapi.json");
    public static final Path REPORT = Path.of("target", "contract-violations.txt");

    /** The loopback source address the document is fetched from (distinct from the tests' 127.0.0.1). */
    private static final String FETCH_SOURCE = "127.0.0.77";

    private static final JsonMapper PRETTY = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private static final Map<Integer, String> DOCUMENTS = new ConcurrentHashMap<>();
    /**
     * Servers that serve no document: the prod profile switches {@code /v3/api-docs} off (a test starting the app
     * with it has nothing to be held to; the test profile's servers always serve it, which the lint ITs prove).
     */
    private static final Set<Integer> UNDOCUMENTED = ConcurrentHashMap.newKeySet();
    private static final Map<Integer, OpenApiInteractionValidator> VALIDATORS = new ConcurrentHashMap<>();
    private static final Map<Integer, OpenApiSchemas> SCHEMAS = new ConcurrentHashMap<>();
    private static final List<String> CURRENT = new CopyOnWriteArrayList<>();
    private static final Map<String, Set<String>> BY_OPERATION = new ConcurrentSkipListMap<>();

    static {
        // The report is this run's: a stale one from an earlier run would name divergences already fixed.
        try {
            Files.deleteIfExists(REPORT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private OpenApiContract() {
    }

    /** The server's document as it serves it, fetched once per port; also written to {@link #ARTEFACT}. */
    public static String document(int port) {
        return DOCUMENTS.computeIfAbsent(port, OpenApiContract::fetch);
    }

    /** Whether the server on {@code port} serves a document at all (the prod profile does not). */
    private static boolean servesDocument(int port) {
        if (UNDOCUMENTED.contains(port)) {
            return false;
        }
        try {
            document(port);
            return true;
        } catch (IllegalStateException e) {
            if (UNDOCUMENTED.contains(port)) {
                return false;
            }
            throw e;
        }
    }

    /** The document parsed as a tree. */
    public static JsonNode documentTree(int port) {
        return Api.JSON.readTree(document(port));
    }

    private static String fetch(int port) {
        try (RawHttp http = RawHttp.connect(FETCH_SOURCE, port)) {
            http.send("GET /v3/api-docs HTTP/1.1\r\nHost: localhost:" + port
                    + "\r\nAccept: application/json\r\nConnection: close\r\n\r\n");
            RawHttp.Response r = http.awaitResponse(30_000);
            if (r != null && r.status() == 404) {
                UNDOCUMENTED.add(port);
                throw new IllegalStateException("GET /v3/api-docs answered 404: this server serves no document");
            }
            if (r == null || r.status() != 200) {
                throw new IllegalStateException("GET /v3/api-docs answered " + (r == null ? "nothing" : r.status()
                        + " " + r.body()));
            }
            writeArtefact(r.body());
            return r.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Pretty JSON with every object's keys sorted: the same document gives the same bytes, so diffs are real. */
    static String stable(String json) {
        return PRETTY.writeValueAsString(sorted(Api.JSON.readTree(json)));
    }

    private static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            Map<String, JsonNode> fields = new TreeMap<>();
            node.properties().forEach(e -> fields.put(e.getKey(), sorted(e.getValue())));
            ObjectNode out = Api.JSON.createObjectNode();
            fields.forEach(out::set);
            return out;
        }
        if (node.isArray()) {
            var out = Api.JSON.createArrayNode();
            node.forEach(child -> out.add(sorted(child)));
            return out;
        }
        return node;
    }

    private static synchronized void writeArtefact(String json) {
        try {
            Files.createDirectories(ARTEFACT.getParent());
            Files.writeString(ARTEFACT, stable(json) + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static OpenApiInteractionValidator validator(int port) {
        return VALIDATORS.computeIfAbsent(port,
                p -> OpenApiInteractionValidator.createForInlineApiSpecification(document(p)).build());
    }

    /**
     * Checks one exchange. {@code requestBody} null means none; {@code checkRequest} false checks the answer only
     * (deliberately malformed attack requests, multipart uploads).
     */
    public static List<String> check(int port, String method, String pathAndQuery, Map<String, String> requestHeaders,
            String requestBody, HttpResponse<String> response, boolean checkRequest) {
        URI uri = URI.create(pathAndQuery.startsWith("/") ? pathAndQuery : "/" + pathAndQuery);
        String path = uri.getRawPath();
        // HEAD is GET without a body (RFC 9110 section 9.3.2): the document describes GET, which HEAD follows.
        if (path == null || !path.startsWith("/api/") || response == null || "HEAD".equals(method)
                || !servesDocument(port)) {
            return List.of();
        }
        SimpleRequest.Builder request = new SimpleRequest.Builder(method, path);
        requestHeaders.forEach(request::withHeader);
        if (requestBody != null) {
            request.withBody(requestBody);
        }
        String query = uri.getRawQuery();
        if (query != null) {
            Map<String, List<String>> params = new TreeMap<>();
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                String key = decode(eq < 0 ? pair : pair.substring(0, eq));
                params.computeIfAbsent(key, k -> new ArrayList<>()).add(eq < 0 ? "" : decode(pair.substring(eq + 1)));
            }
            params.forEach(request::withQueryParam);
        }
        SimpleResponse.Builder answer = new SimpleResponse.Builder(response.statusCode());
        response.headers().map().forEach((name, values) -> {
            if (!name.startsWith(":")) {
                answer.withHeader(name, values);
            }
        });
        String body = response.body();
        if (body != null && !body.isEmpty()) {
            answer.withBody(body);
        }
        ValidationReport report = validator(port).validate(request.build(), answer.build());
        int status = response.statusCode();
        boolean accepted = status >= 200 && status < 300;
        List<String> found = new ArrayList<>();
        for (ValidationReport.Message m : report.getMessages()) {
            if (m.getLevel() != ValidationReport.Level.ERROR) {
                continue;
            }
            String key = m.getKey();
            if (key.endsWith(".schema.pattern") && m.getMessage().contains("\\p{")) {
                // The validator checks patterns as ECMA 262 regexes, which know no Unicode classes (\p{L}); the
                // server's Java patterns with them are checked by the server and by the bad-input tests.
                continue;
            }
            boolean requestSide = key.startsWith("validation.request.");
            if (requestSide && !(accepted && (checkRequest || key.equals("validation.request.path.missing")
                    || key.equals("validation.request.operation.notAllowed")))) {
                continue;
            }
            String operation = m.getContext().flatMap(ValidationReport.MessageContext::getApiOperation)
                    .map(o -> o.getMethod() + " " + o.getApiPath().original()).orElse(method + " " + path);
            record(found, operation, status, key, m.getMessage());
        }
        // Atlassian's validator ignores type and nullability in a 3.1 document; JSON Schema 2020-12 does not.
        OpenApiSchemas schemas = SCHEMAS.computeIfAbsent(port, p -> new OpenApiSchemas(document(p)));
        String responseType = response.headers().firstValue("Content-Type").orElse(null);
        for (OpenApiSchemas.Divergence d : schemas.checkResponse(method, path, status, responseType, body)) {
            record(found, d.operation(), status, d.key(), d.message());
        }
        if (accepted && checkRequest && requestBody != null) {
            String requestType = requestHeaders.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase("Content-Type")).map(Map.Entry::getValue)
                    .findFirst().orElse(null);
            for (OpenApiSchemas.Divergence d : schemas.checkRequest(method, path, requestType, requestBody)) {
                record(found, d.operation(), status, d.key(), d.message());
            }
        }
        if (!found.isEmpty()) {
            CURRENT.addAll(found);
            writeReport();
        }
        return found;
    }

    private static void record(List<String> found, String operation, int status, String key, String message) {
        String text = status + ": [" + key + "] " + message.replace('\n', ' ');
        found.add(operation + " -> " + text);
        BY_OPERATION.computeIfAbsent(operation, o -> new ConcurrentSkipListSet<>()).add(text);
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    /** The divergences seen since the last call (one test's worth), and forgets them. */
    public static synchronized List<String> takeViolations() {
        List<String> taken = new ArrayList<>(CURRENT);
        CURRENT.clear();
        return taken;
    }

    /** Every divergence of this run, per documented operation. */
    public static Map<String, Collection<String>> violationsByOperation() {
        return new TreeMap<>(BY_OPERATION);
    }

    private static synchronized void writeReport() {
        StringBuilder out = new StringBuilder();
        BY_OPERATION.forEach((operation, messages) -> {
            out.append(operation).append('\n');
            messages.forEach(m -> out.append("    ").append(m).append('\n'));
        });
        try {
            Files.createDirectories(REPORT.getParent());
            Files.writeString(REPORT, out.toString(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
