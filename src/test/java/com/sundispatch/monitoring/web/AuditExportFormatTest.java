package com.sundispatch.monitoring.web;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.sundispatch.monitoring.internal.MonitoringService.AuditView;

import static org.assertj.core.api.Assertions.assertThat;

class AuditExportFormatTest {

    @ParameterizedTest
    @ValueSource(strings = { "=1+1", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1" })
    void cellsThatASpreadsheetWouldRunGetAQuoteMark(String value) {
        assertThat(AuditExportFormat.cell(value)).isEqualTo("\"'" + value + "\"");
    }

    @Test
    void cellsAreAlwaysQuotedWithQuotesDoubled() {
        assertThat(AuditExportFormat.cell("plain")).isEqualTo("\"plain\"");
        assertThat(AuditExportFormat.cell("a,b")).isEqualTo("\"a,b\"");
        assertThat(AuditExportFormat.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(AuditExportFormat.cell("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(AuditExportFormat.cell("a=b")).isEqualTo("\"a=b\"");
        assertThat(AuditExportFormat.cell(null)).isEmpty();
    }

    @Test
    void oneEventIsOneLineInEitherFormat() {
        AuditView e = new AuditView("id-1", "LOGIN_FAILED", Instant.parse("2026-01-02T03:04:05Z"), null, "::1",
                "evil\r\nagent", "FAILURE", "{\"reason\":\"x\"}");
        assertThat(AuditExportFormat.csvLine(e)).isEqualTo("\"id-1\",\"LOGIN_FAILED\",\"2026-01-02T03:04:05Z\",,"
                + "\"::1\",\"evil\r\nagent\",\"FAILURE\",\"{\"\"reason\"\":\"\"x\"\"}\"\r\n");
        String json = AuditExportFormat.ndjsonLine(e);
        assertThat(json).endsWith("\n");
        assertThat(json.substring(0, json.length() - 1)).doesNotContain("\n", "\r");
    }
}
