package com.sundispatch.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Adobe's S3Mock, a real S3-compatible HTTP server, run as its own process on a free loopback port for the
 * duration of a test class. Its executable jar is copied from Maven Central to {@code target/s3mock} by the build
 * (maven-dependency-plugin, pre-integration-test), so nothing needs installing by hand. S3Mock runs on the same
 * Java as the tests (it targets Java 17). Its main connector speaks plain HTTP bound to 127.0.0.1; S3Mock always
 * opens a second HTTP connector, which gets a random port and is never used.
 */
public final class S3MockServer implements AutoCloseable {

    private static final Path JAR = Path.of("target", "s3mock", "s3mock-exec.jar");

    private final Process process;
    private final int port;
    private final Path log;

    private S3MockServer(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts S3Mock with the given buckets and waits (at most 90 s) until it answers. */
    public static S3MockServer start(String... buckets) {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR.toAbsolutePath() + " is missing: run the tests through Maven "
                    + "(./mvnw verify), whose pre-integration-test phase copies S3Mock there");
        }
        try {
            int port = freeLoopbackPort();
            Path dir = Files.createDirectories(Path.of("target", "s3mock"));
            Path root = Files.createTempDirectory(dir, "store-");
            Path log = dir.resolve("s3mock-" + port + ".log");
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            List<String> command = List.of(java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-jar",
                    JAR.toAbsolutePath().toString(),
                    "--server.ssl.enabled=false",
                    "--server.address=127.0.0.1",
                    "--server.port=" + port,
                    "--com.adobe.testing.s3mock.httpPort=0",
                    "--com.adobe.testing.s3mock.store.initialBuckets=" + String.join(",", buckets),
                    "--com.adobe.testing.s3mock.store.root=" + root.toAbsolutePath(),
                    "--com.adobe.testing.s3mock.store.retainFilesOnExit=false",
                    "--spring.main.banner-mode=off");
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            S3MockServer server = new S3MockServer(process, port, log);
            server.awaitReady();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start S3Mock", e);
        }
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    private void awaitReady() throws IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("S3Mock exited with " + process.exitValue() + ":\n" + tail());
            }
            try {
                HttpURLConnection connection = (HttpURLConnection) endpoint().toURL().openConnection();
                connection.setConnectTimeout(500);
                connection.setReadTimeout(2000);
                try {
                    if (connection.getResponseCode() == 200) {
                        return;
                    }
                } finally {
                    connection.disconnect();
                }
            } catch (IOException notYet) {
                // Not listening yet.
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        close();
        throw new IllegalStateException("S3Mock did not answer within 90 s:\n" + tail());
    }

    private String tail() throws IOException {
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        return String.join(File.separator.equals("/") ? "\n" : "\r\n",
                lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    private static int freeLoopbackPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
