package com.sundispatch.identity.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import com.sundispatch.security.SharedState;
import com.sundispatch.shared.ApiException;

/**
 * Brute-force defence per account (SECURITY.md A07): after 5 consecutive failures each further attempt
 * must wait, 1 s doubling up to 15 min, whatever the IP; a success resets. Checked before any hashing, so a
 * throttled attempt costs nothing. Unknown emails are counted exactly like known ones, so the throttle reveals
 * nothing either. (The per-IP rule, 20 failures in 10 minutes, is the monitoring module's automatic IP block.)
 */
@Component
class LoginThrottle {

    static final int FREE_FAILURES = 5;
    static final Duration FIRST_WAIT = Duration.ofSeconds(1);
    static final Duration MAX_WAIT = Duration.ofMinutes(15);
    private static final Duration KEEP = Duration.ofDays(1);

    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);

    private final SharedState state;
    private final Clock clock;

    LoginThrottle(SharedState state, Clock clock) {
        this.state = state;
        this.clock = clock;
    }

    /** Refuses with 429 while the account or the IP must wait. */
    void check(String email, String ip) {
        long now = clock.millis();
        long waitMillis = remaining(state.get(accountUntil(email)), now);
        if (waitMillis > 0) {
            long seconds = Math.max(1, (waitMillis + 999) / 1000);
            throw new ApiException(HttpStatus.TOO_MANY_REQUESTS, "login_throttled",
                    "Too many failed sign-ins. Try again in " + seconds + " s.", java.util.List.of(),
                    java.util.Map.of("Retry-After", Long.toString(seconds)));
        }
    }

    /** Counts a failure and returns how many there have been in a row. */
    long recordFailure(String email, String ip) {
        Instant now = clock.instant();
        long failures = state.increment(accountFailures(email), KEEP);
        if (failures >= FREE_FAILURES) {
            Duration wait = waitAfter(failures);
            state.set(accountUntil(email), now.plus(wait).toEpochMilli(), wait.plus(KEEP));
            if (failures == FREE_FAILURES) {
                log.warn("Account sign-ins throttled after {} consecutive failures", failures);
            }
        }
        return failures;
    }

    void recordSuccess(String email) {
        state.delete(accountFailures(email));
        state.delete(accountUntil(email));
    }

    /** 1 s after the 5th failure, doubling with each further one, never more than 15 min. */
    static Duration waitAfter(long failures) {
        long doublings = failures - FREE_FAILURES;
        if (doublings >= 20) {
            return MAX_WAIT;
        }
        Duration wait = FIRST_WAIT.multipliedBy(1L << doublings);
        return wait.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : wait;
    }

    private static long remaining(OptionalLong until, long now) {
        return until.isPresent() ? until.getAsLong() - now : 0;
    }

    private static String accountFailures(String email) {
        return "lf:n:" + SecureTokens.sha256Hex(email);
    }

    private static String accountUntil(String email) {
        return "lf:until:" + SecureTokens.sha256Hex(email);
    }

}
