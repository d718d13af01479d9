package com.sundispatch.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.sundispatch.dispatch.DispatchFixtures;
import com.sundispatch.support.AdminSession;
import com.sundispatch.support.Api;
import com.sundispatch.support.OpenApiContract;
import com.sundispatch.support.StepUp;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Walks every operation of the served document with the paths a client meets: no token (401 where the document
 * asks for one), the wrong role (403), an unknown id (404), a wrong content type (415), a malformed body (400) and,
 * for reads without parameters, success. Every answer is held against the document by {@link OpenApiContract}
 * (status documented, problem+json with the shared schema, body as documented); the test fails listing every
 * divergence and every unexpected status at once. Success paths with real data are the other ITs' exchanges,
 * which go through the same check.
 */
class OpenApiContractIT extends DispatchFixtures {

    private static final Pattern PARAM = Pattern.compile("\\{([^}]+)}");

    private enum Role { CUSTOMER, INSTALLER, ADMIN }

    @Test
    void everyDocumentedOperationAnswersAsDocumented() {
        JsonNode doc = OpenApiContract.documentTree(port);
        String customer = newCustomerSession().access();
        String installer = installer(0).access();
        String admin = adminToken();
        // Stepped up, so sensitive operations answer for the id (404) rather than ask for re-authentication.
        stepUp(customer);
        StepUp.withPassword(api, installer, PASSWORD);
        AdminSession.stepUp(api, admin);
        Map<Role, String> tokens = Map.of(Role.CUSTOMER, customer, Role.INSTALLER, installer, Role.ADMIN, admin);
        List<String> divergences = new ArrayList<>();
        OpenApiContract.takeViolations();
        OpenApiLintIT.forEachOperation(doc, (name, op) -> {
            String method = name.substring(0, name.indexOf(' '));
            String template = name.substring(name.indexOf(' ') + 1);
            if (!template.startsWith("/api/")) {
                return;
            }
            boolean secured = secured(doc, op);
            Role role = role(template);
            String token = secured ? tokens.get(role) : null;
            String unknown = fill(template, UUID.randomUUID().toString());
            boolean hasParams = PARAM.matcher(template).find();
            boolean jsonBody = op.path("requestBody").path("content").has("application/json");
            Object body = jsonBody ? Map.of() : null;

            // No token.
            if (secured) {
                expect(divergences, name + " without a token", api.send(method, unknown, body, null, Map.of()),
                        Set.of(401));
            }
            // The wrong role: a customer on admin and installer operations.
            if (secured && role != Role.CUSTOMER) {
                expect(divergences, name + " as a customer", api.send(method, unknown, body, customer, Map.of()),
                        Set.of(403));
            }
            // A wrong content type on a JSON body.
            if (jsonBody) {
                expect(divergences, name + " with text/plain", api.send(method, unknown, "just text", token,
                        Map.of("Content-Type", "text/plain")), Set.of(415));
                expect(divergences, name + " with malformed JSON", api.send(method, unknown, "{\"oops\":", token,
                        Map.of()), Set.of(400));
            }
            // An id nobody has: reads and deletes answer 404 (writes may refuse the empty body first).
            if (hasParams && (method.equals("GET") || method.equals("DELETE"))) {
                // Any representation: a calendar or PDF operation answers 406 to a client that takes only JSON.
                expect(divergences, name + " for an unknown id", api.send(method, unknown, null, token,
                        Map.of("Accept", "*/*")), Set.of(404));
            }
            // Success of reads that need nothing but the right session.
            if (!hasParams && method.equals("GET") && !required(doc, op)) {
                Api.Response r = api.send(method, template, null, token, Map.of());
                // A singleton not created yet (the installer's webhook) is a documented 404.
                boolean nothingYet = r.status() == 404 && op.path("responses").has("404");
                if (r.status() >= 300 && !nothingYet) {
                    divergences.add(name + " as " + role + ": expected 2xx, got " + r);
                }
            }
        });
        divergences.addAll(OpenApiContract.takeViolations());
        assertThat(divergences).as("operations answering otherwise than /v3/api-docs says").isEmpty();
    }

    private static void expect(List<String> divergences, String what, Api.Response r, Set<Integer> statuses) {
        // A rate limit may answer first on a busy address; it is held to the document like any other answer.
        if (!statuses.contains(r.status()) && r.status() != 429) {
            divergences.add(what + ": expected " + statuses + ", got " + r);
        }
    }

    /** Whose operation it is, by path: an admin's, an installer's, or any signed-in user's. */
    private static Role role(String template) {
        if (template.startsWith("/api/v1/admin/")) {
            return Role.ADMIN;
        }
        if (template.startsWith("/api/v1/installer/") || template.equals("/api/v1/installer")) {
            return Role.INSTALLER;
        }
        return Role.CUSTOMER;
    }

    /**
     * Whether the operation needs a token: all do but those the document marks public ({@code security: []}, its own
     * or the document's). One with no security at all is taken as needing a token (the lint names it too).
     */
    static boolean secured(JsonNode doc, JsonNode op) {
        JsonNode security = op.has("security") ? op.path("security") : doc.path("security");
        return !(security.isArray() && security.isEmpty());
    }

    /** Whether the operation has a required query or header parameter. */
    private static boolean required(JsonNode doc, JsonNode op) {
        for (JsonNode p : op.path("parameters")) {
            if (OpenApiLintIT.resolve(doc, p).path("required").asBoolean(false)) {
                return true;
            }
        }
        return false;
    }

    private static String fill(String template, String value) {
        Matcher m = PARAM.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(value.toLowerCase(Locale.ROOT)));
        }
        m.appendTail(out);
        return out.toString();
    }
}
