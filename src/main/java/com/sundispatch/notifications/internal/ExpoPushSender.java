package com.sundispatch.notifications.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

import com.sundispatch.security.SessionStatusSource;

import tools.jackson.databind.JsonNode;

/**
 * Pushes to the mobile apps through Expo's push service (https://docs.expo.dev/push-notifications/sending-notifications/):
 * one POST of up to 100 messages, answered by one ticket per message in the same order. A ticket with
 * {@code DeviceNotRegistered} means the app was uninstalled or its token changed: the token is removed. A token
 * whose session has ended (signed out, revoked, expired) is removed before anything is sent to it, so a phone
 * that signed out never shows the account's notifications again. Logs carry token ids, never tokens. Accepted
 * tickets are kept until their receipts are read ({@link ExpoPushReceipts}).
 */
@Component
class ExpoPushSender implements PushSender {

    /** Expo's limit per request. */
    static final int BATCH = 100;
    static final Pattern ERROR_NAME = Pattern.compile("[A-Za-z]{1,40}");
    private static final Pattern TICKET_ID = Pattern.compile("[A-Za-z0-9-]{1,64}");
    private static final Logger log = LoggerFactory.getLogger(ExpoPushSender.class);

    private final DevicePushTokenRepository tokens;
    private final ExpoPushReceiptRepository receipts;
    private final SessionStatusSource sessions;
    private final ExpoPushProperties properties;
    private final ExpoApi expo;
    private final Clock clock;

    ExpoPushSender(DevicePushTokenRepository tokens, ExpoPushReceiptRepository receipts,
            SessionStatusSource sessions, ExpoPushProperties properties, ExpoApi expo, Clock clock) {
        this.tokens = tokens;
        this.receipts = receipts;
        this.sessions = sessions;
        this.properties = properties;
        this.expo = expo;
        this.clock = clock;
    }

    @Override
    public int send(String userId, PushMessage message) {
        if (!properties.enabled()) {
            return 0;
        }
        List<DevicePushToken> live = new ArrayList<>();
        for (DevicePushToken token : tokens.findByUserIdOrderByCreatedAtAsc(userId)) {
            if (sessions.isSessionLive(token.sessionId())) {
                live.add(token);
            } else {
                tokens.remove(token.id());
                log.info("Push token {} removed: its session has ended", token.id());
            }
        }
        int accepted = 0;
        for (int from = 0; from < live.size(); from += BATCH) {
            accepted += sendBatch(live.subList(from, Math.min(live.size(), from + BATCH)), message);
        }
        return accepted;
    }

    /** One request to Expo; never throws: a failed push must not undo or delay whatever caused it. */
    private int sendBatch(List<DevicePushToken> batch, PushMessage message) {
        List<Map<String, Object>> messages = batch.stream().map(t -> body(t, message)).toList();
        JsonNode answer = expo.post(ExpoPushProperties.checkedUrl(properties.url()), messages,
                batch.size() + " message(s)");
        if (answer == null) {
            return 0;
        }
        JsonNode tickets = answer.path("data");
        if (!tickets.isArray() || tickets.size() != batch.size()) {
            log.warn("Expo push service answered without one ticket per message");
            return 0;
        }
        int accepted = 0;
        for (int i = 0; i < batch.size(); i++) {
            DevicePushToken token = batch.get(i);
            JsonNode ticket = tickets.get(i);
            if ("ok".equals(ticket.path("status").asString(""))) {
                tokens.markSuccess(token.id(), clock.instant());
                // The receipt, read later, says whether Apple or Google took it (ExpoPushReceipts).
                String ticketId = ticket.path("id").asString("");
                if (TICKET_ID.matcher(ticketId).matches()) {
                    try {
                        receipts.save(new ExpoPushReceipt(ticketId, token.id(), clock.instant()));
                    } catch (DataIntegrityViolationException e) {
                        // The token went meanwhile (signed out, removed), or the ticket id is not new: nothing to keep.
                        log.debug("Receipt of a push to token {} not kept", token.id());
                    } catch (DataAccessException e) {
                        // Only the later clean-up is lost; the other tickets of the batch are still handled.
                        log.warn("Receipt of a push to token {} not kept: {}", token.id(), e.getClass().getSimpleName());
                    }
                }
                accepted++;
                continue;
            }
            String error = ticket.path("details").path("error").asString("");
            // Expo's error names are short identifiers; anything else is not repeated into the log.
            error = ERROR_NAME.matcher(error).matches() ? error : "unknown";
            if ("DeviceNotRegistered".equals(error)) {
                tokens.remove(token.id());
                log.info("Push token {} removed: Expo reports the device is no longer registered", token.id());
            } else {
                log.warn("Push to token {} not accepted by Expo: {}", token.id(), error);
            }
        }
        return accepted;
    }

    /**
     * Title, body, the app-relative link and the event id (the app de-duplicates by it); offers are urgent (they
     * expire in minutes), so they go out with high priority and their own Android channel.
     */
    private static Map<String, Object> body(DevicePushToken token, PushMessage message) {
        boolean urgent = message.tag() != null && message.tag().startsWith("offer");
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("eventId", message.eventId());
        data.put("link", message.link());
        data.put("tag", message.tag());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("to", token.token());
        // Expo, FCM and APNs read this payload (Web Push is encrypted end to end): a security notice says only that
        // there is one; the app shows its text from the inbox.
        PushSender.Discreet shown = message.discreetOrSame();
        body.put("title", shown.title());
        body.put("body", shown.body());
        body.put("data", data);
        body.put("sound", "default");
        body.put("priority", urgent ? "high" : "default");
        body.put("channelId", urgent ? "offers" : "default");
        return body;
    }
}
