package com.sundispatch.identity.internal;

import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The mobile apps this site vouches for ({@code sundispatch.mobile.*}), so that their passkeys work: Android's
 * Credential Manager only offers the site's passkeys to an app the site names in
 * {@code /.well-known/assetlinks.json} (package and signing-certificate SHA-256), and signs the assertion with
 * the origin {@code android:apk-key-hash:<base64url of that SHA-256>}, which the relying party must accept; iOS
 * asks {@code /.well-known/apple-app-site-association} for the app ids ({@code TEAMID.bundle}) under
 * {@code webcredentials}. Both empty by default: the files answer 404 and no app origin is accepted.
 *
 * @param androidPackages the Android application ids (both apps by default)
 * @param androidCertSha256 the SHA-256 fingerprints of the apps' signing certificates, {@code AB:CD:...} as
 *        {@code keytool} and the Play Console print them
 * @param iosAppIds the iOS app ids, {@code TEAMID.com.sundispatch.pro}
 */
@ConfigurationProperties("sundispatch.mobile")
public record MobileAppsProperties(
        @DefaultValue({"com.sundispatch.pro", "com.sundispatch.app"}) List<String> androidPackages,
        @DefaultValue({}) List<String> androidCertSha256,
        @DefaultValue({}) List<String> iosAppIds) {

    /**
     * Signing certificates whose private keys are public: the debug.keystore of the React Native template, which
     * Expo's prebuild also signs release builds with until a release key is configured. Anyone can sign an app
     * with it, so vouching for it would hand the site's passkeys to any sideloaded look-alike.
     */
    static final Set<String> PUBLIC_DEBUG_CERTS = Set.of(
            "FA:C6:17:45:DC:09:03:78:6F:B9:ED:E6:2A:96:2B:39:9F:73:48:F0:BB:6F:89:9B:83:32:66:75:91:03:3B:9C");

    private static final Pattern PACKAGE = Pattern.compile("[a-zA-Z]\\w*(\\.[a-zA-Z]\\w*)+");
    private static final Pattern FINGERPRINT = Pattern.compile("\\p{XDigit}{2}(:\\p{XDigit}{2}){31}");
    /** Team id, a dot, a bundle id of letters, digits, '-' and '.' (no nested repetition: see {@link #isAppId}). */
    private static final Pattern APP_ID = Pattern.compile("[A-Z0-9]{10}\\.[a-zA-Z0-9.-]{3,155}");

    /** A wrong entry would silently break every passkey sign-in in the app: refuse it at start instead. */
    public MobileAppsProperties {
        androidPackages = checked(androidPackages, PACKAGE, "android-packages", "com.example.app", false);
        androidCertSha256 = checked(androidCertSha256, FINGERPRINT, "android-cert-sha256",
                "32 colon-separated hex bytes", true);
        iosAppIds = checked(iosAppIds, APP_ID, "ios-app-ids", "TEAMID1234.com.example.app", false);
        for (String appId : iosAppIds) {
            if (!isAppId(appId)) {
                throw new IllegalArgumentException("sundispatch.mobile.ios-app-ids has an entry that is not "
                        + "TEAMID1234.com.example.app");
            }
        }
        if (!androidCertSha256.isEmpty() && androidPackages.isEmpty()) {
            // The origins would be accepted while assetlinks.json answers 404: a half configuration, refused.
            throw new IllegalArgumentException(
                    "sundispatch.mobile.android-cert-sha256 is set but sundispatch.mobile.android-packages is empty");
        }
    }

    /** The bundle id after the team id has at least two parts and no empty one. */
    private static boolean isAppId(String appId) {
        String bundle = appId.substring(11);
        return bundle.contains(".") && !bundle.startsWith(".") && !bundle.endsWith(".") && !bundle.contains("..");
    }

    /** Whether a configured Android signing certificate is one whose private key anyone has. */
    public boolean vouchesForAPublicDebugKey() {
        return androidCertSha256.stream().anyMatch(PUBLIC_DEBUG_CERTS::contains);
    }

    private static List<String> checked(List<String> values, Pattern pattern, String name, String example,
            boolean upper) {
        List<String> out = new ArrayList<>();
        for (String value : values == null ? List.<String>of() : values) {
            String v = value == null ? "" : value.trim();
            if (v.isEmpty()) {
                continue;
            }
            if (!pattern.matcher(v).matches()) {
                throw new IllegalArgumentException("sundispatch.mobile." + name + " has an entry that is not "
                        + example);
            }
            out.add(upper ? v.toUpperCase(Locale.ROOT) : v);
        }
        return List.copyOf(out);
    }

    /** The WebAuthn origins of the signed Android apps: {@code android:apk-key-hash:} + base64url(SHA-256). */
    public List<String> androidOrigins() {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return androidCertSha256.stream()
                .map(f -> "android:apk-key-hash:" + b64.encodeToString(HexFormat.ofDelimiter(":").parseHex(f)))
                .toList();
    }
}
