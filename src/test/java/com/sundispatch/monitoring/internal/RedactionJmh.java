package com.sundispatch.monitoring.internal;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/** The redaction step every log line goes through, on a typical message. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class RedactionJmh {

    private final String line = "Rate limited: GET /api/v1/orders/8d1f4a2e-5b7c-4f0a-9c3e-2b6d8e1f0a47 from 203.0.113.7 "
            + "user 6e46f792-394e-48f3-a6f5-eedeb45908f8 after 601 requests in 60000 ms";

    @Benchmark
    public String redactTypicalLine() {
        return LogRedactor.redact(line);
    }
}
