package com.sundispatch.notifications.internal;

import java.io.IOException;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.AlgorithmParameters;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.sun.net.httpserver.HttpServer;
import com.sundispatch.support.Api;
import com.sundispatch.support.IntegrationTest;
import com.sundispatch.support.TestDns;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Web Push end to end over real HTTP: the test plays the browser (its own P-256 key pair and auth secret) and
 * the push service (a loopback server at receiver.test). The push service checks the VAPID token against the
 * key the app publishes and decrypts the aes128gcm body with the browser's private key, with its own
 * implementation of RFC 8291 written from the RFC, independent of the app's code.
 */
class WebPushIT extends IntegrationTest {

    private record Received(String path, Map<String, String> headers, byte[] body) {
    }

    /** What a browser keeps of its subscription: the key pair and the auth secret. */
    private record Browser(KeyPair keys, byte[] auth, String endpoint) {
        String p256dh() {
            return b64(raw((ECPublicKey) keys.getPublic()));
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    @Autowired
    private WebPushSender pushSender;

    private HttpServer pushService;
    private final ConcurrentLinkedQueue<Received> received = new ConcurrentLinkedQueue<>();
    /** The answer of the push service per path; 201 when not set. */
    private final Map<String, Integer> answers = new ConcurrentHashMap<>();

    @BeforeEach
    void startPushService() throws IOException {
        pushService = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        pushService.createContext("/push/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            Map<String, String> headers = new HashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), String.join(",", v)));
            String path = exchange.getRequestURI().getPath();
            received.add(new Received(path, headers, body));
            exchange.sendResponseHeaders(answers.getOrDefault(path, 201), -1);
            exchange.close();
        });
        pushService.start();
    }

    @AfterEach
    void stopPushService() {
        pushService.stop(0);
    }

    @Test
    void testPushIsVapidSignedAndDecryptsWithTheBrowsersKeysToTheMessage() throws Exception {
        String access = newCustomerSession().access();
        Browser browser = browser();
        Api.Response created = subscribe(access, browser);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().path("id").asString();
        assertThat(created.json().path("createdAt").asString()).isNotBlank();

        Api.Response test = api.post("/api/v1/me/push-subscriptions/" + id + "/test", null, access);
        assertThat(test.status()).as(test.toString()).isEqualTo(202);
        assertThat(test.json().path("accepted").asBoolean()).isTrue();
        assertThat(received).hasSize(1);
        Received push = received.peek();

        // RFC 8292: "vapid t=<JWT>, k=<the key the browser subscribed with>".
        String publicKey = api.get("/api/v1/push/vapid-public-key").json().path("publicKey").asString();
        String authorization = push.headers().get("authorization");
        assertThat(authorization).matches("vapid t=[A-Za-z0-9_.-]+, k=[A-Za-z0-9_-]+");
        String jwt = authorization.substring("vapid t=".length(), authorization.indexOf(','));
        assertThat(authorization.substring(authorization.indexOf("k=") + 2)).isEqualTo(publicKey);
        String[] parts = jwt.split("\\.");
        assertThat(parts).hasSize(3);
        JsonNode header = Api.JSON.readTree(unb64(parts[0]));
        assertThat(header.path("alg").asString()).isEqualTo("ES256");
        Signature es256 = Signature.getInstance("SHA256withECDSAinP1363Format");
        es256.initVerify(publicKey(unb64(publicKey)));
        es256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertThat(es256.verify(unb64(parts[2]))).as("JWT signed with the published VAPID key").isTrue();
        JsonNode claims = Api.JSON.readTree(unb64(parts[1]));
        assertThat(claims.path("aud").asString()).isEqualTo("http://receiver.test:" + pushService.getAddress().getPort());
        long now = clock.instant().getEpochSecond();
        assertThat(claims.path("exp").asLong()).isGreaterThan(now).isLessThanOrEqualTo(now + 12 * 3600);
        assertThat(claims.path("sub").asString()).matches("(mailto:|https://).+");

        assertThat(push.headers().get("content-encoding")).isEqualTo("aes128gcm");
        assertThat(push.headers().get("ttl")).isEqualTo("86400");
        assertThat(push.headers().get("urgency")).isEqualTo("normal");
        assertThat(push.headers().get("topic")).isEqualTo("push-test");

        JsonNode message = Api.JSON.readTree(decrypt(push.body(), browser));
        assertThat(message.path("title").asString()).isEqualTo("SunDispatch");
        assertThat(message.path("body").asString()).isEqualTo("SunDispatch notifications work on this device");
        assertThat(message.path("link").asString()).isEqualTo("/");
        assertThat(message.path("tag").asString()).isEqualTo("push-test");
        assertThat(message.path("eventId").asString()).isNotBlank();

        Api.Response list = api.get("/api/v1/me/push-subscriptions", access);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json()).hasSize(1);
        JsonNode item = list.json().get(0);
        assertThat(item.path("id").asString()).isEqualTo(id);
        assertThat(item.path("pushService").asString()).isEqualTo("receiver.test");
        assertThat(item.path("lastSuccessAt").isNull()).isFalse();
        assertThat(list.body()).doesNotContain(browser.p256dh(), b64(browser.auth()), "/push/");
    }

