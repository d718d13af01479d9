package com.sundispatch.support;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Expo's push service as its documentation describes it (POST /--/api/v2/push/send, a JSON array of up to 100
 * messages, answered 200 with {@code {"data":[ticket...]}} in the same order), on loopback for every test
 * context. A token marked unregistered gets the {@code DeviceNotRegistered} error ticket an uninstalled app gets.
 * Requests without the configured access token are refused with 401, as Expo's enhanced security does.
 */
public final class FakeExpoPush {

    public static final String ACCESS_TOKEN = "expo-test-access-token-not-a-secret";
    private static final String PATH = "/--/api/v2/push/send";
    private static final String RECEIPTS_PATH = "/--/api/v2/push/getReceipts";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One message as the service received it, with the request's headers (lower-case names). */
    public record Message(JsonNode body, Map<String, String> headers) {
        public String to() {
            return body.path("to").asString();
        }
    }

    private static final ConcurrentLinkedQueue<Message> RECEIVED = new ConcurrentLinkedQueue<>();
    private static final Set<String> UNREGISTERED = ConcurrentHashMap.newKeySet();
    /** Ticket id → the token it was issued for. */
    private static final Map<String, String> TICKETS = new ConcurrentHashMap<>();
    private static final Set<String> UNREGISTERED_LATER = ConcurrentHashMap.newKeySet();
    private static final ConcurrentLinkedQueue<List<String>> RECEIPT_REQUESTS = new ConcurrentLinkedQueue<>();
    private static HttpServer server;

    private FakeExpoPush() {
    }

    public static synchronized String url() {
        if (server == null) {
            try {
                server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
            } catch (IOException e) {
                throw new IllegalStateException("cannot start the fake Expo push service", e);
            }
            server.createContext(PATH, FakeExpoPush::handle);
            server.createContext(RECEIPTS_PATH, FakeExpoPush::receipts);
            server.setExecutor(Executors.newFixedThreadPool(2, r -> {
                Thread t = new Thread(r, "fake-expo-push");
                t.setDaemon(true);
                return t;
            }));
            server.start();
        }
        return "http://127.0.0.1:" + server.getAddress().getPort() + PATH;
    }

    /** A token shaped like the ones {@code getExpoPushTokenAsync} returns, unique per call. */
    public static String newToken() {
        return "ExponentPushToken[" + UUID.randomUUID().toString().replace("-", "").substring(0, 22) + "]";
    }

    /** From now on this token's messages get the DeviceNotRegistered ticket (the app was uninstalled). */
    public static void unregister(String token) {
        UNREGISTERED.add(token);
    }

    /**
     * The tickets of this token's pushes were "ok", but their receipts say DeviceNotRegistered: Apple or Google
     * refused them afterwards, which is how an uninstalled app usually shows.
     */
    public static void unregisterAfterTicket(String token) {
        UNREGISTERED_LATER.add(token);
    }

    /** The ticket ids of every getReceipts request so far that asked for one of this token's tickets. */
    public static List<String> receiptsAskedFor(String token) {
        List<String> out = new ArrayList<>();
        for (List<String> ids : RECEIPT_REQUESTS) {
            for (String id : ids) {
                if (token.equals(TICKETS.get(id))) {
                    out.add(id);
                }
            }
        }
        return out;
    }

    public static List<Message> receivedFor(String token) {
        List<Message> out = new ArrayList<>();
        for (Message m : RECEIVED) {
            if (m.to().equals(token)) {
                out.add(m);
            }
        }
        return out;
    }

    private static void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Map<String, String> headers = new ConcurrentHashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), String.join(",", v)));
            if (!"POST".equals(exchange.getRequestMethod())
                    || !("Bearer " + ACCESS_TOKEN).equals(headers.get("authorization"))
                    || !headers.getOrDefault("content-type", "").startsWith("application/json")) {
                exchange.sendResponseHeaders(401, -1);
                return;
            }
            JsonNode messages = JSON.readTree(exchange.getRequestBody().readAllBytes());
            if (!messages.isArray() || messages.size() > 100) {
                exchange.sendResponseHeaders(400, -1);
                return;
            }
            ArrayNode tickets = JSON.createArrayNode();
            for (JsonNode message : messages) {
                Message m = new Message(message, headers);
                RECEIVED.add(m);
                ObjectNode ticket = tickets.addObject();
                if (UNREGISTERED.contains(m.to())) {
                    ticket.put("status", "error");
                    ticket.put("message", "\"" + m.to() + "\" is not a registered push notification recipient");
                    ticket.putObject("details").put("error", "DeviceNotRegistered");
                } else {
                    String id = UUID.randomUUID().toString();
                    TICKETS.put(id, m.to());
                    ticket.put("status", "ok");
                    ticket.put("id", id);
                }
            }
            answer(exchange, tickets);
        }
    }

    /** POST getReceipts {"ids": [...]} → {"data": {id: receipt}}; an id it does not know is left out (not ready). */
    private static void receipts(HttpExchange exchange) throws IOException {
        try (exchange) {
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            if (!"POST".equals(exchange.getRequestMethod()) || !("Bearer " + ACCESS_TOKEN).equals(auth)) {
                exchange.sendResponseHeaders(401, -1);
                return;
            }
            JsonNode ids = JSON.readTree(exchange.getRequestBody().readAllBytes()).path("ids");
            if (!ids.isArray() || ids.size() > 1000) {
                exchange.sendResponseHeaders(400, -1);
                return;
            }
            List<String> asked = new ArrayList<>();
            ObjectNode data = JSON.createObjectNode();
            for (JsonNode idNode : ids) {
                String id = idNode.asString();
                asked.add(id);
                String token = TICKETS.get(id);
                if (token == null) {
                    continue;
                }
                ObjectNode receipt = data.putObject(id);
                if (UNREGISTERED_LATER.contains(token)) {
                    receipt.put("status", "error");
                    receipt.put("message", "The recipient device is not registered with FCM.");
                    receipt.putObject("details").put("error", "DeviceNotRegistered");
                } else {
                    receipt.put("status", "ok");
                }
            }
            RECEIPT_REQUESTS.add(asked);
            answer(exchange, data);
        }
    }

    /** Expo's envelope: 200 with {"data": ...}. */
    private static void answer(HttpExchange exchange, JsonNode data) throws IOException {
        ObjectNode answer = JSON.createObjectNode();
        answer.set("data", data);
        byte[] bytes = JSON.writeValueAsBytes(answer);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
