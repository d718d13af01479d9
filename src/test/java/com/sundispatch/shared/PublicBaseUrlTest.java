package com.sundispatch.shared;

import org.junit.jupiter.api.Test;
import org.springframework.boot.web.server.WebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

class PublicBaseUrlTest {

    private static WebServerInitializedEvent started(int port, String namespace) {
        WebServer server = mock(WebServer.class);
        when(server.getPort()).thenReturn(port);
        WebServerApplicationContext context = mock(WebServerApplicationContext.class);
        when(context.getServerNamespace()).thenReturn(namespace);
        WebServerInitializedEvent event = mock(WebServerInitializedEvent.class);
        when(event.getWebServer()).thenReturn(server);
        when(event.getApplicationContext()).thenReturn(context);
        return event;
    }

    @Test
    void unsetItFollowsThePortTheServerActuallyListensOn() {
        PublicBaseUrl url = new PublicBaseUrl("", new MockEnvironment());
        assertThat(url.get()).isEqualTo("http://localhost:8080");
        assertThat(url.configured()).isFalse();
        url.onWebServerReady(started(9090, null));
        assertThat(url.get()).isEqualTo("http://localhost:9090");
        url.onWebServerReady(started(9091, "management"));
        assertThat(url.get()).isEqualTo("http://localhost:9090");
    }

    @Test
    void unsetWithTlsItIsHttps() {
        PublicBaseUrl url = new PublicBaseUrl(null, new MockEnvironment().withProperty("server.ssl.bundle", "tls"));
        url.onWebServerReady(started(8443, null));
        assertThat(url.get()).isEqualTo("https://localhost:8443");
    }

    @Test
    void setExplicitlyItWinsUnchangedButForTrailingSlashes() {
        PublicBaseUrl url = new PublicBaseUrl("https://sundispatch.example/", new MockEnvironment());
        url.onWebServerReady(started(9090, null));
        assertThat(url.get()).isEqualTo("https://sundispatch.example");
        assertThat(url.configured()).isTrue();
        assertThat(PublicBaseUrl.of("http://localhost:8080").get()).isEqualTo("http://localhost:8080");
    }
}
