package com.sundispatch.identity.web;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

import com.sundispatch.identity.internal.MobileAppsProperties;
import com.sundispatch.shared.ApiException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MobileAppLinksControllerTest {

    @Test
    void anInstanceWithoutConfiguredAppsVouchesForNone() {
        MobileAppLinksController controller = new MobileAppLinksController(
                new MobileAppsProperties(List.of("com.sundispatch.pro"), List.of(), List.of()));
        assertThatThrownBy(controller::assetLinks).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.status()).isEqualTo(HttpStatus.NOT_FOUND));
        assertThatThrownBy(controller::appleAppSiteAssociation).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.status()).isEqualTo(HttpStatus.NOT_FOUND));
    }
}
