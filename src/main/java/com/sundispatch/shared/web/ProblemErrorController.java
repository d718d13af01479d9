package com.sundispatch.shared.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.sundispatch.shared.ErrorCodes;
import com.sundispatch.shared.Problems;

import io.swagger.v3.oas.annotations.Hidden;

/**
 * Replaces Spring Boot's default {@code /error} page, which answers in its own JSON shape, so that errors
 * raised before Spring MVC (container, filters) are RFC 9457 problems too.
 */
@RestController
// Not an API: the container forwards errors here; the document must not offer it.
@Hidden
class ProblemErrorController implements ErrorController {

    @RequestMapping(path = "/error", produces = MediaType.ALL_VALUE)
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        // Called directly rather than as an error dispatch: there is no such resource.
        int status = code instanceof Integer i ? i : 404;
        if (status < 400) {
            status = 500;
        }
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        HttpStatus known = HttpStatus.resolve(status);
        String detail = known != null ? known.getReasonPhrase() : "Error";
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.of(status, ErrorCodes.forStatus(status), detail,
                        uri instanceof String s ? s : "/", java.util.List.of()));
    }
}
