package com.sundispatch.security.outbound;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

import com.sundispatch.security.OutboundHttp;

/**
 * A deliberately small HTTP/1.1 client: it opens the socket to the address {@link UrlGuard} vetted (so a
 * second DNS answer cannot redirect it), verifies TLS against the host name (SNI and certificate), sends one
 * request with {@code Connection: close}, never follows a redirect, times out after 5 s and reads at most
 * 1 MiB of the answer.
 */
public final class GuardedHttpClient implements OutboundHttp {

    static final int TIMEOUT_MILLIS = 5_000;
    /** Whatever the peer does (slow handshake, a byte every few seconds), one call ends after this. */
    static final int DEADLINE_MILLIS = 10_000;
    static final int MAX_RESPONSE = 1024 * 1024;
    private static final java.util.concurrent.ScheduledExecutorService DEADLINES =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
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
        UrlGuard.Target target = guard.vet(url);
        Socket plain = new Socket();
        java.util.concurrent.ScheduledFuture<?> deadline = DEADLINES.schedule(() -> {
            try {
                plain.close();
            } catch (IOException ignored) {
                // closing is all we wanted
            }
        }, DEADLINE_MILLIS, java.util.concurrent.TimeUnit.MILLISECONDS);
        try (Socket socket = open(plain, target)) {
            OutputStream out = socket.getOutputStream();
            StringBuilder head = new StringBuilder();
            head.append("POST ").append(target.pathAndQuery()).append(" HTTP/1.1\r\n");
            boolean defaultPort = (target.scheme().equals("https") && target.port() == 443)
                    || (target.scheme().equals("http") && target.port() == 80);
            head.append("Host: ").append(target.host()).append(defaultPort ? "" : ":" + target.port()).append("\r\n");
            head.append("User-Agent: SunDispatch-Webhooks/1\r\n");
            head.append("Content-Type: application/json\r\n");
            head.append("Content-Length: ").append(body.length).append("\r\n");
            head.append("Connection: close\r\n");
            for (Map.Entry<String, String> h : headers.entrySet()) {
                if (h.getKey().matches("[A-Za-z0-9-]{1,64}") && h.getValue().chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
                    head.append(h.getKey()).append(": ").append(h.getValue()).append("\r\n");
                }
            }
            head.append("\r\n");
            out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            return read(new BufferedInputStream(socket.getInputStream()));
        } catch (IOException | RuntimeException e) {
            throw new Failure(plain.isClosed() && !deadline.isDone() ? e.getClass().getSimpleName()
                    : deadline.isDone() ? "deadline of " + DEADLINE_MILLIS + " ms exceeded" : e.getClass().getSimpleName(), e);
        } finally {
            deadline.cancel(false);
        }
    }

    private Socket open(Socket plain, UrlGuard.Target target) throws IOException {
        try {
            plain.connect(new InetSocketAddress(target.address(), target.port()), TIMEOUT_MILLIS);
            // Set before the TLS handshake, so a peer that never answers it cannot hold the call either.
            plain.setSoTimeout(TIMEOUT_MILLIS);
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
        return new Response(code, body.toByteArray());
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
