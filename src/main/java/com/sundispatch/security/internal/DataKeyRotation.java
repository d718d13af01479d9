package com.sundispatch.security.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import com.sundispatch.security.DataCipher;
import com.sundispatch.security.DataKeys;
import com.sundispatch.security.EncryptedColumn;
import com.sundispatch.security.EncryptedColumns;
import com.sundispatch.security.Secrets;

/**
 * Walks every column the modules register through {@link EncryptedColumns}, in id order and bounded batches, and
 * writes each value that is not under the current key back under it. Plain JDBC, not the entities: the walk must
 * reach every module's tables without their repositories, and it must not touch the rows' versions (a customer
 * editing an order meanwhile keeps their edit: the conditional update simply finds another ciphertext).
 */
@Component
class DataKeyRotation implements DataKeys {

    private static final Logger log = LoggerFactory.getLogger(DataKeyRotation.class);
    static final int BATCH = 200;

    private final JdbcTemplate jdbc;
    private final DataCipher cipher;
    private final ObjectProvider<EncryptedColumns> registrations;
    private final boolean previousKey;

    DataKeyRotation(JdbcTemplate jdbc, DataCipher cipher, ObjectProvider<EncryptedColumns> registrations,
            Secrets secrets) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.registrations = registrations;
        this.previousKey = secrets.previousDataKey().isPresent();
    }

    List<EncryptedColumn> columns() {
        List<EncryptedColumn> all = new ArrayList<>();
        registrations.orderedStream().forEach(r -> all.addAll(r.encryptedColumns()));
        return all;
    }

    @Override
    public Status status() {
        List<ColumnStatus> columns = new ArrayList<>();
        long pending = 0;
        for (EncryptedColumn c : columns()) {
            Long n = jdbc.queryForObject("select count(*) from " + c.table() + " where " + c.column()
                    + " is not null and " + c.column() + " not like ?", Long.class, cipher.currentPattern());
            long count = n == null ? 0 : n;
            pending += count;
            columns.add(new ColumnStatus(c.table(), c.column(), count));
        }
        return new Status(cipher.keyId(), previousKey, pending, columns);
    }

    @Override
    public Result reencrypt() {
        long[] totals = new long[3];
        for (EncryptedColumn c : columns()) {
            long[] r = walk(c, false);
            for (int i = 0; i < 3; i++) {
                totals[i] += r[i];
            }
        }
        long pending = status().pending();
        log.info("Data key {}: re-encrypted {} values, {} changed meanwhile, {} could not be opened, {} pending",
                cipher.keyId(), totals[0], totals[1], totals[2], pending);
        return new Result(cipher.keyId(), totals[0], totals[1], totals[2], pending);
    }

    /**
     * Seals what is still plaintext in columns that held plaintext before encryption at rest (rows written before
     * the upgrade). Idempotent and safe on several instances for the same reason as {@link #reencrypt()}; it runs
     * at every start, so an upgrade needs no manual step and a start after it finds nothing to do.
     */
    @EventListener(ApplicationReadyEvent.class)
    void sealPlaintextAtStart() {
        long sealed = 0;
        for (EncryptedColumn c : columns()) {
            if (c.sealsPlaintext()) {
                sealed += walk(c, true)[0];
            }
        }
        if (sealed > 0) {
            log.info("Encryption at rest: sealed {} values stored before they were encrypted", sealed);
        }
    }

    /** {reencrypted, skipped, failed}. */
    private long[] walk(EncryptedColumn c, boolean plaintextOnly) {
        long[] counts = new long[3];
        String filter = plaintextOnly
                ? c.column() + " not like 'v1:%' and " + c.column() + " not like 'v2:%'"
                : c.column() + " not like ?";
        String select = "select " + c.idColumn() + ", " + c.column() + " from " + c.table() + " where "
                + c.column() + " is not null and " + filter + " and " + c.idColumn() + " > ? order by "
                + c.idColumn() + " limit " + BATCH;
        String update = "update " + c.table() + " set " + c.column() + " = ? where " + c.idColumn() + " = ? and "
                + c.column() + " = ?";
        String after = "";
        while (true) {
            List<Map<String, Object>> rows = plaintextOnly ? jdbc.queryForList(select, after)
                    : jdbc.queryForList(select, cipher.currentPattern(), after);
            for (Map<String, Object> row : rows) {
                String id = String.valueOf(row.get(c.idColumn()));
                String value = (String) row.get(c.column());
                after = id;
                String sealed = reseal(c, id, value);
                if (sealed == null) {
                    counts[2]++;
                } else if (jdbc.update(update, sealed, id, value) == 1) {
                    counts[0]++;
                } else {
                    counts[1]++;
                }
            }
            if (rows.size() < BATCH) {
                return counts;
            }
        }
    }

    private String reseal(EncryptedColumn c, String id, String value) {
        String context = c.context(id);
        if (!cipher.isCiphertext(value)) {
            return c.sealsPlaintext() ? cipher.encrypt(value.getBytes(StandardCharsets.UTF_8), context) : null;
        }
        try {
            return cipher.encrypt(cipher.decrypt(value, context), context);
        } catch (IllegalStateException e) {
            // Never the value: which row of which column, so an operator can look.
            log.warn("Data key rotation: {}.{} of row {} opens under no configured key", c.table(), c.column(), id);
            return null;
        }
    }
}
