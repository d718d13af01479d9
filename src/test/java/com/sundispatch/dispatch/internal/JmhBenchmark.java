package com.sundispatch.dispatch.internal;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Not a test: runs the JMH suite of hot paths (classes named *Jmh) with {@code ./mvnw verify -Pbenchmark
 * -Dit.test=JmhBenchmark}. In-process (fork 0), because the test JVM's class path is a manifest jar a forked JVM
 * cannot use; the numbers are therefore a little noisier than forked runs.
 */
class JmhBenchmark {

    @Test
    void hotPaths() throws Exception {
        Files.createDirectories(Path.of("target/benchmarks"));
        Options options = new OptionsBuilder()
                .include(".*Jmh\\..*")
                .forks(0)
                .warmupIterations(3).warmupTime(TimeValue.seconds(1))
                .measurementIterations(5).measurementTime(TimeValue.seconds(1))
                .threads(1)
                .resultFormat(ResultFormatType.TEXT)
                .result("target/benchmarks/jmh.txt")
                .build();
        new Runner(options).run();
    }
}
