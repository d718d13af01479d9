package com.sundispatch.owasp;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.sundispatch.support.Api;
import com.sundispatch.support.IntegrationTest;
import com.sundispatch.support.RawHttp;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * API4 against slow clients: bodies sent one byte at a time from one address must not take the server's worker
 * threads. The test profile shortens the body timeouts (3 s whole body, 2 s between bytes) and allows 64 requests
 * in progress per client address; 127.0.0.2 and up are plain clients (only 127.0.0.1 and ::1 are trusted proxies).
 */
class SlowClientsIT extends IntegrationTest {

    private static final int PER_CLIENT = 64;

    private static String slowPost(String path, int contentLength, String token) {
        return "POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + (token == null ? "" : "Authorization: Bearer " + token + "\r\n")
                + "Content-Length: " + contentLength + "\r\n\r\n{";
    }

    @Test
    void twoHundredFiftyTricklingBodiesFromOneAddressLeaveHealthAndCatalogAnswering() throws Exception {
        // Warm: the bound is about slow clients, not about the first request of a fresh server.
        assertThat(api.get("/actuator/health").status()).isEqualTo(200);
        assertThat(api.get("/api/v1/catalog/panels").status()).isEqualTo(200);
        List<RawHttp> slow = new ArrayList<>();
        try {
            for (int i = 0; i < 250; i++) {
                RawHttp c = RawHttp.connect("127.0.0.2", port);
                slow.add(c);
                c.send(slowPost("/api/v1/auth/login", 1000, null));
            }
            long start = System.nanoTime();
            boolean allClosed = false;
            List<Long> probeMillis = new ArrayList<>();
            // Keep every body trickling (one byte per round, well inside the 2 s read timeout) for at most 10 s:
            // the connections must end on the server's side while their clients are still sending.
            while (!allClosed && System.nanoTime() - start < 10_000_000_000L) {
                allClosed = true;
                for (RawHttp c : slow) {
                    if (!c.poll(1)) {
                        allClosed = false;
                        c.send(" ");
                    }
                }
                for (String path : new String[] { "/actuator/health", "/api/v1/catalog/panels" }) {
                    long t = System.nanoTime();
                    Api.Response r = api.get(path);
                    probeMillis.add((System.nanoTime() - t) / 1_000_000);
                    assertThat(r.status()).as(path + " while slow bodies are held").isEqualTo(200);
                }
            }
            assertThat(probeMillis).as("health and catalog answer times (ms)").allMatch(ms -> ms < 2_000);
            assertThat(probeMillis.size()).isGreaterThanOrEqualTo(4);
            assertThat(allClosed).as("the server ended every slow connection while its client was still sending")
                    .isTrue();

            int refused = 0;
            int timedOut = 0;
            for (RawHttp c : slow) {
                RawHttp.Response r = c.response();
                if (r == null) {
                    // A reset can cost the client an answer it had not read yet; the connection still ended.
                    continue;
                }
                assertThat(r.header("Content-Type")).startsWith("application/problem+json");
                assertThat(r.header("Connection")).isEqualToIgnoringCase("close");
                if (r.status() == 429) {
                    refused++;
                    assertThat(r.body()).contains("\"code\":\"too_many_concurrent_requests\"");
                    assertThat(r.header("Retry-After")).isNotNull();
                } else {
                    assertThat(r.status()).as(r.body()).isEqualTo(408);
                    assertThat(r.body()).contains("\"code\":\"request_timeout\"");
                    timedOut++;
                }
            }
            assertThat(timedOut).as("admitted slow bodies").isLessThanOrEqualTo(PER_CLIENT);
            assertThat(refused).as("refused beyond the per-address cap").isGreaterThanOrEqualTo(150);
        } finally {
            slow.forEach(RawHttp::close);
        }
        // The address is free again once its requests are over.
        try (RawHttp again = RawHttp.connect("127.0.0.2", port)) {
            again.send("GET /actuator/health HTTP/1.1\r\nHost: localhost\r\n\r\n");
            RawHttp.Response r = again.awaitResponse(5_000);
            assertThat(r).isNotNull();
            assertThat(r.status()).isEqualTo(200);
        }
    }

