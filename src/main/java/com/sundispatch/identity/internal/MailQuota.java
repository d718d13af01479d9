package com.sundispatch.identity.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.sundispatch.security.SecurityEvent.Outcome;
import com.sundispatch.security.SecurityEvents;
import com.sundispatch.security.SharedState;

/**
 * A cap on account mails per recipient (default 5 an hour), so nobody can turn the server into a mail bomb
 * against one address by asking from many addresses. Counted in {@link SharedState}, so every instance shares
 * the count (Redis when configured). A sliding window: the previous hour's count, weighted by how much of it
 * still overlaps the last 60 minutes, plus this hour's. Keys hold a hash of the address, never the address.
 * Over the cap the caller's answer stays the same (202) and the mail is simply not sent; the suppression is
 * audited with the account id and a short hash of the address.
 */
@Component
class MailQuota {

    private static final Duration WINDOW = Duration.ofHours(1);
    private static final Logger log = LoggerFactory.getLogger(MailQuota.class);

    private final SharedState state;
    private final Clock clock;
    private final SecurityEvents audit;
    private final int perHour;

    MailQuota(SharedState state, Clock clock, SecurityEvents audit, AccountMailProperties properties) {
        this.state = state;
        this.clock = clock;
        this.audit = audit;
        this.perHour = properties.perRecipientPerHour();
    }

    /** Counts one mail to this address; false (and audited) when the address had its share this hour. */
    boolean tryAcquire(String email, String userId, String purpose) {
        String recipient = recipientHash(email);
        long now = clock.millis();
        long window = now / WINDOW.toMillis();
        double intoWindow = (double) (now % WINDOW.toMillis()) / WINDOW.toMillis();
        long previous;
        long current;
        try {
            previous = state.get(key(recipient, window - 1)).orElse(0);
            current = state.increment(key(recipient, window), WINDOW.multipliedBy(2));
        } catch (SharedState.UnavailableException e) {
            // The resilient store falls back by itself; this is the last resort: a mail too many beats none.
            log.warn("Mail quota store unavailable; sending without the per-recipient cap");
            return true;
        }
        double estimate = previous * (1 - intoWindow) + current;
        if (estimate <= perHour) {
            return true;
        }
        log.info("Suppressed {} mail for user {}: recipient {} is over {} mails an hour", purpose, userId,
                recipient.substring(0, 12), perHour);
        audit.publish("MAIL_SUPPRESSED", userId, Outcome.DENIED,
                Map.of("purpose", purpose, "recipient", recipient.substring(0, 12)));
        return false;
    }

    static String recipientHash(String email) {
        return SecureTokens.sha256Hex("mail-quota:" + mailbox(email));
    }

    /**
     * The mailbox an address is delivered to, as far as every provider agrees: lower-cased and without a
     * {@code +tag} in the local part, so {@code victim+1@}, {@code victim+2@} ... share one cap instead of each
     * bringing five more mails into the same inbox.
     */
    static String mailbox(String email) {
        String lower = email.toLowerCase(Locale.ROOT);
        int at = lower.lastIndexOf('@');
        int plus = lower.indexOf('+');
        return at > 0 && plus > 0 && plus < at ? lower.substring(0, plus) + lower.substring(at) : lower;
    }

    private static String key(String recipient, long window) {
        return "mail-quota:" + recipient + ":" + window;
    }
}
