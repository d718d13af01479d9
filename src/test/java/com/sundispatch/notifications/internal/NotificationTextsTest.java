package com.sundispatch.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

import com.sundispatch.identity.Role;
import com.sundispatch.shared.Money;

/** Every notification has its words in English and German, and renders to a complete mail in both. */
class NotificationTextsTest {

    private final Texts texts = new Texts(new NotificationProperties(ZoneId.of("Europe/Berlin"), 20, Map.of(), Duration.ofDays(365)));
    private final MailComposer composer = new MailComposer();

    private static Map<String, Object> values() {
        Map<String, Object> v = new HashMap<>();
        v.put("name", "Ada Lovelace");
        v.put("baseUrl", "https://sundispatch.example");
        v.put("order", "AB12CD34");
        v.put("total", Money.eur(new BigDecimal("3000.00")));
        v.put("amount", Money.eur(new BigDecimal("3000.00")));
        v.put("refund", Money.eur(new BigDecimal("3000.00")));
        Instant t = Instant.parse("2026-12-03T08:00:00Z");
        for (String time : List.of("reservedUntil", "windowStart", "windowEnd", "startedAt", "completedAt",
                "expiresAt", "when", "until", "confirmBy")) {
            v.put(time, t);
        }
        v.put("company", "Sonnenschein GmbH");
        v.put("installer", "Ben Solar");
        v.put("rating", 4.5);
        v.put("reviews", 12L);
        v.put("place", "10115 Berlin");
        v.put("panels", 12);
        v.put("distance", 4.2);
        v.put("reason", "licence expired");
        v.put("type", "REFRESH_TOKEN_REUSE");
        v.put("severity", "HIGH");
        v.put("subject", "user 42");
        v.put("browser", "Firefox");
        v.put("operatingSystem", "Linux");
        v.put("network", "203.0.113.0/24");
        v.put("remaining", 7);
        v.put("newEmail", "a***@example.com");
        v.put("role", Role.CUSTOMER);
        v.put("appointment", SiteTime.of(t, t.plus(Duration.ofHours(8)), "Europe/Vienna"));
        v.put("previous", SiteTime.at(t, "Europe/Vienna"));
        v.put("confirmation", new Phrase("INSTALLATION_COMPLETED.confirmation.SYSTEM"));
        return v;
    }

    @ParameterizedTest
    @EnumSource(NotificationKind.class)
    void everyKindHasSubjectSummaryAndIntroInBothLanguagesWithEveryPlaceholderFilled(NotificationKind kind) {
        for (Locale locale : List.of(Texts.ENGLISH, Texts.GERMAN)) {
            for (String part : List.of("subject", "summary", "intro")) {
                String text = texts.text(locale, kind.name() + "." + part, values());
                assertThat(text).as(kind + "." + part + " " + locale).isNotBlank().doesNotContain("{", "}");
            }
        }
    }

    /** Every variant an event can pick exists in both languages with the same placeholders filled. */
    @ParameterizedTest
    @EnumSource(NotificationKind.class)
    void everyVariantTextIsCompleteInBothLanguages(NotificationKind kind) throws Exception {
        for (Locale locale : List.of(Texts.ENGLISH, Texts.GERMAN)) {
            for (String key : load(locale.getLanguage()).stringPropertyNames()) {
                if (key.startsWith(kind.name() + ".")) {
                    assertThat(texts.text(locale, key, values())).as(key + " " + locale).isNotBlank()
                            .doesNotContain("{", "}");
                }
            }
        }
    }

    @Test
    void whoConfirmedAnInstallationIsAPhraseInEachLanguage() {
        for (String by : List.of("CUSTOMER", "SYSTEM", "ADMIN")) {
            Phrase phrase = new Phrase("INSTALLATION_COMPLETED.confirmation." + by);
            assertThat(texts.format(Texts.ENGLISH, phrase)).as(by).isNotBlank().doesNotContain("INSTALLATION");
            assertThat(texts.format(Texts.GERMAN, phrase)).as(by).isNotBlank()
                    .isNotEqualTo(texts.format(Texts.ENGLISH, phrase));
        }
        assertThat(texts.format(Texts.GERMAN, new Phrase("INSTALLATION_COMPLETED.confirmation.SYSTEM")))
                .contains("automatisch");
    }

