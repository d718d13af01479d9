package com.sundispatch.identity.internal;

import java.util.Locale;

/** A person's name as strangers may read it: "Anna Maria Müller" becomes "Anna M.". */
final class PublicNames {

    private PublicNames() {
    }

    /**
     * The first word and the first letter of the last word; of a one-word name (often a surname alone) only its
     * initial; null when blank.
     */
    static String of(String fullName) {
        if (fullName == null || fullName.isBlank()) {
            return null;
        }
        String[] words = fullName.strip().split("\\s+");
        String initial = initial(words[words.length - 1]);
        return words.length == 1 ? initial : words[0] + " " + initial;
    }

    /** "M." of "Müller", by code point, so a name starting with a character outside the BMP is not cut in half. */
    private static String initial(String word) {
        return new String(Character.toChars(word.codePointAt(0))).toUpperCase(Locale.ROOT) + ".";
    }
}
