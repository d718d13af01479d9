package com.sundispatch.orders.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.sundispatch.shared.ApiException;
import com.sundispatch.shared.PublicBaseUrl;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stripe Checkout behind {@link PaymentProvider}: a Checkout Session per payment (the customer pays on Stripe's
 * hosted page), Stripe's signed webhooks ({@code Stripe-Signature}), refunds of the session's PaymentIntent and
 * status queries for reconciliation, all through Stripe's form-encoded REST API with the API version pinned.
 * Our ids travel in Stripe's {@code metadata} both ways, and every call that moves money sends our id as
 * {@code Idempotency-Key}, so a retry (ours, or a crashed listener's) never charges or refunds twice.
 * <p>
 * Answers from Stripe are checked like user input (SECURITY.md): size-capped, JSON, ids of the expected shape,
 * required fields present; anything else is a retryable provider failure, never a 500 or a stored oddity.
 *
 * @see <a href="https://docs.stripe.com/api/checkout/sessions/create">Create a Checkout Session</a>
 * @see <a href="https://docs.stripe.com/api/refunds/create">Create a refund</a>
 * @see <a href="https://docs.stripe.com/webhooks#verify-manually">Verify webhook signatures manually</a>
 */
@Component
final class StripePaymentProvider implements PaymentProvider {

    static final String NAME = "stripe";
    static final String TEST_NOTICE = "Stripe test mode: no real money moves.";
    /**
     * Pinned, so an account's default version changing in the Dashboard never changes the shapes we parse. The
     * fields read here (session id/url/status/payment_status/payment_intent/metadata, refund
     * id/status/payment_intent/failure_reason/metadata, the error object) are the same in every version since
     * 2022; https://docs.stripe.com/api-versions names this as the current version.
     */
    static final String API_VERSION = "2026-09-30.endive";
    /** Far above any session, refund or error object Stripe sends; more is not an answer we want to parse. */
    static final int MAX_RESPONSE_BYTES = 1024 * 1024;

    private static final Logger log = LoggerFactory.getLogger(StripePaymentProvider.class);

    /** Our own ids (payment, order, refund), as the rest of the application makes them. */
    private static final Pattern OUR_ID = Pattern.compile("[A-Za-z0-9_\\-]{1,100}");
    private static final Pattern SESSION_ID = stripeId("cs");
    private static final Pattern INTENT_ID = stripeId("pi");
    /** Most refunds are {@code re_}; refunds of some payment methods are {@code pyr_}. */
    private static final Pattern REFUND_ID = Pattern.compile("(re|pyr)_[A-Za-z0-9_]{1,95}");
    /** Short enough that the namespaced key ({@code stripe:evt_…}) fits the processed-events column (100). */
    private static final Pattern EVENT_ID = Pattern.compile("evt_[A-Za-z0-9_]{1,80}");
    private static final Pattern CODE = Pattern.compile("[a-z0-9_]{1,64}");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    /** Stripe counts these in whole units, not cents; we only ever charge EUR and CHF, so they are refused. */
    private static final Set<String> ZERO_DECIMAL = Set.of("BIF", "CLP", "DJF", "GNF", "JPY", "KMF", "KRW", "MGA",
            "PYG", "RWF", "UGX", "VND", "VUV", "XAF", "XOF", "XPF", "ISK", "HUF", "TWD");
    private static final int MAX_HEADER = 2000;

    private final StripeProperties properties;
    private final PublicBaseUrl publicBaseUrl;
    private final Clock clock;
    private final URI apiBase;
    private final HttpClient http;
    private final JsonMapper json = JsonMapper.builder().build();

    /**
     * No outbound SSRF guard (unlike geocoding and installer webhooks): the API base URL is operator
     * configuration, never anything a user supplies, and it points at Stripe (or a loopback fake in tests).
     * Plain http is refused except on loopback, so the secret key never crosses a network unencrypted.
     */
    StripePaymentProvider(StripeProperties properties,
            PublicBaseUrl publicBaseUrl, Clock clock) {
        this.properties = properties;
        this.publicBaseUrl = publicBaseUrl;
        this.clock = clock;
        this.apiBase = checkedBase(properties.apiBaseUrl());
        this.http = HttpClient.newBuilder()
                .connectTimeout(properties.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    private static Pattern stripeId(String prefix) {
        return Pattern.compile(prefix + "_[A-Za-z0-9_]{1," + (99 - prefix.length()) + "}");
    }

    private static String stripTrailingSlashes(String url) {
        String s = url == null ? "" : url.trim();
        while (s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        return s;
    }

    static URI checkedBase(String url) {
        URI uri;
        try {
            uri = URI.create(stripTrailingSlashes(url));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("sundispatch.payments.stripe.api-base-url is not a URL", e);
        }
        String host = uri.getHost();
        if (host == null || uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("sundispatch.payments.stripe.api-base-url must be a plain https URL");
        }
        boolean https = "https".equals(uri.getScheme());
        boolean loopbackHttp = "http".equals(uri.getScheme()) && isLoopback(host);
        if (!https && !loopbackHttp) {
            throw new IllegalArgumentException(
                    "sundispatch.payments.stripe.api-base-url must be https (plain http only on loopback)");
        }
        return uri;
    }

    /** Literal loopback names only: resolving a name here would let DNS decide whether the key goes out in clear. */
    private static boolean isLoopback(String host) {
        return host.equals("localhost") || host.equals("[::1]") || host.equals("::1")
                || host.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean testMode() {
        return properties.secretKey() != null && properties.secretKey().startsWith("sk_test_");
    }

    @Override
    public boolean available() {
        return hasText(properties.secretKey()) && hasText(properties.webhookSecret());
    }

    private static boolean hasText(String s) {
        return s != null && !s.isBlank();
    }

    @Override
    public String toString() {
        return "StripePaymentProvider[apiBaseUrl=" + apiBase + ", testMode=" + testMode() + ", available="
                + available() + "]";
    }

    // ---- create -------------------------------------------------------------------------------------------

    @Override
    public Created create(PaymentRequest request) {
        String paymentId = ourId(request.paymentId());
        String orderId = ourId(request.orderId());
        Map<String, String> form = new LinkedHashMap<>();
        form.put("mode", "payment");
        form.put("line_items[0][price_data][currency]", currency(request.currency()).toLowerCase(Locale.ROOT));
        form.put("line_items[0][price_data][unit_amount]", Long.toString(minorUnits(request.amount())));
        form.put("line_items[0][price_data][product_data][name]", productName(orderId));
        form.put("line_items[0][quantity]", "1");
        form.put("client_reference_id", orderId);
        form.put("metadata[payment_id]", paymentId);
        form.put("metadata[order_id]", orderId);
        form.put("payment_intent_data[metadata][payment_id]", paymentId);
        form.put("payment_intent_data[metadata][order_id]", orderId);
        if (request.customerEmail() != null && !request.customerEmail().isBlank()) {
            form.put("customer_email", request.customerEmail());
        }
        form.put("success_url", returnUrl(properties.successPath(), orderId));
        form.put("cancel_url", returnUrl(properties.cancelPath(), orderId));

        JsonNode session = call("POST", "/v1/checkout/sessions", form, paymentId);
        String id = required(session, "id", SESSION_ID);
        String url = checkoutUrl(session.get("url"));
        boolean test = testMode();
        return new Created(id, url, test, test ? TEST_NOTICE : null);
    }

    /** "SunDispatch order ABCD1234": what the customer sees on Stripe's page and their statement. */
    static String productName(String orderId) {
        String shortId = orderId.replace("-", "");
        shortId = shortId.substring(0, Math.min(8, shortId.length())).toUpperCase(Locale.ROOT);
        return "SunDispatch order " + shortId;
    }

    private String returnUrl(String path, String orderId) {
        String p = path == null ? "/" : path;
        return publicBaseUrl.get() + (p.startsWith("/") ? "" : "/") + p.replace("{orderId}", orderId);
    }

    /** Exactly, never rounded: an amount with more than two places is a bug upstream, not something to guess. */
    static long minorUnits(BigDecimal amount) {
        if (amount == null || amount.signum() <= 0) {
            throw new PaymentProviderException("The amount must be positive.", "invalid_amount", false, null);
        }
        try {
            return amount.movePointRight(2).intValueExact();
        } catch (ArithmeticException e) {
            throw new PaymentProviderException("The amount is not a whole number of cents.", "invalid_amount",
                    false, e);
        }
    }

    private static String currency(String currency) {
        if (currency == null || !CURRENCY.matcher(currency).matches() || ZERO_DECIMAL.contains(currency)) {
            throw new PaymentProviderException("Unsupported currency for Stripe.", "unsupported_currency", false,
                    null);
        }
        return currency;
    }

    private static String ourId(String id) {
        if (id == null || !OUR_ID.matcher(id).matches()) {
            throw new PaymentProviderException("Not an id of ours.", "invalid_id", false, null);
        }
        return id;
    }

    private static String checkoutUrl(JsonNode url) {
        if (url == null || !url.isString() || url.asString().length() > 2048) {
            throw invalidAnswer("url");
        }
        try {
            URI uri = URI.create(url.asString());
            if (!"https".equals(uri.getScheme()) || uri.getHost() == null || uri.getRawUserInfo() != null) {
                throw invalidAnswer("url");
            }
            return uri.toString();
        } catch (IllegalArgumentException e) {
            throw invalidAnswer("url");
        }
    }

    // ---- webhooks -----------------------------------------------------------------------------------------

    @Override
    public Event verifyAndParse(byte[] body, Map<String, String> headers) {
        if (!signatureValid(body, headers == null ? null : headers.get("stripe-signature"))) {
            throw ApiException.badRequest("invalid_signature", "The webhook signature is missing, wrong or stale.");
        }
        try {
            return parse(json.readTree(body));
        } catch (JacksonException | IllegalArgumentException e) {
            throw ApiException.badRequest("invalid_event", "The webhook body is not a valid Stripe event.");
        }
    }

    /**
     * {@code t=<unix>,v1=<hex>[,v1=<hex>…][,v0=…]}: any v1 may match (Stripe sends several while an endpoint
     * secret is being rolled); v0 and unknown schemes are ignored. The timestamp must be within the tolerance
     * in both directions, against our clock.
     */
    boolean signatureValid(byte[] body, String header) {
        if (body == null || header == null || header.length() > MAX_HEADER || !hasText(properties.webhookSecret())) {
            return false;
        }
        Long t = null;
        List<byte[]> signatures = new ArrayList<>();
        for (String part : header.split(",")) {
            String[] kv = part.trim().split("=", 2);
            if (kv.length != 2) {
                continue;
            }
            if (kv[0].equals("t")) {
                if (t != null || !kv[1].matches("\\d{1,12}")) {
                    return false;
                }
                t = Long.parseLong(kv[1]);
            } else if (kv[0].equals("v1") && kv[1].matches("[0-9a-fA-F]{64}")) {
                signatures.add(HexFormat.of().parseHex(kv[1]));
            }
        }
        if (t == null || signatures.isEmpty()) {
            return false;
        }
        long skew = Math.abs(clock.instant().getEpochSecond() - t);
        if (skew > properties.webhookTolerance().toSeconds()) {
            return false;
        }
        byte[] expected = sign(properties.webhookSecret(), t, body);
        boolean match = false;
        for (byte[] candidate : signatures) {
            match |= MessageDigest.isEqual(expected, candidate);
        }
        return match;
    }

    /** HMAC-SHA256 with the endpoint secret (the whole {@code whsec_…} string is the key) over {@code "t.body"}. */
    static byte[] sign(String secret, long t, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((t + ".").getBytes(StandardCharsets.US_ASCII));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private Event parse(JsonNode event) {
        if (event == null || !event.isObject()) {
            throw new IllegalArgumentException("event");
        }
        String id = required(event, "id", EVENT_ID, IllegalArgumentException::new);
        String type = requiredText(event, "type");
        JsonNode data = event.get("data");
        JsonNode object = data == null ? null : data.get("object");
        if (object == null || !object.isObject()) {
            throw new IllegalArgumentException("data.object");
        }
        return switch (type) {
            case "checkout.session.completed" -> "paid".equals(optionalText(object, "payment_status"))
                    ? session(id, EventType.PAYMENT_SUCCEEDED, object, null)
                    : ignored(id);
            case "checkout.session.async_payment_succeeded" -> session(id, EventType.PAYMENT_SUCCEEDED, object, null);
            case "checkout.session.async_payment_failed" -> session(id, EventType.PAYMENT_FAILED, object,
                    "async_payment_failed");
            case "checkout.session.expired" -> session(id, EventType.PAYMENT_FAILED, object, "expired");
            case "refund.created", "refund.updated", "charge.refund.updated" -> refund(id, object);
            default -> ignored(id);
        };
    }

    private static Event ignored(String id) {
        return new Event(id, EventType.IGNORED, null, null, null, null, null, null);
    }

    /**
     * A session without our metadata was not created by us (another integration on the same Stripe account, a
     * Payment Link): acknowledged and ignored, since a 400 would only make Stripe retry it for days.
     */
    private static Event session(String id, EventType type, JsonNode session, String failureCode) {
        String sessionId = required(session, "id", SESSION_ID, IllegalArgumentException::new);
        JsonNode metadata = session.get("metadata");
        if (metadata == null || metadata.isNull() || metadata.get("payment_id") == null) {
            return ignored(id);
        }
        String paymentId = required(metadata, "payment_id", OUR_ID, IllegalArgumentException::new);
        String orderId = required(metadata, "order_id", OUR_ID, IllegalArgumentException::new);
        String intent = optional(session, "payment_intent", INTENT_ID, IllegalArgumentException::new);
        return new Event(id, type, paymentId, orderId, null, sessionId, intent, failureCode);
    }

    /** A Refund object (also inside {@code charge.refund.updated}); ours carry our refund id in metadata. */
    private static Event refund(String id, JsonNode refund) {
        JsonNode kind = refund.get("object");
        if (kind != null && !"refund".equals(optionalText(refund, "object"))) {
            throw new IllegalArgumentException("object");
        }
        String refundRef = required(refund, "id", REFUND_ID, IllegalArgumentException::new);
        JsonNode metadata = refund.get("metadata");
        if (metadata == null || metadata.isNull() || metadata.get("refund_id") == null) {
            return ignored(id);
        }
        String refundId = required(metadata, "refund_id", OUR_ID, IllegalArgumentException::new);
        String paymentId = optional(metadata, "payment_id", OUR_ID, IllegalArgumentException::new);
        String orderId = optional(metadata, "order_id", OUR_ID, IllegalArgumentException::new);
        String intent = optional(refund, "payment_intent", INTENT_ID, IllegalArgumentException::new);
        String failure = optional(refund, "failure_reason", CODE, IllegalArgumentException::new);
        EventType type = switch (requiredText(refund, "status")) {
            case "succeeded" -> EventType.REFUND_SUCCEEDED;
            case "failed", "canceled" -> EventType.REFUND_FAILED;
            default -> EventType.IGNORED;
        };
        if (type == EventType.IGNORED) {
            return ignored(id);
        }
        return new Event(id, type, paymentId, orderId, refundId, refundRef, intent,
                type == EventType.REFUND_FAILED ? (failure == null ? "refund_failed" : failure) : null);
    }

    // ---- refunds and status -------------------------------------------------------------------------------

    /**
     * Refunds the session's PaymentIntent. The session is read first (one GET): it names the PaymentIntent when
     * we do not know it yet, proves that a known one belongs to this payment (a mix-up would refund someone
     * else's money), and gives the order id, which goes into the refund's metadata so that its webhooks name
     * the order like every other event ({@link RefundRequest} carries no order id).
     */
    @Override
    public RefundResult refund(RefundRequest request) {
        String refundId = ourId(request.refundId());
        String paymentId = ourId(request.paymentId());
        long amount = minorUnits(request.amount());
        currency(request.currency());
        String intent = request.chargeReference();
        if (intent != null && !INTENT_ID.matcher(intent).matches()) {
            throw new PaymentProviderException("Not a PaymentIntent id.", "invalid_id", false, null);
        }
        String orderId = null;
        if (request.providerReference() != null) {
            JsonNode session = session(request.providerReference());
            String sessionIntent = optional(session, "payment_intent", INTENT_ID, StripePaymentProvider::invalidAnswer);
            if (intent == null) {
                intent = sessionIntent;
            } else if (sessionIntent != null && !sessionIntent.equals(intent)) {
                throw new PaymentProviderException("The PaymentIntent is not this payment's.", "charge_mismatch",
                        false, null);
            }
            JsonNode metadata = session.get("metadata");
            if (metadata != null && metadata.isObject()) {
                orderId = optional(metadata, "order_id", OUR_ID, StripePaymentProvider::invalidAnswer);
            }
        }
        if (intent == null) {
            throw new PaymentProviderException("The payment has no PaymentIntent to refund yet.",
                    "payment_not_captured", false, null);
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put("payment_intent", intent);
        form.put("amount", Long.toString(amount));
        form.put("reason", "requested_by_customer");
        form.put("metadata[refund_id]", refundId);
        form.put("metadata[payment_id]", paymentId);
        if (orderId != null) {
            form.put("metadata[order_id]", orderId);
        }
        return refundResult(call("POST", "/v1/refunds", form, refundId));
    }

    @Override
    public PaymentStatus paymentStatus(String providerReference) {
        JsonNode session = session(providerReference);
        String intent = optional(session, "payment_intent", INTENT_ID, StripePaymentProvider::invalidAnswer);
        if ("paid".equals(optionalText(session, "payment_status"))) {
            if (intent == null) {
                throw invalidAnswer("payment_intent");
            }
            return new PaymentStatus(State.SUCCEEDED, intent);
        }
        if ("expired".equals(optionalText(session, "status"))) {
            return new PaymentStatus(State.FAILED, intent);
        }
        return new PaymentStatus(State.PENDING, intent);
    }

    private JsonNode session(String providerReference) {
        if (providerReference == null || !SESSION_ID.matcher(providerReference).matches()) {
            throw new PaymentProviderException("Not a Checkout Session id.", "invalid_id", false, null);
        }
        JsonNode session = call("GET", "/v1/checkout/sessions/" + providerReference, null, null);
        if (!providerReference.equals(required(session, "id", SESSION_ID))) {
            throw invalidAnswer("id");
        }
        return session;
    }

    @Override
    public RefundResult refundStatus(String providerRefundReference) {
        if (providerRefundReference == null || !REFUND_ID.matcher(providerRefundReference).matches()) {
            throw new PaymentProviderException("Not a refund id.", "invalid_id", false, null);
        }
        RefundResult result = refundResult(call("GET", "/v1/refunds/" + providerRefundReference, null, null));
        if (!providerRefundReference.equals(result.providerReference())) {
            throw invalidAnswer("id");
        }
        return result;
    }

    private static RefundResult refundResult(JsonNode refund) {
        String id = required(refund, "id", REFUND_ID);
        String failure = optional(refund, "failure_reason", CODE, StripePaymentProvider::invalidAnswer);
        String status = optionalText(refund, "status");
        if (status == null) {
            throw invalidAnswer("status");
        }
        return switch (status) {
            case "succeeded" -> new RefundResult(id, State.SUCCEEDED, null);
            case "pending", "requires_action" -> new RefundResult(id, State.PENDING, null);
            case "failed", "canceled" -> new RefundResult(id, State.FAILED, failure == null ? status : failure);
            default -> throw invalidAnswer("status");
        };
    }

    // ---- HTTP ---------------------------------------------------------------------------------------------

    /**
     * One call to Stripe. 2xx: the parsed JSON object. 4xx: Stripe's error code, not retryable (except 409
     * "idempotency key in use" and 429, which pass). 5xx, timeouts, I/O and unreadable answers: retryable.
     */
    private JsonNode call(String method, String path, Map<String, String> form, String idempotencyKey) {
        if (!hasText(properties.secretKey())) {
            throw new PaymentProviderException("Stripe is not configured.", "not_configured", false, null);
        }
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(apiBase + path))
                .timeout(properties.timeout())
                .header("Authorization", "Bearer " + properties.secretKey())
                .header("Stripe-Version", API_VERSION)
                .header("Accept", "application/json");
        if (idempotencyKey != null) {
            builder.header("Idempotency-Key", idempotencyKey);
        }
        if ("POST".equals(method)) {
            builder.header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(formEncode(form)));
        } else {
            builder.GET();
        }
        HttpResponse<byte[]> response = send(builder.build(), method, path);
        int status = response.statusCode();
        JsonNode body = null;
        try {
            body = response.body() == null ? null : json.readTree(response.body());
        } catch (JacksonException e) {
            body = null;
        }
        if (status >= 200 && status < 300) {
            if (body == null || !body.isObject()) {
                throw invalidAnswer("body");
            }
            return body;
        }
        String code = errorCode(body, status);
        boolean retryable = status >= 500 || status == 429 || status == 408
                || (status == 409 && "idempotency_key_in_use".equals(code));
        log.warn("Stripe {} {} answered {} ({})", method, pathForLog(path), status, code);
        throw new PaymentProviderException("Stripe answered " + status + " (" + code + ")", code, retryable, null);
    }

    /** The object id in a path is Stripe's, not personal data, but logs need only the resource kind. */
    private static String pathForLog(String path) {
        return path.replaceAll("/[a-z]+_[A-Za-z0-9_]+$", "/{id}");
    }

    private HttpResponse<byte[]> send(HttpRequest request, String method, String path) {
        CompletableFuture<HttpResponse<byte[]>> future = http.sendAsync(request, info -> new CappedBody());
        try {
            // The request timeout covers the headers only; the whole answer, body included, gets a deadline too.
            return future.get(properties.timeout().toMillis() * 2, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new PaymentProviderException("Interrupted calling Stripe.", "interrupted", true, e);
        } catch (TimeoutException e) {
            future.cancel(true);
            log.warn("Stripe {} {} timed out", method, pathForLog(path));
            throw new PaymentProviderException("Stripe did not answer in time.", "timeout", true, e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            for (Throwable c = cause; c != null; c = c.getCause()) {
                if (c instanceof TooLarge) {
                    throw invalidAnswer("size");
                }
            }
            boolean timeout = cause instanceof HttpTimeoutException;
            log.warn("Stripe {} {} failed: {}", method, pathForLog(path),
                    cause == null ? "unknown" : cause.getClass().getSimpleName());
            throw new PaymentProviderException("Stripe could not be reached.", timeout ? "timeout" : "io_error",
                    true, cause);
        }
    }

    private static String formEncode(Map<String, String> form) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, String> e : form.entrySet()) {
            if (sb.length() > 0) {
                sb.append('&');
            }
            sb.append(URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
        }
        return sb.toString();
    }

    /** Stripe's {@code {"error":{"type","code","message"}}}; the message is not logged (it may echo input). */
    private static String errorCode(JsonNode body, int status) {
        JsonNode error = body == null ? null : body.get("error");
        if (error != null && error.isObject()) {
            for (String field : new String[] {"code", "type"}) {
                JsonNode v = error.get(field);
                if (v != null && v.isString() && CODE.matcher(v.asString()).matches()) {
                    return v.asString();
                }
            }
        }
        return "http_" + status;
    }

    private static PaymentProviderException invalidAnswer(String what) {
        return new PaymentProviderException("Stripe's answer is not usable (" + what + ").", "invalid_response",
                true, null);
    }

    // ---- JSON helpers -------------------------------------------------------------------------------------

    private static String required(JsonNode node, String field, Pattern shape) {
        return required(node, field, shape, StripePaymentProvider::invalidAnswer);
    }

    private static String required(JsonNode node, String field, Pattern shape,
            Function<String, ? extends RuntimeException> error) {
        String v = optional(node, field, shape, error);
        if (v == null) {
            throw error.apply(field);
        }
        return v;
    }

    private static String optional(JsonNode node, String field, Pattern shape,
            Function<String, ? extends RuntimeException> error) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isString() || !shape.matcher(v.asString()).matches()) {
            throw error.apply(field);
        }
        return v.asString();
    }

    private static String requiredText(JsonNode node, String field) {
        String v = optionalText(node, field);
        if (v == null || v.isEmpty() || v.length() > 100) {
            throw new IllegalArgumentException(field);
        }
        return v;
    }

    private static String optionalText(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v != null && v.isString() ? v.asString() : null;
    }

    /** The body is signalled too large as soon as it passes the cap, not after it has all been buffered. */
    private static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;

        TooLarge() {
            super("Stripe's answer exceeds " + MAX_RESPONSE_BYTES + " bytes");
        }
    }

    /** Collects at most {@link #MAX_RESPONSE_BYTES}, then cancels the stream and fails. */
    private static final class CappedBody implements HttpResponse.BodySubscriber<byte[]> {
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private Flow.Subscription subscription;

        @Override
        public CompletionStage<byte[]> getBody() {
            return result.minimalCompletionStage();
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            this.subscription = s;
            s.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            if (result.isDone()) {
                return;
            }
            for (ByteBuffer b : items) {
                if (bytes.size() + b.remaining() > MAX_RESPONSE_BYTES) {
                    subscription.cancel();
                    result.completeExceptionally(new TooLarge());
                    return;
                }
                byte[] chunk = new byte[b.remaining()];
                b.get(chunk);
                bytes.write(chunk, 0, chunk.length);
            }
        }

        @Override
        public void onError(Throwable t) {
            result.completeExceptionally(t);
        }

        @Override
        public void onComplete() {
            result.complete(bytes.toByteArray());
        }
    }

}
