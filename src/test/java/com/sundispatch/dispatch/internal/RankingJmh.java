package com.sundispatch.dispatch.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Ranking the ~700 installers a 25 km bounding box yields at 100,000 installers over Germany. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class RankingJmh {

    private List<CandidateRanking.Candidate> candidates;

    @Setup
    public void setUp() {
        Random r = new Random(1);
        candidates = new ArrayList<>();
        for (int i = 0; i < 700; i++) {
            candidates.add(new CandidateRanking.Candidate("i" + i, 52.52 + (r.nextDouble() - 0.5) * 0.45,
                    13.4 + (r.nextDouble() - 0.5) * 0.74, 10 + r.nextInt(90), r.nextInt(50) / 10.0));
        }
    }

    @Benchmark
    public List<CandidateRanking.Ranked> rank700() {
        return CandidateRanking.rank(candidates, 52.52, 13.4, 25, Set.of("i3", "i7"), 3);
    }
}
