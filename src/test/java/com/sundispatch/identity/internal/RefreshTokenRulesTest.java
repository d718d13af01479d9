package com.sundispatch.identity.internal;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import com.sundispatch.identity.internal.RefreshToken.Status;
import com.sundispatch.identity.internal.RefreshTokenRules.Outcome;

import static org.assertj.core.api.Assertions.assertThat;

class RefreshTokenRulesTest {

    private final Instant now = Instant.parse("2026-12-01T09:00:00Z");
    private final Instant later = now.plus(Duration.ofDays(1));

    @Test
    void liveTokenOfLiveSessionRotates() {
        assertThat(RefreshTokenRules.decide(Status.ACTIVE, later, false, later, now)).isEqualTo(Outcome.ROTATE);
    }

    @Test
    void alreadyRotatedTokenIsAReplay() {
        assertThat(RefreshTokenRules.decide(Status.ROTATED, later, false, later, now)).isEqualTo(Outcome.REPLAYED);
    }

    @Test
    void rotatedTokenIsAReplayEvenAfterItsIdleExpiry() {
        assertThat(RefreshTokenRules.decide(Status.ROTATED, now.minusSeconds(1), false, later, now))
                .isEqualTo(Outcome.REPLAYED);
    }

    @Test
    void anyTokenOfARevokedSessionIsRefusedWithoutFurtherAction() {
        assertThat(RefreshTokenRules.decide(Status.ACTIVE, later, true, later, now)).isEqualTo(Outcome.SESSION_ENDED);
        assertThat(RefreshTokenRules.decide(Status.ROTATED, later, true, later, now))
                .isEqualTo(Outcome.SESSION_ENDED);
    }

    @Test
    void idleOrAbsoluteExpiryEndsTheToken() {
        assertThat(RefreshTokenRules.decide(Status.ACTIVE, now, false, later, now)).isEqualTo(Outcome.EXPIRED);
        assertThat(RefreshTokenRules.decide(Status.ACTIVE, later, false, now.minusMillis(1), now))
                .isEqualTo(Outcome.EXPIRED);
    }

    @Test
    void nextExpiryNeverPassesTheSessionsAbsoluteEnd() {
        assertThat(RefreshTokenRules.nextExpiry(now, Duration.ofDays(7), now.plus(Duration.ofDays(30))))
                .isEqualTo(now.plus(Duration.ofDays(7)));
        assertThat(RefreshTokenRules.nextExpiry(now, Duration.ofDays(7), now.plus(Duration.ofDays(2))))
                .isEqualTo(now.plus(Duration.ofDays(2)));
    }

    @Test
    void newTokensAreRandom256BitsStoredAsSha256() {
        String a = SecureTokens.newToken();
        String b = SecureTokens.newToken();
        assertThat(a).isNotEqualTo(b).hasSize(43);
        assertThat(SecureTokens.sha256Hex(a)).hasSize(64).isNotEqualTo(a);
    }
}
