package com.sundispatch.dispatch.internal;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import jakarta.annotation.Nullable;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.sundispatch.security.DataCipher;
import com.sundispatch.security.OutboundHttp;
import com.sundispatch.security.SecurityEvent;
import com.sundispatch.security.SecurityEvents;
import com.sundispatch.security.UnsafeUrlException;
import com.sundispatch.shared.ApiException;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Installers' webhooks: registration (URL checked against SSRF, a per-installer secret shown once and stored
 * encrypted) and the installer's view of every delivery attempt. Delivery itself is durable and lives in
 * {@link InstallerWebhookEvents}.
 */
@Service
public class WebhookService {

    public record Registration(String url, String secret, Instant createdAt) {
        @Override
        public String toString() {
            return "Registration[url=" + url + "]";
        }
    }

    public record WebhookView(String url, Instant createdAt) {
    }

    public record DeliveryView(String eventId, String eventType, int attempt,
            @Schema(allowableValues = { WebhookDelivery.SUCCEEDED, WebhookDelivery.FAILED, WebhookDelivery.REFUSED,
                    WebhookDelivery.GAVE_UP })
            String outcome,
            @Nullable Integer httpStatus,
            @Nullable String error, Instant attemptedAt) {
    }

    private static final Logger log = LoggerFactory.getLogger(WebhookService.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final InstallerWebhookRepository webhooks;
    private final WebhookDeliveryRepository deliveries;
    private final OutboundHttp http;
    private final DataCipher cipher;
    private final Clock clock;
    private final SecurityEvents audit;

    WebhookService(InstallerWebhookRepository webhooks, WebhookDeliveryRepository deliveries, OutboundHttp http,
            DataCipher cipher, Clock clock, SecurityEvents audit) {
        this.webhooks = webhooks;
        this.deliveries = deliveries;
        this.http = http;
        this.cipher = cipher;
        this.clock = clock;
        this.audit = audit;
    }

    @Transactional
    public Registration register(String installerId, String url) {
        try {
            http.check(url);
        } catch (UnsafeUrlException e) {
            // The client gets one fixed answer (no DNS oracle); which rule failed is for the log and the audit.
            log.info("Webhook URL refused for installer {}: rule {} ({})", installerId, e.rule(), e.reason());
            audit.publish("WEBHOOK_URL_REFUSED", installerId, SecurityEvent.Outcome.DENIED,
                    Map.of("rule", e.rule(), "reason", e.reason()));
            throw e;
        }
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String secretText = "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        InstallerWebhook hook = webhooks.save(new InstallerWebhook(installerId, url.trim(),
                cipher.encrypt(secretText.getBytes(StandardCharsets.UTF_8), context(installerId)), clock.instant()));
        return new Registration(hook.url(), secretText, hook.createdAt());
    }

    @Transactional(readOnly = true)
    public WebhookView get(String installerId) {
        return webhooks.findById(installerId).map(h -> new WebhookView(h.url(), h.createdAt()))
                .orElseThrow(() -> ApiException.notFound("No webhook registered."));
    }

    @Transactional
    public void remove(String installerId) {
        if (!webhooks.existsById(installerId)) {
            throw ApiException.notFound("No webhook registered.");
        }
        webhooks.deleteById(installerId);
    }

    @Transactional(readOnly = true)
    public List<DeliveryView> deliveries(String installerId) {
        return deliveries.findByInstallerIdOrderByAttemptedAtDesc(installerId, PageRequest.of(0, 50)).stream()
                .map(d -> new DeliveryView(d.eventId(), d.eventType(), d.attempt(), d.outcome(), d.httpStatus(),
                        d.error(), d.attemptedAt()))
                .toList();
    }

    /** The cipher context of an installer's webhook secret: a secret decrypts for its own installer only. */
    static String context(String installerId) {
        return "webhook:" + installerId;
    }
}
