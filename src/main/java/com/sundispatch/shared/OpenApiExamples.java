package com.sundispatch.shared;

import java.util.Map;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.responses.ApiResponse;

/**
 * Puts examples into the OpenAPI document for a module's own operations (each module's {@code web} package keeps
 * its examples in one customiser). An operation or answer that is not there is a mistake in that customiser.
 */
public final class OpenApiExamples {

    private static final String JSON = "application/json";

    private OpenApiExamples() {
    }

    /** An example request body of {@code method path}. */
    public static void request(OpenAPI api, PathItem.HttpMethod method, String path, String name, String summary,
            Map<String, Object> value) {
        Operation operation = operation(api, method, path);
        if (operation.getRequestBody() == null) {
            throw new IllegalStateException(method + " " + path + " has no request body");
        }
        add(operation.getRequestBody().getContent(), name, summary, value, method + " " + path);
    }

    /**
     * Adds a shared problem answer ({@code components/responses/<name>}, e.g. {@code NotFound}, {@code BadGateway})
     * to {@code method path}: for an error status the shared rules cannot infer from the path or method.
     */
    public static void problemAnswer(OpenAPI api, PathItem.HttpMethod method, String path, String status,
            String name) {
        operation(api, method, path).getResponses().addApiResponse(status,
                new ApiResponse().$ref("#/components/responses/" + name));
    }

    /** An example answer with this status of {@code method path}. */
    public static void response(OpenAPI api, PathItem.HttpMethod method, String path, String status, String name,
            String summary, Map<String, Object> value) {
        Operation operation = operation(api, method, path);
        ApiResponse response = operation.getResponses() == null ? null : operation.getResponses().get(status);
        if (response == null) {
            throw new IllegalStateException(method + " " + path + " has no " + status + " answer");
        }
        add(response.getContent(), name, summary, value, method + " " + path + " " + status);
    }

    private static Operation operation(OpenAPI api, PathItem.HttpMethod method, String path) {
        PathItem item = api.getPaths() == null ? null : api.getPaths().get(path);
        Operation operation = item == null ? null : item.readOperationsMap().get(method);
        if (operation == null) {
            throw new IllegalStateException("No operation " + method + " " + path);
        }
        return operation;
    }

    private static void add(Content content, String name, String summary, Map<String, Object> value, String where) {
        MediaType media = content == null ? null : content.get(JSON);
        if (media == null) {
            throw new IllegalStateException(where + " has no " + JSON + " content");
        }
        media.addExamples(name, new Example().summary(summary).value(value));
    }
}
