package com.sundispatch.identity.internal;

import java.util.Locale;

/** A person's name as strangers may read it: "Anna Maria Müller" becomes "Anna M.". */
final class PublicNames {

    private PublicNames() {
    }

    /** The first word and the first letter of the last word; the single word of a one-word name; null when blank. */
    static String of(String fullName) {
        if (fullName == null || fullName.isBlank()) {
            return null;
        }
        String[] words = fullName.strip().split("\\s+");
        if (words.length == 1) {
            return words[0];
        }
        String last = words[words.length - 1];
        // By code point, so a name starting with a character outside the BMP is not cut in half.
        String initial = new String(Character.toChars(last.codePointAt(0))).toUpperCase(Locale.ROOT);
        return words[0] + " " + initial + ".";
    }
}
