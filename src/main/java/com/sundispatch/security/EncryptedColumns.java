package com.sundispatch.security;

import java.util.List;

/**
 * Implemented by each module that stores values sealed with {@link DataCipher} (as a bean), listing its columns,
 * so the data-key rotation re-encrypts them all and counts what is still under an older key.
 */
public interface EncryptedColumns {

    List<EncryptedColumn> encryptedColumns();
}
