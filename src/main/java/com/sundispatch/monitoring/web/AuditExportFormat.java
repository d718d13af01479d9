package com.sundispatch.monitoring.web;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import com.sundispatch.monitoring.internal.MonitoringService.AuditView;

import tools.jackson.databind.json.JsonMapper;

/**
 * One audit event as a CSV or NDJSON line. Every CSV cell is quoted (commas, quotes and line breaks in a user
 * agent stay inside their cell), and a cell that a spreadsheet would run as a formula (starting with
 * {@code = + - @}, tab or carriage return) gets a leading {@code '}: an attacker's user agent must not become a
 * formula on an admin's machine.
 */
final class AuditExportFormat {

    static final String CSV_HEADER = "id,type,occurredAt,userId,ip,userAgent,outcome,detail\r\n";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private AuditExportFormat() {
    }

    static String csvLine(AuditView e) {
        return String.join(",", cell(e.id()), cell(e.type()), cell(instant(e.occurredAt())), cell(e.userId()),
                cell(e.ip()), cell(e.userAgent()), cell(e.outcome()), cell(e.detail())) + "\r\n";
    }

    static String ndjsonLine(AuditView e) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", e.id());
        row.put("type", e.type());
        row.put("occurredAt", instant(e.occurredAt()));
        row.put("userId", e.userId());
        row.put("ip", e.ip());
        row.put("userAgent", e.userAgent());
        row.put("outcome", e.outcome());
        row.put("detail", e.detail());
        // Jackson escapes line breaks inside strings, so one event is always exactly one line.
        return JSON.writeValueAsString(row) + "\n";
    }

    static String cell(String value) {
        if (value == null) {
            return "";
        }
        String v = value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        return "\"" + v.replace("\"", "\"\"") + "\"";
    }

    private static String instant(Instant i) {
        return i == null ? null : i.toString();
    }
}
