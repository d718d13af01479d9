package com.sundispatch.catalog;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.sundispatch.support.Api;
import com.sundispatch.support.IntegrationTest;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class LegalIT extends IntegrationTest {

    @Test
    void anyoneReadsTheImprintAndThePrivacyNoticeInEnglishAndGerman() {
        Api.Response r = api.get("/api/v1/public/legal");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        JsonNode imprint = r.json().path("imprint");
        assertThat(imprint.path("company").asString()).isEqualTo("SunDispatch Demo GmbH");
        assertThat(imprint.path("address").asString()).isEqualTo("Musterstraße 1\n10115 Berlin\nGermany");
        for (String field : new String[] { "email", "phone", "register", "vatId", "representative" }) {
            assertThat(imprint.path(field).asString()).as(field).isNotBlank();
        }
        assertThat(r.json().path("privacy").path("en").asString()).contains("audit events");
        assertThat(r.json().path("privacy").path("de").asString()).contains("Audit-Ereignisse");
    }

    @Test
    void theLegalPagesAreReadOnly() {
        assertThat(api.post("/api/v1/public/legal", Map.of()).status()).isEqualTo(401);
        String customer = login(registerVerifiedCustomer(), PASSWORD).access();
        Api.Response post = api.post("/api/v1/public/legal", Map.of(), customer);
        assertThat(post.status()).isEqualTo(405);
        assertThat(post.code()).isEqualTo("method_not_allowed");
    }
}
