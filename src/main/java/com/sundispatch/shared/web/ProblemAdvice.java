package com.sundispatch.shared.web;

import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;

import org.apache.tomcat.util.http.InvalidParameterException;
import org.hibernate.JDBCException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import com.sundispatch.shared.ApiException;
import com.sundispatch.shared.ApiException.FieldProblem;
import com.sundispatch.shared.BodyTooLargeException;
import com.sundispatch.shared.ErrorCodes;
import com.sundispatch.shared.Problems;
import com.sundispatch.shared.RequestBodyTimeoutException;
import com.sundispatch.shared.RetryingTransactions;
import com.sundispatch.shared.UniqueConstraints;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidNullException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * The single place where exceptions become RFC 9457 problems. Every body carries a stable {@code code};
 * none carries a stack trace, class name, SQL or framework version.
 */
@RestControllerAdvice
class ProblemAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);
    /** Seconds a client should wait before retrying when every database connection was busy. */
    static final String BUSY_RETRY_AFTER = "2";

    private final ObjectProvider<UniqueConstraints> uniqueConstraints;

    ProblemAdvice(ObjectProvider<UniqueConstraints> uniqueConstraints) {
        this.uniqueConstraints = uniqueConstraints;
    }

    /**
     * A concurrent duplicate (two requests inserting the same unique value at once) is the client's conflict,
     * never a 500: the violated constraint names its stable code (registered by the owning module), else
     * {@code conflict}. Nothing of the SQL or the constraint reaches the client.
     */
    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<Object> integrity(DataIntegrityViolationException ex, HttpServletRequest request) {
        if (poolExhausted(ex)) {
            return busy(request);
        }
        String constraint = null;
        String sql = null;
        StringBuilder message = new StringBuilder(String.valueOf(ex.getMessage()));
        for (Throwable t = ex; t != null; t = t.getCause()) {
            // Fully qualified: jakarta.validation's ConstraintViolationException is imported for the handler above.
            if (t instanceof org.hibernate.exception.ConstraintViolationException cv && constraint == null) {
                constraint = cv.getConstraintName();
            }
            if (t instanceof JDBCException jdbc && sql == null) {
                sql = jdbc.getSQL();
            }
            if (t instanceof SQLException sqlException) {
                message.append(' ').append(sqlException.getMessage());
            }
        }
        var entry = UniqueConstraints.match(uniqueConstraints.orderedStream().toList(), constraint, message.toString(),
                sql != null ? sql : ex.getMessage());
        log.warn("Integrity conflict on {} {}: constraint {} -> {}", request.getMethod(), request.getRequestURI(),
                constraint, entry.map(UniqueConstraints.Entry::code).orElse(UniqueConstraints.DEFAULT_CODE));
        return problem(409, entry.map(UniqueConstraints.Entry::code).orElse(UniqueConstraints.DEFAULT_CODE),
                entry.map(UniqueConstraints.Entry::detail).orElse("This conflicts with a concurrent change; "
                        + "reload and try again."), request, List.of(), new HttpHeaders());
    }

    /**
     * A lost optimistic race (a stale version) is a conflict the client resolves by reloading. Deadlocks and lock
     * timeouts are the more specific {@link PessimisticLockingFailureException}: 503 below, after the retries.
     */
    @ExceptionHandler(ConcurrencyFailureException.class)
    ResponseEntity<Object> concurrency(ConcurrencyFailureException ex, HttpServletRequest request) {
        if (poolExhausted(ex)) {
            return busy(request);
        }
        log.warn("Concurrency conflict on {} {}: {}", request.getMethod(), request.getRequestURI(),
                ex.getClass().getSimpleName());
        return problem(409, UniqueConstraints.DEFAULT_CODE, "This conflicts with a concurrent change; reload and "
                + "try again.", request, List.of(), new HttpHeaders());
    }

    /**
     * No database connection within the pool's timeout: the server is busy, not broken. 503 with Retry-After so
     * clients back off instead of hammering.
     */
    @ExceptionHandler({ CannotCreateTransactionException.class, DataAccessResourceFailureException.class,
            SQLTransientConnectionException.class })
    ResponseEntity<Object> unavailable(Exception ex, HttpServletRequest request) {
        if (!poolExhausted(ex)) {
            return unexpected(ex, request);
        }
        return busy(request);
    }

    private ResponseEntity<Object> busy(HttpServletRequest request) {
        log.warn("No database connection available for {} {}: answered 503", request.getMethod(),
                request.getRequestURI());
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, BUSY_RETRY_AFTER);
        return problem(503, ErrorCodes.SERVER_BUSY, "The server is busy. Please try again in a moment.", request,
                List.of(), headers);
    }

    /** A pool timeout, seen through however many wrappers Spring and Hibernate put around it. */
    static boolean poolExhausted(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof CannotCreateTransactionException) {
                return true;
            }
        }
        return false;
    }

    @ExceptionHandler(ApiException.class)
    ResponseEntity<Object> api(ApiException ex, HttpServletRequest request) {
        HttpHeaders headers = new HttpHeaders();
        ex.headers().forEach(headers::set);
        ResponseEntity<Object> answer = problem(ex.status().value(), ex.code(), ex.getMessage(), request, ex.errors(),
                headers);
        if (answer.getBody() instanceof ProblemDetail body) {
            ex.properties().forEach(body::setProperty);
        }
        return answer;
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Object> constraint(ConstraintViolationException ex, HttpServletRequest request) {
        List<FieldProblem> errors = ex.getConstraintViolations().stream()
                .map(v -> new FieldProblem(lastNode(v.getPropertyPath().toString()), v.getMessage()))
                .toList();
        return problem(400, ErrorCodes.VALIDATION_FAILED, "The request is not valid.", request, errors,
                new HttpHeaders());
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Object> denied(AccessDeniedException ex, HttpServletRequest request) {
        return problem(403, ErrorCodes.FORBIDDEN, "You are not allowed to do this.", request, List.of(),
                new HttpHeaders());
    }

    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<Object> unauthenticated(AuthenticationException ex, HttpServletRequest request) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        return problem(401, ErrorCodes.UNAUTHORIZED, "Authentication is required.", request, List.of(), headers);
    }

    /** A body that stalled or kept trickling past its deadline; the connection is not kept for more of it. */
    @ExceptionHandler(RequestBodyTimeoutException.class)
    ResponseEntity<Object> bodyTimeout(RequestBodyTimeoutException ex, HttpServletRequest request) {
        return timeout(request);
    }

    /**
     * Tomcat decodes query parameters only when first asked and then throws this for broken percent-encoding or
     * bytes that are not UTF-8. The security filters refuse such requests earlier; this is the net below them.
     */
    @ExceptionHandler(InvalidParameterException.class)
    ResponseEntity<Object> invalidParameter(InvalidParameterException ex, HttpServletRequest request) {
        return problem(400, ErrorCodes.MALFORMED_REQUEST, "The query string is not validly encoded.", request,
                List.of(), new HttpHeaders());
    }

    /**
     * A deadlock victim or a lock-wait/query timeout (CannotAcquireLockException, DeadlockLoserDataAccessException
     * and other PessimisticLockingFailureExceptions, QueryTimeoutException) is contention, not a bug: the
     * transaction was rolled back whole, so the client may simply try again.
     */
    @ExceptionHandler({ PessimisticLockingFailureException.class, QueryTimeoutException.class })
    ResponseEntity<Object> lockContention(RuntimeException ex, HttpServletRequest request) {
        log.warn("Lock contention on {} {}: {}", request.getMethod(), request.getRequestURI(),
                ex.getClass().getSimpleName());
        return api(RetryingTransactions.busy(), request);
    }

    /**
     * A multipart body (only the photo upload route may send one) that cannot be parsed: broken framing, no
     * boundary, too many parts, or the client gone mid-upload. The client's fault, never a 500.
     */
    @ExceptionHandler(MultipartException.class)
    ResponseEntity<Object> malformedMultipart(MultipartException ex, HttpServletRequest request) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof RequestBodyTimeoutException || t instanceof SocketTimeoutException) {
                return timeout(request);
            }
        }
        return problem(400, ErrorCodes.MALFORMED_REQUEST, "The multipart body could not be read.", request,
                List.of(), new HttpHeaders());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception ex, HttpServletRequest request) {
        log.error("Unhandled error on {} {}", request.getMethod(), request.getRequestURI(), ex);
        return problem(500, ErrorCodes.INTERNAL_ERROR, "Something went wrong on our side.", request, List.of(),
                new HttpHeaders());
    }

    /**
     * An upload over {@code spring.servlet.multipart.max-request-size}/{@code max-file-size} (a chunked body the
     * transport filter could not judge by its Content-Length): the same 413 {@code file_too_large} as that filter
     * and the image policy give.
     */
    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return problem(413, ErrorCodes.FILE_TOO_LARGE, "The upload is too large.", servlet(request), List.of(),
                new HttpHeaders());
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = new ArrayList<>();
        ex.getBindingResult().getFieldErrors()
                .forEach(e -> errors.add(new FieldProblem(e.getField(), message(e.getDefaultMessage()))));
        ex.getBindingResult().getGlobalErrors()
                .forEach(e -> errors.add(new FieldProblem(e.getObjectName(), message(e.getDefaultMessage()))));
        return problem(400, ErrorCodes.VALIDATION_FAILED, "The request is not valid.", servlet(request), errors,
                new HttpHeaders());
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = new ArrayList<>();
        ex.getParameterValidationResults().forEach(r -> {
            String name = r.getMethodParameter().getParameterName();
            r.getResolvableErrors().forEach(e -> errors.add(new FieldProblem(name == null ? "parameter" : name,
                    message(e.getDefaultMessage()))));
        });
        return problem(400, ErrorCodes.VALIDATION_FAILED, "The request is not valid.", servlet(request), errors,
                new HttpHeaders());
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String name = ex.getPropertyName() == null ? "parameter" : ex.getPropertyName();
        return problem(400, ErrorCodes.VALIDATION_FAILED, "The request is not valid.", servlet(request),
                List.of(new FieldProblem(name, "has the wrong type")), new HttpHeaders());
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        HttpServletRequest req = servlet(request);
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof RequestBodyTimeoutException) {
                return timeout(req);
            }
            if (t instanceof BodyTooLargeException) {
                return problem(413, ErrorCodes.PAYLOAD_TOO_LARGE, "The request body is too large.", req, List.of(),
                        new HttpHeaders());
            }
            if (t instanceof UnrecognizedPropertyException unknown) {
                return problem(400, ErrorCodes.VALIDATION_FAILED, "The request has a field that is not accepted.",
                        req, List.of(new FieldProblem(path(unknown), "is not an accepted field")), new HttpHeaders());
            }
            if (t instanceof InvalidNullException nullValue) {
                // A field that may be left out but not sent as null (docs/openapi.md, "Requests").
                return problem(400, ErrorCodes.VALIDATION_FAILED, "The request is not valid.", req,
                        List.of(new FieldProblem(path(nullValue), "must not be null")), new HttpHeaders());
            }
        }
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof tools.jackson.core.exc.StreamReadException) {
                break;
            }
            if (t instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
                return problem(400, ErrorCodes.VALIDATION_FAILED, "The request is not valid.", req,
                        List.of(new FieldProblem(path(jackson), "has the wrong type or format")), new HttpHeaders());
            }
        }
        return problem(400, ErrorCodes.MALFORMED_JSON, "The request body is missing or is not valid JSON.", req,
                List.of(), new HttpHeaders());
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        int status = statusCode.value();
        String detail = switch (status) {
            case 404 -> "There is nothing here.";
            case 405 -> "This method is not allowed here.";
            case 406 -> "The requested representation is not available.";
            case 415 -> "This content type is not supported; send application/json.";
            default -> HttpStatus.resolve(status) != null ? HttpStatus.resolve(status).getReasonPhrase() : "Error";
        };
        HttpHeaders kept = new HttpHeaders();
        if (headers.getAllow() != null && !headers.getAllow().isEmpty()) {
            kept.setAllow(headers.getAllow());
        }
        if (status >= 500) {
            log.error("Framework error on {}", servlet(request).getRequestURI(), ex);
        }
        return problem(status, ErrorCodes.forStatus(status), detail, servlet(request), List.of(), kept);
    }

    private static ResponseEntity<Object> timeout(HttpServletRequest request) {
        HttpHeaders headers = new HttpHeaders();
        headers.setConnection("close");
        return problem(408, ErrorCodes.REQUEST_TIMEOUT, "The request body did not arrive in time.", request, List.of(),
                headers);
    }

    private static ResponseEntity<Object> problem(int status, String code, String detail, HttpServletRequest request,
            List<FieldProblem> errors, HttpHeaders headers) {
        ProblemDetail body = Problems.of(status, code, detail, request.getRequestURI(), errors);
        return ResponseEntity.status(status).headers(headers).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(body);
    }

    private static HttpServletRequest servlet(WebRequest request) {
        return ((ServletWebRequest) request).getRequest();
    }

    private static String path(JacksonException ex) {
        StringBuilder sb = new StringBuilder();
        for (JacksonException.Reference ref : ex.getPath()) {
            if (ref.getPropertyName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        String p = sb.isEmpty() ? "body" : sb.toString();
        return p.length() > 100 ? p.substring(0, 100) : p;
    }

    private static String lastNode(String path) {
        int dot = path.lastIndexOf('.');
        return dot >= 0 ? path.substring(dot + 1) : path;
    }

    private static String message(String m) {
        return m == null ? "is not valid" : m;
    }
}