    @Test
    void theNotificationPortSendsToEveryDeviceAndCountsThoseAccepted() throws Exception {
        String access = newCustomerSession().access();
        String userId = api.get("/api/v1/me", access).json().path("id").asString();
        Browser phone = browser();
        Browser laptop = browser();
        subscribe(access, phone);
        subscribe(access, laptop);
        answers.put(path(laptop), 503);

        int accepted = pushSender.send(userId, new PushSender.PushMessage("evt_123", "Installer on the way",
                "Your installer starts at 9:00. \u2600", "/#/orders/1", "job:1:started"));
        assertThat(accepted).isEqualTo(1);
        assertThat(received).hasSize(2);
        Received toPhone = received.stream().filter(r -> r.path().equals(path(phone))).findFirst().orElseThrow();
        JsonNode message = Api.JSON.readTree(decrypt(toPhone.body(), phone));
        assertThat(message.path("eventId").asString()).isEqualTo("evt_123");
        assertThat(message.path("body").asString()).isEqualTo("Your installer starts at 9:00. \u2600");
        assertThat(message.path("link").asString()).isEqualTo("/#/orders/1");
        assertThat(toPhone.headers().get("topic")).hasSize(32).matches("[A-Za-z0-9_-]+");
        // A push service that failed keeps its subscription: it may be back next time.
        assertThat(api.get("/api/v1/me/push-subscriptions", access).json()).hasSize(2);
    }

    @Test
    void aSubscriptionThePushServiceReportsGoneIsRemoved() {
        String access = newCustomerSession().access();
        Browser browser = browser();
        String id = subscribe(access, browser).json().path("id").asString();
        answers.put(path(browser), 410);
        Api.Response test = api.post("/api/v1/me/push-subscriptions/" + id + "/test", null, access);
        assertThat(test.status()).isEqualTo(202);
        assertThat(test.json().path("accepted").asBoolean()).isFalse();
        assertThat(api.get("/api/v1/me/push-subscriptions", access).json()).isEmpty();
        assertThat(api.post("/api/v1/me/push-subscriptions/" + id + "/test", null, access).status()).isEqualTo(404);
    }

