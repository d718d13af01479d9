package com.sundispatch.support;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Holds JSON bodies to the schemas an OpenAPI 3.1 document gives them, as full JSON Schema 2020-12 (the OpenAPI 3.1
 * dialect, so {@code discriminator}, {@code example}, {@code xml} and {@code externalDocs} are known annotations,
 * not errors). Atlassian's validator, which {@link OpenApiContract} runs first, checks the rest of the exchange but
 * ignores {@code type} in a 3.1 document: {@code {"n":"text"}} passes where an integer is documented, and so does a
 * null where the document says {@code type: string}. This class is what catches those.
 * <p>
 * The document is registered as one schema resource, so {@code $ref: #/components/schemas/...} resolves against the
 * whole document exactly as a client generator reads it. Each body schema is copied under a synthetic top-level key
 * of that resource and addressed by a plain JSON pointer to it: the real pointer would run through path templates
 * ({@code ~1api~1v1~1orders~1{id}}) whose braces are not valid in a URI fragment.
 */
public final class OpenApiSchemas {

    /** Where the document lives for the validator: never fetched, the registry is handed its text. */
    static final String DOCUMENT_IRI = "https://contract.sundispatch.invalid/v3/api-docs";

    private static final String BODIES = "x-contract-bodies";

    /** One divergence: the documented operation ({@code GET /api/v1/orders/{id}}), a stable key and the message. */
    public record Divergence(String operation, String key, String message) {
    }

    private record Template(String method, String path, Pattern pattern, int literals) {
    }

    private final List<Template> templates = new ArrayList<>();
    private final Map<String, String> bodyKeys = new ConcurrentHashMap<>();
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();
    private final SchemaRegistry registry;

    public OpenApiSchemas(String documentJson) {
        JsonNode document = Api.JSON.readTree(documentJson);
        ObjectNode resource = ((ObjectNode) document).deepCopy();
        ObjectNode bodies = resource.putObject(BODIES);
        JsonNode paths = document.path("paths");
        paths.properties().forEach(path -> path.getValue().properties().forEach(op -> {
            JsonNode operation = op.getValue();
            if (!operation.isObject() || !operation.has("responses")) {
                return;
            }
            String method = op.getKey().toUpperCase(Locale.ROOT);
            templates.add(template(method, path.getKey()));
            resolve(document, operation.path("requestBody")).path("content").properties().forEach(media -> register(
                    bodies, key(method, path.getKey(), "request", media.getKey()), media.getValue().get("schema")));
            operation.path("responses").properties().forEach(status -> resolve(document, status.getValue())
                    .path("content").properties().forEach(media -> register(bodies, key(method, path.getKey(),
                            status.getKey(), media.getKey()), media.getValue().get("schema"))));
        }));
        // Most literal segments first: /api/v1/orders/mine wins over /api/v1/orders/{id}, as Spring routes them.
        templates.sort(Comparator.comparingInt(Template::literals).reversed());
        this.registry = SchemaRegistry.withDialect(Dialects.getOpenApi31(),
                builder -> builder.schemas(Map.of(DOCUMENT_IRI, Api.JSON.writeValueAsString(resource))));
    }

    /**
     * A response or request body given as {@code $ref: #/components/responses/BadRequest}: the object it names
     * (the shared error answers are all written so, and their problem bodies are held to the Problem schema too).
     */
    private static JsonNode resolve(JsonNode document, JsonNode node) {
        JsonNode current = node;
        for (int hops = 0; hops < 8 && current.has("$ref"); hops++) {
            String ref = current.get("$ref").asString();
            if (!ref.startsWith("#/")) {
                throw new IllegalArgumentException("only local references are resolved: " + ref);
            }
            current = document.at(ref.substring(1));
        }
        return current;
    }

    private void register(ObjectNode bodies, String key, JsonNode schema) {
        if (schema == null || schema.isMissingNode()) {
            return;
        }
        String name = "b" + bodyKeys.size();
        bodyKeys.put(key, name);
        bodies.set(name, schema);
    }

    private static String key(String method, String path, String status, String mediaType) {
        return method + " " + path + " " + status + " " + mediaType.toLowerCase(Locale.ROOT);
    }

    private static Template template(String method, String path) {
        StringBuilder regex = new StringBuilder();
        int literals = 0;
        for (String segment : path.substring(1).split("/", -1)) {
            regex.append('/');
            if (segment.startsWith("{") && segment.endsWith("}")) {
                regex.append("[^/]+");
            } else {
                regex.append(Pattern.quote(segment));
                literals++;
            }
        }
        return new Template(method, path, Pattern.compile(regex.toString()), literals);
    }

    /** The documented path template a request path is routed to, if the document has that method and path. */
    Optional<String> operationPath(String method, String path) {
        String m = method.toUpperCase(Locale.ROOT);
        return templates.stream().filter(t -> t.method().equals(m) && t.pattern().matcher(path).matches())
                .map(Template::path).findFirst();
    }

    /**
     * The divergences of a response body from the schema documented for its operation, status and media type. A
     * status, media type or operation the document does not have is Atlassian's finding, not repeated here; so is a
     * body that is not JSON at all.
     */
    public List<Divergence> checkResponse(String method, String path, int status, String contentType, String body) {
        return check(method, path, "response", List.of(String.valueOf(status), status / 100 + "XX", "default"),
                contentType, body);
    }

    /** The divergences of a JSON request body from the schema documented for the operation's request body. */
    public List<Divergence> checkRequest(String method, String path, String contentType, String body) {
        return check(method, path, "request", List.of("request"), contentType, body);
    }

    private List<Divergence> check(String method, String path, String side, List<String> statuses,
            String contentType, String body) {
        if (body == null || body.isBlank() || contentType == null) {
            return List.of();
        }
        String mediaType = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (!mediaType.equals("application/json") && !mediaType.endsWith("+json")) {
            return List.of();
        }
        Optional<String> template = operationPath(method, path);
        if (template.isEmpty()) {
            return List.of();
        }
        String m = method.toUpperCase(Locale.ROOT);
        String operation = m + " " + template.get();
        String name = null;
        for (String status : statuses) {
            name = bodyKeys.get(key(m, template.get(), status, mediaType));
            if (name != null) {
                break;
            }
        }
        if (name == null) {
            return List.of();
        }
        JsonNode instance;
        try {
            instance = Api.JSON.readTree(body);
        } catch (JacksonException e) {
            return List.of();
        }
        Schema schema = schemas.computeIfAbsent(name,
                n -> registry.getSchema(SchemaLocation.of(DOCUMENT_IRI + "#/" + BODIES + "/" + n)));
        List<Divergence> found = new ArrayList<>();
        for (Error error : schema.validate(instance)) {
            found.add(new Divergence(operation, "jsonschema." + side + ".body." + error.getKeyword(),
                    error.getInstanceLocation() + ": " + error.getMessage()));
        }
        return found;
    }
}
