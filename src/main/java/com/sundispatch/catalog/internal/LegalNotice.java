package com.sundispatch.catalog.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import jakarta.annotation.Nullable;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

import com.sundispatch.catalog.LegalProperties;

/** The imprint and privacy notice the web client shows, from configuration (read once). */
@Component
public final class LegalNotice {

    private static final Logger log = LoggerFactory.getLogger(LegalNotice.class);

    /** {@code address} has one line per line of the postal address. */
    public record Imprint(String company, String address, String email, @Nullable String phone, @Nullable String register, @Nullable String vatId,
            @Nullable String representative) {
    }

    /** Plain text, paragraphs separated by a blank line. */
    public record Privacy(String en, String de) {
    }

    public record Legal(Imprint imprint, Privacy privacy) {
    }

    private final LegalProperties properties;
    private final Environment environment;
    private final Legal legal;

    LegalNotice(LegalProperties properties, Environment environment) {
        this.properties = properties;
        this.environment = environment;
        this.legal = new Legal(new Imprint(properties.company(), properties.address(), properties.email(),
                properties.phone(), properties.register(), properties.vatId(), properties.representative()),
                new Privacy(or(properties.privacy().en(), "en"), or(properties.privacy().de(), "de")));
    }

    public Legal legal() {
        return legal;
    }

    @EventListener(ApplicationReadyEvent.class)
    void warnAboutTheExampleOperator() {
        if (environment.acceptsProfiles(Profiles.of("prod")) && properties.example()) {
            log.warn("The imprint still shows the example operator's company or address. Set "
                    + "SUNDISPATCH_LEGAL_COMPANY, SUNDISPATCH_LEGAL_ADDRESS and the other SUNDISPATCH_LEGAL_* settings "
                    + "to your company's details.");
        }
    }

    private static String or(String configured, String language) {
        return configured != null ? configured : shipped(language);
    }

    static String shipped(String language) {
        String path = "/legal/privacy-" + language + ".txt";
        try (InputStream in = LegalNotice.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("The shipped privacy notice is missing: " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
