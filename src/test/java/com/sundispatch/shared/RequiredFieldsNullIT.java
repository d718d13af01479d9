package com.sundispatch.shared;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.sundispatch.dispatch.DispatchFixtures;
import com.sundispatch.support.AdminSession;
import com.sundispatch.support.Api;
import com.sundispatch.support.OpenApiContract;
import com.sundispatch.support.StepUp;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * For every write operation with a JSON body, derived from the served document: each property the document calls
 * required, sent as {@code null} in an otherwise well-typed body, is refused with 400 problem+json
 * {@code validation_failed} naming that field, and nothing is stored. The base bodies are the document's examples
 * where it has them, else built from the schemas (well-typed values; only the field under test matters, since the
 * server reports every invalid field at once).
 */
class RequiredFieldsNullIT extends DispatchFixtures {

    @Test
    void everyRequiredFieldSentAsNullIsRefusedNamingIt() {
        JsonNode doc = OpenApiContract.documentTree(port);
        String customer = newCustomerSession().access();
        stepUp(customer);
        String installer = installer(0).access();
        StepUp.withPassword(api, installer, PASSWORD);
        String admin = adminToken();
        AdminSession.stepUp(api, admin);
        String meBefore = api.get("/api/v1/me", customer).json().toString();
        int blocksBefore = api.get("/api/v1/admin/ip-blocks", admin).json().size();

        List<String> failures = new ArrayList<>();
        List<String> checked = new ArrayList<>();
        OpenApiLintIT.forEachOperation(doc, (name, op) -> {
            String method = name.substring(0, name.indexOf(' '));
            String template = name.substring(name.indexOf(' ') + 1);
            JsonNode media = op.path("requestBody").path("content").path("application/json");
            if (!template.startsWith("/api/") || media.isMissingNode() || method.equals("GET")) {
                return;
            }
            String bearer = !OpenApiContractIT.secured(doc, op) ? null
                    : template.startsWith("/api/v1/admin/") ? admin
                    : template.startsWith("/api/v1/installer/") ? installer : customer;
            String path = template.replaceAll("\\{[^}]+}", "u" + UUID.randomUUID().toString().substring(0, 8));
            JsonNode schema = OpenApiLintIT.resolve(doc, media.path("schema"));
            JsonNode example = media.has("example") ? media.path("example") : schema.path("example");
            JsonNode base = example.isObject() ? example.deepCopy() : sample(doc, schema, 0);
            for (String field : requiredPaths(doc, schema, "")) {
                JsonNode body = withNull(base, field);
                Api.Response r = api.send(method, path, body.toString(), bearer, Map.of());
                checked.add(name + " " + field);
                boolean named = false;
                if (r.status() == 400 && "application/problem+json".equals(mediaType(r))) {
                    for (JsonNode e : r.json().path("errors")) {
                        named |= field.equals(e.path("field").asString());
                    }
                }
                if (r.status() != 400 || !"validation_failed".equals(code(r)) || !named) {
                    failures.add(name + " with " + field + " = null: " + r);
                }
            }
        });
        assertThat(checked).as("required fields checked").isNotEmpty();
        assertThat(failures).as("required fields accepted as null, or refused without naming them").isEmpty();
        assertThat(api.get("/api/v1/me", customer).json().toString()).as("the profile after the refusals")
                .isEqualTo(meBefore);
        assertThat(api.get("/api/v1/admin/ip-blocks", admin).json().size()).as("IP blocks after the refusals")
                .isEqualTo(blocksBefore);
    }

    /**
     * The optional fields decided in docs/openapi.md ("Requests"): a partial profile update keeps what is left out
     * and refuses an explicit null; a ban's {@code until} and a block's {@code expiresAt} take null as "no end".
     */
    @Test
    void optionalFieldsTakeNullAsDocumented() {
        Tokens t = newCustomerSession();
        Map<String, Object> nullName = new HashMap<>();
        nullName.put("fullName", null);
        Api.Response refused = api.patch("/api/v1/me", nullName, t.access());
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.code()).isEqualTo("validation_failed");
        assertThat(refused.json().path("errors").get(0).path("field").asString()).isEqualTo("fullName");
        stepUp(t.access());
        Api.Response kept = api.patch("/api/v1/me", Map.of("phone", "+49 30 1234567"), t.access());
        assertThat(kept.status()).as(kept.toString()).isEqualTo(200);
        assertThat(kept.json().path("fullName").asString()).isEqualTo("Ada Lovelace");

        String admin = adminToken();
        AdminSession.stepUp(api, admin);
        String userId = api.get("/api/v1/me", t.access()).json().path("id").asString();
        Map<String, Object> ban = new HashMap<>();
        ban.put("reason", "contract check");
        ban.put("until", null);
        Api.Response banned = api.post("/api/v1/admin/users/" + userId + "/ban", ban, admin);
        assertThat(banned.status()).as(banned.toString()).isEqualTo(200);
        // No end: the answer shows the far-future sentinel, beyond the 10 years an explicit until may reach.
        assertThat(banned.json().path("banned").asBoolean()).as(banned.toString()).isTrue();
        assertThat(Instant.parse(banned.json().path("bannedUntil").asString()))
                .isAfter(clock.instant().plus(Duration.ofDays(3660)));

