package com.sundispatch.shared;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The unique constraints (and primary keys) of one module that a concurrent duplicate can violate, each with
 * the stable 409 code it answers. Every module contributes a bean; the problem advice maps any
 * {@code DataIntegrityViolationException} through all of them, and answers 409 {@code conflict} for one that
 * nobody registered, never a 500.
 */
public record UniqueConstraints(List<Entry> entries) {

    /** {@code name} is the constraint's name in the migrations, or null for the primary key of {@code table}. */
    public record Entry(String name, String table, String code, String detail) {
    }

    public static final String DEFAULT_CODE = "conflict";
    private static final Pattern STATEMENT_TABLE = Pattern.compile(
            "\\b(?:insert\\s+into|update|delete\\s+from)\\s+[`\"]?(?:\\w+[`\"]?\\.[`\"]?)?(\\w+)",
            Pattern.CASE_INSENSITIVE);

    public UniqueConstraints {
        entries = List.copyOf(entries);
    }

    public static Entry named(String name, String table, String code, String detail) {
        return new Entry(name.toLowerCase(Locale.ROOT), table.toLowerCase(Locale.ROOT), code, detail);
    }

    public static Entry primaryKey(String table, String code, String detail) {
        return new Entry(null, table.toLowerCase(Locale.ROOT), code, detail);
    }

    /**
     * The entry a violation matches. {@code constraintName} is what the driver/Hibernate reported (MariaDB
     * names the key, e.g. {@code uk_jobs_order} or {@code PRIMARY}; H2 names an index such as
     * {@code uk_jobs_order_index_2} or says {@code PRIMARY KEY ON public.reviews}); {@code sql} is the failed
     * statement, which names the table when only "PRIMARY" is known.
     */
    public static Optional<Entry> match(List<UniqueConstraints> all, String constraintName, String message,
            String sql) {
        String name = constraintName == null ? "" : constraintName.toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        if (dot >= 0) {
            name = name.substring(dot + 1);
        }
        String text = message == null ? "" : message.toLowerCase(Locale.ROOT);
        String table = null;
        if (sql != null) {
            Matcher m = STATEMENT_TABLE.matcher(sql);
            if (m.find()) {
                table = m.group(1).toLowerCase(Locale.ROOT);
            }
        }
        boolean primary = name.equals("primary") || name.startsWith("primary_key") || text.contains("primary key on")
                || text.contains("for key 'primary'");
        for (UniqueConstraints c : all) {
            for (Entry e : c.entries()) {
                if (e.name() != null && !name.isEmpty() && (name.equals(e.name()) || name.startsWith(e.name() + "_"))) {
                    return Optional.of(e);
                }
                if (e.name() != null && text.contains(e.name())) {
                    return Optional.of(e);
                }
            }
        }
        if (primary && table != null) {
            for (UniqueConstraints c : all) {
                for (Entry e : c.entries()) {
                    if (e.name() == null && e.table().equals(table)) {
                        return Optional.of(e);
                    }
                }
            }
        }
        return Optional.empty();
    }
}
