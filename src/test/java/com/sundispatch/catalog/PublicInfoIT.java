package com.sundispatch.catalog;

import org.junit.jupiter.api.Test;

import com.sundispatch.support.Api;
import com.sundispatch.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

class PublicInfoIT extends IntegrationTest {

    @Test
    void publicInfoWhenAnonymousThenNameTaglineContactRegions() {
        Api.Response r = api.get("/api/v1/public/info");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().path("name").asString()).isEqualTo("SunDispatch");
        assertThat(r.json().path("tagline").asString()).isNotBlank();
        assertThat(r.json().path("contact").path("email").asString()).contains("@");
        assertThat(r.json().path("serviceRegions").size()).isGreaterThan(0);
    }

    @Test
    void publicInfoSaysPaymentsAreInTestModeWhileTheSandboxIsOn() {
        assertThat(api.get("/api/v1/public/info").json().path("paymentsTestMode").asBoolean(false)).isTrue();
    }
}
