package com.sundispatch.security.internal;

import java.time.Clock;

import io.github.bucket4j.TimeMeter;

/** Bucket4j's notion of time taken from the application clock, so limits refill as tests move time. */
record ClockTimeMeter(Clock clock) implements TimeMeter {

    @Override
    public long currentTimeNanos() {
        return clock.millis() * 1_000_000L;
    }

    @Override
    public boolean isWallClockBased() {
        return true;
    }
}
