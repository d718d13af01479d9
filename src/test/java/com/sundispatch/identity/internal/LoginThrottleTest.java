package com.sundispatch.identity.internal;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LoginThrottleTest {

    @Test
    void waitStartsAtOneSecondAfterTheFifthFailureAndDoubles() {
        assertThat(LoginThrottle.waitAfter(5)).isEqualTo(Duration.ofSeconds(1));
        assertThat(LoginThrottle.waitAfter(6)).isEqualTo(Duration.ofSeconds(2));
        assertThat(LoginThrottle.waitAfter(7)).isEqualTo(Duration.ofSeconds(4));
        assertThat(LoginThrottle.waitAfter(14)).isEqualTo(Duration.ofSeconds(512));
    }

    @Test
    void waitNeverExceedsFifteenMinutes() {
        assertThat(LoginThrottle.waitAfter(15)).isEqualTo(Duration.ofMinutes(15));
        assertThat(LoginThrottle.waitAfter(1_000_000)).isEqualTo(Duration.ofMinutes(15));
    }
}
