package com.sundispatch.identity;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.sundispatch.support.Api;
import com.sundispatch.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

class ProfileIT extends IntegrationTest {

    @Test
    void patchMeWhenNameAndPhoneThenUpdated() {
        Tokens t = newCustomerSession();
        stepUp(t.access()); // a phone change needs a recent step-up (ReauthenticationIT)
        Api.Response r = api.patch("/api/v1/me", Map.of("fullName", "Ada King", "phone", "+49 30 1234567"),
                t.access());
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().path("fullName").asString()).isEqualTo("Ada King");
        assertThat(r.json().path("phone").asString()).isEqualTo("+49 30 1234567");
        assertThat(api.get("/api/v1/me", t.access()).json().path("phone").asString()).isEqualTo("+49 30 1234567");
    }

    @Test
    void patchMeWhenEmailOrRoleInBodyThenRejectedAndNothingChanges() {
        Tokens t = newCustomerSession();
        String before = api.get("/api/v1/me", t.access()).body();
        Api.Response role = api.patch("/api/v1/me", Map.of("fullName", "Ada King", "role", "ADMIN"), t.access());
        Api.Response email = api.patch("/api/v1/me", Map.of("email", "evil@example.test"), t.access());
        assertThat(role.status()).isEqualTo(400);
        assertThat(email.status()).isEqualTo(400);
        assertThat(api.get("/api/v1/me", t.access()).body()).isEqualTo(before);
    }

    @Test
    void patchMeWhenPhoneInvalidThenValidationFailed() {
        Tokens t = newCustomerSession();
        Api.Response r = api.patch("/api/v1/me", Map.of("phone", "call me maybe"), t.access());
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.code()).isEqualTo("validation_failed");
        assertThat(r.json().path("errors").get(0).path("field").asString()).isEqualTo("phone");
    }

    @Test
    void meWhenAnonymousThen401() {
        assertThat(api.get("/api/v1/me").status()).isEqualTo(401);
        assertThat(api.patch("/api/v1/me", Map.of("fullName", "X Y"), null).status()).isEqualTo(401);
    }
}
