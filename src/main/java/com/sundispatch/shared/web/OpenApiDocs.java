package com.sundispatch.shared.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.annotation.Nullable;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.customizers.PropertyCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;
import org.springframework.web.method.HandlerMethod;

import com.sundispatch.shared.PageRequests;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.tags.Tag;

/**
 * The module-independent part of the OpenAPI document (docs/openapi.md): the one problem schema every error uses,
 * the error answers every operation can give (by what the transport filters and {@link ProblemAdvice} really do),
 * tag descriptions, shared paging parameters, and nullability and required-ness read from the response records.
 * Security (schemes, which operations are public, 401) is the security module's {@code OpenApiSecurityDocs}.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiDocs {

    static final String PROBLEM = "Problem";
    static final String FIELD_PROBLEM = "FieldProblem";
    private static final String PROBLEM_JSON = "application/problem+json";
    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

    /**
     * The stable {@code code} values of problem answers, by status (collected from the code base: ErrorCodes, every
     * ApiException and the filters' Problems.write). A client switches on {@code code}, never on {@code detail}.
     */
    static final Map<String, List<String>> CODES = codes();

    private static Map<String, List<String>> codes() {
        Map<String, List<String>> codes = new LinkedHashMap<>();
        codes.put("400", List.of("bad_request", "validation_failed", "malformed_json", "malformed_request",
                "host_not_allowed", "invalid_token", "invalid_mfa_code", "mfa_required", "wrong_password",
                "weak_password", "email_unchanged", "cannot_ban_self", "would_block_self", "checklist_incomplete",
                "currency_mismatch", "duplicate_serial", "serial_count_mismatch", "photos_required", "unknown_photo",
                "image_invalid", "idempotency_key_required", "invalid_appointment", "outside_window",
                "invalid_event", "invalid_signature", "invalid_push_keys", "unsupported_push_service",
                "invalid_push_token", "invalid_platform",
                "passkey_challenge_invalid", "passkey_invalid", "passkey_unknown", "passkey_name_invalid",
                "pin_too_far", "country_not_served", "unknown_panel", "preference_locked"));
        codes.put("401", List.of("unauthorized", "invalid_token", "invalid_credentials", "passkey_invalid",
                "passkey_unknown"));
        codes.put("403", List.of("forbidden", "ip_blocked", "account_banned", "account_locked",
                "mfa_setup_required", "email_not_verified", "installer_not_eligible", "not_an_installer",
                "csrf_header_required"));
        codes.put("404", List.of("not_found", "place_not_found", "no_deletion_scheduled", "push_not_configured"));
        codes.put("405", List.of("method_not_allowed"));
        codes.put("406", List.of("not_acceptable"));
        codes.put("408", List.of("request_timeout"));
        codes.put("409", List.of("conflict", "concurrent_update", "invalid_state", "email_taken", "email_not_verified",
                "already_admin", "already_installer", "already_reviewed", "already_revoked", "not_admin",
                "last_admin", "cannot_change_own_role", "cannot_reset_own_mfa", "user_banned", "mfa_already_enabled",
                "mfa_not_enabled", "mfa_setup_required", "passkey_already_registered", "passkey_limit_reached",
                "idempotency_key_reused", "refund_exceeds_balance", "out_of_stock", "no_panels",
                "too_many_unpaid_orders", "too_many_applications", "too_many_push_subscriptions", "offer_taken",
                "offer_closed", "offer_expired", "offer_withdrawn", "own_proposal", "proposal_closed",
                "proposal_expired", "too_many_proposals", "schedule_conflict", "reschedule_too_late",
                "not_appointment_day", "photo_in_report", "too_many_photos", "export_not_ready",
                "stored_data_unreadable"));
        codes.put("410", List.of("export_expired"));
        codes.put("413", List.of("payload_too_large", "file_too_large"));
        codes.put("415", List.of("unsupported_media_type", "unsupported_image"));
        codes.put("429", List.of("rate_limited", "too_many_concurrent_requests", "login_throttled",
                "export_too_soon"));
        codes.put("500", List.of("internal_error"));
        codes.put("502", List.of("payment_provider_error"));
        codes.put("503", List.of("server_busy", "payments_unavailable"));
        return codes;
    }

    /** The shared error answers (components/responses), each a Problem with the codes of its status. */
    enum Answer {
        BAD_REQUEST("400", "BadRequest", "The request is not valid: a field (see errors[]), the JSON, a parameter "
                + "or the request's encoding."),
        UNAUTHORIZED("401", "Unauthorized", "No valid access token (or credentials) was presented."),
        FORBIDDEN("403", "Forbidden", "Not allowed: the caller's role, a blocked address (ip_blocked, on every "
                + "operation), a locked or banned account, or a missing step-up."),
        NOT_FOUND("404", "NotFound", "Nothing with this id exists for the caller (others' resources are not found "
                + "either, never forbidden)."),
        CONFLICT("409", "Conflict", "The resource's state does not allow this now, or a concurrent change won "
                + "(reload and try again)."),
        GONE("410", "Gone", "The resource existed but has expired."),
        PAYLOAD_TOO_LARGE("413", "PayloadTooLarge", "The body is over the limit (64 KiB; photo uploads: the upload "
                + "cap)."),
        UNSUPPORTED_MEDIA_TYPE("415", "UnsupportedMediaType", "The body is not application/json (photo upload: not "
                + "multipart/form-data with a JPEG, PNG or WebP)."),
        TOO_MANY_REQUESTS("429", "TooManyRequests", "A rate limit was reached; wait for Retry-After seconds."),
        BAD_GATEWAY("502", "BadGateway", "The payment provider failed or did not answer; nothing was charged, try "
                + "again."),
        SERVICE_UNAVAILABLE("503", "ServiceUnavailable", "The server is busy; try again after Retry-After seconds.");

        final String status;
        final String component;
        final String description;

        Answer(String status, String component, String description) {
            this.status = status;
            this.component = component;
            this.description = description;
        }

        String ref() {
            return "#/components/responses/" + component;
        }
    }

    /** Tag descriptions, one place for every module's tag. */
    static final Map<String, String> TAGS = tags();

    private static Map<String, String> tags() {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("Public", "What anyone may read without signing in: landing data, legal notice, FAQ, the panel "
                + "catalog, quotes, the public map and installer profiles.");
        tags.put("Identity", "Accounts: registration, sign-in (password, TOTP, passkeys), tokens, the caller's "
                + "profile, sessions, MFA and security history.");
        tags.put("Orders", "Ordering panels with installation, payments (sandbox or Stripe) and the payment "
                + "provider's webhook.");
        tags.put("Installations", "The customer's side of an installation: appointment negotiation, calendar file, "
                + "completion confirmation or dispute, photos and review.");
        tags.put("Installers", "Becoming an installer and the installer's work: service area, availability, "
                + "offers, jobs, completion reports, earnings and the job-event webhook.");
        tags.put("Documents", "Invoices and credit notes as PDF.");
        tags.put("Notifications", "The in-app inbox, notification preferences and Web Push subscriptions.");
        tags.put("Privacy", "Data export and account deletion (GDPR articles 15, 17 and 20).");
        tags.put("Places", "Address suggestions and reverse geocoding for the quote and order forms.");
        tags.put("Admin", "Operations for administrators (role ADMIN with MFA): catalog, users, installers, jobs, "
                + "orders, refunds, payouts, ledger, monitoring, IP blocks and the data key.");
        return tags;
    }

    /**
     * A record component annotated {@code @Nullable} may be sent as JSON null: its schema says so (OpenAPI 3.1:
     * {@code type: [..., "null"]}; a reference becomes {@code anyOf: [ref, null]}, so the referenced schema itself
     * is not changed).
     */
    @Bean
    PropertyCustomizer nullableProperties() {
        return (property, type) -> nullable(type) ? asNullable(property) : property;
    }

    /**
     * Operation ids name the controller and its method ({@code OrderController.create} is {@code orderCreate}): a
     * generated client's method names then say what they do, where springdoc's defaults were {@code list_1}.
     */
    @Bean
    OperationCustomizer operationIds() {
        return (operation, handler) -> operation.operationId(operationId(handler));
    }

    static String operationId(HandlerMethod handler) {
        String type = handler.getBeanType().getSimpleName().replaceFirst("Controller$", "");
        return StringUtils.uncapitalize(type) + StringUtils.capitalize(handler.getMethod().getName());
    }

    @Bean
    OpenApiCustomizer sharedApiDocs() {
        return OpenApiDocs::customise;
    }

    static boolean nullable(AnnotatedType type) {
        if (type == null || type.getCtxAnnotations() == null) {
            return false;
        }
        for (var annotation : type.getCtxAnnotations()) {
            if (annotation.annotationType() == Nullable.class) {
                return true;
            }
        }
        return false;
    }

    @SuppressWarnings({ "rawtypes", "unchecked" })
    static Schema asNullable(Schema property) {
        if (property == null || isNullable(property)) {
            return property;
        }
        if (property.get$ref() != null) {
            Schema wrapped = new JsonSchema();
            wrapped.setAnyOf(new ArrayList<>(List.of(new JsonSchema().$ref(property.get$ref()), nullType())));
            wrapped.setDescription(property.getDescription());
            return wrapped;
        }
        if (property.getTypes() != null && !property.getTypes().isEmpty()) {
            property.addType("null");
        } else if (property.getType() != null) {
            Set<String> types = new LinkedHashSet<>(List.of(property.getType(), "null"));
            property.setTypes(types);
        } else {
            property.setNullable(true);
        }
        if (property.getEnum() != null && !property.getEnum().contains(null)) {
            List values = new ArrayList<>(property.getEnum());
            values.add(null);
            property.setEnum(values);
        }
        return property;
    }

    @SuppressWarnings("rawtypes")
    static boolean isNullable(Schema schema) {
        if (schema.getTypes() != null && schema.getTypes().contains("null")) {
            return true;
        }
        if (Boolean.TRUE.equals(schema.getNullable())) {
            return true;
        }
        if (schema.getOneOf() != null) {
            for (Object option : schema.getOneOf()) {
                if (option instanceof Schema s && s.getTypes() != null && s.getTypes().contains("null")) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Schema<?> nullType() {
        Schema<?> none = new JsonSchema();
        none.addType("null");
        return none;
    }

    static void customise(OpenAPI api) {
        Components components = api.getComponents() == null ? new Components() : api.getComponents();
        api.setComponents(components);
        api.setInfo(new Info().title("SunDispatch API").version("v1")
                .description("The SunDispatch marketplace API (panels with installation). Errors are RFC 9457 "
                        + "problems (application/problem+json) with a stable code; see the Problem schema. "
                        + "Reference: docs/openapi.md and the design's API.md."));
        components.addSchemas(FIELD_PROBLEM, fieldProblemSchema());
        components.addSchemas(PROBLEM, problemSchema());
        for (Answer answer : Answer.values()) {
            components.addResponses(answer.component, answerFor(answer));
        }
        if (api.getPaths() != null) {
            api.getPaths().forEach((path, item) -> item.readOperationsMap()
                    .forEach((method, operation) -> describeErrors(path, method, operation)));
        }
        api.setTags(TAGS.entrySet().stream().map(e -> new Tag().name(e.getKey()).description(e.getValue())).toList());
        markRequiredResponseProperties(api);
        dropUnreferenced(api, "ProblemDetail");
    }

    /** The error answers any operation gives by what the filters and the advice do, whatever its controller. */
    private static void describeErrors(String path, PathItem.HttpMethod method, Operation operation) {
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        operation.setResponses(responses);
        // MalformedRequestFilter and the encoding checks answer 400 on any request; IpBlockFilter 403 on any;
        // the per-address limits and the in-flight cap 429 on any; an exhausted connection pool 503 on any.
        add(responses, Answer.BAD_REQUEST);
        add(responses, Answer.FORBIDDEN);
        add(responses, Answer.TOO_MANY_REQUESTS);
        add(responses, Answer.SERVICE_UNAVAILABLE);
        if (path.contains("{")) {
            add(responses, Answer.NOT_FOUND);
        }
        if (WRITES.contains(method.name())) {
            // ProblemAdvice turns a lost optimistic race or a concurrent duplicate into 409 on every write.
            add(responses, Answer.CONFLICT);
        }
        if (operation.getRequestBody() != null) {
            add(responses, Answer.PAYLOAD_TOO_LARGE);
            add(responses, Answer.UNSUPPORTED_MEDIA_TYPE);
        }
        if (operation.getParameters() != null) {
            for (Parameter parameter : operation.getParameters()) {
                describePaging(parameter);
            }
        }
        // Success answers in a stable order before the errors.
        ApiResponses sorted = new ApiResponses();
        responses.keySet().stream().sorted().forEach(code -> sorted.addApiResponse(code, responses.get(code)));
        operation.setResponses(sorted);
    }

    private static void add(ApiResponses responses, Answer answer) {
        ApiResponse existing = responses.get(answer.status);
        if (existing == null) {
            responses.addApiResponse(answer.status, new ApiResponse().$ref(answer.ref()));
        } else if (existing.get$ref() == null && (existing.getContent() == null || existing.getContent().isEmpty())) {
            // An annotation named the status (e.g. "409 offer_taken") but no body: the body is the problem.
            existing.setContent(problemContent(answer));
        }
    }

    private static void describePaging(Parameter parameter) {
        if (!"query".equals(parameter.getIn())) {
            return;
        }
        // A fresh schema each: springdoc may hand the same integer schema object to both parameters.
        if ("page".equals(parameter.getName()) && parameter.getDescription() == null) {
            parameter.setDescription("Zero-based page number (default 0).");
            parameter.setSchema(integer(BigDecimal.ZERO, BigDecimal.valueOf(100_000)));
        } else if ("size".equals(parameter.getName()) && parameter.getDescription() == null) {
            parameter.setDescription("Items per page (default " + PageRequests.DEFAULT_SIZE + "; more than "
                    + PageRequests.MAX_SIZE + " counts as " + PageRequests.MAX_SIZE + ").");
            parameter.setSchema(integer(BigDecimal.ONE, null));
        }
    }

    private static Schema<?> integer(BigDecimal minimum, BigDecimal maximum) {
        Schema<?> schema = new JsonSchema();
        schema.addType("integer");
        schema.setFormat("int32");
        schema.setMinimum(minimum);
        schema.setMaximum(maximum);
        return schema;
    }

    private static ApiResponse answerFor(Answer answer) {
        ApiResponse response = new ApiResponse().description(answer.description).content(problemContent(answer));
        if (answer == Answer.TOO_MANY_REQUESTS || answer == Answer.SERVICE_UNAVAILABLE) {
            Schema<?> seconds = new JsonSchema();
            seconds.addType("integer");
            response.addHeaderObject("Retry-After", new Header().description("Seconds to wait before trying again.")
                    .schema(seconds));
        }
        if (answer == Answer.UNAUTHORIZED) {
            Schema<?> text = new JsonSchema();
            text.addType("string");
            response.addHeaderObject("WWW-Authenticate", new Header().description("Bearer").schema(text));
        }
        return response;
    }

    static Content problemContent(Answer answer) {
        MediaType media = new MediaType().schema(new JsonSchema().$ref("#/components/schemas/" + PROBLEM));
        String code = CODES.get(answer.status).get(answer == Answer.BAD_REQUEST ? 1 : 0);
        Map<String, Object> example = new LinkedHashMap<>();
        example.put("type", "urn:sundispatch:problem:" + code);
        example.put("title", TITLES.get(answer));
        example.put("status", Integer.valueOf(answer.status));
        example.put("detail", answer == Answer.BAD_REQUEST ? "The request is not valid." : answer.description);
        example.put("instance", "/api/v1/orders");
        example.put("code", code);
        if (answer == Answer.BAD_REQUEST) {
            example.put("errors", List.of(Map.of("field", "items[0].quantity", "message", "must be at least 1")));
        }
        media.addExamples(code, new Example().value(example));
        return new Content().addMediaType(PROBLEM_JSON, media);
    }

    private static final Map<Answer, String> TITLES = Map.ofEntries(Map.entry(Answer.BAD_REQUEST, "Bad Request"),
            Map.entry(Answer.UNAUTHORIZED, "Unauthorized"), Map.entry(Answer.FORBIDDEN, "Forbidden"),
            Map.entry(Answer.NOT_FOUND, "Not Found"), Map.entry(Answer.CONFLICT, "Conflict"),
            Map.entry(Answer.GONE, "Gone"), Map.entry(Answer.PAYLOAD_TOO_LARGE, "Content Too Large"),
            Map.entry(Answer.UNSUPPORTED_MEDIA_TYPE, "Unsupported Media Type"),
            Map.entry(Answer.TOO_MANY_REQUESTS, "Too Many Requests"), Map.entry(Answer.BAD_GATEWAY, "Bad Gateway"),
            Map.entry(Answer.SERVICE_UNAVAILABLE, "Service Unavailable"));

    private static Schema<?> problemSchema() {
        Schema<?> schema = new JsonSchema();
        schema.addType("object");
        schema.setDescription("An RFC 9457 problem. code is stable and machine-readable; detail is for people and "
                + "may change. Extension members (e.g. suggestions) may be added.");
        schema.addProperty("type", string("urn:sundispatch:problem:<code>", "uri"));
        schema.addProperty("title", string("The HTTP reason phrase.", null));
        Schema<?> status = new JsonSchema();
        status.addType("integer");
        status.setDescription("The HTTP status code.");
        schema.addProperty("status", status);
        schema.addProperty("detail", string("What went wrong, for people.", null));
        schema.addProperty("instance", string("The request path.", "uri-reference"));
        StringBuilder table = new StringBuilder("The stable error code. By status:");
        CODES.forEach((s, values) -> table.append("\n- ").append(s).append(": ").append(String.join(", ", values)));
        schema.addProperty("code", string(table.toString(), null));
        Schema<?> errors = new JsonSchema();
        errors.addType("array");
        errors.setDescription("The invalid fields (validation_failed only).");
        errors.setItems(new JsonSchema().$ref("#/components/schemas/" + FIELD_PROBLEM));
        schema.addProperty("errors", errors);
        Schema<?> suggestions = new JsonSchema();
        suggestions.addType("array");
        suggestions.setDescription("address_not_found only: places the address may have meant (may be empty).");
        suggestions.setItems(new JsonSchema().$ref("#/components/schemas/Place"));
        schema.addProperty("suggestions", suggestions);
        schema.setRequired(List.of("type", "title", "status", "detail", "code"));
        // RFC 9457 section 3.2: a problem may carry extension members (suggestions); said, so no client and no
        // validator takes the listed members for the whole set.
        schema.setAdditionalProperties(Boolean.TRUE);
        return schema;
    }

    private static Schema<?> fieldProblemSchema() {
        Schema<?> schema = new JsonSchema();
        schema.addType("object");
        schema.setDescription("One invalid field of a request.");
        schema.addProperty("field", string("The field's path in the body (e.g. items[0].quantity) or the parameter's "
                + "name.", null));
        schema.addProperty("message", string("What is wrong with it, for people.", null));
        schema.setRequired(List.of("field", "message"));
        return schema;
    }

    private static Schema<?> string(String description, String format) {
        Schema<?> schema = new JsonSchema();
        schema.addType("string");
        schema.setDescription(description);
        if (format != null) {
            schema.setFormat(format);
        }
        return schema;
    }

    /**
     * Response records are serialised with every component, null or not: so each property of a schema that only
     * answers carry is required (present), and the ones that may be null say so (nullableProperties). Schemas
     * that requests use too are left alone: there, absence has its own meaning, judged by the request's validation.
     */
    @SuppressWarnings("rawtypes")
    static void markRequiredResponseProperties(OpenAPI api) {
        if (api.getPaths() == null || api.getComponents().getSchemas() == null) {
            return;
        }
        Map<String, Schema> schemas = api.getComponents().getSchemas();
        schemas.values().forEach(OpenApiDocs::nullInEnums);
        Set<String> inResponses = new HashSet<>();
        Set<String> inRequests = new HashSet<>();
        api.getPaths().values().forEach(item -> item.readOperations().forEach(operation -> {
            if (operation.getResponses() != null) {
                operation.getResponses().values().forEach(r -> collect(r.getContent(), inResponses));
            }
            if (operation.getRequestBody() != null) {
                collect(operation.getRequestBody().getContent(), inRequests);
            }
            if (operation.getParameters() != null) {
                operation.getParameters().forEach(p -> refs(p.getSchema(), inRequests));
            }
        }));
        Set<String> responseOnly = closure(inResponses, schemas);
        responseOnly.removeAll(closure(inRequests, schemas));
        responseOnly.remove(PROBLEM);
        responseOnly.remove(FIELD_PROBLEM);
        for (String name : responseOnly) {
            Schema schema = schemas.get(name);
            if (schema == null || schema.getProperties() == null) {
                continue;
            }
            List<String> required = new ArrayList<>();
            for (Object entry : schema.getProperties().entrySet()) {
                Map.Entry<?, ?> property = (Map.Entry<?, ?>) entry;
                if (property.getValue() instanceof Schema) {
                    required.add((String) property.getKey());
                }
            }
            schema.setRequired(required.isEmpty() ? null : required);
        }
    }

    /** An enum property that may be null lists null among its values, or a validator refuses the null. */
    @SuppressWarnings({ "rawtypes", "unchecked" })
    private static void nullInEnums(Schema schema) {
        if (schema.getProperties() == null) {
            return;
        }
        for (Object value : schema.getProperties().values()) {
            Schema property = (Schema) value;
            if (property.getEnum() != null && property.getTypes() != null && property.getTypes().contains("null")
                    && !property.getEnum().contains(null)) {
                List values = new ArrayList<>(property.getEnum());
                values.add(null);
                property.setEnum(values);
            }
        }
    }

    private static void collect(Content content, Set<String> into) {
        if (content != null) {
            content.values().forEach(media -> refs(media.getSchema(), into));
        }
    }

    @SuppressWarnings("rawtypes")
    private static Set<String> closure(Set<String> roots, Map<String, Schema> schemas) {
        Set<String> seen = new HashSet<>();
        List<String> todo = new ArrayList<>(roots);
        while (!todo.isEmpty()) {
            String name = todo.remove(todo.size() - 1);
            if (seen.add(name) && schemas.get(name) != null) {
                Set<String> next = new HashSet<>();
                refs(schemas.get(name), next);
                todo.addAll(next);
            }
        }
        return seen;
    }

    @SuppressWarnings("rawtypes")
    private static void refs(Schema schema, Set<String> into) {
        if (schema == null) {
            return;
        }
        if (schema.get$ref() != null) {
            into.add(schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1));
        }
        if (schema.getProperties() != null) {
            for (Object property : schema.getProperties().values()) {
                refs((Schema) property, into);
            }
        }
        refs(schema.getItems(), into);
        if (schema.getAdditionalProperties() instanceof Schema extra) {
            refs(extra, into);
        }
        for (List<?> options : Arrays.asList(schema.getOneOf(), schema.getAnyOf(), schema.getAllOf())) {
            if (options != null) {
                options.forEach(o -> refs((Schema) o, into));
            }
        }
    }

    /** Spring's ProblemDetail was only documented for the hidden /error endpoint; Problem replaces it. */
    private static void dropUnreferenced(OpenAPI api, String name) {
        if (api.getComponents().getSchemas() == null || !api.getComponents().getSchemas().containsKey(name)) {
            return;
        }
        Set<String> used = new HashSet<>();
        api.getPaths().values().forEach(item -> item.readOperations().forEach(operation -> {
            if (operation.getResponses() != null) {
                operation.getResponses().values().forEach(r -> collect(r.getContent(), used));
            }
        }));
        api.getComponents().getSchemas().forEach((n, s) -> {
            if (!n.equals(name)) {
                refs(s, used);
            }
        });
        if (!used.contains(name)) {
            api.getComponents().getSchemas().remove(name);
        }
    }
}