        Map<String, Object> block = new HashMap<>();
        block.put("cidr", "192.0.2.0/24");
        block.put("reason", "contract check (TEST-NET-1)");
        block.put("expiresAt", null);
        Api.Response blocked = api.post("/api/v1/admin/ip-blocks", block, admin);
        assertThat(blocked.status()).as(blocked.toString()).isBetween(200, 201);
        assertThat(blocked.json().path("expiresAt").isNull()).as(blocked.toString()).isTrue();
        Api.Response lifted = api.send("DELETE", "/api/v1/admin/ip-blocks/" + blocked.json().path("id").asString(),
                null, admin, Map.of());
        assertThat(lifted.status()).as(lifted.toString()).isBetween(200, 204);
    }

    private static String mediaType(Api.Response r) {
        String type = r.header("Content-Type");
        return type == null ? "" : type.split(";")[0].trim();
    }

    private static String code(Api.Response r) {
        try {
            return r.code();
        } catch (RuntimeException notJson) {
            return "";
        }
    }

    /** The dotted paths (items[0].panelId) of every required property, nested ones under present parents. */
    static List<String> requiredPaths(JsonNode doc, JsonNode schema, String prefix) {
        List<String> out = new ArrayList<>();
        JsonNode s = OpenApiLintIT.resolve(doc, schema);
        for (JsonNode required : s.path("required")) {
            String name = required.asString();
            String path = prefix.isEmpty() ? name : prefix + "." + name;
            out.add(path);
            JsonNode property = OpenApiLintIT.resolve(doc, s.path("properties").path(name));
            if (property.has("properties")) {
                out.addAll(requiredPaths(doc, property, path));
            } else if (isArray(property) && OpenApiLintIT.resolve(doc, property.path("items")).has("properties")) {
                out.addAll(requiredPaths(doc, property.path("items"), path + "[0]"));
            }
        }
        return out;
    }

    private static boolean isArray(JsonNode schema) {
        return "array".equals(type(schema));
    }

    /** The schema's type: "type": "x" or, in OpenAPI 3.1, the first non-null of "type": [..]. */
    private static String type(JsonNode schema) {
        JsonNode t = schema.path("type");
        if (t.isArray()) {
            for (JsonNode each : t) {
                if (!"null".equals(each.asString())) {
                    return each.asString();
                }
            }
        }
        return t.asString("object");
    }

    /** A well-typed value for the schema: its example or first enum value if any, else a plausible one. */
    private JsonNode sample(JsonNode doc, JsonNode schemaOrRef, int depth) {
        JsonNode schema = OpenApiLintIT.resolve(doc, schemaOrRef);
        if (schema.has("example") && depth > 0) {
            return schema.path("example");
        }
        if (schema.has("enum") && !schema.path("enum").isEmpty()) {
            return schema.path("enum").get(0);
        }
        switch (type(schema)) {
            case "array" -> {
                ArrayNode array = Api.JSON.createArrayNode();
                array.add(sample(doc, schema.path("items"), depth + 1));
                return array;
            }
            case "integer" -> {
                return Api.JSON.getNodeFactory().numberNode(Math.max(1, schema.path("minimum").asInt(1)));
            }
            case "number" -> {
                return Api.JSON.getNodeFactory().numberNode(Math.max(1.0, schema.path("minimum").asDouble(1.0)));
            }
            case "boolean" -> {
                return Api.JSON.getNodeFactory().booleanNode(false);
            }
            case "string" -> {
                String format = schema.path("format").asString("");
                String value = switch (format) {
                    case "date-time" -> clock.instant().plus(Duration.ofDays(8)).toString();
                    case "date" -> clock.instant().plus(Duration.ofDays(8)).toString().substring(0, 10);
                    case "email" -> uniqueEmail();
                    case "uuid" -> UUID.randomUUID().toString();
                    case "uri", "url" -> "https://example.test/hook";
                    default -> "x";
                };
                return Api.JSON.getNodeFactory().stringNode(value);
            }
            default -> {
                ObjectNode object = Api.JSON.createObjectNode();
                if (depth < 6) {
                    for (JsonNode required : schema.path("required")) {
                        String name = required.asString();
                        object.set(name, sample(doc, schema.path("properties").path(name), depth + 1));
                    }
                }
                return object;
            }
        }
    }

    /** A copy of {@code body} with the property at {@code path} (a.b, a[0].b) set to null. */
    static JsonNode withNull(JsonNode body, String path) {
        JsonNode copy = body.deepCopy();
        JsonNode at = copy;
        String[] steps = path.split("\\.");
        for (Iterator<String> it = List.of(steps).iterator(); it.hasNext();) {
            String step = it.next();
            boolean indexed = step.endsWith("[0]");
            String name = indexed ? step.substring(0, step.length() - 3) : step;
            if (!(at instanceof ObjectNode object)) {
                throw new IllegalStateException("the base body has no object above " + path + ": " + body);
            }
            if (!it.hasNext()) {
                object.putNull(name);
            } else {
                at = indexed ? at.path(name).path(0) : at.path(name);
            }
        }
        return copy;
    }
}
