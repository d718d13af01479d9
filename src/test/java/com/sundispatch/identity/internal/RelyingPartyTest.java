package com.sundispatch.identity.internal;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

import com.sundispatch.shared.PublicBaseUrl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RelyingPartyTest {

    private static final String DEBUG_CERT = MobileAppsProperties.PUBLIC_DEBUG_CERTS.iterator().next();
    private static final String RELEASE_CERT =
            "5E:11:D0:7A:42:9C:0B:E3:71:A8:26:F4:93:5D:C2:08:BF:64:1E:7D:A0:39:C5:86:2F:D1:4B:90:E7:13:6C:AA";

    private static MobileAppsProperties apps(String cert) {
        return new MobileAppsProperties(List.of("com.sundispatch.app"), List.of(cert), List.of());
    }

    @Test
    void theConfiguredAppsSigningCertificateBecomesAnAcceptedOriginBesideTheSite() {
        MockEnvironment env = new MockEnvironment();
        RelyingParty rp = new RelyingParty(PublicBaseUrl.of("https://sundispatch.example"), env, apps(RELEASE_CERT));
        assertThat(rp.origins()).containsExactly("https://sundispatch.example",
                apps(RELEASE_CERT).androidOrigins().get(0));
    }

    @Test
    void theProdProfileRefusesToStartWhenThePublicDebugKeyIsVouchedFor() {
        MockEnvironment prod = new MockEnvironment();
        prod.setActiveProfiles("prod");
        assertThatThrownBy(() -> new RelyingParty(PublicBaseUrl.of("https://sundispatch.example"), prod,
                apps(DEBUG_CERT))).isInstanceOf(IllegalStateException.class).hasMessageContaining("debug");
        // Outside prod (a developer's phone with a debug build) it starts, with a warning in the log.
        assertThat(new RelyingParty(PublicBaseUrl.of("https://sundispatch.example"), new MockEnvironment(),
                apps(DEBUG_CERT)).origins()).hasSize(2);
    }
}
