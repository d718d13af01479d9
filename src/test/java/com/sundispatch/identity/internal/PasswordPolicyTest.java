package com.sundispatch.identity.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordPolicyTest {

    private final PasswordPolicy policy = new PasswordPolicy();

    @Test
    void strongPassphraseIsAccepted() {
        assertThat(policy.check("Sunny-meadow-lantern-2931", "ada@example.test", "Ada Lovelace")).isEmpty();
    }

    @Test
    void elevenCharactersIsTooShort() {
        assertThat(policy.check("Xq7#mVb2!Lp", "ada@example.test", "Ada Lovelace"))
                .hasValueSatisfying(r -> assertThat(r).contains("at least 12"));
    }

    @Test
    void over128CharactersIsTooLong() {
        assertThat(policy.check("aB3$".repeat(33), "ada@example.test", "Ada Lovelace"))
                .hasValueSatisfying(r -> assertThat(r).contains("at most 128"));
    }

    @Test
    void lettersOnlyNeedsADigitOrSymbol() {
        assertThat(policy.check("correcthorsebatterystaple", "ada@example.test", "Ada Lovelace"))
                .hasValueSatisfying(r -> assertThat(r).contains("digit or symbol"));
    }

    @Test
    void digitsOnlyNeedsALetter() {
        assertThat(policy.check("839201746583920", "ada@example.test", "Ada Lovelace"))
                .hasValueSatisfying(r -> assertThat(r).contains("letter"));
    }

    @Test
    void containingTheEmailLocalPartIsRefused() {
        assertThat(policy.check("xx-lovelace42-Quartz-river", "lovelace42@example.test", "Ada King"))
                .hasValueSatisfying(r -> assertThat(r).contains("email"));
    }

    @Test
    void containingTheNameIsRefusedWhateverTheCase() {
        assertThat(policy.check("quartz-LOVELACE-river-77", "ada@example.test", "Ada Lovelace"))
                .hasValueSatisfying(r -> assertThat(r).contains("name"));
    }

    @Test
    void commonPatternScoresBelowThreeAndIsRefused() {
        assertThat(policy.check("Password1234", "ada@example.test", "Ada Lovelace"))
                .hasValueSatisfying(r -> assertThat(r).contains("too easy to guess"));
        assertThat(policy.check("qwertyuiop123", "ada@example.test", "Ada Lovelace")).isPresent();
    }

    @Test
    void lengthCountsCharactersNotBytes() {
        // 11 characters but 21 bytes in UTF-8: too short, whatever its byte count.
        assertThat(policy.check("ÄöÜßéèçñ-7ë", "ada@example.test", "Ada Lovelace"))
                .hasValueSatisfying(r -> assertThat(r).contains("at least 12"));
        // 128 characters, 256 bytes: still within the maximum.
        String longOne = "ÄöÜßéèçñ-7ëõÅøæ".repeat(9).substring(0, 127) + "9";
        assertThat(longOne.codePointCount(0, longOne.length())).isEqualTo(128);
        assertThat(policy.check(longOne, "ada@example.test", "Ada Lovelace")).isEmpty();
    }

    @Test
    void fullwidthSpellingOfAWeakPasswordIsWeakToo() {
        assertThat(policy.check("Ｐａｓｓｗｏｒｄ１２３４５", "ada@example.test", "Ada Lovelace")).isPresent();
        assertThat(policy.check("Password12345", "ada@example.test", "Ada Lovelace")).isPresent();
    }

    @Test
    void breachedPasswordsAreRefusedWithAReasonAPersonUnderstands() {
        for (String p : new String[] { "correct horse battery staple", "password123456", "qwertyuiop123" }) {
            assertThat(policy.check(p, "ada@example.test", "Ada Lovelace")).as(p).isPresent();
        }
        assertThat(policy.check("correct horse battery staple", "ada@example.test", "Ada Lovelace"))
                .hasValue(PasswordPolicy.BREACHED);
        assertThat(PasswordPolicy.BREACHED).contains("appears in lists of breached passwords");
    }

    @Test
    void malformedUnicodeIsRefused() {
        assertThat(policy.check("Sunny-meadow-\ud800-2931", "ada@example.test", "Ada Lovelace"))
                .hasValueSatisfying(r -> assertThat(r).contains("surrogate"));
    }

    @Test
    void theRulesDoNotDependOnAnythingButTheRequest() {
        // Same input, same verdict: nothing about existing accounts is consulted.
        assertThat(policy.check("Granite-harbour-violet-5512", "new@example.test", "Ada Lovelace"))
                .isEqualTo(policy.check("Granite-harbour-violet-5512", "new@example.test", "Ada Lovelace"))
                .isEmpty();
    }
}
