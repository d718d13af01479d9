package com.sundispatch.identity.internal;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.sundispatch.shared.ApiException;

/** The languages an account's mails and notices can be written in, and how a new account gets one. */
public final class Languages {

    public static final String DEFAULT = "en";
    public static final Set<String> SUPPORTED = Set.of("en", "de");
    /** For request validation: exactly one of {@link #SUPPORTED}. */
    public static final String PATTERN = "^(en|de)$";

    private Languages() {
    }

    /** The language itself when it is supported; a 400 {@code validation_failed} on {@code language} if not. */
    static String require(String language) {
        if (language == null || !SUPPORTED.contains(language)) {
            throw ApiException.validation("language", "must be en or de");
        }
        return language;
    }

    /**
     * The language of a new account that named none: German when the browser prefers German ({@code de},
     * {@code de-AT}, ...: the highest-weighted range of Accept-Language), English for anything else, including a
     * missing or malformed header.
     */
    public static String fromAcceptLanguage(String header) {
        if (header == null || header.isBlank() || header.length() > 500) {
            return DEFAULT;
        }
        try {
            List<Locale.LanguageRange> ranges = Locale.LanguageRange.parse(header);
            if (ranges.isEmpty()) {
                return DEFAULT;
            }
            // parse() sorts by weight, highest first; a range of weight 0 means "not this one".
            Locale.LanguageRange first = ranges.get(0);
            boolean german = first.getWeight() > 0 && (first.getRange().equals("de")
                    || first.getRange().startsWith("de-"));
            return german ? "de" : DEFAULT;
        } catch (IllegalArgumentException malformed) {
            return DEFAULT;
        }
    }
}
