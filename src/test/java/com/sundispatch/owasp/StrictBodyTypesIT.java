package com.sundispatch.owasp;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;

import com.sundispatch.support.Api;
import com.sundispatch.support.IntegrationTest;
import com.sundispatch.support.RawHttp;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The strict-JSON contract cannot be side-stepped with another body type: every request body that is not
 * application/json in UTF-8 is 415 {@code unsupported_media_type}, whatever the route, and MVC has no parser for
 * any other format left.
 */
class StrictBodyTypesIT extends IntegrationTest {

    private static final List<String> REFUSED_TYPES = List.of("application/yaml", "application/x-yaml", "text/yaml",
            "application/xml", "text/xml", "text/plain", "application/x-www-form-urlencoded", "application/cbor",
            "application/x-jackson-smile", "multipart/form-data; boundary=x", "application/octet-stream",
            "application/json; charset=ISO-8859-1", "application/json; charset=UTF-16", "application/json; charset=nope",
            "application/merge-patch+json", "application/problem+json", "not a type");

    @Autowired
    private RequestMappingHandlerAdapter mvc;

    @Test
    void everyOtherBodyTypeIs415OnPublicCustomerAndAdminRoutes() {
        String customer = newCustomerSession().access();
        String admin = adminToken();
        String panel = createPanel(3, "120.00");
        record Route(String method, String path, String token, String body) {
        }
        List<Route> routes = List.of(
                new Route("POST", "/api/v1/auth/login", null, "email: a@example.test\npassword: x\nextra: 1"),
                new Route("POST", "/api/v1/orders", customer, "items:\n  - panelId: " + panel + "\n    quantity: 1.9"),
                new Route("POST", "/api/v1/admin/catalog/panels", admin, "name: P\nstock: 1.9\nunknown: x"),
                new Route("PUT", "/api/v1/admin/catalog/panels/" + panel, admin, "<panel><stock>1</stock></panel>"));
        for (Route route : routes) {
            for (String type : REFUSED_TYPES) {
                Api.Response r = api.send(route.method(), route.path(), route.body(), route.token(),
                        Map.of("Content-Type", type));
                assertThat(r.status()).as(route.method() + " " + route.path() + " as " + type).isEqualTo(415);
                assertThat(r.header("Content-Type")).startsWith("application/problem+json");
                assertThat(r.code()).isEqualTo("unsupported_media_type");
            }
        }
        assertThat(stockOf(panel)).as("nothing was changed by any refused body").isEqualTo(3);
    }

    @Test
    void aBodyWithoutContentTypeIs415() throws Exception {
        String body = "{\"email\":\"a@example.test\",\"password\":\"x\"}";
        try (RawHttp c = RawHttp.connect("127.0.0.1", port)) {
            c.send("POST /api/v1/auth/login HTTP/1.1\r\nHost: localhost\r\nContent-Length: " + body.length()
                    + "\r\n\r\n" + body);
            RawHttp.Response r = c.awaitResponse(10_000);
            assertThat(r).isNotNull();
            assertThat(r.status()).isEqualTo(415);
            assertThat(r.body()).contains("\"code\":\"unsupported_media_type\"");
        }
    }

    @Test
    void jsonInUtf8IsAcceptedWithOrWithoutCharset() {
        for (String type : List.of("application/json", "application/json; charset=utf-8",
                "application/json;charset=UTF-8")) {
            Api.Response r = api.send("POST", "/api/v1/auth/login",
                    "{\"email\":\"nobody@example.test\",\"password\":\"Wrong-password-123\"}", null,
                    Map.of("Content-Type", type));
            assertThat(r.status()).as(type).isEqualTo(401);
            assertThat(r.code()).isEqualTo("invalid_credentials");
        }
    }

    @Test
    void requestsWithoutBodyNeedNoContentType() {
        assertThat(api.send("GET", "/api/v1/catalog/panels", null, null, Map.of("Content-Type", "text/plain"))
                .status()).isEqualTo(200);
    }

    @Test
    void duplicateKeysLoneSurrogatesAndFractionsForIntegersAreRefused() {
        String customer = newCustomerSession().access();
        String panel = createPanel(3, "120.00");
        Api.Response duplicate = api.post("/api/v1/auth/login",
                "{\"email\":\"a@example.test\",\"email\":\"b@example.test\",\"password\":\"x\"}");
        assertThat(duplicate.status()).isEqualTo(400);
        assertThat(duplicate.code()).isEqualTo("malformed_json");
        Api.Response fraction = api.post("/api/v1/orders", "{\"items\":[{\"panelId\":\"" + panel
                + "\",\"quantity\":1.9}],\"installation\":" + Api.JSON.writeValueAsString(installation()) + "}",
                customer);
        assertThat(fraction.status()).isEqualTo(400);
        assertThat(fraction.code()).isEqualTo("validation_failed");
        // Free text without a pattern (a password): a lone surrogate would otherwise become '?' when encoded.
        for (String text : List.of("x\\ud800", "x\\udc00y", "\\ud800\\ud800")) {
            Api.Response surrogate = api.post("/api/v1/auth/login",
                    "{\"email\":\"a@example.test\",\"password\":\"" + text + "\"}");
            assertThat(surrogate.status()).as(text).isEqualTo(400);
            assertThat(surrogate.code()).isEqualTo("validation_failed");
        }
        Api.Response pair = api.post("/api/v1/auth/login",
                "{\"email\":\"a@example.test\",\"password\":\"x\\ud83d\\ude00\"}");
        assertThat(pair.status()).as("a proper surrogate pair is fine").isEqualTo(401);
        assertThat(stockOf(panel)).isEqualTo(3);
    }

    @Test
    void mvcKeepsOnlyJsonBytesTextAndResourceConverters() {
        List<String> names = mvc.getMessageConverters().stream().map(HttpMessageConverter::getClass)
                .map(Class::getSimpleName).toList();
        assertThat(names).contains("JacksonJsonHttpMessageConverter", "ByteArrayHttpMessageConverter");
        assertThat(names).noneMatch(n -> n.contains("Yaml") || n.contains("Xml") || n.contains("Jaxb")
                || n.contains("Cbor") || n.contains("Smile") || n.contains("Form") || n.contains("Jackson2")
                || n.contains("Source") || n.contains("Feed"));
    }

    @Test
    void openApiDocumentAndUiStillWork() {
        Api.Response docs = api.get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.header("Content-Type")).startsWith("application/json");
        assertThat(docs.json().path("openapi").asString()).startsWith("3.");
        assertThat(api.get("/swagger-ui/index.html").status()).isEqualTo(200);
        assertThat(api.get("/v3/api-docs/swagger-config").status()).isEqualTo(200);
    }
}
