package com.sundispatch.catalog.internal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.env.MockEnvironment;

import com.sundispatch.catalog.LegalProperties;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class LegalNoticeTest {

    private static LegalProperties configured() {
        return new LegalProperties("Example Solar GmbH", "Sonnenallee 1\\n10115 Berlin", "legal@example.com",
                "+49 30 1234567", "HRB 123456", "DE123456789", "Jane Doe",
                new LegalProperties.Privacy("Our own notice.\\n\\nSecond paragraph.", " "));
    }

    @Test
    void configuredValuesAreShownWithLineBreaksAndAMissingLanguageFallsBackToTheShippedNotice() {
        LegalNotice.Legal legal = new LegalNotice(configured(), new MockEnvironment()).legal();
        assertThat(legal.imprint()).isEqualTo(new LegalNotice.Imprint("Example Solar GmbH",
                "Sonnenallee 1\n10115 Berlin", "legal@example.com", "+49 30 1234567", "HRB 123456", "DE123456789",
                "Jane Doe"));
        assertThat(legal.privacy().en()).isEqualTo("Our own notice.\n\nSecond paragraph.");
        assertThat(legal.privacy().de()).isEqualTo(LegalNotice.shipped("de")).contains("Audit-Ereignisse");
    }

    @Test
    void unsetValuesAreTheObviousExampleOperator() {
        LegalProperties example = new LegalProperties(null, "", null, null, null, null, null, null);
        assertThat(example.example()).isTrue();
        assertThat(example.company()).isEqualTo("SunDispatch Demo GmbH");
        assertThat(example.address()).isEqualTo("Musterstraße 1\n10115 Berlin\nGermany");
        assertThat(configured().example()).isFalse();
        LegalNotice.Legal legal = new LegalNotice(example, new MockEnvironment()).legal();
        assertThat(legal.privacy().en()).contains("180 days").contains("first name and the initial");
    }

    @Test
    void theProdProfileWarnsWhileTheImprintIsTheExampleAndOnlyThen(CapturedOutput output) {
        MockEnvironment prod = new MockEnvironment();
        prod.setActiveProfiles("prod");
        new LegalNotice(configured(), prod).warnAboutTheExampleOperator();
        new LegalNotice(new LegalProperties(null, null, null, null, null, null, null, null), new MockEnvironment())
                .warnAboutTheExampleOperator();
        assertThat(output.getAll()).doesNotContain("example operator");
        new LegalNotice(new LegalProperties("Real Solar GmbH", null, null, null, null, null, null, null), prod)
                .warnAboutTheExampleOperator();
        assertThat(output.getAll()).contains("example operator");
    }
}
