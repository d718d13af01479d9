package com.sundispatch.monitoring.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one redaction step every log line goes through (messages, arguments, MDC values, exception text):
 * JWTs, bearer credentials, secret-looking key=value pairs, opaque tokens, Expo push tokens, TOTP secrets and card
 * numbers (13-19 digits that pass the Luhn check) are replaced before anything is written.
 */
public final class LogRedactor {

    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]{5,}\\.[A-Za-z0-9_-]{5,}\\.[A-Za-z0-9_-]*");
    private static final Pattern BEARER = Pattern.compile("(?i)(bearer|basic)\\s+[A-Za-z0-9._~+/=-]{8,}");
    private static final Pattern SECRET_PAIR = Pattern.compile(
            "(?i)(\"?(?:password|passwd|pwd|secret|token|refresh_?token|access_?token|mfa_?token|id_?token|code|otp"
                    + "|totp|recovery_?codes?|authorization|cookie|set-cookie|pepper|api_?key|sd_refresh)\"?"
                    + "\\s*[:=]\\s*\"?)([^\"\\s,;&}]{1,})");
    /** Our opaque tokens: 256 random bits in base64url (43 characters). */
    private static final Pattern OPAQUE_TOKEN = Pattern.compile(
            "(?:whsec_|evt_)?(?<![A-Za-z0-9-])[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])|whsec_[A-Za-z0-9_-]{20,}");
    /** An Expo push token: it addresses one phone, whoever holds it can push to it through Expo. */
    private static final Pattern PUSH_TOKEN = Pattern.compile("Expo(?:nent)?PushToken\\[[^\\]\\s]{1,200}\\]");
    /** A TOTP secret in base32 (160 bits: 32 characters). */
    private static final Pattern BASE32_SECRET = Pattern.compile("(?<![A-Z2-7])[A-Z2-7]{32}(?![A-Z2-7])");
    /** 13 to 19 digits, maybe grouped by spaces or dashes, standing alone (not inside a UUID or other id). */
    private static final Pattern DIGIT_RUN = Pattern.compile(
            "(?<![0-9A-Za-z-])\\d(?:[ -]?\\d){12,18}(?![0-9A-Za-z-])");

    private LogRedactor() {
    }

    public static String redact(String text) {
        if (text == null || text.isEmpty() || cannotHoldSecret(text)) {
            return text;
        }
        return redactFully(text);
    }

    /** Every pattern, without the quick check first. */
    static String redactFully(String text) {
        String s = JWT.matcher(text).replaceAll("[REDACTED_JWT]");
        s = BEARER.matcher(s).replaceAll("$1 [REDACTED]");
        s = SECRET_PAIR.matcher(s).replaceAll("$1[REDACTED]");
        s = PUSH_TOKEN.matcher(s).replaceAll("[REDACTED_PUSH_TOKEN]");
        s = OPAQUE_TOKEN.matcher(s).replaceAll("[REDACTED_TOKEN]");
        s = BASE32_SECRET.matcher(s).replaceAll("[REDACTED_SECRET]");
        return redactCards(s);
    }

    /**
     * One pass over the text for what every pattern above needs at the least (a ':' or '=', "eyJ", "bearer" or
     * "basic", "whsec_", "PushToken[", a run of 32 base32 or 43 token characters, 13 digits in a row): a request
     * log line's method, ids, address and status have none, and skip seven regular expressions. A false "maybe"
     * only costs the full scan; the check never lets a match through.
     */
    static boolean cannotHoldSecret(String text) {
        int tokenRun = 0;
        int base32Run = 0;
        int digitRun = 0;
        boolean afterSeparator = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ':' || c == '=') {
                return false;
            }
            boolean letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
            boolean digit = c >= '0' && c <= '9';
            tokenRun = letter || digit || c == '_' || c == '-' ? tokenRun + 1 : 0;
            base32Run = (c >= 'A' && c <= 'Z') || (c >= '2' && c <= '7') ? base32Run + 1 : 0;
            if (digit) {
                digitRun++;
                afterSeparator = false;
            } else if ((c == ' ' || c == '-') && digitRun > 0 && !afterSeparator) {
                afterSeparator = true;
            } else {
                digitRun = 0;
                afterSeparator = false;
            }
            if (tokenRun >= 43 || base32Run >= 32 || digitRun >= 13) {
                return false;
            }
            if ((c == 'e' && text.startsWith("eyJ", i)) || ((c == 'b' || c == 'B')
                    && (text.regionMatches(true, i, "bearer", 0, 6) || text.regionMatches(true, i, "basic", 0, 5)))
                    || (c == 'w' && text.startsWith("whsec_", i))
                    || (c == 'P' && text.startsWith("PushToken[", i))) {
                return false;
            }
        }
        return true;
    }

    private static String redactCards(String s) {
        Matcher m = DIGIT_RUN.matcher(s);
        StringBuilder out = null;
        int last = 0;
        while (m.find()) {
            String digits = m.group().replaceAll("[ -]", "");
            if (digits.length() >= 13 && digits.length() <= 19 && luhn(digits)) {
                if (out == null) {
                    out = new StringBuilder(s.length());
                }
                out.append(s, last, m.start()).append("[REDACTED_PAN]");
                last = m.end();
            }
        }
        if (out == null) {
            return s;
        }
        return out.append(s, last, s.length()).toString();
    }

    static boolean luhn(String digits) {
        int sum = 0;
        boolean doubled = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (doubled) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            doubled = !doubled;
        }
        return sum % 10 == 0;
    }
}
