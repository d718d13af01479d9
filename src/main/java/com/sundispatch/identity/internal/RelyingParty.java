package com.sundispatch.identity.internal;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

import com.sundispatch.shared.PublicBaseUrl;

/**
 * Who we are to WebAuthn. The relying-party id is the host of the public base URL
 * ({@code SUNDISPATCH_PUBLIC_BASE_URL}; in development and tests {@code localhost}); a passkey is bound to it by
 * the authenticator. The accepted origins are the public base URL's origin and, for every allowed host
 * ({@code SUNDISPATCH_ALLOWED_HOSTS}) that is the rp id or below it, that host over https (and with the base
 * URL's scheme and port). A host outside the rp id's domain could never use these passkeys: browsers refuse it.
 * The mobile apps named in {@link MobileAppsProperties} add their {@code android:apk-key-hash:} origins.
 * Read on each use: in development the base URL's port is known only once the server listens.
 */
@Component
final class RelyingParty {

    static final String NAME = "SunDispatch";
    private static final Logger log = LoggerFactory.getLogger(RelyingParty.class);

    private final PublicBaseUrl publicBaseUrl;
    private final List<String> allowedHosts;
    private final List<String> appOrigins;

    @Autowired
    RelyingParty(PublicBaseUrl publicBaseUrl, Environment environment, MobileAppsProperties mobileApps) {
        this(publicBaseUrl, allowedHosts(environment), mobileApps.androidOrigins());
        if (mobileApps.vouchesForAPublicDebugKey()) {
            if (environment.acceptsProfiles(Profiles.of("prod"))) {
                throw new IllegalStateException("sundispatch.mobile.android-cert-sha256 names the public debug "
                        + "keystore's certificate: sign the apps with a release key and configure its fingerprint");
            }
            log.warn("sundispatch.mobile.android-cert-sha256 names the public debug keystore's certificate: any app "
                    + "signed with it could use this site's passkeys (refused in the prod profile)");
        }
    }

    private static List<String> allowedHosts(Environment environment) {
        List<String> hosts = Binder.get(environment)
                .bind("sundispatch.security.allowed-hosts", Bindable.listOf(String.class)).orElse(null);
        return hosts == null ? List.of() : hosts;
    }

    RelyingParty(PublicBaseUrl publicBaseUrl, List<String> allowedHosts, List<String> appOrigins) {
        this.publicBaseUrl = publicBaseUrl;
        this.appOrigins = List.copyOf(appOrigins);
        this.allowedHosts = allowedHosts.stream().map(h -> asciiLower(h.trim()))
                .filter(h -> !h.isEmpty()).toList();
    }

    String id() {
        return asciiLower(URI.create(publicBaseUrl.get()).getHost());
    }

    Set<String> origins() {
        URI base = URI.create(publicBaseUrl.get());
        String rpId = asciiLower(base.getHost());
        String port = base.getPort() == -1 ? "" : ":" + base.getPort();
        Set<String> origins = new LinkedHashSet<>();
        origins.add(base.getScheme() + "://" + rpId + port);
        for (String host : allowedHosts) {
            if (host.equals(rpId) || host.endsWith("." + rpId)) {
                origins.add("https://" + host);
                origins.add(base.getScheme() + "://" + host + port);
            }
        }
        // The signed Android apps (iOS apps sign with the https origin of the rp id, already above).
        origins.addAll(appOrigins);
        return origins;
    }

    /** Host names are ASCII (an internationalised one in its xn-- form): only A-Z change, nothing else can. */
    private static String asciiLower(String host) {
        StringBuilder sb = new StringBuilder(host.length());
        for (int i = 0; i < host.length(); i++) {
            char c = host.charAt(i);
            sb.append(c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c);
        }
        return sb.toString();
    }
}
