package com.sundispatch.orders.internal;

import java.util.List;

import org.springframework.stereotype.Component;

import com.sundispatch.security.EncryptedColumn;
import com.sundispatch.security.EncryptedColumns;

/** Orders' sealed columns, for the data-key rotation: the installation's street and exact point. */
@Component
class OrderEncryptedColumns implements EncryptedColumns {

    @Override
    public List<EncryptedColumn> encryptedColumns() {
        return List.of(EncryptedColumn.personalData("orders", "id", "address_line"),
                EncryptedColumn.personalData("orders", "id", "exact_location"));
    }
}
