package com.sundispatch.dispatch.internal;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

import com.sundispatch.security.DataCipher;
import com.sundispatch.security.OutboundHttp;
import com.sundispatch.security.SecurityEvent;
import com.sundispatch.security.SecurityEvents;
import com.sundispatch.security.UnsafeUrlException;
import com.sundispatch.shared.ApiException;
import com.sundispatch.shared.WebhookSignature;

import tools.jackson.databind.json.JsonMapper;

/**
 * Installers' webhooks: registration (URL checked against SSRF, a per-installer secret shown once and stored
 * encrypted) and asynchronous, signed delivery with retries through the one guarded outbound client. A
 * delivery never blocks the request that caused the event; every attempt is recorded for the installer.
 */
@Service
public class WebhookService implements DisposableBean {

    public record Registration(String url, String secret, Instant createdAt) {
        @Override
        public String toString() {
            return "Registration[url=" + url + "]";
        }
    }

    public record WebhookView(String url, Instant createdAt) {
    }

    public record DeliveryView(String eventId, String eventType, int attempt, String outcome, Integer httpStatus,
            String error, Instant attemptedAt) {
    }

    static final int ATTEMPTS = 3;
    private static final Logger log = LoggerFactory.getLogger(WebhookService.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final InstallerWebhookRepository webhooks;
    private final WebhookDeliveryRepository deliveries;
    private final OutboundHttp http;
    private final DataCipher cipher;
    private final Clock clock;
    private final SecurityEvents audit;
    private final Duration firstBackoff;
    private final ScheduledThreadPoolExecutor executor;
    private final JsonMapper json = JsonMapper.builder().build();

    WebhookService(InstallerWebhookRepository webhooks, WebhookDeliveryRepository deliveries, OutboundHttp http,
            DataCipher cipher, Clock clock, SecurityEvents audit,
            @Value("${sundispatch.webhooks.first-retry-delay:PT2S}") Duration firstBackoff) {
        this.webhooks = webhooks;
        this.deliveries = deliveries;
        this.http = http;
        this.cipher = cipher;
        this.clock = clock;
        this.audit = audit;
        this.firstBackoff = firstBackoff;
        // Every call ends within the client's 10 s deadline, so a slow installer holds one thread for that long
        // at most; four threads keep the others' deliveries moving meanwhile.
        this.executor = new ScheduledThreadPoolExecutor(4, r -> {
            Thread t = new Thread(r, "webhook-delivery");
            t.setDaemon(true);
            return t;
        });
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

    /** After the change that caused it is committed; the work happens on the delivery pool. */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(InstallerNotification notification) {
        if (!webhooks.existsById(notification.installerId())) {
            return;
        }
        if (executor.getQueue().size() > 10_000) {
            log.warn("Webhook queue full: event {} for installer {} dropped", notification.type(),
                    notification.installerId());
            return;
        }
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("id", "evt_" + UUID.randomUUID().toString().replace("-", ""));
        event.put("type", notification.type());
        event.put("createdAt", clock.instant().toString());
        event.put("data", notification.data());
        byte[] body = json.writeValueAsBytes(event);
        executor.execute(() -> attempt(notification, (String) event.get("id"), body, 1));
    }

    private void attempt(InstallerNotification n, String eventId, byte[] body, int attempt) {
        InstallerWebhook hook = webhooks.findById(n.installerId()).orElse(null);
        if (hook == null) {
            return;
        }
        String outcome;
        Integer status = null;
        String error = null;
        try {
            byte[] secret = cipher.decrypt(hook.secretEncrypted(), context(n.installerId()));
            String signature = WebhookSignature.header(secret, clock.instant().getEpochSecond(), body);
            OutboundHttp.Response response = http.postJson(hook.url(), body, Map.of("X-Signature", signature,
                    "X-SunDispatch-Event", n.type()));
            status = response.status();
            outcome = status >= 200 && status < 300 ? "SUCCEEDED" : "FAILED";
            if (!outcome.equals("SUCCEEDED")) {
                error = "HTTP " + status;
            }
        } catch (UnsafeUrlException e) {
            // Shown to the installer: the same word for every rule, so deliveries are no DNS oracle either.
            outcome = "REFUSED";
            error = "unsafe_url";
            log.info("Webhook delivery to installer {} refused: rule {} ({})", n.installerId(), e.rule(),
                    e.reason());
        } catch (OutboundHttp.Failure e) {
            outcome = "FAILED";
            error = e.getMessage();
        } catch (RuntimeException e) {
            outcome = "FAILED";
            error = e.getClass().getSimpleName();
        }
        deliveries.save(new WebhookDelivery(UUID.randomUUID().toString(), n.installerId(), eventId, n.type(),
                attempt, outcome, status, error, clock.instant()));
        if (outcome.equals("FAILED") && attempt < ATTEMPTS) {
            long delay = firstBackoff.toMillis() * (1L << (2 * (attempt - 1)));
            executor.schedule(() -> attempt(n, eventId, body, attempt + 1), delay, TimeUnit.MILLISECONDS);
        }
    }

    private static String context(String installerId) {
        return "webhook:" + installerId;
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }
}