    @Test
    void registeringTheSameEndpointAgainKeepsItsId() {
        String access = newCustomerSession().access();
        Browser browser = browser();
        Api.Response first = subscribe(access, browser);
        Api.Response again = subscribe(access, browser);
        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().path("id").asString()).isEqualTo(first.json().path("id").asString());
        assertThat(api.get("/api/v1/me/push-subscriptions", access).json()).hasSize(1);
    }

    @Test
    void someoneElsesSubscriptionCannotBeTestedOrRemoved() {
        String owner = newCustomerSession().access();
        String other = newCustomerSession().access();
        String id = subscribe(owner, browser()).json().path("id").asString();
        Api.Response test = api.post("/api/v1/me/push-subscriptions/" + id + "/test", null, other);
        assertThat(test.status()).isEqualTo(404);
        assertThat(test.code()).isEqualTo("not_found");
        assertThat(api.send("DELETE", "/api/v1/me/push-subscriptions/" + id, null, other, Map.of()).status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/me/push-subscriptions", other).json()).isEmpty();
        assertThat(received).isEmpty();
        assertThat(api.send("DELETE", "/api/v1/me/push-subscriptions/" + id, null, owner, Map.of()).status())
                .isEqualTo(204);
        assertThat(api.send("DELETE", "/api/v1/me/push-subscriptions/" + id, null, owner, Map.of()).status())
                .isEqualTo(404);
    }

    @Test
    void subscriptionsNeedATokenButThePublicKeyDoesNot() {
        Browser browser = browser();
        assertThat(api.post("/api/v1/me/push-subscriptions", body(browser), null).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/me/push-subscriptions").status()).isEqualTo(401);
        assertThat(api.send("DELETE", "/api/v1/me/push-subscriptions/x", null, null, Map.of()).status())
                .isEqualTo(401);
        assertThat(api.post("/api/v1/me/push-subscriptions/x/test", null, null).status()).isEqualTo(401);
        Api.Response key = api.get("/api/v1/push/vapid-public-key");
        assertThat(key.status()).isEqualTo(200);
        assertThat(unb64(key.json().path("publicKey").asString())).hasSize(65);
    }

    @Test
    void keysThatAreNoP256KeyOrNo16ByteSecretAreRefused() {
        String access = newCustomerSession().access();
        Browser browser = browser();
        byte[] offCurve = unb64(browser.p256dh());
        offCurve[64] ^= 1;
        List<Map<String, Object>> bad = List.of(
                keys(browser.endpoint(), "not-a-key", b64(browser.auth())),
                keys(browser.endpoint(), b64(offCurve), b64(browser.auth())),
                keys(browser.endpoint(), browser.p256dh(), b64(new byte[8])),
                keys(browser.endpoint(), browser.p256dh(), "%%%"),
                keys(browser.endpoint(), null, null));
        for (Map<String, Object> body : bad) {
            Api.Response r = api.post("/api/v1/me/push-subscriptions", body, access);
            assertThat(r.status()).as(r.toString()).isEqualTo(400);
            assertThat(r.code()).isEqualTo("invalid_push_keys");
        }
        Map<String, Object> noKeys = new HashMap<>(body(browser));
        noKeys.remove("keys");
        assertThat(api.post("/api/v1/me/push-subscriptions", noKeys, access).code()).isEqualTo("invalid_push_keys");
        assertThat(api.get("/api/v1/me/push-subscriptions", access).json()).isEmpty();
    }

    @Test
    void endpointsTheServerMustNotCallAreRefused() {
        String access = newCustomerSession().access();
        Browser browser = browser();
        TestDns.answer("internal.push.test", List.of("10.20.30.40"));
        for (String endpoint : List.of("https://10.0.0.1/push/x", "http://push.example.com/push/x",
                "https://internal.push.test/push/x", "https://169.254.169.254/latest", "ftp://receiver.test/x",
                "https://user:pw@push.example.com/x")) {
            Api.Response r = api.post("/api/v1/me/push-subscriptions",
                    keys(endpoint, browser.p256dh(), b64(browser.auth())), access);
            assertThat(r.status()).as(endpoint + " " + r).isEqualTo(400);
            assertThat(r.code()).isEqualTo("unsafe_url");
        }
        assertThat(api.get("/api/v1/me/push-subscriptions", access).json()).isEmpty();
    }

    @Test
    void endpointsOfUnknownPushServicesAreRefused() {
        String access = newCustomerSession().access();
        Browser browser = browser();
        Api.Response r = api.post("/api/v1/me/push-subscriptions",
                keys("https://attacker.example.net/push/x", browser.p256dh(), b64(browser.auth())), access);
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.code()).isEqualTo("unsupported_push_service");
        assertThat(api.get("/api/v1/me/push-subscriptions", access).json()).isEmpty();
    }

    @Test
    void atMostTenDevicesPerUser() {
        String access = newCustomerSession().access();
        List<Browser> browsers = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            Browser b = browser();
            browsers.add(b);
            assertThat(subscribe(access, b).status()).isEqualTo(201);
        }
        Api.Response eleventh = subscribe(access, browser());
        assertThat(eleventh.status()).as(eleventh.toString()).isEqualTo(409);
        assertThat(eleventh.code()).isEqualTo("too_many_push_subscriptions");
        // One of the ten coming back is no new device.
        assertThat(subscribe(access, browsers.get(3)).status()).isEqualTo(200);
    }

    // --- the browser ---

    private Browser browser() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            byte[] auth = new byte[16];
            RANDOM.nextBytes(auth);
            byte[] id = new byte[24];
            RANDOM.nextBytes(id);
            return new Browser(generator.generateKeyPair(), auth,
                    "http://receiver.test:" + pushService.getAddress().getPort() + "/push/" + b64(id));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String path(Browser browser) {
        return browser.endpoint().substring(browser.endpoint().indexOf("/push/"));
    }

    private Api.Response subscribe(String access, Browser browser) {
        return api.send("POST", "/api/v1/me/push-subscriptions", body(browser), access, Map.of("User-Agent",
                "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"));
    }

    /** Exactly what {@code JSON.stringify(subscription)} sends, expirationTime included. */
    private static Map<String, Object> body(Browser browser) {
        return keys(browser.endpoint(), browser.p256dh(), b64(browser.auth()));
    }

    private static Map<String, Object> keys(String endpoint, String p256dh, String auth) {
        Map<String, Object> keys = new LinkedHashMap<>();
        keys.put("p256dh", p256dh);
        keys.put("auth", auth);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("endpoint", endpoint);
        body.put("expirationTime", null);
        body.put("keys", keys);
        return body;
    }

    /**
     * RFC 8291 section 3.4 on the receiving side, as a browser does it: the sender's key from the aes128gcm
     * header (RFC 8188 section 2.1), ECDH with the browser's private key, the auth secret, then HKDF to the
     * content key and nonce; the last record ends with the delimiter 2 followed only by zero padding.
     */
    private static byte[] decrypt(byte[] body, Browser browser) throws Exception {
        ByteBuffer in = ByteBuffer.wrap(body);
        byte[] salt = new byte[16];
        in.get(salt);
        int recordSize = in.getInt();
        int idLength = in.get() & 0xff;
        assertThat(idLength).isEqualTo(65);
        byte[] senderKey = new byte[idLength];
        in.get(senderKey);
        byte[] record = new byte[in.remaining()];
        in.get(record);
        assertThat(record.length).isLessThanOrEqualTo(recordSize);

        KeyAgreement ecdh = KeyAgreement.getInstance("ECDH");
        ecdh.init(browser.keys().getPrivate());
        ecdh.doPhase(publicKey(senderKey), true);
        byte[] shared = ecdh.generateSecret();
        byte[] receiverKey = raw((ECPublicKey) browser.keys().getPublic());

        byte[] prkKey = hmac(browser.auth(), shared);
        byte[] ikm = hmac(prkKey, concat("WebPush: info".getBytes(StandardCharsets.US_ASCII), new byte[] { 0 },
                receiverKey, senderKey, new byte[] { 1 }));
        byte[] prk = hmac(salt, ikm);
        byte[] cek = Arrays.copyOf(hmac(prk, concat("Content-Encoding: aes128gcm".getBytes(StandardCharsets.US_ASCII),
                new byte[] { 0, 1 })), 16);
        byte[] nonce = Arrays.copyOf(hmac(prk, concat("Content-Encoding: nonce".getBytes(StandardCharsets.US_ASCII),
                new byte[] { 0, 1 })), 12);
        Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
        aes.init(Cipher.DECRYPT_MODE, new SecretKeySpec(cek, "AES"), new GCMParameterSpec(128, nonce));
        byte[] padded = aes.doFinal(record);
        int end = padded.length - 1;
        while (end >= 0 && padded[end] == 0) {
            end--;
        }
        assertThat(padded[end]).as("last-record delimiter").isEqualTo((byte) 2);
        return Arrays.copyOf(padded, end);
    }

    private static byte[] hmac(byte[] key, byte[] data) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(data);
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] p : parts) {
            length += p.length;
        }
        ByteBuffer out = ByteBuffer.allocate(length);
        for (byte[] p : parts) {
            out.put(p);
        }
        return out.array();
    }

    private static PublicKey publicKey(byte[] raw) throws Exception {
        AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
        parameters.init(new ECGenParameterSpec("secp256r1"));
        ECParameterSpec spec = parameters.getParameterSpec(ECParameterSpec.class);
        ECPoint point = new ECPoint(new BigInteger(1, Arrays.copyOfRange(raw, 1, 33)),
                new BigInteger(1, Arrays.copyOfRange(raw, 33, 65)));
        return KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(point, spec));
    }

    private static byte[] raw(ECPublicKey key) {
        byte[] out = new byte[65];
        out[0] = 4;
        byte[] x = key.getW().getAffineX().toByteArray();
        byte[] y = key.getW().getAffineY().toByteArray();
        int xl = Math.min(32, x.length);
        int yl = Math.min(32, y.length);
        System.arraycopy(x, x.length - xl, out, 33 - xl, xl);
        System.arraycopy(y, y.length - yl, out, 65 - yl, yl);
        return out;
    }

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static byte[] unb64(String text) {
        return Base64.getUrlDecoder().decode(text);
    }
}
