package com.sundispatch.security.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

import com.sundispatch.security.Secrets;

/**
 * Turns the configured secret values into key material and refuses weak ones. In the {@code prod} profile a
 * missing, known-default, short or reused secret, missing allowed hosts or a public base URL that is not https
 * stop start-up with one message naming every problem. In development a missing
 * secret is generated once and kept beside the development database under {@code ./data} (git-ignored),
 * because a pepper or data key that changed at every start would lock every developer out of the accounts
 * they created.
 */
@Configuration(proxyBeanMethods = false)
class SecretsConfiguration {

    static final int MIN_BYTES = 32;

    private static final Logger log = LoggerFactory.getLogger(SecretsConfiguration.class);

    /** Values that appear in examples and tutorials; a secret equal to or built on one of them is no secret. */
    private static final Set<String> KNOWN_DEFAULTS = Set.of("changeme", "change-me", "change_me", "secret",
            "password", "example", "replace-me", "replaceme", "default", "sundispatch", "test", "dev");

    @Bean
    Secrets secrets(SecretsProperties properties, Environment environment) {
        boolean prod = environment.acceptsProfiles(Profiles.of("prod"));
        Map<String, String> values = new LinkedHashMap<>();
        values.put("SUNDISPATCH_JWT_SECRET", properties.jwtSecret());
        values.put("SUNDISPATCH_PASSWORD_PEPPER", properties.passwordPepper());
        values.put("SUNDISPATCH_DATA_KEY", properties.dataKey());
        values.put("SUNDISPATCH_PAYMENT_WEBHOOK_SECRET", properties.paymentWebhookSecret());

        List<String> refused = new ArrayList<>();
        Properties devStore = null;
        for (Map.Entry<String, String> entry : values.entrySet()) {
            String name = entry.getKey();
            String value = entry.getValue();
            String problem = weakness(value);
            if (problem == null) {
                continue;
            }
            if (prod) {
                refused.add(name + " " + problem);
                continue;
            }
            if (value != null && !value.isBlank()) {
                log.warn("{} {}: acceptable only in development; the prod profile refuses it.", name, problem);
                continue;
            }
            if (devStore == null) {
                devStore = loadDevStore(Path.of(properties.devSecretsFile()));
            }
            String generated = devStore.getProperty(name);
            if (generated == null) {
                generated = randomSecret();
                devStore.setProperty(name, generated);
                saveDevStore(Path.of(properties.devSecretsFile()), devStore);
            }
            log.warn("""

                    ************************************************************************
                    * {} is not set: using a generated development value kept in {}.
                    * Never run like this in production (SPRING_PROFILES_ACTIVE=prod refuses).
                    ************************************************************************""",
                    name, properties.devSecretsFile());
            entry.setValue(generated);
        }
        String previous = properties.dataKeyPrevious();
        boolean rotating = previous != null && !previous.isBlank();
        if (rotating) {
            // Optional: only set while a rotation is under way. When set it is held to the same standard as the
            // current key (it sealed real data), and it must differ from every other secret.
            String problem = weakness(previous);
            if (problem != null) {
                if (prod) {
                    refused.add("SUNDISPATCH_DATA_KEY_PREVIOUS " + problem);
                } else {
                    log.warn("SUNDISPATCH_DATA_KEY_PREVIOUS {}: acceptable only in development; the prod profile "
                            + "refuses it.", problem);
                }
            }
        }
        Map<String, String> distinct = new LinkedHashMap<>(values);
        if (rotating) {
            distinct.put("SUNDISPATCH_DATA_KEY_PREVIOUS", previous);
        }
        for (String reuse : identical(distinct)) {
            if (prod) {
                refused.add(reuse);
            } else {
                log.warn("{}: acceptable only in development; the prod profile refuses it.", reuse);
            }
        }
        if (prod) {
            // Bound like the properties records bind them, so a list given as "hosts[0]=..." counts too.
            List<String> hosts = Binder.get(environment).bind("sundispatch.security.allowed-hosts",
                    Bindable.listOf(String.class)).orElse(List.of());
            refused.addAll(deploymentProblems(String.join(",", hosts),
                    environment.getProperty("sundispatch.mail.public-base-url")));
        }
        if (!refused.isEmpty()) {
            // One message naming every problem, so an operator fixes them all in one go.
            throw new IllegalStateException("Refusing to start: " + String.join("; ", refused) + ". Set each secret "
                    + "to its own value of at least " + MIN_BYTES + " random bytes (e.g. `openssl rand -base64 48`).");
        }
        return new Secrets(bytes(values.get("SUNDISPATCH_JWT_SECRET")),
                bytes(values.get("SUNDISPATCH_PASSWORD_PEPPER")),
                sha256(bytes(values.get("SUNDISPATCH_DATA_KEY"))),
                bytes(values.get("SUNDISPATCH_PAYMENT_WEBHOOK_SECRET")),
                rotating ? sha256(bytes(previous)) : null);
    }

