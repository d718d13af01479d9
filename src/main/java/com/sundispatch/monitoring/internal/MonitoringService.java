package com.sundispatch.monitoring.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import jakarta.annotation.Nullable;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Limit;
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

import com.sundispatch.identity.Accounts;
import com.sundispatch.monitoring.AlertRaised;
import com.sundispatch.monitoring.AlertSeverity;
import com.sundispatch.security.ClientKeys;
import com.sundispatch.security.IpBlockList;
import com.sundispatch.security.SecurityEvent;
import com.sundispatch.security.SecurityEvents;
import com.sundispatch.security.SharedState;
import com.sundispatch.shared.ApiException;

import io.micrometer.core.instrument.MeterRegistry;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Stores every security event (in its own transaction, so a failing store never breaks the user's request and
 * a rolled-back request still leaves its trace), runs the alert rules, and keeps the IP block list that the
 * security chain enforces. A request never needs a second pooled connection for this: events of a thread that
 * still holds its transaction's connection go through {@link AuditHandOff}.
 */
@Service
public class MonitoringService implements IpBlockList, DisposableBean {

    public record AuditView(String id, String type, Instant occurredAt, @Nullable String userId, @Nullable String ip,
            @Nullable String userAgent,
            @Schema(implementation = SecurityEvent.Outcome.class)
            String outcome, @Nullable String detail) {
    }

    public record AlertView(String id, String type,
            @Schema(implementation = AlertSeverity.class)
            String severity, Instant raisedAt, @Nullable String subject,
            @Nullable String detail,
            @Schema(allowableValues = { Alert.OPEN, Alert.ACKNOWLEDGED, Alert.RESOLVED })
            String status, @Nullable String acknowledgedBy, @Nullable Instant acknowledgedAt,
            @Nullable String resolvedBy,
            @Nullable Instant resolvedAt, @Nullable String note) {
    }

