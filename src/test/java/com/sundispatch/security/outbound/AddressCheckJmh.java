package com.sundispatch.security.outbound;

import java.net.InetAddress;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** The SSRF check of a URL (parsing, literal spellings, every address rule); DNS is answered from memory. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class AddressCheckJmh {

    private UrlGuard guard;

    @Setup
    public void setUp() throws Exception {
        InetAddress pub = InetAddress.getByName("93.184.216.34");
        InetAddress v6 = InetAddress.getByName("2606:2800:220:1:248:1893:25c8:1946");
        guard = new UrlGuard(host -> List.of(pub, v6), Set.of());
    }

    @Benchmark
    public UrlGuard.Target vetPublicUrl() {
        return guard.vet("https://hooks.installer.example/webhooks/sundispatch?v=1");
    }

    @Benchmark
    public boolean refuseMetadataSpelling() {
        try {
            guard.vet("https://0xa9fea9fe/latest/meta-data");
            return false;
        } catch (RuntimeException refused) {
            return true;
        }
    }
}
