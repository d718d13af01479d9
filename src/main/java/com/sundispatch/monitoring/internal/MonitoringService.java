package com.sundispatch.monitoring.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.web.util.matcher.IpAddressMatcher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

import com.sundispatch.security.IpBlockList;
import com.sundispatch.security.SecurityEvent;
import com.sundispatch.security.SecurityEvents;
import com.sundispatch.security.SharedState;
import com.sundispatch.shared.ApiException;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Stores every security event (in its own transaction, so a failing store never breaks the user's request and
 * a rolled-back request still leaves its trace), runs the alert rules, and keeps the IP block list that the
 * security chain enforces. A request never needs a second pooled connection for this: events of a thread that
 * still holds its transaction's connection go through {@link AuditHandOff}.
 */
@Service
public class MonitoringService implements IpBlockList, DisposableBean {

    public record AuditView(String id, String type, Instant occurredAt, String userId, String ip, String userAgent,
            String outcome, String detail) {
    }

    public record AlertView(String id, String type, Instant raisedAt, String subject, String detail, String status) {
    }

    public record IpBlockView(String id, String cidr, String reason, boolean automatic, boolean authOnly,
            Instant createdAt, Instant expiresAt) {
    }

    private record ActiveBlock(String id, IpAddressMatcher matcher, boolean authOnly, Instant expiresAt,
            String reason) {
    }

    private static final Logger log = LoggerFactory.getLogger("sundispatch.audit");

    private final AuditEventRepository audit;
    private final AlertRepository alerts;
    private final IpBlockRepository blocks;
    private final SharedState shared;
    private final SecurityEvents events;
    private final MonitoringProperties properties;
    private final TransactionTemplate newTx;
    private final MeterRegistry meters;
    private final Clock clock;
    private volatile List<ActiveBlock> active = List.of();
    private final AuditHandOff handOff;

    MonitoringService(AuditEventRepository audit, AlertRepository alerts, IpBlockRepository blocks, SharedState shared,
            SecurityEvents events, MonitoringProperties properties, PlatformTransactionManager transactions,
            MeterRegistry meters, Clock clock) {
        this.audit = audit;
        this.alerts = alerts;
        this.blocks = blocks;
        this.shared = shared;
        this.events = events;
        this.properties = properties;
        this.newTx = new TransactionTemplate(transactions);
        this.newTx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.meters = meters;
        this.clock = clock;
        this.handOff = new AuditHandOff(this::store, this::applyRules);
    }

