package com.sundispatch.support;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The React Native apps in {@code mobile/} as the server's tests use them: their npm scripts run against the server
 * the test started, and their web export served on loopback. Where the app's npm packages (or its web export) are
 * missing, the tests are skipped with a message saying how to get them, except under {@code CI=true}, where
 * {@code .ci/run} installs and builds them first and a missing part is a failure.
 */
public final class MobileApp {

    public static final Path DIR = Path.of("mobile");

    private MobileApp() {
    }

    /** Skips (or, in CI, fails) when {@code mobile/} lacks {@code what}, with the command that makes it. */
    public static void require(Path what, String command) {
        if (Files.exists(DIR.resolve(what))) {
            return;
        }
        String message = "mobile/" + what + " is missing: run `" + command + "` in mobile/ first";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new AssertionError(message + " (.ci/run does)");
        }
        Assumptions.abort(message);
    }

    /** What an npm script printed and how it ended. */
    public record Run(int exitCode, String output) {
    }

    /** Runs {@code npm run <script>} in mobile/ with these extra environment variables; output kept for the report. */
    public static Run npm(String script, Map<String, String> environment, Duration timeout)
            throws IOException, InterruptedException {
        require(Path.of("node_modules"), "npm ci");
        Path log = Files.createTempFile("mobile-" + script.replace(':', '-'), ".log");
        ProcessBuilder builder = new ProcessBuilder("npm", "run", "--silent", script).directory(DIR.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        builder.environment().put("CI", "true");
        Process process = builder.start();
        if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            return new Run(-1, Files.readString(log) + "\n(timed out after " + timeout + ")");
        }
        return new Run(process.exitValue(), Files.readString(log));
    }

    /**
     * Serves a web export of the app ({@code dist-installer/}, {@code dist-homeowner/}) on loopback and passes
     * {@code /api/} to the server, so the app calls its own origin as it does when deployed beside the API. Paths
     * without a file get {@code index.html} (the app routes on the client).
     */
    public static final class WebServer implements AutoCloseable {

        /**
         * Not passed on: hop-by-hop headers, and Origin. Deployed, the app and the API share one origin behind one
         * reverse proxy, so the browser's requests are same-origin; this proxy reaches the server on another port,
         * where the Origin would make them cross-origin requests that the server's CORS rules refuse.
         */
        private static final Set<String> NOT_FORWARDED = Set.of("connection", "content-length", "host", "keep-alive",
                "transfer-encoding", "upgrade", "expect", "origin");

        private final HttpServer server;
        private final Path root;
        private final int apiPort;
        private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

        public WebServer(String exportDir, int apiPort) throws IOException {
            require(Path.of(exportDir, "index.html"), "npm run export:web:installer && npm run export:web:homeowner");
            this.root = DIR.resolve(exportDir).toAbsolutePath().normalize();
            this.apiPort = apiPort;
            this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 32);
            server.createContext("/", this::handle);
            server.setExecutor(Executors.newFixedThreadPool(4, r -> {
                Thread t = new Thread(r, "mobile-web");
                t.setDaemon(true);
                return t;
            }));
            server.start();
        }

        public String url() {
            return "http://localhost:" + server.getAddress().getPort();
        }

        private void handle(HttpExchange exchange) throws IOException {
            try (exchange) {
                String path = exchange.getRequestURI().getPath();
                if (path.startsWith("/api/")) {
                    proxy(exchange);
                } else {
                    file(exchange, path);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private void proxy(HttpExchange exchange) throws IOException, InterruptedException {
            URI target = URI.create("http://localhost:" + apiPort + exchange.getRequestURI().getRawPath()
                    + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery()));
            byte[] body = exchange.getRequestBody().readAllBytes();
            HttpRequest.Builder request = HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(30))
                    .method(exchange.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(body));
            exchange.getRequestHeaders().forEach((name, values) -> {
                if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT))) {
                    values.forEach(v -> request.header(name, v));
                }
            });
            HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            response.headers().map().forEach((name, values) -> {
                if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                    exchange.getResponseHeaders().put(name, new ArrayList<>(values));
                }
            });
            byte[] answer = response.body();
            exchange.sendResponseHeaders(response.statusCode(), answer.length == 0 ? -1 : answer.length);
            if (answer.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(answer);
                }
            }
        }

        private void file(HttpExchange exchange, String path) throws IOException {
            Path file = root.resolve(path.substring(1)).normalize();
            if (!file.startsWith(root) || !Files.isRegularFile(file)) {
                file = root.resolve("index.html");
            }
            byte[] bytes = Files.readAllBytes(file);
            exchange.getResponseHeaders().set("Content-Type", contentType(file.getFileName().toString()));
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }

        private static String contentType(String name) {
            String n = name.toLowerCase(Locale.ROOT);
            if (n.endsWith(".html")) {
                return "text/html; charset=utf-8";
            }
            if (n.endsWith(".js")) {
                return "text/javascript; charset=utf-8";
            }
            if (n.endsWith(".css")) {
                return "text/css; charset=utf-8";
            }
            if (n.endsWith(".json")) {
                return "application/json";
            }
            if (n.endsWith(".png")) {
                return "image/png";
            }
            if (n.endsWith(".svg")) {
                return "image/svg+xml";
            }
            if (n.endsWith(".ttf")) {
                return "font/ttf";
            }
            if (n.endsWith(".ico")) {
                return "image/x-icon";
            }
            return "application/octet-stream";
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    /** The last lines of a process's output, for an assertion message. */
    public static String tail(String output, int lines) {
        List<String> all = output.lines().toList();
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }
}
