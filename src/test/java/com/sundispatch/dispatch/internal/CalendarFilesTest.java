package com.sundispatch.dispatch.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CalendarFilesTest {

    private static final Instant START = Instant.parse("2026-12-09T08:00:00Z");

    @Test
    void anAppointmentIsAValidEventInUtc() {
        String ics = CalendarFiles.appointment("job-1", 2, START, START.plusSeconds(6 * 3600),
                Instant.parse("2026-12-02T10:15:30Z"), "Solar installation", "Hauptstr. 1, 10115 Berlin", null);
        assertThat(ics).startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")
                .contains("\r\nUID:job-1@sundispatch\r\n", "\r\nSEQUENCE:2\r\n", "\r\nDTSTART:20261209T080000Z\r\n",
                        "\r\nDTEND:20261209T140000Z\r\n", "\r\nDTSTAMP:20261202T101530Z\r\n")
                .endsWith("END:VEVENT\r\nEND:VCALENDAR\r\n")
                .doesNotContain("DESCRIPTION");
    }

    @Test
    void textIsEscapedSoUserInputCannotAddProperties() {
        String ics = CalendarFiles.appointment("job-1", 0, START, START, START, "A; B, C",
                "Street 1\r\nATTENDEE:mailto:evil@example.com", "back\\slash");
        assertThat(ics).contains("SUMMARY:A\\; B\\, C").contains("LOCATION:Street 1\\nATTENDEE:mailto:evil@example.com")
                .contains("DESCRIPTION:back\\\\slash").doesNotContain("\r\nATTENDEE");
    }

    @Test
    void longLinesAreFoldedAt75OctetsWithoutSplittingCharacters() {
        String ics = CalendarFiles.appointment("job-1", 0, START, START, START, "Ü".repeat(100), null, null);
        for (String line : ics.split("\r\n")) {
            assertThat(line.getBytes(StandardCharsets.UTF_8).length).as(line).isLessThanOrEqualTo(75);
        }
        String unfolded = ics.replace("\r\n ", "");
        assertThat(unfolded).contains("SUMMARY:" + "Ü".repeat(100));
    }
}