    /** An appointment reads as the day on site, in the installation's zone, not the service's (nor UTC). */
    @Test
    void appointmentsAreShownInTheInstallationsTimeZoneAndLanguage() {
        Instant start = Instant.parse("2026-12-03T08:00:00Z");
        SiteTime sameDay = SiteTime.of(start, start.plus(Duration.ofHours(8)), "Europe/Zurich");
        assertThat(texts.format(Texts.ENGLISH, sameDay)).isEqualTo("Thursday, 3 December 2026, 09:00–17:00 CET");
        assertThat(texts.format(Texts.GERMAN, sameDay)).isEqualTo("Donnerstag, 3. Dezember 2026, 09:00–17:00 MEZ");
        // A zone far from the service's: the hour moves with it.
        SiteTime lisbon = SiteTime.at(start, "Europe/Lisbon");
        assertThat(texts.format(Texts.ENGLISH, lisbon)).isEqualTo("Thursday, 3 December 2026, 08:00 WET");
        SiteTime twoDays = SiteTime.of(start, start.plus(Duration.ofDays(1)), "Europe/Berlin");
        assertThat(texts.format(Texts.GERMAN, twoDays))
                .isEqualTo("Donnerstag, 3. Dezember 2026, 09:00 MEZ – Freitag, 4. Dezember 2026, 09:00 MEZ");
        // Summer time, and an unknown zone falls back to the service's instead of failing the mail.
        Instant summer = Instant.parse("2026-07-01T08:00:00Z");
        assertThat(texts.format(Texts.ENGLISH, SiteTime.at(summer, "Europe/Vienna"))).contains("10:00 CEST");
        assertThat(texts.format(Texts.ENGLISH, SiteTime.at(summer, "Mars/Olympus"))).contains("10:00 CEST");
        assertThat(texts.format(Texts.ENGLISH, SiteTime.at(summer, null))).contains("10:00 CEST");
    }

    @Test
    void bothLanguagesHaveExactlyTheSameKeys() throws Exception {
        assertThat(load("de").stringPropertyNames()).isEqualTo(load("en").stringPropertyNames());
    }

    @Test
    void moneyAndTimesAreFormattedForTheLanguage() {
        Money money = Money.eur(new BigDecimal("3000.50"));
        assertThat(texts.format(Texts.ENGLISH, money)).isEqualTo("€3,000.50");
        assertThat(texts.format(Texts.GERMAN, money)).isEqualTo("3.000,50\u00a0€");
        Instant winter = Instant.parse("2026-12-03T08:00:00Z");
        assertThat(texts.format(Texts.ENGLISH, winter)).contains("3 Dec 2026", "09:00", "CET");
        assertThat(texts.format(Texts.GERMAN, winter)).contains("03.12.2026", "09:00", "MEZ");
        assertThat(texts.format(Texts.GERMAN, 4.26)).isEqualTo("4,3");
        assertThat(texts.format(Texts.GERMAN, Role.INSTALLER)).isEqualTo("Installateur");
    }

    @Test
    void aMailHasATextAndAnHtmlPartAndTheHtmlEscapesValues() {
        MailComposer.Content content = new MailComposer.Content(Texts.GERMAN, "Betreff <b>", "Hallo <script>,",
                List.of("Absatz & mehr"), List.of(new MailComposer.Row("Gesamt", "3.000,00 €")),
                List.of(new MailComposer.ItemRow("Modul \"X\"", 2, "150,00 €")), "Öffnen",
                "https://sundispatch.example/#/orders/1", "Falls die Schaltfläche nicht funktioniert:", null, null,
                "Fußzeile", "Einstellungen",
                "https://sundispatch.example/#/settings/notifications");
        MailComposer.Rendered mail = composer.render(content);
        assertThat(mail.html()).contains("lang=\"de\"", "Hallo &lt;script&gt;,", "Absatz &amp; mehr",
                "3.000,00 €", "href=\"https://sundispatch.example/#/orders/1\"",
                "Falls die Schaltfläche nicht funktioniert:").doesNotContain("<script>");
        assertThat(mail.text()).contains("Hallo <script>,", "Absatz & mehr", "2 × Modul \"X\"", "Gesamt: 3.000,00 €",
                "Öffnen: https://sundispatch.example/#/orders/1",
                "Einstellungen: https://sundispatch.example/#/settings/notifications");
    }

    private static Properties load(String language) throws Exception {
        try (InputStream in = NotificationTextsTest.class.getClassLoader()
                .getResourceAsStream("notifications/messages_" + language + ".properties")) {
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return p;
        }
    }
}
