package com.sundispatch.identity.internal;

import java.text.Normalizer;
import java.util.Optional;

import com.sundispatch.shared.ApiException;

/**
 * What a password is before any rule or hash sees it. Passwords are compared as NFKC-normalised Unicode, so
 * that one password has one spelling (fullwidth {@code Ｐａｓｓ１} is {@code Pass1}, a composed é is a decomposed
 * one), and strings that are not well-formed Unicode are refused instead of being silently changed: an
 * unpaired UTF-16 surrogate would otherwise become {@code ?} in UTF-8, so many passwords would open one
 * account. Control characters (C0, DEL, C1) are refused too: no keyboard types them, and they are how a
 * pasted password picks up a stray newline or terminal escape. Format characters (zero-width joiners in emoji)
 * and every other assigned or private-use character stay allowed.
 */
public final class PasswordText {

    static final String MALFORMED = "must not contain control characters or unpaired surrogate characters";

    private PasswordText() {
    }

    /** The reason this raw password is not well-formed text, or empty. */
    public static Optional<String> problem(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < raw.length() && Character.isLowSurrogate(raw.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return Optional.of(MALFORMED);
            }
            if (Character.isLowSurrogate(c) || Character.isISOControl(c)) {
                return Optional.of(MALFORMED);
            }
        }
        return Optional.empty();
    }

    /** The NFKC form of a well-formed password; refuses a malformed one with 400 naming {@code field}. */
    public static String normalise(String raw, String field) {
        if (raw == null) {
            return null;
        }
        problem(raw).ifPresent(reason -> {
            throw ApiException.validation(field, reason);
        });
        return nfkc(raw);
    }

    /** NFKC without the well-formedness check, for values that were checked already (idempotent). */
    static String nfkc(String text) {
        return Normalizer.isNormalized(text, Normalizer.Form.NFKC) ? text
                : Normalizer.normalize(text, Normalizer.Form.NFKC);
    }
}
