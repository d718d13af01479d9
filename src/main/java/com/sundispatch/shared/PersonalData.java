package com.sundispatch.shared;

import java.sql.Timestamp;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One module's share of what is stored about a person (GDPR Art. 15 access, Art. 17 erasure). Every module that
 * keeps personal data implements it over its own tables only; the privacy module collects all beans, so a new
 * table with personal data is covered by adding it to its module's contributor, never by reaching across modules.
 */
public interface PersonalData {

    /** The key of this part in the export archive ("profile", "orders", ...), unique across modules. */
    String section();

    /**
     * Everything this module stores about the person, as plain values (maps, lists, records) ready for JSON. Never
     * secrets (hashes, seeds, keys) and never another person's data beyond what that person shows in public.
     */
    Object export(String userId);

    /**
     * Why the account may not be erased now, as a stable problem code (an installer's open job, a customer's order
     * in progress); empty when nothing of this module stands in the way.
     */
    default Optional<String> erasureBlocker(String userId) {
        return Optional.empty();
    }

    /**
     * Removes or replaces the person's data in this module's tables, in the caller's transaction. Records the law
     * requires to keep stay, with the person's name replaced by {@code pseudonym} where the law allows it.
     */
    void erase(String userId, String pseudonym);

    /**
     * Database rows as an archive shows them: column names in camelCase whatever case the database reports them in,
     * timestamps as instants (ISO-8601 in JSON). The database holds UTC wall-clock times (Hibernate's
     * {@code jdbc.time_zone}); a {@link Timestamp} read in the JVM's zone gives that wall clock back unchanged.
     */
    static List<Map<String, Object>> rows(List<Map<String, Object>> raw) {
        return raw.stream().map(PersonalData::row).toList();
    }

    static Map<String, Object> row(Map<String, Object> raw) {
        Map<String, Object> out = new LinkedHashMap<>();
        raw.forEach((column, value) -> out.put(camel(column), value instanceof Timestamp t
                ? t.toLocalDateTime().toInstant(ZoneOffset.UTC) : value));
        return out;
    }

    private static String camel(String column) {
        String[] parts = column.toLowerCase(Locale.ROOT).split("_");
        StringBuilder b = new StringBuilder(parts[0]);
        for (int i = 1; i < parts.length; i++) {
            if (!parts[i].isEmpty()) {
                b.append(Character.toUpperCase(parts[i].charAt(0))).append(parts[i].substring(1));
            }
        }
        return b.toString();
    }
}
