package com.sundispatch.dispatch.internal;

import java.util.List;

import org.springframework.stereotype.Component;

import com.sundispatch.security.EncryptedColumn;
import com.sundispatch.security.EncryptedColumns;

/**
 * Dispatch's sealed columns, for the data-key rotation: webhook secrets (always sealed), installers' phone numbers and base
 * address lines,
 * and the jobs' street and exact point.
 */
@Component
class DispatchEncryptedColumns implements EncryptedColumns {

    @Override
    public List<EncryptedColumn> encryptedColumns() {
        return List.of(new EncryptedColumn("installer_webhooks", "installer_id", "secret_enc", "webhook:", false),
                EncryptedColumn.personalData("installer_applications", "id", "phone"),
                EncryptedColumn.personalData("installer_profiles", "user_id", "phone"),
                EncryptedColumn.personalData("installer_applications", "id", "base_address_line"),
                EncryptedColumn.personalData("installer_profiles", "user_id", "base_address_line"),
                EncryptedColumn.personalData("jobs", "id", "address_line"),
                EncryptedColumn.personalData("jobs", "id", "exact_location"));
    }
}
