package com.sundispatch.places.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.IntSupplier;

import org.junit.jupiter.api.Test;

/**
 * Not a test: the in-memory gazetteer's latency (target: p99 under 5 ms). Run with {@code ./mvnw verify
 * -Pbenchmark -Dit.test=GazetteerBenchmark}; it prints load time and p50/p99/max per kind of question (one thread,
 * after a warm-up) and writes them to target/benchmarks/gazetteer.txt. Performance is reported, never asserted.
 */
class GazetteerBenchmark {

    private static final int WARMUP = 20_000;
    private static final int MEASURED = 20_000;

    @Test
    void searchAndReverseLatency() throws IOException {
        long loadStart = System.nanoTime();
        Gazetteer g = Gazetteer.load();
        double loadMs = (System.nanoTime() - loadStart) / 1e6;
        Random random = new Random(42);
        List<String> towns = List.of("Berlin", "München", "Muenchen", "Frankfurt", "Neustadt", "Köln", "Hamburg",
                "Stuttgart", "Wien", "Graz", "Zürich", "Salzburg", "Gießen", "Giessen", "Regensburg", "Bad");
        StringBuilder report = new StringBuilder(String.format(Locale.ROOT,
                "Gazetteer (in memory): loaded %d postal codes and %d towns in %.0f ms (first use)%n"
                        + "%d questions per kind after %d warm-up, one thread; latency in ms%n",
                g.postalCodeCount(), g.townCount(), loadMs, MEASURED, WARMUP));
        report.append("| question | p50 | p99 | max |\n|---|---|---|---|\n");
        List<long[]> all = new ArrayList<>();
        all.add(run(report, "postal code, exact (5 digits)",
                () -> g.search(String.format(Locale.ROOT, "%05d", 1000 + random.nextInt(98_000)), "DE", 6).size()));
        all.add(run(report, "postal code prefix (2-3 digits)",
                () -> g.search(Integer.toString(10 + random.nextInt(990)), null, 6).size()));
        all.add(run(report, "town name, whole or folded",
                () -> g.search(towns.get(random.nextInt(towns.size())), null, 6).size()));
        all.add(run(report, "town prefix, one letter (worst case)",
                () -> g.search(String.valueOf((char) ('a' + random.nextInt(26))), null, 6).size()));
        all.add(run(report, "postal code + town",
                () -> g.search("Berlin " + (10 + random.nextInt(5)), "DE", 6).size()));
        all.add(run(report, "reverse (nearest postal area)",
                () -> g.reverse(46 + random.nextDouble() * 9, 6 + random.nextDouble() * 11).isPresent() ? 1 : 0));
        long[] merged = all.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        report.append(String.format(Locale.ROOT, "| all of the above | %.3f | %.3f | %.3f |%n",
                merged[merged.length / 2] / 1e6, merged[merged.length * 99 / 100] / 1e6,
                merged[merged.length - 1] / 1e6));
        System.out.println(report);
        Path out = Path.of("target/benchmarks/gazetteer.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
    }

    private static long[] run(StringBuilder report, String name, IntSupplier question) {
        int sink = 0;
        for (int i = 0; i < WARMUP; i++) {
            sink += question.getAsInt();
        }
        long[] nanos = new long[MEASURED];
        for (int i = 0; i < MEASURED; i++) {
            long t = System.nanoTime();
            sink += question.getAsInt();
            nanos[i] = System.nanoTime() - t;
        }
        Arrays.sort(nanos);
        report.append(String.format(Locale.ROOT, "| %s | %.3f | %.3f | %.3f |%n", name, nanos[MEASURED / 2] / 1e6,
                nanos[MEASURED * 99 / 100] / 1e6, nanos[MEASURED - 1] / 1e6));
        if (sink < 0) {
            report.append("(unreachable)\n");
        }
        return nanos;
    }
}
