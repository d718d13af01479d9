package com.sundispatch.notifications.internal;

import java.util.List;

import org.springframework.stereotype.Component;

import com.sundispatch.security.EncryptedColumn;
import com.sundispatch.security.EncryptedColumns;

/** Notifications' sealed column, for the data-key rotation: push subscriptions' auth secrets. */
@Component
class PushEncryptedColumns implements EncryptedColumns {

    @Override
    public List<EncryptedColumn> encryptedColumns() {
        return List.of(new EncryptedColumn("push_subscriptions", "id", "auth_secret_enc", "push:", false));
    }
}
