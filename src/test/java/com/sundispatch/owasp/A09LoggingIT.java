package com.sundispatch.owasp;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import com.sundispatch.support.Api;
import com.sundispatch.support.IntegrationTest;
import com.sundispatch.support.Mailbox;
import com.sundispatch.support.TotpCodes;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A09: runs the identity and order flows with known secrets, captures every log line the server writes, and
 * fails if any secret appears in them.
 */
@ExtendWith(OutputCaptureExtension.class)
class A09LoggingIT extends IntegrationTest {

    private static final String CARD = "4111111111111111";
    private static final String CARD_SPACED = "4111 1111 1111 1111";

    @Test
    void noSecretOfTheWholeFlowEverReachesTheLog(CapturedOutput output) {
        List<String> secrets = new ArrayList<>();
        List<String> codes = new ArrayList<>();
        String email = registerCustomer();
        secrets.add(PASSWORD);
        String verifyToken = Mailbox.token(Mailbox.await(email, "Confirm your email"));
        secrets.add(verifyToken);
        assertThat(api.post("/api/v1/auth/verify-email", Map.of("token", verifyToken)).status()).isEqualTo(204);

        // A card number typed into text fields and headers.
        Api.Response login = api.send("POST", "/api/v1/auth/login", Map.of("email", email, "password", PASSWORD),
                null, Map.of("User-Agent", "Card " + CARD + " agent"));
        String access = login.json().path("accessToken").asString();
        String refresh = login.json().path("refreshToken").asString();
        secrets.add(access);
        secrets.add(refresh);
        api.get("/api/v1/catalog/panels?q=" + CARD, null);
        api.post("/api/v1/auth/login", Map.of("email", email, "password", "Wrong-" + PASSWORD));
        secrets.add("Wrong-" + PASSWORD);

        Api.Response refreshed = api.post("/api/v1/auth/refresh", Map.of("refreshToken", refresh));
        access = refreshed.json().path("accessToken").asString();
        refresh = refreshed.json().path("refreshToken").asString();
        secrets.add(access);
        secrets.add(refresh);

        stepUp(access);
        String secret = api.post("/api/v1/me/mfa/totp/setup", null, access).json().path("secret").asString();
        secrets.add(secret);
        long step = TotpCodes.step(clock.instant());
        String enableCode = TotpCodes.code(secret, step - 1);
        codes.add(enableCode);
        Api.Response enabled = api.post("/api/v1/me/mfa/totp/enable", Map.of("code", enableCode), access);
        List<String> recovery = new ArrayList<>();
        enabled.json().path("recoveryCodes").forEach(c -> recovery.add(c.asString()));
        secrets.addAll(recovery);

        Api.Response mfaLogin = api.post("/api/v1/auth/login", Map.of("email", email, "password", PASSWORD));
        String mfaToken = mfaLogin.json().path("mfaToken").asString();
        secrets.add(mfaToken);
        String loginCode = TotpCodes.code(secret, step);
        codes.add(loginCode);
        Api.Response verified = api.post("/api/v1/auth/mfa/verify", Map.of("mfaToken", mfaToken, "code", loginCode));
        secrets.add(verified.json().path("accessToken").asString());
        secrets.add(verified.json().path("refreshToken").asString());
        api.post("/api/v1/auth/mfa/verify", Map.of("mfaToken", mfaToken, "code", recovery.get(0)));

        String newPassword = "Granite-harbour-violet-5512";
        secrets.add(newPassword);
        String changeCode = TotpCodes.code(secret, step + 1);
        codes.add(changeCode);
        api.post("/api/v1/me/password", Map.of("currentPassword", PASSWORD, "newPassword", newPassword,
                "code", changeCode), access);

        api.post("/api/v1/auth/password-reset/request", Map.of("email", email));
        String resetToken = Mailbox.token(Mailbox.await(email, "Reset your"));
        secrets.add(resetToken);
        String resetPassword = "Orchard-kettle-meadow-7731";
        secrets.add(resetPassword);
        api.post("/api/v1/auth/password-reset/confirm", Map.of("token", resetToken, "newPassword", resetPassword));

        Api.Response again = api.post("/api/v1/auth/login", Map.of("email", email, "password", resetPassword));
        String mfa2 = again.json().path("mfaToken").asString();
        String access2 = api.post("/api/v1/auth/mfa/verify", Map.of("mfaToken", mfa2, "code", recovery.get(1)))
                .json().path("accessToken").asString();
        secrets.add(access2);
        String panel = createPanel(5, "100.00");
        Map<String, Object> where = new java.util.HashMap<>(installation());
        where.put("addressLine", "Card " + CARD_SPACED + " Street 1");
        Api.Response order = api.post("/api/v1/orders", Map.of("items", List.of(Map.of("panelId", panel,
                "quantity", 1)), "installation", where), access2);
        assertThat(order.status()).as(order.toString()).isIn(201, 403);
        // Something must have been logged, or this test proves nothing.
        assertThat(output.getAll()).contains("\"message\":\"request\"", "LOGIN_SUCCEEDED", "MFA_ENABLED");

        String log = output.getAll();
        for (String s : secrets) {
            assertThat(log).as("a secret of the flow is in the log").doesNotContain(s);
        }
        for (String code : codes) {
            assertThat(Pattern.compile("(?<!\\d)" + code + "(?!\\d)").matcher(log).find())
                    .as("a TOTP code is in the log").isFalse();
        }
        assertThat(log).doesNotContain(CARD).doesNotContain(CARD_SPACED);
        assertThat(log).doesNotContain(ADMIN_PASSWORD);
    }
}