    /**
     * Pairs of secrets with the same value: one leaked secret would then give away the others (a webhook secret
     * shared with a payment provider would sign our tokens).
     */
    static List<String> identical(Map<String, String> values) {
        List<String> problems = new ArrayList<>();
        List<Map.Entry<String, String>> entries = new ArrayList<>(values.entrySet());
        for (int i = 0; i < entries.size(); i++) {
            for (int j = i + 1; j < entries.size(); j++) {
                String a = entries.get(i).getValue();
                if (a != null && !a.isBlank() && a.equals(entries.get(j).getValue())) {
                    problems.add(entries.get(i).getKey() + " and " + entries.get(j).getKey()
                            + " are identical (each secret must be its own value)");
                }
            }
        }
        return problems;
    }

    /**
     * What a production deployment must set besides the secrets: without allowed hosts any Host header is
     * believed (poisoned links, cache keys), and without a public https base URL mailed links point at
     * localhost or travel in clear text.
     */
    static List<String> deploymentProblems(String allowedHosts, String publicBaseUrl) {
        List<String> problems = new ArrayList<>();
        if (allowedHosts == null || allowedHosts.replace(",", "").isBlank()) {
            problems.add("SUNDISPATCH_ALLOWED_HOSTS is missing (list the host names the server answers to)");
        }
        if (!isPublicHttpsUrl(publicBaseUrl)) {
            problems.add("SUNDISPATCH_PUBLIC_BASE_URL is missing or not an https URL "
                    + "(e.g. https://sundispatch.example)");
        }
        return problems;
    }

    private static boolean isPublicHttpsUrl(String url) {
        if (url == null || url.isBlank()) {
            return false;
        }
        try {
            URI uri = new URI(url.trim());
            String host = uri.getHost();
            return "https".equalsIgnoreCase(uri.getScheme()) && host != null && !host.isBlank()
                    && uri.getRawUserInfo() == null && !host.equalsIgnoreCase("localhost");
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** Why a secret value is not acceptable, or null when it is. */
    static String weakness(String value) {
        if (value == null || value.isBlank()) {
            return "is missing";
        }
        String lower = value.toLowerCase(Locale.ROOT);
        for (String known : KNOWN_DEFAULTS) {
            if (lower.equals(known) || lower.startsWith(known + "-") || lower.startsWith(known + "_")
                    || lower.contains("change-me") || lower.contains("changeme") || lower.contains("replace-me")) {
                return "is a known default value";
            }
        }
        if (value.getBytes(StandardCharsets.UTF_8).length < MIN_BYTES) {
            return "is too short (fewer than " + MIN_BYTES + " bytes)";
        }
        if (value.chars().distinct().count() < 10) {
            return "is not random enough (fewer than 10 distinct characters)";
        }
        return null;
    }

    private static String randomSecret() {
        byte[] raw = new byte[48];
        new SecureRandom().nextBytes(raw);
        return Base64.getEncoder().encodeToString(raw);
    }

    private static Properties loadDevStore(Path file) {
        Properties p = new Properties();
        if (Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                p.load(in);
            } catch (IOException e) {
                throw new IllegalStateException("Cannot read development secrets from " + file, e);
            }
        }
        return p;
    }

    private static void saveDevStore(Path file, Properties p) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            try (OutputStream out = Files.newOutputStream(file)) {
                p.store(out, "Generated development secrets. Not for production. Delete to rotate.");
            }
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // Not a POSIX file system: the file stays with the default permissions.
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot write development secrets to " + file, e);
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] sha256(byte[] in) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(in);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