    @Test
    void aStalledBodyGets408ProblemAndTheServerServesOthersAfterwards() throws Exception {
        try (RawHttp c = RawHttp.connect("127.0.0.3", port)) {
            c.send(slowPost("/api/v1/auth/login", 200, null).replace("\r\n\r\n{", "\r\n\r\n{\"email\":"));
            RawHttp.Response r = c.awaitResponse(15_000);
            assertThat(r).as("an answer to a stalled body").isNotNull();
            assertThat(r.status()).isEqualTo(408);
            assertThat(r.header("Content-Type")).startsWith("application/problem+json");
            assertThat(r.body()).contains("\"code\":\"request_timeout\"").doesNotContain("Exception");
            assertThat(c.awaitClosed(5_000)).as("the connection is closed after a 408").isTrue();
        }
        assertThat(api.get("/actuator/health").status()).isEqualTo(200);
        try (RawHttp next = RawHttp.connect("127.0.0.3", port)) {
            next.send("GET /api/v1/catalog/panels HTTP/1.1\r\nHost: localhost\r\n\r\n");
            RawHttp.Response r = next.awaitResponse(5_000);
            assertThat(r).isNotNull();
            assertThat(r.status()).as("the same client is served again").isEqualTo(200);
        }
    }

    @Test
    void aBodyTricklingPastItsDeadlineGets408() throws Exception {
        try (RawHttp c = RawHttp.connect("127.0.0.4", port)) {
            c.send(slowPost("/api/v1/auth/login", 1000, null));
            long start = System.nanoTime();
            // One byte every 200 ms never trips the read timeout; only the time budget for the body can end it.
            while (c.response() == null && !c.closedByServer() && System.nanoTime() - start < 15_000_000_000L) {
                c.send(" ");
                c.poll(200);
            }
            RawHttp.Response r = c.response();
            assertThat(r).isNotNull();
            assertThat(r.status()).isEqualTo(408);
            assertThat(r.body()).contains("\"code\":\"request_timeout\"");
        }
    }

    @Test
    void anUnreadBodyOfARefusedRequestIsNotWaitedForUnbounded() throws Exception {
        try (RawHttp c = RawHttp.connect("127.0.0.5", port)) {
            // Anonymous: refused with 401 before the body is read. Tomcat alone would then wait for all 60 000
            // bytes (under the size cap), as long as they keep coming.
            c.send(slowPost("/api/v1/orders", 60_000, null));
            long start = System.nanoTime();
            while (!c.closedByServer() && System.nanoTime() - start < 12_000_000_000L) {
                c.send(" ");
                c.poll(200);
            }
            assertThat(c.closedByServer()).as("connection closed while the body was still trickling").isTrue();
            RawHttp.Response r = c.response();
            assertThat(r).isNotNull();
            assertThat(r.status()).isEqualTo(401);
        }
    }

    @Test
    void ordinaryKeepAliveConnectionsStayOpenAfterAnswersThatIgnoredTheBody() throws Exception {
        try (RawHttp c = RawHttp.connect("127.0.0.6", port)) {
            String body = "{\"items\":[]}";
            c.send("POST /api/v1/orders HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + body.length() + "\r\n\r\n" + body);
            RawHttp.Response refused = c.awaitResponse(5_000);
            assertThat(refused).isNotNull();
            assertThat(refused.status()).isEqualTo(401);
            c.send("GET /actuator/health HTTP/1.1\r\nHost: localhost\r\n\r\n");
            RawHttp.Response health = c.awaitResponse(5_000);
            assertThat(health).as("a second request on the same connection").isNotNull();
            assertThat(health.status()).isEqualTo(200);
            c.send("GET /api/v1/catalog/panels HTTP/1.1\r\nHost: localhost\r\n\r\n");
            RawHttp.Response catalog = c.awaitResponse(5_000);
            assertThat(catalog).isNotNull();
            assertThat(catalog.status()).isEqualTo(200);
            assertThat(catalog.header("Connection")).isNull();
        }
    }
}
