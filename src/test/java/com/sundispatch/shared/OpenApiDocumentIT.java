package com.sundispatch.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sundispatch.support.Api;
import com.sundispatch.support.IntegrationTest;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document describes the server (issue 21, docs/openapi.md): security per operation, no internal
 * parameters, a summary everywhere, errors as the one Problem schema, JSON rather than any media type, the real
 * success codes and nullable response properties.
 */
class OpenApiDocumentIT extends IntegrationTest {

    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");

    private JsonNode doc;

    @BeforeEach
    void load() {
        Api.Response r = api.get("/v3/api-docs");
        assertThat(r.status()).isEqualTo(200);
        doc = r.json();
    }

    private List<Map.Entry<String, JsonNode>> operations() {
        List<Map.Entry<String, JsonNode>> operations = new ArrayList<>();
        doc.path("paths").properties().forEach(path -> path.getValue().properties().forEach(op -> {
            if (METHODS.contains(op.getKey())) {
                operations.add(Map.entry(op.getKey().toUpperCase() + " " + path.getKey(), op.getValue()));
            }
        }));
        return operations;
    }

    @Test
    void declaresTheSchemesAndEveryOperationsSecurity() {
        JsonNode schemes = doc.path("components").path("securitySchemes");
        assertThat(schemes.path("bearerAuth").path("type").asString()).isEqualTo("http");
        assertThat(schemes.path("bearerAuth").path("scheme").asString()).isEqualTo("bearer");
        assertThat(schemes.path("refreshCookie").path("in").asString()).isEqualTo("cookie");
        assertThat(schemes.path("refreshCookie").path("name").asString()).isEqualTo("sd_refresh");
        List<String> undeclared = operations().stream().filter(e -> !e.getValue().has("security")).map(Map.Entry::getKey)
                .toList();
        assertThat(undeclared).isEmpty();
        JsonNode paths = doc.path("paths");
        assertThat(paths.path("/api/v1/catalog/panels").path("get").path("security").isEmpty()).isTrue();
        assertThat(paths.path("/api/v1/auth/login").path("post").path("security").isEmpty()).isTrue();
        assertThat(paths.path("/api/v1/payments/webhook").path("post").path("security").isEmpty()).isTrue();
        assertThat(paths.path("/api/v1/me").path("get").path("security").get(0).has("bearerAuth")).isTrue();
        assertThat(paths.path("/api/v1/me").path("get").path("responses").has("401")).isTrue();
        assertThat(paths.path("/api/v1/admin/users").path("get").path("security").get(0).has("bearerAuth")).isTrue();
    }

    @Test
    void hasNoInternalParametersAndASummaryEverywhere() {
        List<String> leaks = new ArrayList<>();
        List<String> withoutSummary = new ArrayList<>();
        for (var op : operations()) {
            op.getValue().path("parameters").forEach(p -> {
                if (Set.of("user", "admin").contains(p.path("name").asString()) || p.path("in").asString().isEmpty()) {
                    leaks.add(op.getKey() + " " + p.path("name").asString());
                }
            });
            if (op.getValue().path("summary").asString("").isBlank()) {
                withoutSummary.add(op.getKey());
            }
        }
        assertThat(leaks).isEmpty();
        assertThat(withoutSummary).isEmpty();
        assertThat(doc.path("paths").has("/error")).isFalse();
        assertThat(doc.path("components").path("schemas").has("CurrentUser")).isFalse();
        doc.path("tags").forEach(tag -> assertThat(tag.path("description").asString("")).isNotBlank());
    }

    @Test
    void errorsAreProblemsAndAnswersAreJson() {
        JsonNode problem = doc.path("components").path("schemas").path("Problem").path("properties");
        assertThat(problem.propertyNames()).contains("type", "title", "status", "detail", "instance", "code", "errors");
        assertThat(doc.toString()).doesNotContain("\"*/*\"");
        for (var op : operations()) {
            JsonNode responses = op.getValue().path("responses");
            assertThat(responses.propertyNames()).as(op.getKey()).anyMatch(code -> code.startsWith("2"));
            assertThat(responses.has("400")).as(op.getKey()).isTrue();
            assertThat(responses.has("429")).as(op.getKey()).isTrue();
            responses.properties().forEach(r -> {
                if (r.getKey().startsWith("4") && !r.getValue().has("$ref")) {
                    assertThat(r.getValue().path("content").has("application/problem+json")).as(op.getKey() + " "
                            + r.getKey()).isTrue();
                }
            });
        }
        JsonNode order = doc.path("paths").path("/api/v1/orders/{id}").path("get").path("responses");
        assertThat(order.has("404")).isTrue();
        JsonNode place = doc.path("paths").path("/api/v1/orders").path("post").path("responses");
        assertThat(place.has("201")).isTrue();
        assertThat(place.has("409")).isTrue();
        assertThat(place.has("415")).isTrue();
    }

    @Test
    void successCodesAndBodiesAreTheRealOnes() {
        JsonNode paths = doc.path("paths");
        JsonNode logout = paths.path("/api/v1/auth/logout").path("post").path("responses");
        assertThat(logout.has("204")).isTrue();
        assertThat(logout.has("200")).isFalse();
        JsonNode webhook = paths.path("/api/v1/payments/webhook").path("post");
        JsonNode body = webhook.path("requestBody").path("content").path("application/json").path("schema");
        assertThat(body.path("oneOf").size()).isEqualTo(2);
        List<String> headers = new ArrayList<>();
        webhook.path("parameters").forEach(p -> headers.add(p.path("in").asString() + ":" + p.path("name").asString()));
        assertThat(headers).contains("header:X-Signature", "header:Stripe-Signature");
        assertThat(paths.path("/api/v1/orders/{orderId}/documents/{documentId}").path("get").path("responses")
                .path("200").path("content").has("application/pdf")).isTrue();
    }

    @Test
    void responsePropertiesThatMayBeNullSaySo() {
        JsonNode schemas = doc.path("components").path("schemas");
        JsonNode order = schemas.path("OrderView");
        assertThat(nullable(order.path("properties").path("paidAt"))).isTrue();
        assertThat(nullable(order.path("properties").path("reservedUntil"))).isTrue();
        assertThat(nullable(order.path("properties").path("id"))).isFalse();
        List<String> required = new ArrayList<>();
        order.path("required").forEach(n -> required.add(n.asString()));
        assertThat(required).contains("id", "status", "paidAt");
        assertThat(nullable(schemas.path("MeResponse").path("properties").path("phone"))).isTrue();
        assertThat(nullable(schemas.path("PaymentView").path("properties").path("checkoutUrl"))).isTrue();
        assertThat(nullable(schemas.path("ApplicationView").path("properties").path("rejectReason"))).isTrue();
    }

    private static boolean nullable(JsonNode property) {
        JsonNode type = property.path("type");
        if (type.isArray()) {
            for (JsonNode t : type) {
                if ("null".equals(t.asString())) {
                    return true;
                }
            }
        }
        for (JsonNode option : property.path("oneOf")) {
            if ("null".equals(option.path("type").asString(""))) {
                return true;
            }
        }
        return false;
    }
}
