package com.sundispatch.privacy.internal;

import java.util.List;

import org.springframework.stereotype.Component;

import com.sundispatch.security.EncryptedColumn;
import com.sundispatch.security.EncryptedColumns;

/**
 * The privacy module's sealed column, for the data-key rotation: a built export archive lives a day, but an operator
 * who rotates and drops the previous key within that day would otherwise leave it unreadable.
 */
@Component
class PrivacyEncryptedColumns implements EncryptedColumns {

    @Override
    public List<EncryptedColumn> encryptedColumns() {
        return List.of(new EncryptedColumn("data_exports", "id", "archive", "data-export:", false));
    }
}
