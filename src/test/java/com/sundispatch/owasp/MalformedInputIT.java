package com.sundispatch.owasp;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import com.sundispatch.support.IntegrationTest;
import com.sundispatch.support.RawHttp;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Input the server cannot decode (broken percent-encoding, bytes that are not UTF-8, encoded separators) in the
 * path, the query, a header, a cookie or a JSON body is a 400 problem, never a 500, and never an ERROR or a stack
 * trace in the log. Sent over a raw socket: a client library would refuse to send most of it.
 */
@ExtendWith(OutputCaptureExtension.class)
class MalformedInputIT extends IntegrationTest {

    private static final String PANELS = "/api/v1/catalog/panels";

    private static final List<String> BAD_TARGETS = List.of(
            PANELS + "/%ff", PANELS + "/%zz", PANELS + "/%", PANELS + "/a%2fb", PANELS + "/a%2Fb", PANELS + "/a%5cb",
            PANELS + "/x;jsessionid=0123456789ABCDEF", PANELS + "/%ed%a0%80", PANELS + "/%c0%af", PANELS + "/a%00b",
            PANELS + "?q=%ff", PANELS + "?q=%zz", PANELS + "?q=%", PANELS + "?q=%e", PANELS + "?q=%ed%a0%80",
            PANELS + "?q=%c0%80", PANELS + "?q=ok&sort=%fe", "/api/v1/public/info?x=%ff",
            "/api/v1/me?x=%ff", "/actuator/health?x=%zz");

    private static final List<String> BAD_HEADERS = List.of("Authorization: Bearer \u00ff\u00fe",
            "X-Forwarded-For: \u00ff", "X-Forwarded-For: 203.0.113.9\u00c3", "Accept-Language: \u00ff\u00fe",
            "User-Agent: agent \u00ff", "Cookie: refresh_token=\u00ff\u00fe", "Cookie: a=\u00ed\u00a0\u0080",
            "X-Request-Id: \u00c0\u00af");

    private RawHttp.Response send(String raw) throws Exception {
        try (RawHttp c = RawHttp.connect("127.0.0.1", port)) {
            c.send(raw.getBytes(StandardCharsets.ISO_8859_1));
            RawHttp.Response r = c.awaitResponse(10_000);
            assertThat(r).as("an answer to " + raw).isNotNull();
            return r;
        }
    }

    private static void assertMalformed(RawHttp.Response r, String what) {
        assertThat(r.status()).as(what + " -> " + r.body()).isEqualTo(400);
        assertThat(r.header("Content-Type")).as(what).startsWith("application/problem+json");
        assertThat(r.body()).as(what).contains("\"code\":\"malformed_request\"").doesNotContain("Exception", "Tomcat");
        assertThat(r.header("X-Content-Type-Options")).as(what).isEqualTo("nosniff");
    }

    @Test
    void malformedPathsQueriesHeadersAndCookiesAre400ProblemsWithoutErrorLogs(CapturedOutput output) throws Exception {
        List<String> tried = new ArrayList<>();
        for (String target : BAD_TARGETS) {
            assertMalformed(send("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"), target);
            tried.add(target);
        }
        for (String header : BAD_HEADERS) {
            assertMalformed(send("GET " + PANELS + " HTTP/1.1\r\nHost: localhost\r\n" + header
                    + "\r\nConnection: close\r\n\r\n"), header);
            tried.add(header);
        }
        assertNoErrorLogged(output);
        assertThat(tried).hasSize(BAD_TARGETS.size() + BAD_HEADERS.size());
    }

    @Test
    void invalidUtf8InsideAJsonBodyIsA400ProblemWithoutErrorLog(CapturedOutput output) throws Exception {
        for (String body : List.of("{\"email\":\"a\u00ff@example.test\",\"password\":\"x\"}",
                "{\"email\":\"a@example.test\",\"password\":\"\u00ed\u00a0\u0080\"}",
                "{\"email\":\"a@example.test\",\"password\":\"\u00c0\u00af\"}")) {
            RawHttp.Response r = send("POST /api/v1/auth/login HTTP/1.1\r\nHost: localhost\r\n"
                    + "Content-Type: application/json\r\nContent-Length: " + body.length()
                    + "\r\nConnection: close\r\n\r\n" + body);
            assertThat(r.status()).as(r.body()).isEqualTo(400);
            assertThat(r.header("Content-Type")).startsWith("application/problem+json");
            assertThat(r.body()).contains("\"code\":\"malformed_json\"").doesNotContain("Exception");
        }
        assertNoErrorLogged(output);
    }

    @Test
    void wellFormedEncodingsStillWork() throws Exception {
        RawHttp.Response umlaut = send("GET " + PANELS + "?q=Sol%C3%A4r+Modul HTTP/1.1\r\nHost: localhost\r\n"
                + "Accept-Language: de-DE,de;q=0.9\r\nUser-Agent: Br\u00c3\u00bcckner/1.0\r\nConnection: close\r\n\r\n");
        assertThat(umlaut.status()).as(umlaut.body()).isEqualTo(200);
        RawHttp.Response emoji = send("GET " + PANELS + "?q=%F0%9F%8C%9E HTTP/1.1\r\nHost: localhost\r\n"
                + "Connection: close\r\n\r\n");
        assertThat(emoji.status()).isEqualTo(200);
    }

    private static void assertNoErrorLogged(CapturedOutput output) {
        String log = output.getAll();
        assertThat(log).as("something was logged, or this proves nothing").contains("\"message\":\"request\"");
        assertThat(log).doesNotContain("\"level\":\"ERROR\"").doesNotContain("stack_trace")
                .doesNotContain("InvalidParameterException").doesNotContain("\tat org.");
    }
}
