package com.sundispatch.monitoring.internal;

import java.time.Instant;
import java.util.Map;

import org.slf4j.event.KeyValuePair;
import org.springframework.boot.logging.structured.StructuredLogFormatter;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;

/**
 * Every log event as one JSON line, after {@link LogRedactor}. JSON escaping turns CR, LF and every other
 * control character in any value into an escape sequence, so input can never start a forged log line.
 * Configured for the console in application.yml ({@code logging.structured.format.console}).
 */
public class RedactingJsonFormatter implements StructuredLogFormatter<ILoggingEvent> {

    private static final int MAX_STACK = 8_000;

    @Override
    public String format(ILoggingEvent event) {
        StringBuilder json = new StringBuilder(256);
        json.append('{');
        field(json, "@timestamp", Instant.ofEpochMilli(event.getTimeStamp()).toString(), true);
        field(json, "level", event.getLevel().toString(), false);
        field(json, "logger", event.getLoggerName(), false);
        field(json, "thread", event.getThreadName(), false);
        field(json, "message", LogRedactor.redact(event.getFormattedMessage()), false);
        Map<String, String> mdc = event.getMDCPropertyMap();
        if (mdc != null) {
            mdc.forEach((k, v) -> field(json, k, LogRedactor.redact(v), false));
        }
        if (event.getKeyValuePairs() != null) {
            for (KeyValuePair kv : event.getKeyValuePairs()) {
                Object v = kv.value;
                // A number JSON cannot hold (NaN, Infinity) goes out as text, so the line stays valid JSON.
                if (v instanceof Boolean || v instanceof Number n && Double.isFinite(n.doubleValue())) {
                    json.append(",\"");
                    escape(json, kv.key);
                    json.append("\":").append(v);
                } else {
                    field(json, kv.key, v == null ? null : LogRedactor.redact(String.valueOf(v)), false);
                }
            }
        }
        IThrowableProxy thrown = event.getThrowableProxy();
        if (thrown != null) {
            String stack = LogRedactor.redact(ThrowableProxyUtil.asString(thrown));
            field(json, "stack_trace", stack.length() > MAX_STACK ? stack.substring(0, MAX_STACK) + "..." : stack,
                    false);
        }
        return json.append("}\n").toString();
    }

    private static void field(StringBuilder json, String key, String value, boolean first) {
        if (!first) {
            json.append(',');
        }
        json.append('"');
        escape(json, key);
        json.append("\":");
        if (value == null) {
            json.append("null");
        } else {
            json.append('"');
            escape(json, value);
            json.append('"');
        }
    }

    static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length() + 8);
        escape(out, s);
        return out.toString();
    }

    /** Appended in place: no intermediate string per field of every log line. */
    static void escape(StringBuilder out, String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f || c == '\u2028' || c == '\u2029') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
    }
}
