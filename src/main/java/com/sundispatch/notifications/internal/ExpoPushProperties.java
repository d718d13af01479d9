package com.sundispatch.notifications.internal;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Pushes to the mobile apps through Expo's push service ({@code sundispatch.push.expo.*}). Off by default, so a
 * development instance needs no push account; the mobile apps then get 404 {@code push_not_configured} when they
 * register a token and carry on without pushes.
 *
 * @param url Expo's send endpoint; operator configuration, never user input, so plain http is allowed on
 *        loopback only (a test's fake push service) and the access token never crosses a network in clear
 * @param accessToken Expo's "enhanced push security" token, sent as a bearer token when set
 */
@ConfigurationProperties("sundispatch.push.expo")
public record ExpoPushProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("https://exp.host/--/api/v2/push/send") String url,
        @DefaultValue("") String accessToken,
        @DefaultValue("PT5S") Duration timeout) {

    public ExpoPushProperties {
        if (enabled) {
            checkedUrl(url);
            // A header value with a line break or space would fail every push at send time; refuse it at start.
            if (accessToken != null && !accessToken.matches("[\\x21-\\x7e]*")) {
                throw new IllegalArgumentException("sundispatch.push.expo.access-token has spaces or control characters");
            }
        }
    }

    /** Expo's receipts endpoint, beside the send endpoint ({@code .../push/getReceipts}). */
    URI receiptsUrl() {
        URI send = checkedUrl(url);
        return send.resolve("getReceipts");
    }

    static URI checkedUrl(String url) {
        URI uri;
        try {
            uri = URI.create(url == null ? "" : url.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("sundispatch.push.expo.url is not a URL", e);
        }
        String host = uri.getHost();
        if (host == null || uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("sundispatch.push.expo.url must be a plain https URL");
        }
        boolean loopback = host.equals("localhost") || host.equals("[::1]")
                || host.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
        if (!"https".equals(uri.getScheme()) && !("http".equals(uri.getScheme()) && loopback)) {
            throw new IllegalArgumentException("sundispatch.push.expo.url must be https (plain http only on loopback)");
        }
        return uri;
    }

    @Override
    public String toString() {
        return "ExpoPushProperties[enabled=" + enabled + ", url=" + url + ", accessToken="
                + (accessToken == null || accessToken.isEmpty() ? "" : "(set)") + ", timeout=" + timeout + "]";
    }
}
