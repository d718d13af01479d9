package com.sundispatch.security.internal;

import java.io.IOException;
import java.io.InputStream;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import com.sundispatch.shared.BodyTooLargeException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The transport filters around the one upload route, without a server: its own body cap and multipart there
 * only, the 64 KiB cap and JSON-only everywhere else.
 */
class UploadRouteFiltersTest {

    private static final String UPLOAD = "/api/v1/installer/jobs/3f9c2a10-5b7e-4d2a-9c41-0e6a7b8d9f01/photos";
    private static final String MULTIPART = "multipart/form-data; boundary=----sundispatch";
    private static final long SMALL = 65_536;
    private static final long UPLOAD_LIMIT = 10_551_296;

    private final BodySizeLimitFilter sizes = new BodySizeLimitFilter(SMALL, UPLOAD_LIMIT);
    private final JsonBodyOnlyFilter types = new JsonBodyOnlyFilter();

    /** A request with {@code length} bytes of body (none for a negative length). */
    private static MockHttpServletRequest request(String method, String uri, String contentType, int length) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, uri);
        if (contentType != null) {
            request.setContentType(contentType);
        }
        if (length >= 0) {
            request.setContent(new byte[length]);
        }
        return request;
    }

    /** A chunked request: no Content-Length, so only counting the bytes as they are read can stop it. */
    private static MockHttpServletRequest chunked(String uri, String contentType, int length) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", uri) {
            @Override
            public long getContentLengthLong() {
                return -1;
            }

            @Override
            public int getContentLength() {
                return -1;
            }
        };
        request.setContentType(contentType);
        request.addHeader("Transfer-Encoding", "chunked");
        request.setContent(new byte[length]);
        return request;
    }

    /** A request whose Content-Length says {@code length} without holding that many bytes. */
    private static MockHttpServletRequest declared(String method, String uri, String contentType, long length) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, uri) {
            @Override
            public long getContentLengthLong() {
                return length;
            }

            @Override
            public int getContentLength() {
                return (int) Math.min(Integer.MAX_VALUE, length);
            }
        };
        request.setContentType(contentType);
        request.setContent(new byte[16]);
        return request;
    }

    private record Outcome(MockHttpServletResponse response, HttpServletRequest passedOn) {

        boolean passed() {
            return passedOn != null;
        }

        String body() throws IOException {
            return response.getContentAsString();
        }
    }

    private static Outcome run(jakarta.servlet.Filter filter, MockHttpServletRequest request)
            throws IOException, ServletException {
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();
        filter.doFilter(request, response, chain);
        return new Outcome(response, (HttpServletRequest) chain.getRequest());
    }

    @Test
    void theUploadRouteTakesBodiesUpToItsOwnCap() throws Exception {
        Outcome under = run(sizes, declared("POST", UPLOAD, MULTIPART, UPLOAD_LIMIT));
        assertThat(under.passed()).isTrue();

        Outcome over = run(sizes, declared("POST", UPLOAD, MULTIPART, UPLOAD_LIMIT + 1));
        assertThat(over.passed()).isFalse();
        assertThat(over.response().getStatus()).isEqualTo(413);
        assertThat(over.response().getContentType()).startsWith("application/problem+json");
        assertThat(over.body()).contains("\"code\":\"file_too_large\"");
    }

    @Test
    void everyOtherRouteAndMethodKeepsThe64KiBCap() throws Exception {
        String[] others = { "/api/v1/orders", "/api/v1/installer/jobs/abc/complete", UPLOAD + "/",
                "/api/v1/installer/jobs/abc;jsessionid=1/photos", "/api/v1/installer/jobs/a/b/photos",
                "/api/v1/installer/jobs/%2e%2e/photos", "/api/v1/installer/jobs//photos",
                "/x" + UPLOAD, "/api/v1/installer/jobs/" + "a".repeat(65) + "/photos" };
        for (String uri : others) {
            Outcome over = run(sizes, declared("POST", uri, "application/json", SMALL + 1));
            assertThat(over.response().getStatus()).as(uri).isEqualTo(413);
            assertThat(over.body()).as(uri).contains("\"code\":\"payload_too_large\"");
        }
        for (String method : new String[] { "PUT", "PATCH", "DELETE", "GET" }) {
            Outcome over = run(sizes, declared(method, UPLOAD, MULTIPART, SMALL + 1));
            assertThat(over.response().getStatus()).as(method).isEqualTo(413);
            assertThat(over.body()).contains("\"code\":\"payload_too_large\"");
        }
        assertThat(run(sizes, declared("POST", "/api/v1/orders", "application/json", SMALL)).passed()).isTrue();
    }

    @Test
    void aChunkedBodyIsCutOffAtTheCapOfItsRoute() throws Exception {
        BodySizeLimitFilter small = new BodySizeLimitFilter(1024, 4096);
        MockHttpServletRequest upload = chunked(UPLOAD, MULTIPART, 5000);
        InputStream uploadBody = run(small, upload).passedOn().getInputStream();
        assertThat(uploadBody.readNBytes(4096)).hasSize(4096);
        assertThatThrownBy(uploadBody::read).isInstanceOf(BodyTooLargeException.class);

        MockHttpServletRequest other = chunked("/api/v1/orders", "application/json", 5000);
        InputStream otherBody = run(small, other).passedOn().getInputStream();
        assertThatThrownBy(() -> otherBody.readNBytes(2048)).isInstanceOf(BodyTooLargeException.class);
    }

    @Test
    void multipartIsRefusedEverywhereButTheUploadRouteEvenWithoutABody() throws Exception {
        for (String uri : new String[] { "/api/v1/orders", "/api/v1/auth/login", "/api/v1/installer/jobs/abc/complete",
                UPLOAD + "/", "/api/v1/installer/jobs/abc;x=1/photos" }) {
            for (String type : new String[] { MULTIPART, "multipart/mixed; boundary=b", " Multipart/Form-Data",
                    "multipart/form-data" }) {
                Outcome withBody = run(types, request("POST", uri, type, 100));
                assertThat(withBody.passed()).as(uri + " " + type).isFalse();
                assertThat(withBody.response().getStatus()).isEqualTo(415);
                assertThat(withBody.body()).contains("\"code\":\"unsupported_media_type\"");

                Outcome empty = run(types, request("POST", uri, type, -1));
                assertThat(empty.passed()).as(uri + " " + type + " without a body").isFalse();
                assertThat(empty.response().getStatus()).isEqualTo(415);
            }
        }
        Outcome get = run(types, request("GET", UPLOAD, MULTIPART, -1));
        assertThat(get.response().getStatus()).as("another method on the upload path").isEqualTo(415);
    }

    @Test
    void theUploadRouteTakesMultipartFormDataWithABoundaryAndNothingElse() throws Exception {
        MockHttpServletRequest multipart = request("POST", UPLOAD, MULTIPART, 100);
        multipart.setContent(new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xC0, 0 });
        Outcome passed = run(types, multipart);
        assertThat(passed.passed()).isTrue();
        // Binary photo bytes are not held to the UTF-8 rule of JSON bodies.
        assertThat(passed.passedOn().getInputStream().readAllBytes()).hasSize(5);

        for (String type : new String[] { "application/json", "multipart/form-data", "multipart/mixed; boundary=b",
                "image/jpeg", "application/octet-stream", "text/plain", "not a type" }) {
            Outcome refused = run(types, request("POST", UPLOAD, type, 100));
            assertThat(refused.passed()).as(type).isFalse();
            assertThat(refused.response().getStatus()).as(type).isEqualTo(415);
        }
        assertThat(run(types, request("POST", UPLOAD, null, -1)).passed()).as("no body, no type").isTrue();
    }

    @Test
    void jsonRoutesStillTakeUtf8JsonOnly() throws Exception {
        MockHttpServletRequest json = request("POST", "/api/v1/orders", "application/json", 2);
        json.setContent("{}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(run(types, json).passed()).isTrue();
        assertThat(run(types, request("POST", "/api/v1/orders", "text/plain", 10)).response().getStatus())
                .isEqualTo(415);
    }
}
