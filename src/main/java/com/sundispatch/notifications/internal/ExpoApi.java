package com.sundispatch.notifications.internal;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One JSON POST to Expo's push API (send, getReceipts) with the access token, a deadline on the whole answer and
 * a size cap. Never throws: a failed call is logged by its kind only and answers null.
 */
@Component
class ExpoApi {

    private static final int MAX_ANSWER_BYTES = 1 << 20;
    private static final Logger log = LoggerFactory.getLogger(ExpoApi.class);

    private final ExpoPushProperties properties;
    private final HttpClient http;
    private final JsonMapper json = JsonMapper.builder().build();

    ExpoApi(ExpoPushProperties properties) {
        this.properties = properties;
        this.http = HttpClient.newBuilder().connectTimeout(properties.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** The parsed answer of a 200, or null (logged) for anything else. */
    JsonNode post(URI uri, Object body, String what) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(properties.timeout())
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)));
        if (!properties.accessToken().isBlank()) {
            request.header("Authorization", "Bearer " + properties.accessToken());
        }
        CompletableFuture<HttpResponse<byte[]>> call = http.sendAsync(request.build(),
                HttpResponse.BodyHandlers.ofByteArray());
        try {
            // The request timeout covers the headers only; the whole answer, body included, gets a deadline too, so
            // a stalled answer never holds one of the two push threads.
            HttpResponse<byte[]> response = call.get(properties.timeout().toMillis() * 2, TimeUnit.MILLISECONDS);
            if (response.statusCode() != 200) {
                log.warn("Expo push service answered HTTP {} to {}", response.statusCode(), what);
                return null;
            }
            if (response.body().length > MAX_ANSWER_BYTES) {
                log.warn("Expo push service answered {} with more than {} bytes", what, MAX_ANSWER_BYTES);
                return null;
            }
            return json.readTree(response.body());
        } catch (TimeoutException e) {
            call.cancel(true);
            log.warn("Expo push service did not answer {} in time", what);
            return null;
        } catch (ExecutionException | JacksonException e) {
            Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
            log.warn("Expo push service failed on {}: {}", what, cause.getClass().getSimpleName());
            return null;
        } catch (InterruptedException e) {
            call.cancel(true);
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
