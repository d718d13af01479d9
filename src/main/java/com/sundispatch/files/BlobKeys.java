package com.sundispatch.files;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** Random blob keys and the check every store applies before it touches storage. */
public final class BlobKeys {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern PREFIX = Pattern.compile("[a-z]{1,20}");
    private static final Pattern KEY = Pattern.compile("[a-z]{1,20}/[0-9a-f]{32}");

    private BlobKeys() {
    }

    static String newKey(String prefix) {
        if (!PREFIX.matcher(prefix).matches()) {
            throw new IllegalArgumentException("blob key prefix must be [a-z]{1,20}");
        }
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return prefix + "/" + HexFormat.of().formatHex(bytes);
    }

    /** Throws unless the key has the shape {@link #newKey} makes: nothing else can name a path or an object. */
    public static String checked(String key) {
        if (key == null || !KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("not a blob key");
        }
        return key;
    }
}
