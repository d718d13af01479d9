package com.sundispatch.owasp;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.sundispatch.support.Api;
import com.sundispatch.support.IntegrationTest;
import com.sundispatch.support.RawHttp;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The transport rules of the one upload route ({@code POST /api/v1/installer/jobs/{jobId}/photos}) over real HTTP:
 * its own body cap (10 MiB + 64 KiB by default) instead of 64 KiB, multipart there and nowhere else, and an
 * oversized upload answered 413 {@code file_too_large} (problem+json) without the connection hanging, whether the
 * size is declared or the body is chunked. What the route itself does with a photo is the dispatch module's.
 */
class PhotoUploadTransportIT extends IntegrationTest {

    private static final String UPLOAD = "/api/v1/installer/jobs/3f9c2a10-5b7e-4d2a-9c41-0e6a7b8d9f01/photos";
    private static final String BOUNDARY = "----sundispatch-test-boundary";
    private static final long UPLOAD_LIMIT = 10_551_296;

    @Test
    void multipartToAnyOtherRouteIsStill415() {
        String customer = newCustomerSession().access();
        for (String path : new String[] { "/api/v1/orders", "/api/v1/auth/login", "/api/v1/me" }) {
            Api.Response r = api.send("POST", path, new String(multipart(1000), StandardCharsets.ISO_8859_1),
                    customer, Map.of("Content-Type", "multipart/form-data; boundary=" + BOUNDARY));
            assertThat(r.status()).as(path).isEqualTo(415);
            assertThat(r.code()).isEqualTo("unsupported_media_type");
        }
    }

    @Test
    void anUploadOverTheCapIs413FileTooLargeBeforeItsBodyIsReadAndTheConnectionCloses() throws Exception {
        try (RawHttp c = RawHttp.connect("127.0.0.1", port)) {
            c.send("POST " + UPLOAD + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: multipart/form-data; boundary="
                    + BOUNDARY + "\r\nContent-Length: " + (UPLOAD_LIMIT + 1) + "\r\n\r\n");
            c.send(new byte[4096]);
            RawHttp.Response r = c.awaitResponse(5_000);
            assertThat(r).as("answered at once, not after waiting for 10 MB").isNotNull();
            assertThat(r.status()).isEqualTo(413);
            assertThat(r.header("Content-Type")).startsWith("application/problem+json");
            assertThat(r.body()).contains("\"code\":\"file_too_large\"");
            assertThat(c.awaitClosed(5_000)).as("the unread 10 MB are not waited for").isTrue();
        }
    }

    @Test
    void anUploadUnderTheCapButOver64KiBPassesTheTransportFilters() throws Exception {
        byte[] body = multipart(200 * 1024);
        try (RawHttp c = RawHttp.connect("127.0.0.1", port)) {
            c.send("POST " + UPLOAD + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: multipart/form-data; boundary="
                    + BOUNDARY + "\r\nContent-Length: " + body.length + "\r\n\r\n");
            c.send(body);
            RawHttp.Response r = c.awaitResponse(10_000);
            assertThat(r).isNotNull();
            // Past the size and type filters; without a token the security chain answers.
            assertThat(r.status()).isEqualTo(401);
        }
        Api.Response elsewhere = api.send("POST", "/api/v1/auth/login", "{\"email\":\"" + "a".repeat(70_000) + "\"}",
                null, Map.of("Content-Type", "application/json"));
        assertThat(elsewhere.status()).as("other routes keep 64 KiB").isEqualTo(413);
        assertThat(elsewhere.code()).isEqualTo("payload_too_large");
    }

    @Test
    void aChunkedUploadOverTheCapIsCutOffWith413FileTooLarge() throws Exception {
        String installer = approvedInstallerToken();
        byte[] head = ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"photo\"; filename=\"roof.jpg\"\r\n"
                + "Content-Type: image/jpeg\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        try (RawHttp c = RawHttp.connect("127.0.0.1", port)) {
            c.send("POST " + UPLOAD + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + installer
                    + "\r\nContent-Type: multipart/form-data; boundary=" + BOUNDARY
                    + "\r\nTransfer-Encoding: chunked\r\n\r\n");
            c.send(chunk(head));
            // A photo a little over the cap (100 KiB), as a real client would send it: the server stops reading at
            // the cap, answers, and reads away the small rest so that the client can read the answer (a client
            // far over the cap has its connection closed instead; see the Content-Length test).
            byte[] piece = new byte[64 * 1024];
            long sent = head.length;
            while (sent < UPLOAD_LIMIT + 100 * 1024) {
                assertThat(c.send(chunk(piece))).as("still accepting at " + sent).isTrue();
                sent += piece.length;
                c.poll(1);
            }
            c.send(chunk(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII)));
            c.send("0\r\n\r\n");
            RawHttp.Response r = c.awaitResponse(10_000);
            assertThat(r).as("an answer, not a hang").isNotNull();
            assertThat(r.status()).isEqualTo(413);
            assertThat(r.header("Content-Type")).startsWith("application/problem+json");
            assertThat(r.body()).contains("\"code\":\"file_too_large\"");
        }
    }

    @Test
    void aBrokenMultipartBodyIsAClientErrorNot500() throws Exception {
        String installer = approvedInstallerToken();
        byte[] body = "this is not multipart at all".getBytes(StandardCharsets.US_ASCII);
        try (RawHttp c = RawHttp.connect("127.0.0.1", port)) {
            c.send("POST " + UPLOAD + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + installer
                    + "\r\nContent-Type: multipart/form-data; boundary=" + BOUNDARY + "\r\nContent-Length: "
                    + body.length + "\r\n\r\n");
            c.send(body);
            RawHttp.Response r = c.awaitResponse(10_000);
            assertThat(r).isNotNull();
            assertThat(r.status()).isBetween(400, 499);
            assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        }
    }

    private String approvedInstallerToken() {
        String email = registerVerifiedCustomer();
        String access = login(email, PASSWORD).access();
        Api.Response applied = api.post("/api/v1/installers/applications", Map.of("companyName", "Upload Solar",
                "licenseNumber", "LIC-515151", "baseAddress", baseAddressAt(52.5, 13.4), "serviceRadiusKm", 30,
                "phone", "+49 30 5550101"), access);
        assertThat(applied.status()).as(applied.toString()).isEqualTo(201);
        assertThat(api.post("/api/v1/admin/installers/applications/" + applied.json().path("id").asString()
                + "/approve", Map.of(), adminToken()).status()).isEqualTo(200);
        return login(email, PASSWORD).access();
    }

    /** One part "photo" with {@code size} bytes of content, framed. */
    private static byte[] multipart(int size) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"photo\"; filename=\"roof.jpg\"\r\n"
                + "Content-Type: image/jpeg\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(new byte[size]);
        out.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    private static byte[] chunk(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes((Integer.toHexString(data.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(data);
        out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }
}
