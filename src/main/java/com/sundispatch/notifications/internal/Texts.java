package com.sundispatch.notifications.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import com.sundispatch.identity.Role;
import com.sundispatch.shared.Money;

/**
 * The words of every notification in English and German ({@code notifications/messages_en.properties},
 * {@code messages_de.properties}, UTF-8), with named placeholders ({@code {orderId}}) rather than
 * MessageFormat's numbered ones, so translators see what goes where and an apostrophe is just an apostrophe.
 * Values are formatted for the language: money as "€3,000.00" or "3.000,00 €", times in the service's time
 * zone with its abbreviation, or in the installation's zone for a {@link SiteTime}.
 */
@Component
final class Texts {

    static final Locale GERMAN = Locale.GERMANY;
    static final Locale ENGLISH = Locale.UK;
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-zA-Z][a-zA-Z0-9]*)\\}");

    private final Properties english = load("en");
    private final Properties german = load("de");
    private final ZoneId zone;

    Texts(NotificationProperties properties) {
        this.zone = properties.timeZone();
    }

    static Locale locale(String language) {
        return "de".equals(language) ? GERMAN : ENGLISH;
    }

    boolean has(Locale locale, String key) {
        return bundle(locale).getProperty(key) != null;
    }

    /** The text for a key with its placeholders filled; a missing key is a programming error. */
    String text(Locale locale, String key, Map<String, Object> values) {
        String template = bundle(locale).getProperty(key);
        if (template == null) {
            throw new IllegalStateException("No text " + key + " for " + locale.getLanguage());
        }
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Object value = values.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group() : format(locale, value)));
        }
        m.appendTail(out);
        return out.toString();
    }

    String text(Locale locale, String key) {
        return text(locale, key, Map.of());
    }

    String format(Locale locale, Object value) {
        if (value instanceof Money money) {
            NumberFormat f = NumberFormat.getCurrencyInstance(locale);
            f.setCurrency(Currency.getInstance(money.currency()));
            return f.format(new BigDecimal(money.amount()));
        }
        if (value instanceof Role role) {
            return text(locale, "role." + role.name());
        }
        if (value instanceof Phrase phrase) {
            return text(locale, phrase.key());
        }
        if (value instanceof SiteTime site) {
            return onSite(locale, site);
        }
        if (value instanceof Window window) {
            return format(locale, window.start()) + " – " + format(locale, window.end());
        }
        if (value instanceof Instant instant) {
            return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(locale)
                    .withZone(zone).format(instant) + " " + DateTimeFormatter.ofPattern("zzz", locale).withZone(zone)
                    .format(instant);
        }
        if (value instanceof Double d) {
            NumberFormat f = NumberFormat.getNumberInstance(locale);
            f.setMaximumFractionDigits(1);
            f.setMinimumFractionDigits(1);
            return f.format(d);
        }
        return String.valueOf(value);
    }

    /**
     * In the site's zone with its abbreviation: the weekday and date in full (an appointment is read as a day),
     * a span on one day as "09:00–17:00", across days with both dates.
     */
    private String onSite(Locale locale, SiteTime site) {
        ZoneId z = site.zone() != null ? site.zone() : zone;
        DateTimeFormatter day = DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(locale).withZone(z);
        DateTimeFormatter time = DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale).withZone(z);
        DateTimeFormatter abbreviation = DateTimeFormatter.ofPattern("zzz", locale).withZone(z);
        Instant start = site.start();
        Instant end = site.end();
        String from = day.format(start) + ", " + time.format(start);
        if (end == null) {
            return from + " " + abbreviation.format(start);
        }
        if (start.atZone(z).toLocalDate().equals(end.atZone(z).toLocalDate())) {
            return from + "–" + time.format(end) + " " + abbreviation.format(end);
        }
        return from + " " + abbreviation.format(start) + " – " + day.format(end) + ", " + time.format(end) + " "
                + abbreviation.format(end);
    }

    private Properties bundle(Locale locale) {
        return locale.getLanguage().equals("de") ? german : english;
    }

    private static Properties load(String language) {
        String path = "notifications/messages_" + language + ".properties";
        InputStream in = Texts.class.getClassLoader().getResourceAsStream(path);
        if (in == null) {
            throw new IllegalStateException("Missing " + path);
        }
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            Properties p = new Properties();
            p.load(reader);
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
