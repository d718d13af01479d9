package com.sundispatch.owasp;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.sundispatch.support.Api;
import com.sundispatch.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** A05: hardened headers everywhere, problem+json for every error, nothing internal exposed. */
class A05MisconfigurationIT extends IntegrationTest {

    @Test
    void everyResponseCarriesSecurityHeaders() {
        for (Api.Response r : new Api.Response[] { api.get("/api/v1/public/info"), api.get("/api/v1/me"),
                api.post("/api/v1/auth/login", "{") }) {
            assertThat(r.header("Content-Security-Policy")).contains("default-src 'self'", "frame-ancestors 'none'",
                    "object-src 'none'", "base-uri 'none'");
            assertThat(r.header("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(r.header("Referrer-Policy")).isEqualTo("no-referrer");
            assertThat(r.header("Permissions-Policy")).contains("camera=()");
            assertThat(r.header("X-Frame-Options")).isEqualTo("DENY");
            assertThat(r.header("Server")).isNull();
            assertThat(r.header("X-Powered-By")).isNull();
        }
    }

    @Test
    void authenticatedApiResponsesAreNotCached() {
        Tokens t = newCustomerSession();
        assertThat(api.get("/api/v1/me", t.access()).header("Cache-Control")).contains("no-store");
    }

    @Test
    void malformedJsonThen400ProblemWithoutInternals() {
        Api.Response r = api.post("/api/v1/auth/login", "{\"email\": ");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        assertThat(r.code()).isEqualTo("malformed_json");
        assertNoInternals(r);
    }

    @Test
    void wrongTypeInJsonThenValidationFailedNamingField() {
        Api.Response r = api.post("/api/v1/auth/login", "{\"email\": [1,2], \"password\": \"x\"}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.code()).isEqualTo("validation_failed");
        assertNoInternals(r);
    }

    @Test
    void unsupportedMediaTypeThen415Problem() {
        Api.Response r = api.send("POST", "/api/v1/auth/login", "email=a", null,
                Map.of("Content-Type", "application/x-www-form-urlencoded"));
        assertThat(r.status()).isEqualTo(415);
        assertThat(r.code()).isEqualTo("unsupported_media_type");
    }

    @Test
    void wrongMethodThen405Problem() {
        Api.Response r = api.send("DELETE", "/api/v1/public/info", null, null, Map.of());
        // Anonymous DELETE is not a public route, so the deny-by-default rule answers first.
        assertThat(r.status()).isEqualTo(401);
        Tokens t = newCustomerSession();
        Api.Response authed = api.send("DELETE", "/api/v1/me", null, t.access(), Map.of());
        assertThat(authed.status()).isEqualTo(405);
        assertThat(authed.code()).isEqualTo("method_not_allowed");
        assertNoInternals(authed);
    }

    @Test
    void bodyOverCapThen413Problem() {
        String big = "{\"email\":\"" + "a".repeat(70_000) + "\",\"password\":\"x\"}";
        Api.Response r = api.post("/api/v1/auth/login", big);
        assertThat(r.status()).isEqualTo(413);
        assertThat(r.code()).isEqualTo("payload_too_large");
        assertThat(r.header("Content-Security-Policy")).isNotNull();
    }

    @Test
    void chunkedBodyOverCapThen413() {
        // No Content-Length: the cap must cut the stream itself.
        Api.Response r = api.sendStreaming("/api/v1/auth/login", "{\"email\":\"" + "a".repeat(100_000) + "\"}");
        assertThat(r.status()).isEqualTo(413);
        assertThat(r.code()).isEqualTo("payload_too_large");
    }

    @Test
    void formAndMultipartBodiesAreNotBufferedByTheServer() {
        Api.Response form = api.sendStreaming("PUT", "/api/v1/me", "a=" + "b".repeat(200_000),
                "application/x-www-form-urlencoded");
        // Refused before a byte is read: 415 (form bodies are not JSON) since issue 13.
        assertThat(form.status()).isIn(401, 413, 415);
        Api.Response multipart = api.sendStreaming("POST", "/api/v1/auth/login",
                "--x\r\nContent-Disposition: form-data; name=\"f\"\r\n\r\n" + "b".repeat(200_000) + "\r\n--x--",
                "multipart/form-data; boundary=x");
        assertThat(multipart.status()).isIn(413, 415);
        assertThat(multipart.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void duplicateJsonKeysAndNumbersForTextAreRefused() {
        String email = uniqueEmail();
        Api.Response dup = api.post("/api/v1/auth/register", "{\"email\":\"" + email + "\",\"email\":\"x"
                + email + "\",\"password\":\"" + PASSWORD + "\",\"fullName\":\"Ada Lovelace\"}");
        assertThat(dup.status()).isEqualTo(400);
        Api.Response number = api.post("/api/v1/auth/login", "{\"email\":\"a@example.test\",\"password\":12345}");
        assertThat(number.status()).isEqualTo(400);
        assertThat(number.code()).isEqualTo("validation_failed");
    }

    @Test
    void containerLevelErrorsAreProblemsWithSecurityHeaders() {
        Api.Response r = api.send("GET", "/api/v1/admin%2fusers", null, null, Map.of());
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        assertThat(r.header("Content-Security-Policy")).isNotNull();
        assertThat(r.body()).doesNotContain("Tomcat", "<html");
        Api.Response traversal = api.send("GET", "/api/v1/admin/../admin/users", null, null, Map.of());
        assertThat(traversal.status()).isIn(400, 401);
        assertThat(traversal.header("X-Content-Type-Options")).isEqualTo("nosniff");
    }

    @Test
    void errorPathCalledDirectlyIs404() {
        assertThat(api.post("/error", "{}").status()).isEqualTo(404);
        assertThat(api.get("/error").status()).isEqualTo(404);
    }

    @Test
    void healthIsPublicAndMinimal() {
        Api.Response r = api.get("/actuator/health");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().path("status").asString()).isEqualTo("UP");
        assertThat(r.json().has("components")).isFalse();
        assertThat(r.json().has("details")).isFalse();
    }

    @Test
    void otherActuatorEndpointsAreClosed() {
        for (String path : new String[] { "/actuator/env", "/actuator/beans", "/actuator/heapdump",
                "/actuator/configprops", "/actuator" }) {
            assertThat(api.get(path).status()).as(path).isEqualTo(401);
        }
        String admin = adminToken();
        assertThat(api.get("/actuator/env", admin).status()).isEqualTo(404);
    }

    @Test
    void openApiDocumentDescribesTheApi() {
        Api.Response r = api.get("/v3/api-docs");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).contains("/api/v1/auth/login", "/api/v1/me");
        assertThat(api.get("/docs").status()).isIn(200, 302);
    }

    private static void assertNoInternals(Api.Response r) {
        assertThat(r.body()).doesNotContainIgnoringCase("exception").doesNotContain("at com.", "org.springframework",
                "tools.jackson", "Tomcat", "SQL");
    }
}
