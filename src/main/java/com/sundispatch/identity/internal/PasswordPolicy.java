package com.sundispatch.identity.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.nulabinc.zxcvbn.Strength;
import com.nulabinc.zxcvbn.Zxcvbn;

/**
 * The password rules of SECURITY.md A02: 12 to 128 characters, a letter and a digit or symbol, a zxcvbn
 * score of at least 3, nothing of the account's own email or name, and not on a list of breached passwords.
 * Every rule sees the NFKC form ({@link PasswordText}), so fullwidth or otherwise look-alike spellings of a
 * weak password are just as weak. Every rejection says why, in words a person can act on.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 128;
    public static final int MIN_SCORE = 3;
    public static final String BREACHED = "This password appears in lists of breached passwords, so attackers try "
            + "it first. Choose another one.";

    private final Zxcvbn zxcvbn = new Zxcvbn();

    /** The reason this password is refused, or empty when it is acceptable. */
    public Optional<String> check(String raw, String email, String fullName) {
        if (raw == null || raw.isEmpty()) {
            return Optional.of("Choose a password.");
        }
        Optional<String> malformed = PasswordText.problem(raw);
        if (malformed.isPresent()) {
            return Optional.of("The password " + malformed.get() + ".");
        }
        String password = PasswordText.nfkc(raw);
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            return Optional.of("The password must be at least " + MIN_LENGTH + " characters long.");
        }
        if (length > MAX_LENGTH) {
            return Optional.of("The password must be at most " + MAX_LENGTH + " characters long.");
        }
        if (password.codePoints().noneMatch(Character::isLetter)) {
            return Optional.of("The password must contain at least one letter.");
        }
        if (password.codePoints().allMatch(Character::isLetter)) {
            return Optional.of("The password must contain at least one digit or symbol.");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        List<String> personal = new ArrayList<>();
        if (email != null && email.contains("@")) {
            String local = email.substring(0, email.indexOf('@')).toLowerCase(Locale.ROOT);
            personal.add(local);
            if (local.length() >= 3 && lower.contains(local)) {
                return Optional.of("The password must not contain your email address.");
            }
        }
        if (fullName != null && !fullName.isBlank()) {
            String name = fullName.toLowerCase(Locale.ROOT).trim();
            personal.add(name);
            for (String part : name.split("[\\s'.\\-]+")) {
                personal.add(part);
                if (part.length() >= 3 && lower.contains(part)) {
                    return Optional.of("The password must not contain your name.");
                }
            }
        }
        Strength strength = zxcvbn.measure(password, personal);
        if (strength.getScore() < MIN_SCORE) {
            String warning = strength.getFeedback().getWarning();
            String hint = warning == null || warning.isBlank() ? "" : " " + warning.trim();
            if (!hint.isEmpty() && !hint.endsWith(".")) {
                hint += ".";
            }
            return Optional.of("The password is too easy to guess." + hint
                    + " Add more words or characters that are not a common pattern.");
        }
        // After zxcvbn, whose advice is more specific for the weak ones: this catches what it rates strong.
        if (BreachedPasswords.contains(password)) {
            return Optional.of(BREACHED);
        }
        return Optional.empty();
    }
}
