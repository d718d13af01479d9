package com.sundispatch.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A plain HTTP client for driving the running server, as any outside client would. */
public class Api {

    public static final JsonMapper JSON = JsonMapper.builder().build();

    static {
        // Lets tests send a forged Host header, which the JDK client otherwise refuses to set.
        System.setProperty("jdk.httpclient.allowRestrictedHeaders", "host");
    }

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final int port;
    private boolean checkRequests = true;
    private boolean contract = true;

    public Api(int port) {
        this("localhost", port);
    }

    /** A client for another loopback spelling, e.g. "[::1]" for the IPv6 loopback. */
    public Api(String host, int port) {
        this.base = "http://" + host + ":" + port;
        this.port = port;
    }

    /**
     * Holds this client's requests out of the contract check, answers still checked: for attack tests that send
     * what no document allows on purpose (see {@link OpenApiContract}).
     */
    public Api answersOnlyContract() {
        this.checkRequests = false;
        return this;
    }

    /**
     * Holds this client's exchanges out of the contract check altogether: for the OWASP attack suite, whose odd
     * requests (unknown charsets, preflights, raw framing) the validator cannot even parse; its own assertions
     * prove the answers.
     */
    public Api outsideContract() {
        this.contract = false;
        return this;
    }

    public Response get(String path, String token) {
        return send("GET", path, null, token, Map.of());
    }

    public Response get(String path) {
        return get(path, null);
    }

    public Response post(String path, Object body, String token) {
        return send("POST", path, body, token, Map.of());
    }

    public Response post(String path, Object body) {
        return post(path, body, null);
    }

    public Response patch(String path, Object body, String token) {
        return send("PATCH", path, body, token, Map.of());
    }

    public Response send(String method, String path, Object body, String token, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        String payload = body == null ? null : body instanceof String s ? s : JSON.writeValueAsString(body);
        Map<String, String> all = new LinkedHashMap<>();
        if (payload != null) {
            all.put("Content-Type", "application/json");
        }
        all.put("Accept", "application/json, application/problem+json");
        if (token != null) {
            all.put("Authorization", "Bearer " + token);
        }
        all.putAll(headers);
        all.forEach(b::header);
        b.method(method, payload == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(payload));
        try {
            HttpResponse<String> response = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
            if (contract) {
                OpenApiContract.check(port, method, path, all, payload, response, checkRequests);
            }
            return new Response(response);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** POST a JSON body without Content-Length (chunked), as a client streaming a body would. */
    public Response sendStreaming(String path, String body) {
        return sendStreaming("POST", path, body, "application/json");
    }

    public Response sendStreaming(String method, String path, String body, String contentType) {
        byte[] bytes = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", contentType)
                .method(method, HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(bytes)))
                .build();
        try {
            return new Response(client.send(request, HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            // The server may close the connection after refusing the body: that is a refusal too.
            return new Response(null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** POST one file as multipart/form-data, as a browser's file input sends it. */
    public Response upload(String path, String part, String filename, String contentType, byte[] content,
            String token) {
        String boundary = "----sundispatch" + UUID.randomUUID().toString().replace("-", "");
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part + "\"; filename=\""
                + filename + "\"\r\nContent-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> response = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
            // A multipart body is not checked against the document, the answer is.
            if (contract) {
                OpenApiContract.check(port, "POST", path, Map.of(), null, response, false);
            }
            return new Response(response);
        } catch (IOException e) {
            // The server may close the connection after refusing an oversized body: that is a refusal too.
            return new Response(null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** GET with the raw bytes of the answer (images, calendar files). */
    public HttpResponse<byte[]> getBytes(String path, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30)).GET();
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        try {
            return client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A response with its body parsed as JSON when it is JSON. */
    public record Response(HttpResponse<String> raw) {

        public int status() {
            return raw.statusCode();
        }

        public String body() {
            return raw.body();
        }

        public JsonNode json() {
            return JSON.readTree(raw.body());
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        public java.util.List<String> headers(String name) {
            return raw.headers().allValues(name);
        }

        public String code() {
            return json().path("code").asString();
        }

        @Override
        public String toString() {
            return raw.statusCode() + " " + raw.body();
        }
    }
}
