package com.sundispatch.security.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Enumeration;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import com.sundispatch.shared.ErrorCodes;
import com.sundispatch.shared.Problems;

/**
 * Input the server cannot decode is refused in one place, before anything tries to: a path or query with broken
 * percent-encoding or bytes that are not UTF-8 (lone surrogates included), an encoded slash, backslash or control
 * character in the path, a header value (cookies included) that is not valid UTF-8. Each is a 400
 * {@code malformed_request}, never a 500 and never a stack trace in the log. Tomcat refuses most broken paths
 * itself (answered by {@link ProblemErrorReportValve}); this covers what it lets through, above all query strings,
 * which it only decodes when a parameter is first asked for.
 */
class MalformedRequestFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String problem = findProblem(request);
        if (problem != null) {
            Problems.write(request, response, HttpStatus.BAD_REQUEST, ErrorCodes.MALFORMED_REQUEST, problem);
            return;
        }
        chain.doFilter(request, response);
    }

    private static String findProblem(HttpServletRequest request) {
        String uri = request.getRequestURI();
        if (uri != null && !decodes(uri, true)) {
            return "The request path is not validly encoded.";
        }
        String query = request.getQueryString();
        if (query != null && !decodes(query, false)) {
            return "The query string is not validly encoded (percent-encoded UTF-8 expected).";
        }
        Enumeration<String> names = request.getHeaderNames();
        while (names != null && names.hasMoreElements()) {
            Enumeration<String> values = request.getHeaders(names.nextElement());
            while (values != null && values.hasMoreElements()) {
                if (!validUtf8Header(values.nextElement())) {
                    return "A request header is not valid UTF-8 text.";
                }
            }
        }
        return null;
    }

    /**
     * Percent-decodes strictly: every '%' followed by two hex digits, the result valid UTF-8. In a path, an encoded
     * '/', '\' or control character is refused too (they would change what the path means to one layer or another).
     */
    static boolean decodes(String raw, boolean path) {
        byte[] bytes = new byte[raw.length()];
        int n = 0;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c > 0x7e || c < 0x20) {
                // Tomcat only lets ASCII through the request line; anything else here is not ours to guess.
                return false;
            }
            if (c == '%') {
                if (i + 2 >= raw.length()) {
                    return false;
                }
                int hi = Character.digit(raw.charAt(i + 1), 16);
                int lo = Character.digit(raw.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    return false;
                }
                int b = (hi << 4) | lo;
                if (path && (b == '/' || b == '\\' || b < 0x20 || b == 0x7f)) {
                    return false;
                }
                bytes[n++] = (byte) b;
                i += 2;
            } else {
                bytes[n++] = (byte) c;
            }
        }
        return validUtf8(ByteBuffer.wrap(bytes, 0, n));
    }

    /** Tomcat hands header bytes over one char per byte (ISO-8859-1): those bytes must form UTF-8 text. */
    static boolean validUtf8Header(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) > 0x7f) {
                return value.chars().allMatch(c -> c <= 0xff)
                        && validUtf8(ByteBuffer.wrap(value.getBytes(StandardCharsets.ISO_8859_1)));
            }
        }
        return true;
    }

    /** Java's UTF-8 decoder refuses overlong forms and encoded surrogates (CESU-8), as RFC 3629 requires. */
    private static boolean validUtf8(ByteBuffer bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(bytes);
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
