package com.sundispatch.security;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import com.sundispatch.shared.ApiException;

/**
 * Seals personal data (phone numbers, street addresses, exact coordinates) for storage with {@link DataCipher},
 * bound to table, column and row id: a ciphertext copied to another row or column does not open. Entities keep
 * the plaintext in a transient field and the sealed value in the mapped column, sealing before insert/update and
 * opening after load (see the modules' personal-data entity listeners).
 */
@Component
public class PersonalDataSeal {

    /** Answered when a stored value does not open (copied from another row, or sealed under an unknown key). */
    public static final String UNREADABLE = "stored_data_unreadable";

    private static final String EXACT_LOCATION = "exact_location";

    private static final Logger log = LoggerFactory.getLogger(PersonalDataSeal.class);

    private final DataCipher cipher;

    PersonalDataSeal(DataCipher cipher) {
        this.cipher = cipher;
    }

    public String seal(String plaintext, String table, String column, String id) {
        if (plaintext == null) {
            return null;
        }
        return cipher.encrypt(plaintext.getBytes(StandardCharsets.UTF_8),
                EncryptedColumn.contextPrefixFor(table, column) + id);
    }

    /**
     * The plaintext of a stored value. A value that is not a ciphertext is a row written before encryption at rest
     * that the start-up step has not sealed yet: it is returned as it is (and sealed on the row's next save). A
     * ciphertext that does not open is refused with a clean 409, never its internals.
     */
    public String open(String stored, String table, String column, String id) {
        if (stored == null || !cipher.isCiphertext(stored)) {
            return stored;
        }
        try {
            return new String(cipher.decrypt(stored, EncryptedColumn.contextPrefixFor(table, column) + id),
                    StandardCharsets.UTF_8);
        } catch (IllegalStateException e) {
            log.warn("Personal data in {}.{} of row {} does not open (copied from elsewhere or an unknown key)",
                    table, column, id);
            throw new ApiException(HttpStatus.CONFLICT, UNREADABLE,
                    "This record's stored data cannot be read. An administrator has to look at it.");
        }
    }

    /** A point in degrees. */
    public record Point(double latitude, double longitude) {
    }

    /** The exact point of a home, for its table's {@code exact_location} column ("lat,lon"), sealed like a street. */
    public String resealPoint(String stored, double latitude, double longitude, String table, String id) {
        return reseal(stored, latitude + "," + longitude, table, EXACT_LOCATION, id);
    }

    /**
     * The exact point sealed in {@code exact_location}; the plaintext coarse copy when there is none (a row the
     * start-up step has not sealed yet, whose coordinate columns are then still exact, or an erased one).
     */
    public Point openPoint(String stored, double coarseLatitude, double coarseLongitude, String table, String id) {
        String exact = open(stored, table, EXACT_LOCATION, id);
        int comma = exact == null ? -1 : exact.indexOf(',');
        return comma < 0 ? new Point(coarseLatitude, coarseLongitude)
                : new Point(Double.parseDouble(exact.substring(0, comma).trim()),
                        Double.parseDouble(exact.substring(comma + 1).trim()));
    }

    /**
     * Opens sealed columns in rows read straight from the database (a data export reads its own tables with SQL, so
     * no entity listener opens them). Rows are keyed by camelCase column names; {@code idOf} gives each row's id.
     */
    public void openRows(List<Map<String, Object>> rows, String table, Function<Map<String, Object>, Object> idOf,
            String... columns) {
        for (Map<String, Object> row : rows) {
            for (String column : columns) {
                String key = camel(column);
                Object stored = row.get(key);
                if (stored instanceof String value) {
                    row.put(key, open(value, table, column, String.valueOf(idOf.apply(row))));
                }
            }
        }
    }

    private static String camel(String column) {
        StringBuilder out = new StringBuilder();
        boolean upper = false;
        for (char c : column.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.toString();
    }

    /**
     * What to store for {@code plaintext}: the stored value unchanged when it already seals this plaintext under the
     * current key (so saves that change nothing else do not rewrite the column), a fresh seal otherwise. This is
     * also the lazy re-encryption: a row read under the previous key is sealed under the current one when saved.
     */
    public String reseal(String stored, String plaintext, String table, String column, String id) {
        if (plaintext == null) {
            return null;
        }
        if (stored != null && cipher.isCurrent(stored)) {
            try {
                byte[] current = cipher.decrypt(stored, EncryptedColumn.contextPrefixFor(table, column) + id);
                if (plaintext.equals(new String(current, StandardCharsets.UTF_8))) {
                    return stored;
                }
            } catch (IllegalStateException e) {
                // A value that does not open is replaced by the new seal below.
            }
        }
        return seal(plaintext, table, column, id);
    }

    /**
     * A coordinate rounded to 0.01° (about 1 km): the plaintext copy kept beside the sealed exact point, the
     * precision installers see before accepting a job anyway.
     */
    public static double coarse(double degrees) {
        return Math.round(degrees * 100.0) / 100.0;
    }
}