    /**
     * After the publishing transaction ends either way (or at once outside one). Spring runs this before it
     * returns the transaction's connection to the pool, so the store is handed off rather than opening a second
     * connection here.
     */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMPLETION, fallbackExecution = true)
    void on(SecurityEvent event) {
        log.atInfo().addKeyValue("eventType", event.type()).addKeyValue("userId", event.userId())
                .addKeyValue("clientIp", event.ip()).addKeyValue("outcome", event.outcome().name())
                .addKeyValue("detail", detail(event)).log("security event");
        meters.counter("sundispatch.security.events", "type", event.type()).increment();
        handOff.accept(event);
    }

    private void store(SecurityEvent event) {
        String detail = detail(event);
        newTx.executeWithoutResult(s -> audit.save(new AuditEvent(UUID.randomUUID().toString(), event.type(),
                event.occurredAt(), event.userId(), truncate(event.ip(), 45), truncate(event.userAgent(), 300),
                event.outcome().name(), truncate(detail, 2000))));
    }

    private static String detail(SecurityEvent event) {
        return event.detail().isEmpty() ? null : event.detail().entrySet().stream()
                .map(e -> "\"" + jsonText(e.getKey()) + "\":\"" + jsonText(e.getValue()) + "\"")
                .collect(Collectors.joining(",", "{", "}"));
    }

    /** Events handed off so far are stored before an admin reads the trail (bounded wait). */
    private void catchUp() {
        if (!AuditHandOff.holdsConnection()) {
            handOff.awaitIdle(Duration.ofSeconds(5));
        }
    }

    @Override
    public void destroy() {
        handOff.close();
    }

    private void applyRules(SecurityEvent event) {
        switch (event.type()) {
            case "LOGIN_FAILED", "MFA_FAILED" -> {
                if (event.ip() != null && countInWindow("fail:" + event.ip(), properties.failedLoginWindow())
                        >= properties.failedLoginsPerIp()) {
                    blockAutomatically(event.ip());
                }
            }
            case "ACCESS_DENIED" -> {
                if (event.userId() != null) {
                    long n = countInWindow("denied:" + event.userId(), properties.accessDeniedWindow());
                    if (n == properties.accessDeniedPerUser()) {
                        raise("ACCOUNT_FLAGGED", event.userId(), n + " access-denied answers in "
                                + properties.accessDeniedWindow().toMinutes() + " minutes; review this account");
                    }
                }
            }
            case "REFRESH_TOKEN_REUSE" -> raise("REFRESH_TOKEN_REUSE", event.userId() == null ? "unknown"
                    : event.userId(), "A rotated refresh token was presented again; the session was revoked");
            case "JOB_UNASSIGNED" -> raise("JOB_UNASSIGNED", event.detail().getOrDefault("jobId", "unknown"),
                    "No installer accepted within the widest radius; consider re-dispatching");
            default -> {
            }
        }
    }

    /** A sliding-window count from two fixed windows, shared by every instance through {@link SharedState}. */
    private long countInWindow(String key, Duration window) {
        long now = clock.millis();
        long index = now / window.toMillis();
        long current = shared.increment("mon:" + key + ":" + index, window.multipliedBy(2));
        long previous = shared.get("mon:" + key + ":" + (index - 1)).orElse(0);
        double elapsed = (now % window.toMillis()) / (double) window.toMillis();
        return Math.round(current + previous * (1.0 - elapsed));
    }

    private void blockAutomatically(String ip) {
        Instant now = clock.instant();
        boolean alreadyBlocked = active.stream().anyMatch(b -> b.authOnly() && matches(b, ip)
                && (b.expiresAt() == null || b.expiresAt().isAfter(now)));
        if (alreadyBlocked) {
            return;
        }
        String cidr = ip.contains(":") ? ip + "/128" : ip + "/32";
        newTx.executeWithoutResult(s -> blocks.save(new IpBlock(UUID.randomUUID().toString(), cidr,
                properties.failedLoginsPerIp() + " failed sign-ins in " + properties.failedLoginWindow().toMinutes()
                        + " minutes", true, true, now, now.plus(properties.ipBlockDuration()), null)));
        refresh();
        raise("IP_BLOCKED", ip, "Sign-ins from this address blocked for " + properties.ipBlockDuration().toMinutes()
                + " minutes after repeated failures");
        events.publish("IP_BLOCKED", null, SecurityEvent.Outcome.INFO, Map.of("cidr", cidr, "automatic", "true"));
    }

    void raise(String type, String subject, String detail) {
        newTx.executeWithoutResult(s -> alerts.save(new Alert(UUID.randomUUID().toString(), type, clock.instant(),
                truncate(subject, 100), detail)));
        meters.counter("sundispatch.alerts", "type", type).increment();
        log.warn("ALERT {} for {}: {}", type, subject, detail);
    }

    @Override
    public Optional<String> blocked(String ip, String path) {
        if (ip == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        for (ActiveBlock b : active) {
            if ((b.expiresAt() == null || b.expiresAt().isAfter(now)) && (!b.authOnly()
                    || path.startsWith("/api/v1/auth/")) && matches(b, ip)) {
                return Optional.of(b.reason());
            }
        }
        return Optional.empty();
    }

    private static boolean matches(ActiveBlock b, String ip) {
        try {
            return b.matcher().matches(ip);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Reloads the active blocks (other instances' blocks included) every few seconds. */
    @Scheduled(fixedDelay = 5_000)
    public void refresh() {
        active = blocks.findActive(clock.instant()).stream()
                .map(b -> new ActiveBlock(b.id(), new IpAddressMatcher(b.cidr()), b.authOnly(), b.expiresAt(),
                        b.reason()))
                .toList();
    }

    public IpBlockView addBlock(String adminId, String cidr, String reason, Instant expiresAt, String ownIp) {
        IpAddressMatcher matcher;
        try {
            matcher = new IpAddressMatcher(cidr);
        } catch (IllegalArgumentException e) {
            throw ApiException.validation("cidr", "must be an IPv4 or IPv6 address, optionally with /prefix");
        }
        if (expiresAt != null && !expiresAt.isAfter(clock.instant())) {
            throw ApiException.validation("expiresAt", "must be in the future");
        }
        if (expiresAt != null && expiresAt.isAfter(clock.instant().plus(Duration.ofDays(3650)))) {
            throw ApiException.validation("expiresAt", "must be within 10 years; leave it out for no end date");
        }
        if (ownIp != null && matcher.matches(ownIp)) {
            throw ApiException.badRequest("would_block_self", "This block would lock out your own address.");
        }
        String normalised = cidr.contains("/") ? cidr : cidr + (cidr.contains(":") ? "/128" : "/32");
        IpBlock saved = newTx.execute(s -> blocks.save(new IpBlock(UUID.randomUUID().toString(), normalised,
                reason.trim(), false, false, clock.instant(), expiresAt, adminId)));
        refresh();
        events.publish("IP_BLOCKED", adminId, SecurityEvent.Outcome.INFO,
                Map.of("cidr", normalised, "automatic", "false"));
        return view(saved);
    }

    public void removeBlock(String adminId, String id) {
        IpBlock block = blocks.findById(id).orElseThrow(() -> ApiException.notFound("No such block."));
        newTx.executeWithoutResult(s -> blocks.deleteById(id));
        refresh();
        events.publish("IP_UNBLOCKED", adminId, SecurityEvent.Outcome.INFO, Map.of("cidr", block.cidr()));
    }

    public List<IpBlockView> activeBlocks() {
        return blocks.findActive(clock.instant()).stream().map(MonitoringService::view).toList();
    }

    public Page<AuditView> audit(String type, String userId, String ip, Instant from, Instant to, Pageable pageable) {
        catchUp();
        return audit.search(type, userId, ip, from, to, pageable).map(e -> new AuditView(e.id(), e.type(),
                e.occurredAt(), e.userId(), e.ip(), e.userAgent(), e.outcome(), e.detail()));
    }

    public Page<AlertView> alerts(String type, Pageable pageable) {
        catchUp();
        return (type == null ? alerts.findAll(pageable) : alerts.findByType(type, pageable)).map(a -> new AlertView(
                a.id(), a.type(), a.raisedAt(), a.subject(), a.detail(), a.status()));
    }

    @Scheduled(cron = "0 17 3 * * *")
    public void purgeOldAuditEvents() {
        Instant before = clock.instant().minus(properties.auditRetention());
        Integer purged = newTx.execute(s -> audit.deleteOlderThan(before));
        if (purged != null && purged > 0) {
            log.info("Purged {} audit events older than {}", purged, properties.auditRetention());
        }
    }

    private static IpBlockView view(IpBlock b) {
        return new IpBlockView(b.id(), b.cidr(), b.reason(), b.automatic(), b.authOnly(), b.createdAt(),
                b.expiresAt());
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    private static String jsonText(String s) {
        return RedactingJsonFormatter.escape(s == null ? "" : s);
    }
}
