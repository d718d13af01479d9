package com.sundispatch.identity.internal;

import java.util.List;

import org.springframework.stereotype.Component;

import com.sundispatch.security.EncryptedColumn;
import com.sundispatch.security.EncryptedColumns;

/** Identity's sealed columns, for the data-key rotation: TOTP secrets (always sealed) and phone numbers. */
@Component
class IdentityEncryptedColumns implements EncryptedColumns {

    @Override
    public List<EncryptedColumn> encryptedColumns() {
        return List.of(new EncryptedColumn("users", "id", "totp_secret", "totp:", false),
                EncryptedColumn.personalData("users", "id", "phone"));
    }
}
