package com.sundispatch.security.internal;

import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

import com.sundispatch.security.SharedState;

/** The single-instance store: a map whose entries expire by the monotonic clock. */
class InMemorySharedState implements SharedState {

    private record Entry(long value, long expiresAtNanos) {
        boolean live(long now) {
            return now - expiresAtNanos < 0;
        }
    }

    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();

    @Override
    public long increment(String key, Duration ttl) {
        long now = System.nanoTime();
        return entries.compute(key, (k, e) -> e == null || !e.live(now) ? new Entry(1, now + ttl.toNanos())
                : new Entry(e.value() + 1, e.expiresAtNanos())).value();
    }

    @Override
    public OptionalLong get(String key) {
        Entry e = entries.get(key);
        return e != null && e.live(System.nanoTime()) ? OptionalLong.of(e.value()) : OptionalLong.empty();
    }

    @Override
    public void set(String key, long value, Duration ttl) {
        entries.put(key, new Entry(value, System.nanoTime() + ttl.toNanos()));
    }

    @Override
    public void delete(String key) {
        entries.remove(key);
    }

    void purgeExpired() {
        long now = System.nanoTime();
        entries.values().removeIf(e -> !e.live(now));
    }
}
