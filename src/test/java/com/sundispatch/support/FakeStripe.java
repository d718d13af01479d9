package com.sundispatch.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A protocol-faithful Stripe API on loopback, for the Stripe adapter's tests: {@code POST/GET
 * /v1/checkout/sessions[/{id}]} and {@code POST/GET /v1/refunds[/{id}]} with form-encoded bodies (nested keys
 * {@code a[b][c]}), Bearer key authentication (401 with Stripe's error JSON otherwise), {@code Idempotency-Key}
 * (the same key replays the stored answer with {@code Idempotent-Replayed: true}; the same key with other
 * parameters is 400 {@code idempotency_error}), and refunds never exceeding what was captured
 * ({@code charge_already_refunded}, {@code amount_too_large}). Objects start from the recorded examples of
 * Stripe's API reference under {@code src/test/resources/stripe/} (see the README there for the doc pages).
 * <p>
 * Tests "pay" a session ({@link #pay}), settle refunds, build signed webhook events exactly as Stripe signs
 * them ({@link #event}), and make the next calls fail ({@link #failNext}). Every request is recorded.
 *
 * @see <a href="https://docs.stripe.com/api">Stripe API reference</a>
 */
public final class FakeStripe implements AutoCloseable {

    public static final String SECRET_KEY = "sk_test_fake51HcSunDispatch0000000000000000";
    public static final String WEBHOOK_SECRET = "whsec_fakeSunDispatchEndpointSecret000000";

    /** How the next calls fail. */
    public enum Fault {
        /** 500 with Stripe's api_error JSON. */
        ERROR,
        /** 429 rate_limit. */
        RATE_LIMITED,
        /** Holds the answer until {@link #close} (or 30 s): longer than any timeout a test configures. */
        SLOW,
        /** 200 with a body that is not JSON. */
        GARBAGE,
        /** 200 with 2 MiB of JSON. */
        HUGE
    }

    /** One request as the fake saw it: method, path, lower-case headers and the decoded flat form. */
    public record Request(String method, String path, Map<String, String> headers, Map<String, String> form) {
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    /** A webhook body and its {@code Stripe-Signature} header value. */
    public record SignedEvent(byte[] body, String signature) {
        public Map<String, String> headers() {
            return Map.of("stripe-signature", signature);
        }

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private record Stored(String fingerprint, int status, byte[] body) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<String> SESSION_PARAMS = Set.of("mode", "line_items", "client_reference_id",
            "metadata", "payment_intent_data", "customer_email", "success_url", "cancel_url", "expand");
    private static final Set<String> REFUND_PARAMS = Set.of("payment_intent", "charge", "amount", "reason",
            "metadata", "expand");

    private static volatile FakeStripe shared;

    private final HttpServer server;
    private final String secretKey;
    private final String webhookSecret;
    private final ConcurrentLinkedQueue<Request> requests = new ConcurrentLinkedQueue<>();
    private final Map<String, ObjectNode> sessions = new LinkedHashMap<>();
    private final Map<String, ObjectNode> refunds = new LinkedHashMap<>();
    /** PaymentIntent id → captured amount in minor units. */
    private final Map<String, Long> captured = new LinkedHashMap<>();
    private final Map<String, Stored> idempotency = new LinkedHashMap<>();
    private final AtomicInteger faultsLeft = new AtomicInteger();
    private final CountDownLatch released = new CountDownLatch(1);
    private volatile Fault fault = Fault.ERROR;
    private volatile String nextRefundStatus = "succeeded";
    private volatile long now = System.currentTimeMillis() / 1000;

    public FakeStripe() {
        this(SECRET_KEY, WEBHOOK_SECRET);
    }

    public FakeStripe(String secretKey, String webhookSecret) {
        this.secretKey = secretKey;
        this.webhookSecret = webhookSecret;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "fake-stripe");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/", this::handle);
        server.start();
    }

    /** One fake per test JVM for application contexts (their properties are fixed at start-up). */
    public static synchronized FakeStripe shared() {
        if (shared == null) {
            shared = new FakeStripe();
        }
        return shared;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        released.countDown();
        server.stop(0);
    }

    // ---- test controls ------------------------------------------------------------------------------------

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    /** Requests whose method and path start as given, e.g. {@code "POST /v1/refunds"}. */
    public List<Request> requests(String methodAndPath) {
        return requests.stream().filter(r -> (r.method() + " " + r.path()).startsWith(methodAndPath)).toList();
    }

    public void clearRequests() {
        requests.clear();
    }

    public void failNext(Fault kind, int times) {
        fault = kind;
        faultsLeft.set(times);
    }

    /** The status the next created refunds get: succeeded (default), pending, requires_action, failed. */
    public void nextRefundStatus(String status) {
        nextRefundStatus = status;
    }

    /** The fake's "now" for created timestamps (tests with a mutable clock keep both in step). */
    public void now(long unixSeconds) {
        now = unixSeconds;
    }

    public synchronized ObjectNode session(String id) {
        ObjectNode s = sessions.get(id);
        return s == null ? null : s.deepCopy();
    }

    public synchronized ObjectNode refund(String id) {
        ObjectNode r = refunds.get(id);
        return r == null ? null : r.deepCopy();
    }

    public synchronized List<ObjectNode> refunds() {
        return refunds.values().stream().map(ObjectNode::deepCopy).toList();
    }

    /** The session our payment created, found by {@code metadata[payment_id]}. */
    public synchronized String sessionOfPayment(String paymentId) {
        return sessions.values().stream()
                .filter(s -> paymentId.equals(s.path("metadata").path("payment_id").asString(null)))
                .map(s -> s.get("id").asString()).findFirst().orElse(null);
    }

    /** The customer paid on Stripe's page: the session completes, a PaymentIntent captures the total. */
    public synchronized String pay(String sessionId) {
        ObjectNode s = sessions.get(sessionId);
        if (s == null) {
            throw new IllegalArgumentException("no session " + sessionId);
        }
        String intent = "pi_" + random(24);
        s.put("status", "complete");
        s.put("payment_status", "paid");
        s.put("payment_intent", intent);
        captured.put(intent, s.get("amount_total").asLong());
        return intent;
    }

    /** The session expired unpaid. */
    public synchronized void expire(String sessionId) {
        ObjectNode s = sessions.get(sessionId);
        s.put("status", "expired");
    }

    /** The bank settled a pending refund (succeeded, failed or canceled). */
    public synchronized void settleRefund(String refundId, String status) {
        ObjectNode r = refunds.get(refundId);
        r.put("status", status);
        if (!"succeeded".equals(status)) {
            r.put("failure_reason", "expired_or_canceled_card");
        }
    }

    /** A signed event of this type about the session or refund as the fake holds it now. */
    public synchronized SignedEvent event(String type, String objectId, long unixSeconds) {
        ObjectNode object = objectId.startsWith("cs_") ? sessions.get(objectId) : refunds.get(objectId);
        if (object == null) {
            throw new IllegalArgumentException("no object " + objectId);
        }
        return event(type, object, unixSeconds);
    }

    /** A signed event around any object (tests hand-craft malformed ones with it). */
    public SignedEvent event(String type, JsonNode object, long unixSeconds) {
        ObjectNode event = template("event.json");
        event.put("id", "evt_" + random(24));
        event.put("type", type);
        event.put("created", unixSeconds);
        ((ObjectNode) event.get("data")).set("object", object.deepCopy());
        return sign(JSON.writeValueAsBytes(event), unixSeconds);
    }

    /** Signs any body as Stripe does, with this fake's endpoint secret. */
    public SignedEvent sign(byte[] body, long unixSeconds) {
        return new SignedEvent(body, "t=" + unixSeconds + ",v1=" + signature(webhookSecret, unixSeconds, body));
    }

    public static String signature(String secret, long unixSeconds, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((unixSeconds + ".").getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- the API ------------------------------------------------------------------------------------------

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] raw;
            try (InputStream in = exchange.getRequestBody()) {
                raw = in.readAllBytes();
            }
            Map<String, String> headers = new TreeMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v.get(0)));
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            Map<String, String> form = "POST".equals(method) ? decode(new String(raw, StandardCharsets.UTF_8))
                    : Map.of();
            requests.add(new Request(method, path, Map.copyOf(headers), form));

            if (faultsLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                injectFault(exchange);
                return;
            }
            if (!("Bearer " + secretKey).equals(headers.get("authorization"))) {
                send(exchange, 401, error("invalid_request_error", null,
                        "Invalid API Key provided: " + mask(headers.get("authorization")), null), false);
                return;
            }
            String key = headers.get("idempotency-key");
            if ("POST".equals(method) && key != null) {
                String fingerprint = method + " " + path + " " + new TreeMap<>(form);
                Stored stored;
                synchronized (this) {
                    stored = idempotency.get(key);
                }
                if (stored != null) {
                    if (!stored.fingerprint().equals(fingerprint)) {
                        send(exchange, 400, error("idempotency_error", null, "Keys for idempotent requests can only "
                                + "be used with the same parameters they were first used with. Try using a key "
                                + "other than '" + key + "' if you meant to execute a different request.", null),
                                false);
                        return;
                    }
                    sendRaw(exchange, stored.status(), stored.body(), true);
                    return;
                }
                Answer answer = route(method, path, form);
                synchronized (this) {
                    if (answer.store()) {
                        idempotency.putIfAbsent(key, new Stored(fingerprint, answer.status(), answer.body()));
                    }
                }
                sendRaw(exchange, answer.status(), answer.body(), false);
                return;
            }
            Answer answer = route(method, path, form);
            sendRaw(exchange, answer.status(), answer.body(), false);
        }
    }

    /** {@code store}: whether Stripe saves this result for its idempotency key (not for failed validation). */
    private record Answer(int status, byte[] body, boolean store) {
    }

    private synchronized Answer route(String method, String path, Map<String, String> form) {
        if ("POST".equals(method) && path.equals("/v1/checkout/sessions")) {
            return createSession(form);
        }
        if ("POST".equals(method) && path.equals("/v1/refunds")) {
            return createRefund(form);
        }
        if ("GET".equals(method) && path.startsWith("/v1/checkout/sessions/")) {
            return retrieve(sessions.get(path.substring("/v1/checkout/sessions/".length())), "checkout.session");
        }
        if ("GET".equals(method) && path.startsWith("/v1/refunds/")) {
            return retrieve(refunds.get(path.substring("/v1/refunds/".length())), "refund");
        }
        return new Answer(404, error("invalid_request_error", null, "Unrecognized request URL (" + method + ": "
                + path + ").", null), false);
    }

    private Answer retrieve(ObjectNode object, String kind) {
        if (object == null) {
            return new Answer(404, error("invalid_request_error", "resource_missing", "No such " + kind, "id"),
                    false);
        }
        return new Answer(200, JSON.writeValueAsBytes(object), true);
    }

    private Answer createSession(Map<String, String> form) {
        Answer unknown = unknownParameter(form, SESSION_PARAMS);
        if (unknown != null) {
            return unknown;
        }
        for (String required : List.of("mode", "success_url", "line_items[0][price_data][currency]",
                "line_items[0][price_data][unit_amount]", "line_items[0][price_data][product_data][name]",
                "line_items[0][quantity]")) {
            if (form.get(required) == null || form.get(required).isEmpty()) {
                return missing(required);
            }
        }
        if (!"payment".equals(form.get("mode"))) {
            return invalid("mode");
        }
        long unitAmount;
        long quantity;
        try {
            unitAmount = Long.parseLong(form.get("line_items[0][price_data][unit_amount]"));
            quantity = Long.parseLong(form.get("line_items[0][quantity]"));
        } catch (NumberFormatException e) {
            return new Answer(400, error("invalid_request_error", "parameter_invalid_integer", "Invalid integer",
                    "line_items[0][price_data][unit_amount]"), false);
        }
        if (unitAmount < 1 || quantity < 1) {
            return invalid("line_items[0][price_data][unit_amount]");
        }
        String currency = form.get("line_items[0][price_data][currency]");
        if (!currency.matches("[a-z]{3}")) {
            return invalid("line_items[0][price_data][currency]");
        }
        ObjectNode s = template("checkout_session.json");
        String id = "cs_test_" + random(58);
        s.put("id", id);
        s.put("amount_subtotal", unitAmount * quantity);
        s.put("amount_total", unitAmount * quantity);
        s.put("currency", currency);
        s.put("created", now);
        s.put("expires_at", now + 24 * 3600);
        s.put("success_url", form.get("success_url"));
        putOrNull(s, "cancel_url", form.get("cancel_url"));
        putOrNull(s, "client_reference_id", form.get("client_reference_id"));
        putOrNull(s, "customer_email", form.get("customer_email"));
        s.set("metadata", metadata(form, "metadata"));
        s.put("url", "https://checkout.stripe.com/c/pay/" + id);
        sessions.put(id, s);
        return new Answer(200, JSON.writeValueAsBytes(s), true);
    }

    private Answer createRefund(Map<String, String> form) {
        Answer unknown = unknownParameter(form, REFUND_PARAMS);
        if (unknown != null) {
            return unknown;
        }
        String intent = form.get("payment_intent");
        if (intent == null) {
            return missing("payment_intent");
        }
        Long capturedAmount = captured.get(intent);
        if (capturedAmount == null) {
            return new Answer(400, error("invalid_request_error", "resource_missing",
                    "No such payment_intent: '" + intent + "'", "payment_intent"), false);
        }
        long already = refunds.values().stream()
                .filter(r -> intent.equals(r.get("payment_intent").asString()))
                .filter(r -> !Set.of("failed", "canceled").contains(r.get("status").asString()))
                .mapToLong(r -> r.get("amount").asLong()).sum();
        long amount;
        try {
            amount = form.get("amount") == null ? capturedAmount - already : Long.parseLong(form.get("amount"));
        } catch (NumberFormatException e) {
            return invalid("amount");
        }
        if (already >= capturedAmount) {
            return new Answer(400, error("invalid_request_error", "charge_already_refunded",
                    "Charge has already been refunded.", null), true);
        }
        if (amount < 1 || already + amount > capturedAmount) {
            return new Answer(400, error("invalid_request_error", "amount_too_large", "Refund amount ("
                    + amount + ") is greater than unrefunded amount on charge (" + (capturedAmount - already) + ")",
                    "amount"), true);
        }
        ObjectNode r = template("refund.json");
        String id = "re_" + random(24);
        r.put("id", id);
        r.put("amount", amount);
        r.put("created", now);
        r.put("currency", currencyOf(intent));
        r.put("payment_intent", intent);
        r.put("charge", "ch_" + intent.substring(3));
        putOrNull(r, "reason", form.get("reason"));
        r.set("metadata", metadata(form, "metadata"));
        r.put("status", nextRefundStatus);
        if (Set.of("failed", "canceled").contains(nextRefundStatus)) {
            r.put("failure_reason", "lost_or_stolen_card");
        }
        refunds.put(id, r);
        return new Answer(200, JSON.writeValueAsBytes(r), true);
    }

    private String currencyOf(String intent) {
        return sessions.values().stream().filter(s -> intent.equals(s.path("payment_intent").asString(null)))
                .map(s -> s.get("currency").asString()).findFirst().orElse("eur");
    }

    private static Answer unknownParameter(Map<String, String> form, Set<String> allowed) {
        for (String key : form.keySet()) {
            String top = key.contains("[") ? key.substring(0, key.indexOf('[')) : key;
            if (!allowed.contains(top)) {
                return new Answer(400, error("invalid_request_error", "parameter_unknown",
                        "Received unknown parameter: " + key, key), false);
            }
        }
        return null;
    }

    private static Answer missing(String param) {
        return new Answer(400, error("invalid_request_error", "parameter_missing",
                "Missing required param: " + param + ".", param), false);
    }

    private static Answer invalid(String param) {
        return new Answer(400, error("invalid_request_error", "parameter_invalid_empty",
                "Invalid value for " + param + ".", param), false);
    }

    /** {@code metadata[k]=v} pairs of the form (nested key syntax) as Stripe's metadata object. */
    private static ObjectNode metadata(Map<String, String> form, String prefix) {
        ObjectNode m = JSON.createObjectNode();
        form.forEach((k, v) -> {
            if (k.startsWith(prefix + "[") && k.endsWith("]") && k.indexOf('[', prefix.length() + 1) < 0) {
                m.put(k.substring(prefix.length() + 1, k.length() - 1), v);
            }
        });
        return m;
    }

    /** The flat form with its nested keys as sent ({@code a[b][c]}); the fake reads the keys it knows. */
    static Map<String, String> decode(String body) {
        Map<String, String> form = new LinkedHashMap<>();
        if (body.isEmpty()) {
            return form;
        }
        for (String pair : body.split("&")) {
            String[] kv = pair.split("=", 2);
            form.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                    kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
        }
        return form;
    }

    private void injectFault(HttpExchange exchange) throws IOException {
        switch (fault) {
            case ERROR -> send(exchange, 500, error("api_error", null, "An unknown error occurred", null), false);
            case RATE_LIMITED -> send(exchange, 429, error("invalid_request_error", "rate_limit",
                    "Too many requests hit the API too quickly.", null), false);
            case SLOW -> {
                try {
                    released.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                send(exchange, 500, error("api_error", null, "late", null), false);
            }
            case GARBAGE -> sendRaw(exchange, 200, "<html>not json".getBytes(StandardCharsets.UTF_8), false);
            case HUGE -> {
                byte[] huge = new byte[2 * 1024 * 1024];
                Arrays.fill(huge, (byte) ' ');
                huge[0] = '{';
                huge[huge.length - 1] = '}';
                sendRaw(exchange, 200, huge, false);
            }
            default -> throw new IllegalStateException();
        }
    }

    private static byte[] error(String type, String code, String message, String param) {
        ObjectNode error = JSON.createObjectNode();
        if (code != null) {
            error.put("code", code);
            error.put("doc_url", "https://stripe.com/docs/error-codes/" + code.replace('_', '-'));
        }
        error.put("message", message);
        if (param != null) {
            error.put("param", param);
        }
        error.put("request_log_url", "https://dashboard.stripe.com/test/logs/req_" + random(14));
        error.put("type", type);
        ObjectNode body = JSON.createObjectNode();
        body.set("error", error);
        return JSON.writeValueAsBytes(body);
    }

    private static void send(HttpExchange exchange, int status, byte[] body, boolean replayed) throws IOException {
        sendRaw(exchange, status, body, replayed);
    }

    private static void sendRaw(HttpExchange exchange, int status, byte[] body, boolean replayed) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.getResponseHeaders().set("Request-Id", "req_" + random(14));
        if (replayed) {
            exchange.getResponseHeaders().set("Idempotent-Replayed", "true");
        }
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static String mask(String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return "none";
        }
        String key = authorization.substring(7);
        return key.length() <= 8 ? "****" : key.substring(0, 8) + "****" + key.substring(key.length() - 4);
    }

    private static void putOrNull(ObjectNode node, String field, String value) {
        if (value == null) {
            node.putNull(field);
        } else {
            node.put(field, value);
        }
    }

    private static ObjectNode template(String name) {
        try (InputStream in = FakeStripe.class.getResourceAsStream("/stripe/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource stripe/" + name);
            }
            return (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String random(int length) {
        StringBuilder sb = new StringBuilder();
        while (sb.length() < length) {
            sb.append(UUID.randomUUID().toString().replace("-", ""));
        }
        return sb.substring(0, length);
    }
}
