package com.sundispatch.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * HTTP/1.1 over a plain socket, for what a well-behaved client library refuses to send (broken encodings, raw
 * bytes in headers, bodies that never finish) and from a chosen loopback source address (127.0.0.x are distinct
 * client addresses on Linux).
 */
public final class RawHttp implements AutoCloseable {

    private final Socket socket;
    private final ByteArrayOutputStream received = new ByteArrayOutputStream();
    private boolean closedByServer;

    private RawHttp(Socket socket) {
        this.socket = socket;
    }

    /** A connection to the server on {@code port} from the loopback address {@code source} (e.g. "127.0.0.2"). */
    public static RawHttp connect(String source, int port) throws IOException {
        Socket socket = new Socket();
        try {
            socket.bind(new InetSocketAddress(InetAddress.getByName(source), 0));
            socket.connect(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), 5_000);
            socket.setTcpNoDelay(true);
            return new RawHttp(socket);
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    /** Sends bytes; false when the server has already closed the connection. */
    public boolean send(byte[] bytes) {
        try {
            socket.getOutputStream().write(bytes);
            socket.getOutputStream().flush();
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    public boolean send(String ascii) {
        return send(ascii.getBytes(StandardCharsets.ISO_8859_1));
    }

    /**
     * Reads what has arrived, waiting at most {@code waitMillis} for the first byte; returns true once the server
     * has closed the connection (end of stream or reset).
     */
    public boolean poll(int waitMillis) {
        if (closedByServer) {
            return true;
        }
        try {
            socket.setSoTimeout(Math.max(1, waitMillis));
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[8192];
            int n = in.read(buffer);
            if (n < 0) {
                closedByServer = true;
            } else {
                received.write(buffer, 0, n);
                while (in.available() > 0 && (n = in.read(buffer)) > 0) {
                    received.write(buffer, 0, n);
                }
            }
        } catch (SocketTimeoutException e) {
            // Nothing yet.
        } catch (IOException e) {
            closedByServer = true;
        }
        return closedByServer;
    }

    /** Waits up to {@code maxMillis} for one whole response (headers and body) and returns it. */
    public Response awaitResponse(int maxMillis) {
        long end = System.nanoTime() + maxMillis * 1_000_000L;
        while (System.nanoTime() < end) {
            Response r = Response.parse(received.toByteArray(), closedByServer);
            if (r != null) {
                consume(r.length());
                return r;
            }
            if (poll(50) && Response.parse(received.toByteArray(), closedByServer) == null) {
                return null;
            }
        }
        return null;
    }

    /** Waits up to {@code maxMillis} for the server to close the connection. */
    public boolean awaitClosed(int maxMillis) {
        long end = System.nanoTime() + maxMillis * 1_000_000L;
        while (System.nanoTime() < end) {
            if (poll(50)) {
                return true;
            }
        }
        return closedByServer;
    }

    public boolean closedByServer() {
        return closedByServer;
    }

    /** The first complete response received so far, or null. */
    public Response response() {
        return Response.parse(received.toByteArray(), closedByServer);
    }

    private void consume(int length) {
        byte[] all = received.toByteArray();
        received.reset();
        received.write(all, length, all.length - length);
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // Closing is all that is left to do.
        }
    }

    /** A parsed response: status, raw header block (lower-cased names kept as sent) and body (de-chunked). */
    public record Response(int status, String headers, String body, int length) {

        public String header(String name) {
            for (String line : headers.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
                    return line.substring(colon + 1).trim();
                }
            }
            return null;
        }

        static Response parse(byte[] bytes, boolean closed) {
            String text = new String(bytes, StandardCharsets.ISO_8859_1);
            int headerEnd = text.indexOf("\r\n\r\n");
            if (headerEnd < 0 || !text.startsWith("HTTP/1.1 ")) {
                return null;
            }
            int status = Integer.parseInt(text.substring(9, 12));
            String headers = text.substring(0, headerEnd);
            Response shell = new Response(status, headers, "", 0);
            int bodyStart = headerEnd + 4;
            String length = shell.header("Content-Length");
            String encoding = shell.header("Transfer-Encoding");
            if (length != null) {
                int n = Integer.parseInt(length);
                if (text.length() < bodyStart + n) {
                    return null;
                }
                return new Response(status, headers, utf8(text.substring(bodyStart, bodyStart + n)), bodyStart + n);
            }
            if (encoding != null && encoding.toLowerCase(Locale.ROOT).contains("chunked")) {
                StringBuilder body = new StringBuilder();
                int at = bodyStart;
                while (true) {
                    int lineEnd = text.indexOf("\r\n", at);
                    if (lineEnd < 0) {
                        return null;
                    }
                    int size = Integer.parseInt(text.substring(at, lineEnd).split(";")[0].trim(), 16);
                    at = lineEnd + 2;
                    if (size == 0) {
                        int trailerEnd = text.indexOf("\r\n", at);
                        return trailerEnd < 0 ? null
                                : new Response(status, headers, utf8(body.toString()), trailerEnd + 2);
                    }
                    if (text.length() < at + size + 2) {
                        return null;
                    }
                    body.append(text, at, at + size);
                    at += size + 2;
                }
            }
            // Neither length nor chunks: the body runs until the server closes the connection.
            return closed ? new Response(status, headers, utf8(text.substring(bodyStart)), text.length()) : null;
        }

        private static String utf8(String latin1) {
            return new String(latin1.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
        }
    }
}
