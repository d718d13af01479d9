package com.sundispatch.shared;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Rows as the export archive shows them, whatever case the database reports the columns in. */
class PersonalDataTest {

    @Test
    void columnNamesBecomeCamelCaseAndUtcWallClockTimestampsBecomeInstants() {
        Map<String, Object> raw = new LinkedHashMap<>();
        raw.put("FULL_NAME", "Ada Lovelace");
        raw.put("created_at", Timestamp.valueOf(LocalDateTime.of(2026, 12, 2, 11, 30)));
        raw.put("id", "u1");
        Map<String, Object> row = PersonalData.rows(List.of(raw)).get(0);
        assertThat(row).containsOnlyKeys("fullName", "createdAt", "id");
        assertThat(row.get("fullName")).isEqualTo("Ada Lovelace");
        assertThat(row.get("createdAt")).isEqualTo(Instant.parse("2026-12-02T11:30:00Z"));
    }
}
