package com.sundispatch.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The benchmark reads its numbers from wrk's report; a misread unit would misstate every latency. */
class WrkTest {

    /** A real report of wrk 4.1 (Debian) with --latency. */
    private static final String REPORT = """
            Running 3s test @ http://127.0.0.1:18777/
              2 threads and 4 connections
              Thread Stats   Avg      Stdev     Max   +/- Stdev
                Latency    14.00ms    7.71ms  53.09ms   69.00%
                Req/Sec   143.28     32.16   250.00     68.33%
              Latency Distribution
                 50%   13.08ms
                 75%   18.55ms
                 90%   23.96ms
                 99%   38.47ms
              863 requests in 3.03s, 4.19MB read
            Requests/sec:    284.84
            Transfer/sec:      1.38MB
            """;

    @Test
    void readsThroughputAndPercentilesInMilliseconds() {
        Wrk.Result r = Wrk.parse("health", 4, REPORT);
        assertThat(r.perSecond()).isEqualTo(284.84);
        assertThat(r.p50()).isEqualTo(13.08);
        assertThat(r.p90()).isEqualTo(23.96);
        assertThat(r.p99()).isEqualTo(38.47);
        assertThat(r.requests()).isEqualTo(863);
        assertThat(r.errors()).isZero();
    }

    @Test
    void convertsMicrosecondsAndSecondsAndCountsEveryKindOfError() {
        String report = REPORT.replace("13.08ms", "812.00us").replace("38.47ms", "1.20s").replace("  863 requests",
                "  Socket errors: connect 1, read 2, write 3, timeout 4\n  Non-2xx or 3xx responses: 17\n  863 requests");
        Wrk.Result r = Wrk.parse("me", 4, report);
        assertThat(r.p50()).isCloseTo(0.812, within(1e-9));
        assertThat(r.p99()).isCloseTo(1200.0, within(1e-9));
        assertThat(r.errors()).isEqualTo(1 + 2 + 3 + 4 + 17);
    }

    @Test
    void refusesAReportWithoutTheLatencyDistribution() {
        String withoutLatency = REPORT.replaceAll("(?m)^\\s+\\d\\d%.*\\n", "");
        assertThatThrownBy(() -> Wrk.parse("x", 4, withoutLatency)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--latency");
        assertThatThrownBy(() -> Wrk.parse("x", 4, "unable to connect to 127.0.0.1:1 Connection refused"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