    public record IpBlockView(String id, String cidr, @Nullable String reason, boolean automatic, boolean authOnly,
            Instant createdAt, @Nullable Instant expiresAt) {
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
    private final ClientKeys clientKeys;
    private final RuleProperties rules;
    private final Accounts accounts;
    private final ApplicationEventPublisher publisher;
    private volatile List<ActiveBlock> active = List.of();
    private final AuditHandOff handOff;

    MonitoringService(AuditEventRepository audit, AlertRepository alerts, IpBlockRepository blocks, SharedState shared,
            SecurityEvents events, MonitoringProperties properties, PlatformTransactionManager transactions,
            MeterRegistry meters, Clock clock, ClientKeys clientKeys, RuleProperties rules, Accounts accounts,
            ApplicationEventPublisher publisher) {
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
        this.clientKeys = clientKeys;
        this.rules = rules;
        this.accounts = accounts;
        this.publisher = publisher;
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
                // Counted per client key (an IPv6 /64), so rotating addresses inside one network adds up.
                if (event.ip() != null && countInWindow("fail:" + clientKeys.key(event.ip()),
                        properties.failedLoginWindow()) >= properties.failedLoginsPerIp()) {
                    blockAutomatically(event.ip());
                }
                if (event.type().equals("MFA_FAILED") && event.userId() != null
                        && countInWindow("mfa:" + event.userId(), rules.escalationWindow())
                                % rules.mfaFailuresPerSignal() == 0) {
                    suspicious(event.userId(), "repeated wrong two-factor codes");
                }
            }
            case "REAUTHENTICATION_FAILED" -> {
                // Wrong codes at a step-up are code guesses like at sign-in: they count toward the same escalation.
                if ("invalid_mfa_code".equals(event.detail().get("reason")) && event.userId() != null
                        && countInWindow("mfa:" + event.userId(), rules.escalationWindow())
                                % rules.mfaFailuresPerSignal() == 0) {
                    suspicious(event.userId(), "repeated wrong two-factor codes");
                }
            }
            case "ACCESS_DENIED" -> {
                if (event.userId() != null) {
                    long n = countInWindow("denied:" + event.userId(), properties.accessDeniedWindow());
                    if (n == properties.accessDeniedPerUser()) {
                        raise("ACCOUNT_FLAGGED", event.userId(), n + " access-denied answers in "
                                + properties.accessDeniedWindow().toMinutes() + " minutes; review this account",
                                AlertSeverity.MEDIUM);
                        suspicious(event.userId(), "repeated attempts to reach what the account may not");
                    }
                }
            }
            case "REFRESH_TOKEN_REUSE" -> {
                raise("REFRESH_TOKEN_REUSE", event.userId() == null ? "unknown" : event.userId(),
                        "A rotated refresh token was presented again; the session was revoked", AlertSeverity.HIGH);
                if (event.userId() != null) {
                    suspicious(event.userId(), "a stolen sign-in token was used");
                }
            }
            case "JOB_UNASSIGNED" -> raise("JOB_UNASSIGNED", event.detail().getOrDefault("jobId", "unknown"),
                    "No installer accepted within the widest radius; consider re-dispatching", AlertSeverity.LOW);
            case "JOB_NOT_STARTED" -> raise("JOB_NOT_STARTED", event.detail().getOrDefault("jobId", "unknown"),
                    "An agreed appointment (" + event.detail().getOrDefault("scheduledStart", "?") + ") passed a day "
                            + "ago without the installation starting; contact the installer and the customer",
                    AlertSeverity.MEDIUM);
            case "LEDGER_MISMATCH" -> raise("LEDGER_MISMATCH", event.detail().getOrDefault("orderId", "unknown"),
                    "The ledger check found " + event.detail().getOrDefault("differences", "?") + " difference(s) "
                            + "between the ledger and the payment records; GET /api/v1/admin/ledger/check lists them",
                    AlertSeverity.HIGH);
            case "REFUND_FAILED" -> raise("REFUND_FAILED", event.detail().getOrDefault("refundId", "unknown"),
                    "The payment provider refused a refund (" + event.detail().getOrDefault("code", "?") + "); "
                            + "the customer is still owed the money: refund them another way",
                    AlertSeverity.MEDIUM);
            case "JOB_DISPUTED" -> raise("JOB_DISPUTED", event.detail().getOrDefault("jobId", "unknown"),
                    "The customer disputed the completion report; review it and resolve the dispute",
                    AlertSeverity.MEDIUM);
            default -> {
            }
        }
    }

    /**
     * One more suspicious signal on an account; enough of them within the escalation window lock the account for
     * a while (identity ends its sessions, refuses sign-in and mails the owner).
     */
    private void suspicious(String userId, String what) {
        long signals = countInWindow("suspicious:" + userId, rules.escalationWindow());
        if (signals < rules.signalsToLock()) {
            return;
        }
        Instant until = clock.instant().plus(rules.lockDuration());
        String reason = signals + " suspicious signals within " + rules.escalationWindow().toHours() + " h, the last: "
                + what;
        if (accounts.lockTemporarily(userId, until, reason)) {
            raise("ACCOUNT_LOCKED", userId, "Account locked until " + until + " (" + reason + ")", AlertSeverity.HIGH);
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

    private void blockAutomatically(String rawIp) {
        Optional<String> range = clientKeys.cidr(rawIp);
        if (range.isEmpty()) {
            return;
        }
        // The whole range the key stands for (an IPv6 /64): blocking one /128 would be sidestepped at once.
        String cidr = range.get();
        String ip = ClientKeys.canonical(rawIp).orElse(rawIp);
        Instant now = clock.instant();
        boolean alreadyBlocked = active.stream().anyMatch(b -> b.authOnly() && matches(b, ip)
                && (b.expiresAt() == null || b.expiresAt().isAfter(now)));
        if (alreadyBlocked) {
            return;
        }
        newTx.executeWithoutResult(s -> blocks.save(new IpBlock(UUID.randomUUID().toString(), cidr,
                properties.failedLoginsPerIp() + " failed sign-ins in " + properties.failedLoginWindow().toMinutes()
                        + " minutes", true, true, now, now.plus(properties.ipBlockDuration()), null)));
        refresh();
        raise("IP_BLOCKED", cidr, "Sign-ins from this address range blocked for "
                + properties.ipBlockDuration().toMinutes() + " minutes after repeated failures", AlertSeverity.MEDIUM);
        // Many blocks in a short time mean a distributed attack: one HIGH alert (mailed), not one mail per block.
        if (countInWindow("autoblocks", rules.ipBlockFloodWindow()) == rules.ipBlockFlood()) {
            raise("IP_BLOCK_FLOOD", "many address ranges", rules.ipBlockFlood() + " address ranges blocked "
                    + "automatically within " + rules.ipBlockFloodWindow().toMinutes() + " minutes: a distributed "
                    + "attack on sign-in?", AlertSeverity.HIGH);
        }
        events.publish("IP_BLOCKED", null, SecurityEvent.Outcome.INFO, Map.of("cidr", cidr, "automatic", "true"));
    }

    void raise(String type, String subject, String detail, AlertSeverity severity) {
        // Published inside the transaction that stores it: listeners (the admin mail) run once it is committed.
        newTx.executeWithoutResult(s -> {
            Alert alert = alerts.save(new Alert(UUID.randomUUID().toString(), type, clock.instant(),
                    truncate(subject, 100), truncate(detail, 1000), severity));
            publisher.publishEvent(new AlertRaised(alert.id(), type, severity, alert.raisedAt(), alert.subject(),
                    alert.detail()));
        });
        meters.counter("sundispatch.alerts", "type", type).increment();
        log.warn("ALERT {} ({}) for {}: {}", type, severity, subject, detail);
    }

    /** OPEN to ACKNOWLEDGED, audited; anything else is 409 {@code invalid_state}. */
    public AlertView acknowledge(String adminId, String alertId) {
        AlertView view = change(alertId, a -> a.acknowledge(adminId, clock.instant()));
        events.publish("ALERT_ACKNOWLEDGED", adminId, SecurityEvent.Outcome.INFO, Map.of("alertId", alertId));
        return view;
    }

    /** OPEN or ACKNOWLEDGED to RESOLVED with an optional note, audited; a resolved alert is 409. */
    public AlertView resolve(String adminId, String alertId, String note) {
        String cleaned = note == null || note.isBlank() ? null : note.trim();
        AlertView view = change(alertId, a -> a.resolve(adminId, clock.instant(), cleaned));
        events.publish("ALERT_RESOLVED", adminId, SecurityEvent.Outcome.INFO, Map.of("alertId", alertId));
        return view;
    }

    private AlertView change(String alertId, Predicate<Alert> move) {
        try {
            return newTx.execute(s -> {
                Alert alert = alerts.findById(alertId).orElseThrow(() -> ApiException.notFound("No such alert."));
                if (!move.test(alert)) {
                    throw ApiException.conflict("invalid_state", "This alert is already " + alert.status()
                            .toLowerCase(Locale.ROOT) + ".");
                }
                alerts.flush();
                return view(alert);
            });
        } catch (OptimisticLockingFailureException e) {
            throw ApiException.conflict("invalid_state", "Someone else changed this alert just now. Reload it.");
        }
    }

    @Override
    public Optional<String> blocked(String rawIp, String path) {
        // One spelling for the matchers: IPv4-mapped IPv6 as IPv4, no zone id.
        String ip = rawIp == null ? null : ClientKeys.canonical(rawIp).orElse(null);
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

    public Page<AlertView> alerts(String type, String status, Pageable pageable) {
        catchUp();
        return alerts.search(type, status, pageable).map(MonitoringService::view);
    }

    private static AlertView view(Alert a) {
        return new AlertView(a.id(), a.type(), a.severity(), a.raisedAt(), a.subject(), a.detail(), a.status(),
                a.acknowledgedBy(), a.acknowledgedAt(), a.resolvedBy(), a.resolvedAt(), a.note());
    }

    /**
     * Hands every matching event, newest first, to {@code sink}, reading {@code pageSize} rows at a time by keyset:
     * an export of any size holds one page in memory. Returns how many were written.
     */
    public long exportAudit(String type, String userId, String ip, Instant from, Instant to, int pageSize,
            Consumer<AuditView> sink) {
        catchUp();
        long written = 0;
        Instant afterTime = null;
        String afterId = null;
        while (true) {
            List<AuditEvent> page = audit.exportPage(type, userId, ip, from, to, afterTime, afterId,
                    Limit.of(pageSize));
            for (AuditEvent e : page) {
                sink.accept(new AuditView(e.id(), e.type(), e.occurredAt(), e.userId(), e.ip(), e.userAgent(),
                        e.outcome(), e.detail()));
            }
            written += page.size();
            if (page.size() < pageSize) {
                return written;
            }
            AuditEvent last = page.get(page.size() - 1);
            afterTime = last.occurredAt();
            afterId = last.id();
        }
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
