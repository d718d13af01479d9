package com.sundispatch.owasp;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sundispatch.support.Api;
import com.sundispatch.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** A07: attacks on access tokens, each of which must end in 401 with {@code WWW-Authenticate: Bearer}. */
class A07AuthenticationIT extends IntegrationTest {

    /** The test fixture secret from application-test.yml, so tests can forge tokens the server would sign. */
    private static final String SECRET = "test-fixture-jwt-secret-0123456789-abcdefghijklmnop";

    @Test
    void tokenWhenAlgNoneThen401() {
        Tokens t = newCustomerSession();
        String[] parts = t.access().split("\\.");
        String header = b64("{\"alg\":\"none\",\"typ\":\"JWT\"}");
        assertRefused(header + "." + parts[1] + ".");
    }

    @Test
    void tokenWhenPayloadTamperedToAdminThen401() {
        Tokens t = newCustomerSession();
        String[] parts = t.access().split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"CUSTOMER\"", "\"ADMIN\"");
        assertThat(payload).contains("ADMIN");
        assertRefused(parts[0] + "." + b64(payload) + "." + parts[2]);
        assertThat(api.get("/api/v1/admin/users", parts[0] + "." + b64(payload) + "." + parts[2]).status())
                .isEqualTo(401);
    }

    @Test
    void tokenWhenSignatureFromOtherKeyThen401() throws Exception {
        Tokens t = newCustomerSession();
        SignedJWT parsed = SignedJWT.parse(t.access());
        assertRefused(sign(parsed.getJWTClaimsSet(), "another-secret-another-secret-another-secret-42"));
    }

    @Test
    void tokenWhenExpiredThen401() {
        Tokens t = newCustomerSession();
        clock.advance(Duration.ofMinutes(15).plusSeconds(31));
        assertRefused(t.access());
    }

    @Test
    void tokenWhenJustPastExpiryButWithinSkewThenAccepted() {
        Tokens t = newCustomerSession();
        clock.advance(Duration.ofMinutes(15).plusSeconds(10));
        assertThat(api.get("/api/v1/me", t.access()).status()).isEqualTo(200);
    }

    @Test
    void tokenWhenIssuerOrAudienceForeignThen401() throws Exception {
        Tokens t = newCustomerSession();
        JWTClaimsSet real = SignedJWT.parse(t.access()).getJWTClaimsSet();
        assertRefused(sign(new JWTClaimsSet.Builder(real).issuer("https://evil.example").build(), SECRET));
        assertRefused(sign(new JWTClaimsSet.Builder(real).audience("another-api").build(), SECRET));
        // Control: the same claims signed with the right key are accepted, so the refusals above are real.
        assertThat(api.get("/api/v1/me", sign(real, SECRET)).status()).isEqualTo(200);
    }

    @Test
    void tokenWhenSessionClaimMissingThen401() throws Exception {
        Tokens t = newCustomerSession();
        JWTClaimsSet real = SignedJWT.parse(t.access()).getJWTClaimsSet();
        assertRefused(sign(new JWTClaimsSet.Builder(real).claim("sid", null).build(), SECRET));
    }

    @Test
    void tokenWhenForgedForUnknownSessionAfterLogoutThen401() throws Exception {
        Tokens t = newCustomerSession();
        JWTClaimsSet real = SignedJWT.parse(t.access()).getJWTClaimsSet();
        api.post("/api/v1/auth/logout", null, t.access());
        // Even a fresh token (new jti, new times) for the logged-out session is refused.
        Instant now = clock.instant();
        String fresh = sign(new JWTClaimsSet.Builder(real).jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(600))).build(), SECRET);
        assertRefused(fresh);
    }

    @Test
    void tokenWhenGarbageThen401WithProblem() {
        Api.Response r = api.get("/api/v1/me", "not.a.jwt");
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        assertThat(r.code()).isEqualTo("invalid_token");
    }

    @Test
    void malformedBearerHeadersAreRefusedAndAQueryTokenIsNeverTaken() {
        Tokens t = newCustomerSession();
        String valid = t.access();
        // A valid token made malformed: a space, '=' inside, two spaces after the scheme, no space at all.
        for (String header : new String[] { "Bearer " + valid.replaceFirst("\\.", " ."),
                "Bearer " + valid.replaceFirst("\\.", "=."), "Bearer  " + valid, "Bearer" + valid }) {
            Api.Response r = api.send("GET", "/api/v1/me", null, null, Map.of("Authorization", header));
            assertThat(r.status()).as(header).isEqualTo(401);
            assertThat(r.code()).isEqualTo("invalid_token");
        }
        Api.Response inQuery = api.get("/api/v1/me?access_token=" + valid);
        assertThat(inQuery.status()).isEqualTo(401);
        assertThat(inQuery.code()).isEqualTo("unauthorized");
        // The same token in the header, as the grammar allows it in any case of the scheme, is accepted.
        assertThat(api.send("GET", "/api/v1/me", null, null, Map.of("Authorization", "bearer " + valid))
                .status()).isEqualTo(200);
    }

    @Test
    void tokenClaimsCarryTheRequiredFields() throws Exception {
        Tokens t = newCustomerSession();
        SignedJWT jwt = SignedJWT.parse(t.access());
        JWTClaimsSet c = jwt.getJWTClaimsSet();
        assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.HS256);
        assertThat(c.getIssuer()).isEqualTo("sundispatch");
        assertThat(c.getAudience()).containsExactly("sundispatch-api");
        assertThat(c.getSubject()).isNotBlank();
        assertThat(c.getStringListClaim("roles")).containsExactly("CUSTOMER");
        assertThat(c.getStringClaim("sid")).isNotBlank();
        assertThat(c.getJWTID()).isNotBlank();
        assertThat(Duration.between(c.getIssueTime().toInstant(), c.getExpirationTime().toInstant()))
                .isEqualTo(Duration.ofMinutes(15));
    }

    private void assertRefused(String token) {
        Api.Response r = api.get("/api/v1/me", token);
        assertThat(r.status()).as(r.toString()).isEqualTo(401);
        assertThat(r.header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
    }

    private static String sign(JWTClaimsSet claims, String secret) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
        return jwt.serialize();
    }

    private static String b64(String s) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

}
