package com.sundispatch.security;

import java.util.regex.Pattern;

/**
 * One database column holding values sealed with {@link DataCipher}: the row's value in {@code column} was sealed
 * with the context {@code contextPrefix + <value of idColumn>}. Listed by the owning module through
 * {@link EncryptedColumns} so the data-key rotation can walk every sealed value without knowing the modules.
 *
 * @param sealsPlaintext true for columns that held plaintext before encryption at rest: a value that is not a
 *                       ciphertext yet is sealed by the start-up step and the rotation batch; false for columns
 *                       that were always sealed (a value there that does not open is reported, never rewritten)
 */
public record EncryptedColumn(String table, String idColumn, String column, String contextPrefix,
        boolean sealsPlaintext) {

    /** Names go into SQL text (they cannot be bound), so only plain lower-case identifiers are accepted. */
    private static final Pattern IDENTIFIER = Pattern.compile("[a-z][a-z0-9_]{0,63}");

    public EncryptedColumn {
        for (String name : new String[] { table, idColumn, column }) {
            if (name == null || !IDENTIFIER.matcher(name).matches()) {
                throw new IllegalArgumentException("Not a plain identifier: " + name);
            }
        }
        if (contextPrefix == null || contextPrefix.isEmpty()) {
            throw new IllegalArgumentException("A context prefix is required");
        }
    }

    /** A column of personal data sealed at rest, bound to table, column and row: {@code table.column:<id>}. */
    public static EncryptedColumn personalData(String table, String idColumn, String column) {
        return new EncryptedColumn(table, idColumn, column, contextPrefixFor(table, column), true);
    }

    /** The context prefix of a personal-data column: table and column, the row id follows. */
    public static String contextPrefixFor(String table, String column) {
        return table + "." + column + ":";
    }

    public String context(String id) {
        return contextPrefix + id;
    }
}
