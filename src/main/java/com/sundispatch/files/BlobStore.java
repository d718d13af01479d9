package com.sundispatch.files;

import java.util.Optional;

/**
 * Where uploaded content lives. Keys come from {@link #newKey(String)} only, never from a user: no path a
 * client chooses ever reaches a file system or a bucket.
 */
public interface BlobStore {

    /** Stores the content under the key (a key made by {@link #newKey}); overwrites nothing else. */
    void put(String key, byte[] content, String contentType);

    /** The content, or empty when there is none under the key. */
    Optional<StoredBlob> get(String key);

    /** Deletes the content; a missing key is not an error. */
    void delete(String key);

    /** A fresh random key under a fixed prefix ({@code [a-z]+}), e.g. {@code photos/3f9c…}. */
    static String newKey(String prefix) {
        return BlobKeys.newKey(prefix);
    }

    record StoredBlob(byte[] content, String contentType) {
    }
}
