package com.sundispatch.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The benchmarks' load driver: {@code clients} platform threads each call {@link Call} in a closed loop; after
 * the warm-up, every call's latency is sampled for the measured period. Throughput and percentiles (nearest
 * rank) come back as one {@link Result} row.
 */
public final class ClosedLoopLoad {

    /** One call of one client; false (or an exception) counts as an error. */
    public interface Call {
        boolean run(int client) throws Exception;
    }

    public record Result(String name, int clients, double perSecond, double p50, double p95, double p99,
            int errors) {

        public String row() {
            return String.format(Locale.ROOT, "| %s | %d | %.0f | %.1f | %.1f | %.1f | %d |", name, clients,
                    perSecond, p50, p95, p99, errors);
        }
    }

    private ClosedLoopLoad() {
    }

    public static Result measure(String name, int clients, Duration warmup, Duration measure, Call call)
            throws InterruptedException {
        AtomicInteger errors = new AtomicInteger();
        AtomicBoolean measuring = new AtomicBoolean(false);
        AtomicBoolean running = new AtomicBoolean(true);
        List<Thread> threads = new ArrayList<>();
        long[][] samples = new long[clients][];
        int[] counts = new int[clients];
        for (int c = 0; c < clients; c++) {
            samples[c] = new long[200_000];
            int client = c;
            Thread t = new Thread(() -> {
                while (running.get()) {
                    long start = System.nanoTime();
                    boolean ok;
                    try {
                        ok = call.run(client);
                    } catch (Exception e) {
                        ok = false;
                    }
                    long took = System.nanoTime() - start;
                    if (measuring.get()) {
                        if (!ok) {
                            errors.incrementAndGet();
                        } else if (counts[client] < samples[client].length) {
                            samples[client][counts[client]++] = took;
                        }
                    }
                }
            });
            t.start();
            threads.add(t);
        }
        Thread.sleep(warmup.toMillis());
        measuring.set(true);
        long began = System.nanoTime();
        Thread.sleep(measure.toMillis());
        measuring.set(false);
        double seconds = (System.nanoTime() - began) / 1e9;
        running.set(false);
        for (Thread t : threads) {
            t.join(30_000);
        }
        int total = 0;
        for (int c = 0; c < clients; c++) {
            total += counts[c];
        }
        long[] all = new long[total];
        int k = 0;
        for (int c = 0; c < clients; c++) {
            System.arraycopy(samples[c], 0, all, k, counts[c]);
            k += counts[c];
        }
        Arrays.sort(all);
        Result result = new Result(name, clients, total / seconds, percentileMillis(all, 50),
                percentileMillis(all, 95), percentileMillis(all, 99), errors.get());
        System.out.println(result.row());
        return result;
    }

    private static double percentileMillis(long[] sortedNanos, int p) {
        return sortedNanos.length == 0 ? Double.NaN
                : sortedNanos[Math.min(sortedNanos.length - 1, sortedNanos.length * p / 100)] / 1e6;
    }
}
