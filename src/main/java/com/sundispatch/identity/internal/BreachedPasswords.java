package com.sundispatch.identity.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/**
 * The passwords of public breach lists shipped with the server ({@code identity/breached-passwords/}, see its
 * NOTICE.md: over 400,000 entries). Held as a sorted array of 64-bit hashes of the lower-cased NFKC forms, about
 * 3 MB, loaded once on first use (about half a second; {@link #warmUp()} starts it in the background at
 * start-up), and looked up by binary search. A false positive needs a 64-bit collision, so none is expected.
 */
public final class BreachedPasswords {

    static final String LIST = "/identity/breached-passwords/passwords.txt.gz";
    static final String ADDITIONS = "/identity/breached-passwords/additions.txt";

    private static volatile long[] hashes;

    private BreachedPasswords() {
    }

    /** True when the password (compared lower-cased, and without separators) is on the list. */
    public static boolean contains(String password) {
        if (password == null || password.isEmpty()) {
            return false;
        }
        String lower = PasswordText.nfkc(password).toLowerCase(Locale.ROOT);
        long[] table = table();
        if (Arrays.binarySearch(table, hash(lower)) >= 0) {
            return true;
        }
        // "correct-horse_battery.staple" is the same guess as "correcthorsebatterystaple" to a cracker.
        String compact = lower.replaceAll("[\\s._\\-]+", "");
        return !compact.equals(lower) && !compact.isEmpty() && Arrays.binarySearch(table, hash(compact)) >= 0;
    }

    /** How many distinct entries the shipped list holds. */
    public static int size() {
        return table().length;
    }

    /** Loads the list on a background thread, so the first registration does not pay for it. */
    public static void warmUp() {
        Thread t = new Thread(BreachedPasswords::table, "breached-passwords-load");
        t.setDaemon(true);
        t.start();
    }

    private static long[] table() {
        long[] t = hashes;
        if (t == null) {
            synchronized (BreachedPasswords.class) {
                t = hashes;
                if (t == null) {
                    t = load();
                    hashes = t;
                }
            }
        }
        return t;
    }

    private static long[] load() {
        long[] out = new long[450_000];
        int n = 0;
        try (InputStream list = resource(LIST); InputStream additions = resource(ADDITIONS);
                BufferedReader a = new BufferedReader(new InputStreamReader(new GZIPInputStream(list, 1 << 16),
                        StandardCharsets.UTF_8), 1 << 16);
                BufferedReader b = new BufferedReader(new InputStreamReader(additions, StandardCharsets.UTF_8))) {
            for (BufferedReader reader : new BufferedReader[] { a, b }) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    if (line.isEmpty() || (reader == b && line.startsWith("#"))) {
                        continue;
                    }
                    if (n == out.length) {
                        out = Arrays.copyOf(out, out.length * 2);
                    }
                    out[n++] = hash(PasswordText.nfkc(line).toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The breached-password list cannot be read", e);
        }
        long[] table = Arrays.copyOf(out, n);
        Arrays.sort(table);
        int unique = 0;
        for (int i = 0; i < table.length; i++) {
            if (i == 0 || table[i] != table[i - 1]) {
                table[unique++] = table[i];
            }
        }
        return Arrays.copyOf(table, unique);
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = BreachedPasswords.class.getResourceAsStream(name);
        if (in == null) {
            throw new IOException("missing resource " + name);
        }
        return in;
    }

    /** FNV-1a over the UTF-8 bytes, then a 64-bit finaliser (splitmix64) to spread the bits. */
    static long hash(String s) {
        long h = 0xcbf29ce484222325L;
        for (byte x : s.getBytes(StandardCharsets.UTF_8)) {
            h ^= x & 0xff;
            h *= 0x100000001b3L;
        }
        h ^= h >>> 30;
        h *= 0xbf58476d1ce4e5b9L;
        h ^= h >>> 27;
        h *= 0x94d049bb133111ebL;
        h ^= h >>> 31;
        return h;
    }
}
