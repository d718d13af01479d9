package com.sundispatch.privacy.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Instants to and from DATETIME columns as UTC wall-clock times, the way Hibernate writes them
 * ({@code hibernate.jdbc.time_zone: UTC}), whatever the JVM's default zone.
 */
final class Utc {

    private Utc() {
    }

    static LocalDateTime db(Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    static Instant read(ResultSet rs, String column) throws SQLException {
        LocalDateTime value = rs.getObject(column, LocalDateTime.class);
        return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }
}
