package com.sundispatch.security.outbound;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

import com.sundispatch.security.OutboundHttp;

/**
 * A deliberately small HTTP/1.1 client: it opens the socket to the address {@link UrlGuard} vetted (so a
 * second DNS answer cannot redirect it), verifies TLS against the host name (SNI and certificate), sends one
 * request (POST with a JSON body, or GET) with {@code Connection: close}, never follows a redirect (the caller
 * sees the 3xx and its Location), times out after 5 s (or a shorter per-call limit) and reads at most
 * 1 MiB of the answer.
 */
public final class GuardedHttpClient implements OutboundHttp {

    static final int TIMEOUT_MILLIS = 5_000;
    /** Whatever the peer does (slow handshake, a byte every few seconds), one call ends after this. */
    static final int DEADLINE_MILLIS = 10_000;
    static final int MAX_RESPONSE = 1024 * 1024;
    static final String DEFAULT_USER_AGENT = "SunDispatch-Webhooks/1";
    private static final ScheduledExecutorService DEADLINES = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "outbound-deadline");
                t.setDaemon(true);
                return t;
            });

    private final UrlGuard guard;
    private final SSLSocketFactory tls;

    public GuardedHttpClient(UrlGuard guard, SSLSocketFactory tls) {
        this.guard = guard;
        this.tls = tls;
    }

    @Override
    public void check(String url) {
        guard.vet(url);
    }

    @Override
    public Response postJson(String url, byte[] body, Map<String, String> headers) {
        return exchange("POST", url, body, headers, TIMEOUT_MILLIS);
    }

    @Override
    public Response get(String url, Map<String, String> headers, Duration timeout) {
        int millis = timeout == null ? TIMEOUT_MILLIS
                : (int) Math.max(1, Math.min(TIMEOUT_MILLIS, timeout.toMillis()));
        return exchange("GET", url, null, headers, millis);
    }

    /** One request to the vetted address; {@code body} null means no body (GET). */
    private Response exchange(String method, String url, byte[] body, Map<String, String> headers, int timeoutMillis) {
        UrlGuard.Target target = guard.vet(url);
        Socket plain = new Socket();
        int deadlineMillis = Math.min(DEADLINE_MILLIS, 2 * timeoutMillis);
        ScheduledFuture<?> deadline = DEADLINES.schedule(() -> {
            try {
                plain.close();
            } catch (IOException ignored) {
                // closing is all we wanted
            }
        }, deadlineMillis, TimeUnit.MILLISECONDS);
        try (Socket socket = open(plain, target, timeoutMillis)) {
            OutputStream out = socket.getOutputStream();
            out.write(head(method, target, body, headers).getBytes(StandardCharsets.US_ASCII));
            if (body != null) {
                out.write(body);
            }
            out.flush();
            return read(new BufferedInputStream(socket.getInputStream()));
        } catch (IOException | RuntimeException e) {
            throw new Failure(deadline.isDone() ? "deadline of " + deadlineMillis + " ms exceeded"
                    : e.getClass().getSimpleName(), e);
        } finally {
            deadline.cancel(false);
        }
    }

    private static String head(String method, UrlGuard.Target target, byte[] body, Map<String, String> headers) {
        StringBuilder head = new StringBuilder();
        head.append(method).append(' ').append(target.pathAndQuery()).append(" HTTP/1.1\r\n");
        boolean defaultPort = (target.scheme().equals("https") && target.port() == 443)
                || (target.scheme().equals("http") && target.port() == 80);
        head.append("Host: ").append(target.host()).append(defaultPort ? "" : ":" + target.port()).append("\r\n");
        boolean ownAgent = headers.keySet().stream().anyMatch(k -> k.equalsIgnoreCase("User-Agent"));
        if (!ownAgent) {
            head.append("User-Agent: ").append(DEFAULT_USER_AGENT).append("\r\n");
        }
        if (body != null) {
            head.append("Content-Type: application/json\r\n");
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        head.append("Connection: close\r\n");
        for (Map.Entry<String, String> h : headers.entrySet()) {
            // Only plain header names and printable values: a caller's value can never add a header line.
            if (h.getKey().matches("[A-Za-z0-9-]{1,64}") && !h.getKey().equalsIgnoreCase("Host")
                    && !h.getKey().equalsIgnoreCase("Content-Length") && !h.getKey().equalsIgnoreCase("Connection")
                    && h.getValue().chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
                head.append(h.getKey()).append(": ").append(h.getValue()).append("\r\n");
            }
        }
        head.append("\r\n");
        return head.toString();
    }

    private Socket open(Socket plain, UrlGuard.Target target, int timeoutMillis) throws IOException {
        try {
            plain.connect(new InetSocketAddress(target.address(), target.port()), timeoutMillis);
            // Set before the TLS handshake, so a peer that never answers it cannot hold the call either.
            plain.setSoTimeout(timeoutMillis);
            if (target.scheme().equals("http")) {
                return plain;
            }
            SSLSocket ssl = (SSLSocket) tls.createSocket(plain, target.host(), target.port(), true);
            SSLParameters params = ssl.getSSLParameters();
            params.setEndpointIdentificationAlgorithm("HTTPS");
            if (AddressRules.literal(target.host()).isEmpty()) {
                params.setServerNames(List.of(new SNIHostName(target.host())));
            }
            params.setProtocols(new String[] { "TLSv1.3", "TLSv1.2" });
            ssl.setSSLParameters(params);
            ssl.startHandshake();
            return ssl;
        } catch (IOException | RuntimeException e) {
            plain.close();
            throw e;
        }
    }

    /** Status line, headers, then a body by Content-Length, chunks or connection close, capped at 1 MiB. */
    static Response read(InputStream in) throws IOException {
        String status = line(in);
        if (status == null || !status.startsWith("HTTP/1.")) {
            throw new IOException("not an HTTP response");
        }
        String[] parts = status.split(" ", 3);
        int code;
        try {
            code = Integer.parseInt(parts[1]);
        } catch (RuntimeException e) {
            throw new IOException("bad status line");
        }
        long length = -1;
        boolean chunked = false;
        int headerCount = 0;
        Map<String, String> headers = new HashMap<>();
        for (String h = line(in); h != null && !h.isEmpty(); h = line(in)) {
            if (++headerCount > 100) {
                throw new IOException("too many headers");
            }
            int colon = h.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String name = h.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = h.substring(colon + 1).trim();
            headers.put(name, value);
            if (name.equals("content-length")) {
                try {
                    length = Long.parseLong(value);
                } catch (NumberFormatException e) {
                    throw new IOException("bad content-length");
                }
            } else if (name.equals("transfer-encoding") && value.toLowerCase(Locale.ROOT).contains("chunked")) {
                chunked = true;
            }
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (chunked) {
            while (true) {
                String size = line(in);
                if (size == null) {
                    break;
                }
                int n;
                try {
                    n = Integer.parseInt(size.split(";")[0].trim(), 16);
                } catch (NumberFormatException e) {
                    throw new IOException("bad chunk size");
                }
                if (n < 0) {
                    throw new IOException("bad chunk size");
                }
                if (n == 0) {
                    break;
                }
                copy(in, body, n);
                line(in);
            }
        } else if (length >= 0) {
            if (length > MAX_RESPONSE) {
                throw new IOException("response larger than 1 MiB");
            }
            copy(in, body, (int) length);
        } else {
            copy(in, body, MAX_RESPONSE + 1);
        }
        return new Response(code, body.toByteArray(), headers);
    }

    private static void copy(InputStream in, ByteArrayOutputStream out, int n) throws IOException {
        byte[] buf = new byte[8192];
        int left = n;
        while (left > 0) {
            int r = in.read(buf, 0, Math.min(buf.length, left));
            if (r < 0) {
                break;
            }
            out.write(buf, 0, r);
            left -= r;
            if (out.size() > MAX_RESPONSE) {
                throw new IOException("response larger than 1 MiB");
            }
        }
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\n') {
                break;
            }
            if (b.size() > 8192) {
                throw new IOException("line too long");
            }
            b.write(c);
        }
        if (c == -1 && b.size() == 0) {
            return null;
        }
        String s = b.toString(StandardCharsets.ISO_8859_1);
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
    }
}
