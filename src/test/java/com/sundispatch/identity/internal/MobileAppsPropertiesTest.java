package com.sundispatch.identity.internal;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MobileAppsPropertiesTest {

    private static final String CERT =
            "fa:c6:17:45:dc:09:03:78:6f:b9:ed:e6:2a:96:2b:39:9f:73:48:f0:bb:6f:89:9b:83:32:66:75:91:03:3b:9c";

    @Test
    void theAndroidOriginIsTheBase64UrlOfTheCertificateDigestAsCredentialManagerSignsIt() {
        MobileAppsProperties apps = new MobileAppsProperties(List.of("com.sundispatch.pro"), List.of(" " + CERT + " "),
                List.of());
        // Fingerprints are normalised to the upper-case form keytool prints (and assetlinks.json shows).
        assertThat(apps.androidCertSha256()).containsExactly(CERT.toUpperCase());
        assertThat(apps.androidOrigins())
                .containsExactly("android:apk-key-hash:-sYXRdwJA3hvue3mKpYrOZ9zSPC7b4mbgzJmdZEDO5w");
    }

    @Test
    void thePublicDebugKeystoresCertificateIsRecognisedWhateverItsCase() {
        assertThat(new MobileAppsProperties(List.of("com.sundispatch.app"), List.of(CERT), List.of())
                .vouchesForAPublicDebugKey()).isTrue();
        assertThat(new MobileAppsProperties(List.of("com.sundispatch.app"), List.of(CERT.replace("fa:", "fb:")),
                List.of()).vouchesForAPublicDebugKey()).isFalse();
    }

    @Test
    void certificatesWithoutPackagesAreAHalfConfigurationAndRefused() {
        assertThatThrownBy(() -> new MobileAppsProperties(List.of(), List.of(CERT.replace("fa:", "fb:")), List.of()))
                .hasMessageContaining("android-packages is empty");
    }

    @Test
    void nothingConfiguredMeansNoAppOriginAndEmptyEntriesAreIgnored() {
        MobileAppsProperties apps = new MobileAppsProperties(List.of("com.sundispatch.app"), List.of("", "  "),
                null);
        assertThat(apps.androidOrigins()).isEmpty();
        assertThat(apps.iosAppIds()).isEmpty();
    }

    @Test
    void aMistypedEntryStopsTheStartInsteadOfBreakingEveryPasskeySignInInTheApp() {
        assertThatThrownBy(() -> new MobileAppsProperties(List.of(), List.of("FA:C6:17"), List.of()))
                .hasMessageContaining("android-cert-sha256");
        assertThatThrownBy(() -> new MobileAppsProperties(List.of(), List.of(), List.of("com.sundispatch.pro")))
                .hasMessageContaining("ios-app-ids");
        assertThatThrownBy(() -> new MobileAppsProperties(List.of(), List.of(), List.of("ABCDE12345.com..app")))
                .hasMessageContaining("ios-app-ids");
        assertThat(new MobileAppsProperties(List.of(), List.of(), List.of("ABCDE12345.com.sundispatch.pro"))
                .iosAppIds()).containsExactly("ABCDE12345.com.sundispatch.pro");
        assertThatThrownBy(() -> new MobileAppsProperties(List.of("not a package"), List.of(), List.of()))
                .hasMessageContaining("android-packages");
    }
}
