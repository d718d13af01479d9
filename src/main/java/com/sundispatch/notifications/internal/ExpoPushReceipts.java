package com.sundispatch.notifications.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.PageRequest;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;

/**
 * Reads the receipts of the pushes Expo accepted (https://docs.expo.dev/push-notifications/sending-notifications/#push-receipts):
 * 15 minutes after a push, in requests of up to 1,000 ticket ids. A receipt with {@code DeviceNotRegistered}
 * forgets the token (the app was uninstalled; Apple and Google say so only here), any other error is logged by
 * its name. A ticket without a receipt yet is asked for again next time, until Expo's one day is over. Several
 * instances may read the same receipts: every step is idempotent.
 */
@Component
public class ExpoPushReceipts {

    /** Expo: receipts are usually ready within 15 minutes. */
    static final Duration READY_AFTER = Duration.ofMinutes(15);
    /** Expo keeps a receipt for a day. */
    static final Duration KEPT_FOR = Duration.ofHours(24);
    /** Expo's limit per getReceipts request. */
    static final int BATCH = 1000;
    private static final Logger log = LoggerFactory.getLogger(ExpoPushReceipts.class);

    /** What one run did: receipts read (ok or error), tokens forgotten, tickets still waiting. */
    public record Checked(int read, int tokensRemoved, int waiting) {
    }

    private final ExpoPushReceiptRepository receipts;
    private final DevicePushTokenRepository tokens;
    private final ExpoPushProperties properties;
    private final ExpoApi expo;
    private final Clock clock;

    ExpoPushReceipts(ExpoPushReceiptRepository receipts, DevicePushTokenRepository tokens,
            ExpoPushProperties properties, ExpoApi expo, Clock clock) {
        this.receipts = receipts;
        this.tokens = tokens;
        this.properties = properties;
        this.expo = expo;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${sundispatch.push.expo.receipt-check-interval:PT5M}",
            initialDelayString = "${sundispatch.push.expo.receipt-check-interval:PT5M}")
    void scheduled() {
        if (properties.enabled()) {
            check();
        }
    }

    /** One pass over the tickets that are due; never throws for Expo's sake (an unanswered call waits for the next). */
    public Checked check() {
        Instant now = clock.instant();
        receipts.removeOlderThan(now.minus(KEPT_FOR));
        int read = 0;
        int removed = 0;
        int waiting = 0;
        List<ExpoPushReceipt> due = receipts.findDue(now.minus(READY_AFTER), PageRequest.of(0, BATCH));
        if (due.isEmpty()) {
            return new Checked(0, 0, 0);
        }
        Map<String, ExpoPushReceipt> byTicket = new LinkedHashMap<>();
        due.forEach(r -> byTicket.put(r.ticketId(), r));
        JsonNode answer = expo.post(properties.receiptsUrl(), Map.of("ids", List.copyOf(byTicket.keySet())),
                byTicket.size() + " receipt request(s)");
        JsonNode data = answer == null ? null : answer.path("data");
        if (data == null || !data.isObject()) {
            return new Checked(0, 0, due.size());
        }
        List<String> done = new ArrayList<>();
        Map<String, Integer> errors = new TreeMap<>();
        for (ExpoPushReceipt ticket : due) {
            JsonNode receipt = data.path(ticket.ticketId());
            if (!receipt.isObject()) {
                waiting++;
                continue;
            }
            done.add(ticket.ticketId());
            read++;
            if ("ok".equals(receipt.path("status").asString(""))) {
                continue;
            }
            String error = receipt.path("details").path("error").asString("");
            error = ExpoPushSender.ERROR_NAME.matcher(error).matches() ? error : "unknown";
            if ("DeviceNotRegistered".equals(error)) {
                removed += tokens.remove(ticket.tokenId());
                log.info("Push token {} removed: its receipt says the device is no longer registered",
                        ticket.tokenId());
            } else {
                errors.merge(error, 1, Integer::sum);
            }
        }
        if (!errors.isEmpty()) {
            // One line per run, not per ticket: an expired credential fails every push at once.
            log.warn("Expo receipts report undelivered pushes: {}", errors);
        }
        if (!done.isEmpty()) {
            receipts.removeAll(done);
        }
        return new Checked(read, removed, waiting);
    }
}
