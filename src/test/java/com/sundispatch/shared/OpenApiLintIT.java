package com.sundispatch.shared;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;

import org.junit.jupiter.api.Test;

import com.sundispatch.support.IntegrationTest;
import com.sundispatch.support.OpenApiContract;

import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The served OpenAPI document is one clients can be generated from: it parses without a single message, declares
 * the bearer scheme, leaks no internal argument, and every operation has a summary, a tag, explicit security and
 * its 4xx answers as problem+json with the one shared Problem schema (the lint; zero errors allowed).
 */
class OpenApiLintIT extends IntegrationTest {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");
    /** Names of the server's own arguments (current user, servlet request...) that must never be parameters. */
    private static final Set<String> INTERNAL = Set.of("user", "admin", "currentuser", "principal", "authentication",
            "request", "response", "http", "httpservletrequest", "servletrequest", "session");
    private static final List<String> PROBLEM_FIELDS = List.of("type", "title", "status", "detail", "instance",
            "code", "errors");

    @Test
    void parsesWithoutAnyMessage() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(OpenApiContract.document(port), null, options);
        assertThat(result.getOpenAPI()).as("the parsed document").isNotNull();
        assertThat(result.getMessages()).as("parser messages").isEmpty();
    }

    @Test
    void declaresTheBearerSchemeAndNoInternalArgument() {
        JsonNode doc = OpenApiContract.documentTree(port);
        List<String> bearer = new ArrayList<>();
        doc.path("components").path("securitySchemes").properties().forEach(e -> {
            JsonNode s = e.getValue();
            if ("http".equals(s.path("type").asString()) && "bearer".equalsIgnoreCase(s.path("scheme").asString())) {
                bearer.add(e.getKey());
            }
        });
        assertThat(bearer).as("bearer security schemes").isNotEmpty();
        List<String> leaks = new ArrayList<>();
        forEachOperation(doc, (name, op) -> op.path("parameters").forEach(p -> {
            JsonNode param = resolve(doc, p);
            if (INTERNAL.contains(param.path("name").asString().toLowerCase(Locale.ROOT))) {
                leaks.add(name + " has parameter " + param.path("name").asString() + " in "
                        + param.path("in").asString());
            }
        }));
        assertThat(leaks).as("internal arguments documented as parameters").isEmpty();
        assertThat(doc.path("paths").has("/error")).as("/error documented as an API").isFalse();
    }

    @Test
    void lintHasZeroErrors() {
        JsonNode doc = OpenApiContract.documentTree(port);
        Set<String> schemes = new TreeSet<>();
        doc.path("components").path("securitySchemes").propertyNames().forEach(schemes::add);
        boolean globalSecurity = doc.path("security").isArray() && !doc.path("security").isEmpty();
        Set<String> problemRefs = new TreeSet<>();
        Set<String> operationIds = new HashSet<>();
        List<String> errors = new ArrayList<>();
        forEachOperation(doc, (name, op) -> {
            if (op.path("summary").asString("").isBlank()) {
                errors.add(name + ": no summary");
            }
            if (!op.path("tags").isArray() || op.path("tags").isEmpty()) {
                errors.add(name + ": no tag");
            }
            String operationId = op.path("operationId").asString("");
            if (operationId.isBlank()) {
                errors.add(name + ": no operationId");
            } else if (!operationId.matches("[a-z][A-Za-z0-9]*") || !operationIds.add(operationId)) {
                // A generated client's method names: camelCase, one per operation, no springdoc "_1" suffix.
                errors.add(name + ": operationId " + operationId + " is not a unique camelCase name");
            }
            JsonNode security = op.has("security") ? op.path("security") : doc.path("security");
            if (!op.has("security") && !globalSecurity) {
                errors.add(name + ": no security (neither its own nor the document's; [] marks a public one)");
            }
            for (JsonNode requirement : security) {
                requirement.propertyNames().forEach(scheme -> {
                    if (!schemes.contains(scheme)) {
                        errors.add(name + ": security names undeclared scheme " + scheme);
                    }
                });
            }
            boolean secured = security.isArray() && !security.isEmpty();
            JsonNode responses = op.path("responses");
            if (secured && !responses.has("401")) {
                errors.add(name + ": needs a token but documents no 401");
            }
            if (op.has("requestBody") && !responses.has("400")) {
                errors.add(name + ": takes a body but documents no 400");
            }
            boolean success = false;
            for (Iterator<String> codes = responses.propertyNames().iterator(); codes.hasNext();) {
                String code = codes.next();
                JsonNode response = resolve(doc, responses.path(code));
                success |= code.startsWith("2");
                JsonNode content = response.path("content");
                if (content.has("*/*")) {
                    errors.add(name + " " + code + ": documented as */*");
                }
                if (code.startsWith("4")) {
                    JsonNode problem = content.path("application/problem+json");
                    if (problem.isMissingNode()) {
                        errors.add(name + " " + code + ": not application/problem+json");
                    } else {
                        String ref = problem.path("schema").path("$ref").asString("");
                        if (ref.isEmpty()) {
                            errors.add(name + " " + code + ": problem+json without a $ref to the shared schema");
                        } else {
                            problemRefs.add(ref);
                        }
                    }
                    if (content.size() != 1) {
                        errors.add(name + " " + code + ": 4xx with other media types than problem+json "
                                + content.propertyNames());
                    }
                }
            }
            if (!success) {
                errors.add(name + ": no 2xx answer documented");
            }
            if (op.path("requestBody").path("content").has("*/*")) {
                errors.add(name + ": request body documented as */*");
            }
        });
        assertThat(problemRefs).as("the one shared Problem schema every 4xx answer refers to").hasSize(1);
        JsonNode problem = doc.at(problemRefs.iterator().next().substring(1));
        for (String field : PROBLEM_FIELDS) {
            if (!problem.path("properties").has(field)) {
                errors.add("Problem schema lacks " + field);
            }
        }
        doc.path("tags").forEach(tag -> {
            if (tag.path("description").asString("").isBlank()) {
                errors.add("tag " + tag.path("name").asString() + ": no description");
            }
        });
        assertThat(errors).as("lint errors of /v3/api-docs").isEmpty();
    }

    /** Property names whose values are a fixed set the server sends or accepts: they must list it (enum). */
    private static final Set<String> ENUM_NAMES = Set.of("status", "kind", "outcome", "category", "cellType");
    /**
     * Such properties that are not string enums, and why (schema.property). Everything else with these names, or
     * ending in Status, lists its values, so a generated client gets an enum type and a new value is a contract
     * change that shows up in the document.
     */
    private static final Map<String, String> NOT_ENUMS = Map.of(
            "Problem.status", "the HTTP status code, an integer",
            "DeliveryView.httpStatus", "the installer's HTTP answer, an integer",
            "Problem.type", "an open URI (urn:sundispatch:problem:<code>); the codes are listed on Problem.code",
            "StripeEvent.type", "Stripe's event types, an open set the webhook ignores all but a few of",
            "CredentialDescriptor.type", "WebAuthn's credential type, public-key (open by the WebAuthn spec)",
            "CredentialParameter.type", "WebAuthn's credential type, public-key (open by the WebAuthn spec)");

    @Test
    void statusLikePropertiesListTheirValues() {
        JsonNode doc = OpenApiContract.documentTree(port);
        List<String> open = new ArrayList<>();
        Set<String> allowed = new TreeSet<>();
        doc.path("components").path("schemas").properties().forEach(schema -> schema.getValue().path("properties")
                .properties().forEach(property -> {
                    String name = property.getKey();
                    if (!ENUM_NAMES.contains(name) && !name.endsWith("Status")) {
                        return;
                    }
                    String id = schema.getKey() + "." + name;
                    if (NOT_ENUMS.containsKey(id)) {
                        allowed.add(id);
                    } else if (!listsValues(doc, property.getValue())) {
                        open.add(id + " " + property.getValue());
                    }
                }));
        assertThat(open).as("status-like properties without an enum").isEmpty();
        // An allow-list entry whose property is gone, or has become an enum, is stale: keep the list honest.
        NOT_ENUMS.keySet().forEach(id -> {
            JsonNode property = doc.path("components").path("schemas").path(id.substring(0, id.indexOf('.')))
                    .path("properties").path(id.substring(id.indexOf('.') + 1));
            assertThat(property.isMissingNode() || listsValues(doc, property))
                    .as("allow-listed " + id + " (" + NOT_ENUMS.get(id) + ") still exists without an enum").isFalse();
        });
    }

    /** An enum directly, through a $ref, or as an option of anyOf/oneOf (a nullable reference). */
    private static boolean listsValues(JsonNode doc, JsonNode property) {
        JsonNode schema = resolve(doc, property);
        if (schema.path("enum").isArray() && !schema.path("enum").isEmpty()) {
            return true;
        }
        for (String options : List.of("anyOf", "oneOf")) {
            for (JsonNode option : schema.path(options)) {
                if (listsValues(doc, option)) {
                    return true;
                }
            }
        }
        return false;
    }

    static void forEachOperation(JsonNode doc, BiConsumer<String, JsonNode> visit) {
        doc.path("paths").properties().forEach(path -> path.getValue().properties().forEach(op -> {
            if (METHODS.contains(op.getKey())) {
                visit.accept(op.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey(), op.getValue());
            }
        }));
    }

    /** Follows a local {@code $ref} (#/components/...), as many times as it takes. */
    static JsonNode resolve(JsonNode doc, JsonNode node) {
        JsonNode current = node;
        for (int i = 0; i < 10 && current.has("$ref"); i++) {
            String ref = current.path("$ref").asString();
            current = doc.at(ref.substring(1));
        }
        return current;
    }
}
