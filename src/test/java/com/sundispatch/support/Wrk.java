package com.sundispatch.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The benchmarks' HTTP load generator: runs {@code wrk} (a native, event-driven client, so the load generator takes
 * far less of the shared cores than a thread per connection in Java) and reads throughput and the latency
 * percentiles from its {@code --latency} report.
 */
public final class Wrk {

    private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern PERCENTILE = Pattern.compile("^\\s+(50|75|90|99)%\\s+([0-9.]+)(us|ms|s)\\s*$",
            Pattern.MULTILINE);
    private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses:\\s+(\\d+)");
    private static final Pattern SOCKET_ERRORS = Pattern.compile(
            "Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");
    private static final Pattern TOTAL = Pattern.compile("(\\d+) requests in");

    /** One wrk run: requests per second, latency percentiles in milliseconds, failed or non-2xx/3xx answers. */
    public record Result(String name, int connections, double perSecond, double p50, double p90, double p99,
            long requests, long errors) {

        public String row() {
            return String.format(Locale.ROOT, "| %s | %d | %.0f | %.1f | %.1f | %.1f | %d |", name, connections,
                    perSecond, p50, p90, p99, errors);
        }
    }

    private final String executable;
    private final int threads;

    public Wrk(String executable, int threads) {
        this.executable = executable;
        this.threads = threads;
    }

    /** A warm-up run whose numbers are thrown away, then the measured run. {@code script} may be null. */
    public Result measure(String name, String url, int connections, int warmupSeconds, int seconds, Path script)
            throws IOException, InterruptedException {
        return measure(name, url, connections, warmupSeconds, seconds, script, script);
    }

    /**
     * As {@link #measure(String, String, int, int, int, Path)}, with a script of its own for the warm-up: a script
     * that spends what it sends (a refresh token rotates once) needs fresh state for the measured run.
     */
    public Result measure(String name, String url, int connections, int warmupSeconds, int seconds,
            Path warmupScript, Path script) throws IOException, InterruptedException {
        run(url, connections, warmupSeconds, warmupScript);
        return parse(name, connections, run(url, connections, seconds, script));
    }

    /**
     * A wrk script that POSTs {@code {"<field>":"<token>"}} and sends the token each answer returns in its place:
     * every token is presented once. The tokens are split between wrk's threads (each has its own Lua state) and
     * kept in a pool per thread; give each thread about twice as many as it has connections (with exactly one per
     * connection its pool ran dry now and then). A request that finds the pool empty sends "spent", and an answer
     * without a token loses that chain: both count as errors.
     */
    public static String rotatingScript(List<String> tokens, String field, int threads) {
        StringBuilder lua = new StringBuilder("local tokens = {\n");
        for (String t : tokens) {
            lua.append("  \"").append(t).append("\",\n");
        }
        lua.append("}\n")
                .append("local created = 0\n")
                .append("function setup(thread)\n  thread:set(\"index\", created)\n  created = created + 1\nend\n")
                .append("local pool = {}\n")
                .append("function init(args)\n  for i = 1, #tokens do\n")
                .append("    if (i - 1) % ").append(threads).append(" == index then table.insert(pool, tokens[i]) end\n")
                .append("  end\nend\n")
                .append("function request()\n  local t = table.remove(pool) or \"spent\"\n")
                .append("  return wrk.format(\"POST\", nil, { [\"Content-Type\"] = \"application/json\" }, ")
                .append("'{\"").append(field).append("\":\"' .. t .. '\"}')\nend\n")
                .append("function response(status, headers, body)\n")
                .append("  local t = body:match('\"").append(field).append("\"%s*:%s*\"([^\"]+)\"')\n")
                .append("  if t then table.insert(pool, t) end\nend\n");
        return lua.toString();
    }

    /** Load whose numbers are thrown away: to warm a server up before anything is measured. */
    public void warmUp(String url, int connections, int seconds, Path script) throws IOException,
            InterruptedException {
        run(url, connections, seconds, script);
    }

    public int threads() {
        return threads;
    }

    private String run(String url, int connections, int seconds, Path script) throws IOException,
            InterruptedException {
        List<String> command = new ArrayList<>(List.of(executable, "-t" + threads, "-c" + connections,
                "-d" + seconds + "s", "--timeout", "30s", "--latency"));
        if (script != null) {
            command.add("-s");
            command.add(script.toString());
        }
        command.add(url);
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(seconds + 60L, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IOException("wrk failed: " + String.join(" ", command) + "\n"
                    + new String(out, StandardCharsets.UTF_8));
        }
        return new String(out, StandardCharsets.UTF_8);
    }

    /** Reads wrk's report; public so the parsing is checked against a real report in WrkTest. */
    public static Result parse(String name, int connections, String report) {
        Matcher rate = RATE.matcher(report);
        if (!rate.find()) {
            throw new IllegalArgumentException("not a wrk report:\n" + report);
        }
        double[] percentiles = new double[4];
        Matcher m = PERCENTILE.matcher(report);
        int found = 0;
        while (m.find()) {
            double value = Double.parseDouble(m.group(2));
            double millis = switch (m.group(3)) {
                case "us" -> value / 1000;
                case "s" -> value * 1000;
                default -> value;
            };
            percentiles[switch (m.group(1)) {
                case "50" -> 0;
                case "75" -> 1;
                case "90" -> 2;
                default -> 3;
            }] = millis;
            found++;
        }
        if (found != 4) {
            throw new IllegalArgumentException("no latency distribution (--latency) in:\n" + report);
        }
        long errors = 0;
        Matcher non2xx = NON_2XX.matcher(report);
        if (non2xx.find()) {
            errors += Long.parseLong(non2xx.group(1));
        }
        Matcher socket = SOCKET_ERRORS.matcher(report);
        if (socket.find()) {
            for (int g = 1; g <= 4; g++) {
                errors += Long.parseLong(socket.group(g));
            }
        }
        Matcher total = TOTAL.matcher(report);
        long requests = total.find() ? Long.parseLong(total.group(1)) : 0;
        return new Result(name, connections, Double.parseDouble(rate.group(1)), percentiles[0], percentiles[2],
                percentiles[3], requests, errors);
    }
}
