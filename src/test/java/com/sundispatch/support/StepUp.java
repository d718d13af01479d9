package com.sundispatch.support;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Step-up re-authentication of one session, as a client does before a sensitive change. */
public final class StepUp {

    private StepUp() {
    }

    public static Api.Response withPassword(Api api, String access, String password) {
        Api.Response r = api.post("/api/v1/me/reauthenticate", Map.of("password", password), access);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r;
    }
}
