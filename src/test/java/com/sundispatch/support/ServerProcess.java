package com.sundispatch.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged server as a child process of the benchmark, so that its memory (RSS) and CPU are its own and it
 * runs with the JVM options of the container image, not those of the test JVM.
 */
public final class ServerProcess implements AutoCloseable {

    private final Process process;
    private final int port;
    private final double healthySeconds;
    private final double cpuSeconds;

    private ServerProcess(Process process, int port, double healthySeconds, double cpuSeconds) {
        this.process = process;
        this.port = port;
        this.healthySeconds = healthySeconds;
        this.cpuSeconds = cpuSeconds;
    }

    /**
     * Starts {@code java <jvmOptions> -jar <jar> --server.port=<free port> <args>} in {@code workDir} and waits
     * until {@code /actuator/health} answers 200; the time from launching the JVM to that answer is
     * {@link #healthySeconds()}. Output goes to {@code log}.
     */
    public static ServerProcess start(Path workDir, Path jar, List<String> jvmOptions, List<String> args,
            Map<String, String> environment, Path log, Duration timeout) throws IOException, InterruptedException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        List<String> command = new ArrayList<>();
        command.add(javaExecutable());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toAbsolutePath().toString());
        command.add("--server.port=" + port);
        command.addAll(args);
        Files.createDirectories(log.toAbsolutePath().getParent());
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        // Only what the server needs: nothing from the developer's environment (a SUNDISPATCH_* or
        // SPRING_* variable there would change what is measured).
        builder.environment().keySet().removeIf(k -> k.startsWith("SUNDISPATCH_") || k.startsWith("SPRING_")
                || k.equals("JAVA_TOOL_OPTIONS"));
        builder.environment().putAll(environment);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                .timeout(Duration.ofSeconds(2)).build();
        long began = System.nanoTime();
        Process process = builder.start();
        long deadline = began + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("the server exited with " + process.exitValue() + " before it was healthy; see "
                        + log.toAbsolutePath());
            }
            try {
                if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    double wall = (System.nanoTime() - began) / 1e9;
                    double cpu = process.toHandle().info().totalCpuDuration().map(d -> d.toNanos() / 1e9)
                            .orElse(Double.NaN);
                    return new ServerProcess(process, port, wall, cpu);
                }
            } catch (IOException notYetListening) {
                // the port opens only once the context is up
            }
            Thread.sleep(25);
        }
        process.destroyForcibly();
        throw new IOException("the server was not healthy within " + timeout + "; see " + log.toAbsolutePath());
    }

    /** The java launcher of the JVM running the benchmark, so the server and a CDS archive share one JVM build. */
    public static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public long pid() {
        return process.pid();
    }

    public double healthySeconds() {
        return healthySeconds;
    }

    /**
     * CPU time (user + system, all threads) the server had used when it was first healthy: unlike the wall time,
     * hardly moved by other processes on a shared machine.
     */
    public double cpuSecondsAtHealthy() {
        return cpuSeconds;
    }

    /** Resident set size of the server process in MiB, from /proc (Linux). */
    public double rssMib() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
            }
        }
        throw new IOException("no VmRSS for process " + process.pid());
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
