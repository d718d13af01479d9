package com.sundispatch.identity.web;

import java.time.Duration;
import java.util.List;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.sundispatch.identity.internal.MobileAppsProperties;
import com.sundispatch.shared.ApiException;

import io.swagger.v3.oas.annotations.Hidden;

/**
 * The two files the phone platforms fetch from the relying party's host before they let an app use the site's
 * passkeys (docs/passkeys.md, "Mobile apps"). Platform files, not API: outside /api/v1 and the API document.
 * Not configured: 404, so an instance without apps vouches for none.
 */
@RestController
@Hidden
class MobileAppLinksController {

    /** Only credential sharing: the apps do not open the site's links (no handle_all_urls). */
    private static final List<String> RELATIONS = List.of("delegate_permission/common.get_login_creds");
    private static final CacheControl CACHE = CacheControl.maxAge(Duration.ofHours(1)).cachePublic();

    record Target(String namespace, @JsonProperty("package_name") String packageName,
            @JsonProperty("sha256_cert_fingerprints") List<String> fingerprints) {
    }

    record Statement(List<String> relation, Target target) {
    }

    record WebCredentials(List<String> apps) {
    }

    record AppSiteAssociation(WebCredentials webcredentials) {
    }

    private final MobileAppsProperties apps;

    MobileAppLinksController(MobileAppsProperties apps) {
        this.apps = apps;
    }

    // No "produces": a fetcher's Accept header must not turn the file into a 406; the type is set on the answer.
    @GetMapping("/.well-known/assetlinks.json")
    ResponseEntity<List<Statement>> assetLinks() {
        if (apps.androidCertSha256().isEmpty() || apps.androidPackages().isEmpty()) {
            throw ApiException.notFound("No Android app is configured.");
        }
        List<Statement> statements = apps.androidPackages().stream()
                .map(p -> new Statement(RELATIONS, new Target("android_app", p, apps.androidCertSha256())))
                .toList();
        return ResponseEntity.ok().cacheControl(CACHE).contentType(MediaType.APPLICATION_JSON).body(statements);
    }

    /** Apple fetches it without an extension and requires application/json. */
    @GetMapping("/.well-known/apple-app-site-association")
    ResponseEntity<AppSiteAssociation> appleAppSiteAssociation() {
        if (apps.iosAppIds().isEmpty()) {
            throw ApiException.notFound("No iOS app is configured.");
        }
        return ResponseEntity.ok().cacheControl(CACHE).contentType(MediaType.APPLICATION_JSON)
                .body(new AppSiteAssociation(new WebCredentials(apps.iosAppIds())));
    }
}
