package com.sundispatch.identity.internal;

import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The email pattern also runs inside Bean Validation, before any length check: it must survive any input. */
class EmailPatternTest {

    private static final Pattern EMAIL = Pattern.compile(AccountService.EMAIL_PATTERN);

    @Test
    void hugeInputsAreRefusedWithoutOverflowingTheStack() {
        // Each would fit in the 64 KiB body limit; an unbounded group repetition recursed once per label.
        assertThat(EMAIL.matcher("a@" + "a.".repeat(30_000) + "com").matches()).isFalse();
        assertThat(EMAIL.matcher("a@" + "a-".repeat(30_000) + "!").matches()).isFalse();
        assertThat(EMAIL.matcher("a@" + "a.".repeat(30_000) + " ".repeat(2_000) + "!").matches()).isFalse();
        assertThat(EMAIL.matcher("a@" + ("a".repeat(61) + "-").repeat(900) + "!").matches()).isFalse();
    }

    @Test
    void everyAddressUpTo254CharactersStillMatches() {
        assertThat(EMAIL.matcher("ada@example.com").matches()).isTrue();
        assertThat(EMAIL.matcher("x@a.b.c.d.example.co").matches()).isTrue();
        // The most labels a 254-character address can have: "a@" + 125 labels "a." + a 2-letter top-level domain.
        String most = "a@" + "a.".repeat(125) + "co";
        assertThat(most).hasSize(254);
        assertThat(EMAIL.matcher(most).matches()).isTrue();
        assertThat(AccountService.isAcceptableEmail(most)).isTrue();
    }
}
