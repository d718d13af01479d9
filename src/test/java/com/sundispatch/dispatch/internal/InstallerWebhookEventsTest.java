package com.sundispatch.dispatch.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import com.sundispatch.dispatch.OfferExpired;
import com.sundispatch.security.DataCipher;
import com.sundispatch.security.OutboundHttp;
import com.sundispatch.security.UnsafeUrlException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** When an attempt throws (so the redelivery job tries again), when it gives up, and what is final at once. */
class InstallerWebhookEventsTest {

    private static final String EVENT = "evt_0123456789abcdef0123456789abcdef";
    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

    private final InstallerWebhookRepository webhooks = mock(InstallerWebhookRepository.class);
    private final WebhookDeliveryRepository deliveries = mock(WebhookDeliveryRepository.class);
    private final OutboundHttp http = mock(OutboundHttp.class);
    private final DataCipher cipher = mock(DataCipher.class);
    private final InstallerWebhookEvents listener = new InstallerWebhookEvents(webhooks, deliveries,
            mock(JobOfferRepository.class), http, cipher, Clock.fixed(NOW, ZoneOffset.UTC));
    private final OfferExpired event = new OfferExpired(EVENT, "offer-1", "job-1", "installer-1", NOW);

    @BeforeEach
    void installerHasAWebhook() {
        when(webhooks.findById("installer-1")).thenReturn(Optional.of(new InstallerWebhook("installer-1",
                "https://hooks.example.com/x", "sealed", NOW)));
        when(cipher.decrypt(anyString(), anyString())).thenReturn(new byte[32]);
    }

    private WebhookDelivery recorded() {
        ArgumentCaptor<WebhookDelivery> saved = ArgumentCaptor.forClass(WebhookDelivery.class);
        verify(deliveries).save(saved.capture());
        return saved.getValue();
    }

    @Test
    void aRejectedAttemptBeforeTheEighthIsRecordedFailedAndThrowsSoItIsRetried() {
        when(deliveries.countByEventId(EVENT)).thenReturn(2L);
        when(http.postJson(anyString(), any(), anyMap())).thenReturn(new OutboundHttp.Response(500, new byte[0]));

        assertThatThrownBy(() -> listener.on(event)).isInstanceOf(InstallerWebhookEvents.DeliveryFailed.class);

        WebhookDelivery d = recorded();
        assertThat(d.attempt()).isEqualTo(3);
        assertThat(d.outcome()).isEqualTo("FAILED");
        assertThat(d.httpStatus()).isEqualTo(500);
        assertThat(d.eventId()).isEqualTo(EVENT);
    }

    @Test
    void theEighthFailedAttemptIsRecordedGaveUpAndDoesNotThrow() {
        when(deliveries.countByEventId(EVENT)).thenReturn(7L);
        when(http.postJson(anyString(), any(), anyMap())).thenThrow(new OutboundHttp.Failure("timeout", null));

        listener.on(event);

        WebhookDelivery d = recorded();
        assertThat(d.attempt()).isEqualTo(8);
        assertThat(d.outcome()).isEqualTo("GAVE_UP");
        assertThat(d.error()).isEqualTo("timeout");
    }

    @Test
    void anEventGivenUpAlreadyIsNotSentAgain() {
        when(deliveries.countByEventId(EVENT)).thenReturn(8L);

        listener.on(event);

        verify(http, never()).postJson(anyString(), any(), anyMap());
        verify(deliveries, never()).save(any());
    }

    @Test
    void anUnsafeUrlAtDeliveryIsRecordedRefusedAndIsFinal() {
        when(deliveries.countByEventId(EVENT)).thenReturn(0L);
        when(http.postJson(anyString(), any(), anyMap())).thenThrow(new UnsafeUrlException("public_address", "x"));

        listener.on(event);

        assertThat(recorded().outcome()).isEqualTo("REFUSED");
        assertThat(recorded().error()).isEqualTo("unsafe_url");
    }

    @Test
    void everyAttemptCarriesTheEventIdAndTypeHeaders() {
        when(deliveries.countByEventId(EVENT)).thenReturn(0L);
        when(http.postJson(anyString(), any(), anyMap())).thenReturn(new OutboundHttp.Response(204, new byte[0]));

        listener.on(event);

        @SuppressWarnings("unchecked")
        ArgumentCaptor<Map<String, String>> headers = ArgumentCaptor.forClass(Map.class);
        verify(http).postJson(eq("https://hooks.example.com/x"), any(), headers.capture());
        assertThat(headers.getValue()).containsEntry("X-SunDispatch-Event-Id", EVENT)
                .containsEntry("X-SunDispatch-Event", "offer.expired").containsKey("X-Signature");
        assertThat(recorded().outcome()).isEqualTo("SUCCEEDED");
    }

    @Test
    void noWebhookMeansNothingToDeliverOrRecord() {
        when(webhooks.findById("installer-1")).thenReturn(Optional.empty());

        listener.on(event);

        verify(deliveries, never()).save(any());
    }
}
