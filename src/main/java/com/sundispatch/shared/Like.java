package com.sundispatch.shared;

import java.util.Locale;

/**
 * LIKE patterns from user text: the text's own % and _ match themselves, never anything. The escape
 * character is '!', which no database treats specially inside a string literal (a backslash is one in MySQL).
 */
public final class Like {

    public static final char ESCAPE = '!';

    private Like() {
    }

    /** {@code %text%}, lower-cased, with !, % and _ escaped by {@link #ESCAPE}. */
    public static String contains(String text) {
        String escaped = text.toLowerCase(Locale.ROOT).replace("!", "!!").replace("%", "!%").replace("_", "!_");
        return "%" + escaped + "%";
    }
}
