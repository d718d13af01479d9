package com.sundispatch.delivery;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The secret scanner finds every kind of secret it claims to, ignores placeholders and pass-phrases, fails the scan
 * on a planted secret in a file or inside a jar, and the repository itself is clean. The planted values are built
 * at run time from pieces, so this source never holds one (else the scan of the repository would flag it).
 */
class SecretScannerTest {

    // Per test instance, so the planted values do not depend on the order the tests run in.
    private final Random random = new Random(20261201L);
    private final SecretScanner scanner = new SecretScanner(List.of());

    private String alnum(int n) {
        String chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(chars.charAt(random.nextInt(chars.length())));
        }
        return sb.toString();
    }

    private String base64(int bytes) {
        byte[] raw = new byte[bytes];
        random.nextBytes(raw);
        return Base64.getEncoder().encodeToString(raw);
    }

    /** One planted line per rule. */
    private Map<String, String> planted() {
        return Map.ofEntries(
                Map.entry("private-key", "-----BEGIN " + "RSA PRIVATE KEY-----"),
                Map.entry("aws-access-key-id", "key_id: " + "AKIA" + "Z7QK3N5T2WX4PL6M"),
                Map.entry("aws-secret-access-key", "aws_secret_access_key = " + base64(30)),
                Map.entry("github-token", "token " + "ghp" + "_" + alnum(36)),
                Map.entry("slack-token", "SLACK=" + "xoxb" + "-123456789012-1234567890123-" + alnum(24)),
                Map.entry("slack-webhook", "url: " + "https://hooks.slack.com" + "/services/T0AB12CD3/B0EF45GH6/" + alnum(24)),
                Map.entry("jwt", "Authorization: Bearer " + "eyJhbGciOiJIUzI1NiJ9" + "." + "eyJzdWIiOiJ0ZXN0In0" + "."
                        + alnum(43)),
                Map.entry("google-api-key", "maps.key=" + "AIza" + alnum(35)),
                Map.entry("stripe-live-key", "STRIPE_KEY=" + "sk_" + "live_" + alnum(24)),
                Map.entry("npm-token", "//registry.npmjs.org/:_authToken=" + "npm_" + alnum(36)),
                Map.entry("generic-secret", "SUNDISPATCH_JWT_SECRET=" + base64(48)));
    }

    private List<SecretScanner.Finding> scan(String name, String text) {
        List<SecretScanner.Finding> findings = new ArrayList<>();
        scanner.scanContent(name, text.getBytes(StandardCharsets.UTF_8), findings);
        return findings;
    }

    @Test
    void everyRuleFindsItsPlantedSecretAndEveryRuleIsCovered() {
        Map<String, String> planted = planted();
        assertThat(planted.keySet()).containsExactlyInAnyOrderElementsOf(
                SecretScanner.RULES.stream().map(SecretScanner.Rule::id).toList());
        planted.forEach((rule, line) -> assertThat(scan("config.txt", "first line\n" + line + "\nlast line"))
                .as(rule).anySatisfy(f -> {
                    assertThat(f.rule()).isEqualTo(rule);
                    assertThat(f.line()).isEqualTo(2);
                }));
    }

    @Test
    void findingsNeverRepeatTheSecret() {
        String secret = base64(48);
        List<SecretScanner.Finding> findings = scan("app.yml", "jwt-secret: " + secret);
        assertThat(findings).hasSize(1);
        assertThat(findings.get(0).toString()).doesNotContain(secret).contains(secret.substring(0, 4));
    }

    @Test
    void placeholdersReferencesEmptyValuesAndPassPhrasesAreNotFindings() {
        assertThat(scan("a.yml", String.join("\n",
                "jwt-secret: ${SUNDISPATCH_JWT_SECRET}",
                "SUNDISPATCH_JWT_SECRET=",
                "password: <your password here, at least 32 bytes>",
                "api_key: replace-me-with-the-real-key-0000",
                "SUNDISPATCH_PASSWORD_PEPPER=changeme-changeme-changeme",
                "password = \"Sunny-meadow-lantern-2931\"",
                "token: com.sundispatch.security.internal.TokenService",
                "String token = tokens.issue(user, Duration.ofMinutes(15));"))).isEmpty();
    }

    @Test
    void binaryContentIsScannedByItsPrintableRuns() {
        byte[] head = { (byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE, 0, 0, 0, 61, 1, 0, 20 };
        String key = "AKIA" + "Q2W3E4R5T6Y7U8I9";
        byte[] content = concat(head, key.getBytes(StandardCharsets.US_ASCII), new byte[] { 0, 7, 0 });
        List<SecretScanner.Finding> findings = new ArrayList<>();
        scanner.scanContent("Foo.class", content, findings);
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo("aws-access-key-id");
            assertThat(f.line()).isZero();
        });
    }

    @Test
    void aPlantedSecretInsideTheJarOrANestedJarIsFoundButThirdPartyLibrariesAreSkipped() throws IOException {
        String secret = "SUNDISPATCH_DATA_KEY=" + base64(48);
        byte[] nested = zip(Map.of("application.properties", secret));
        byte[] jar = zip(Map.of(
                "BOOT-INF/classes/application.yml", "spring:\n  application:\n    name: x\n",
                "BOOT-INF/classes/leak.properties", secret,
                "BOOT-INF/lib/some-library.jar", "-----BEGIN " + "PRIVATE KEY-----",
                "BOOT-INF/classes/inner.jar", new String(nested, StandardCharsets.ISO_8859_1)));
        List<SecretScanner.Finding> findings = new ArrayList<>();
        long entries = scanner.scanJar("app.jar", new ByteArrayInputStream(jar), findings);
        assertThat(entries).isEqualTo(5);
        assertThat(findings).extracting(SecretScanner.Finding::path).containsExactlyInAnyOrder(
                "app.jar!/BOOT-INF/classes/leak.properties", "app.jar!/BOOT-INF/classes/inner.jar!/application.properties");
    }

    @Test
    void theCommandFailsOnAPlantedSecretAndPassesOnceItIsAllowedWithAReason(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("README.md"), "# nothing here\n");
        Files.createDirectories(dir.resolve("src/test/resources"));
        Files.writeString(dir.resolve("src/test/resources/fixture.yml"), "webhook-secret: " + base64(48) + "\n");
        Path jar = dir.resolve("app.jar");
        Files.write(jar, zip(Map.of("BOOT-INF/classes/application.yml", "name: clean\n")));

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = SecretScanner.run(new String[] { "--repo", dir.toString(), "--jar", jar.toString() },
                new PrintStream(out, true, StandardCharsets.UTF_8));
        assertThat(exit).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("src/test/resources/fixture.yml:1 [generic-secret]")
                .contains("1 finding(s)");

        Files.writeString(dir.resolve("secret-scan-allow.txt"),
                "generic-secret src/test/resources/fixture.yml  # made-up fixture of this test\n");
        out.reset();
        exit = SecretScanner.run(new String[] { "--repo", dir.toString(), "--jar", jar.toString() },
                new PrintStream(out, true, StandardCharsets.UTF_8));
        assertThat(exit).as(out.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("1 jar entries, 0 finding(s)");
    }

    @Test
    void anAllowanceCoversOnlyItsRuleAndFilesAndMustGiveAReason() {
        SecretScanner allowing = new SecretScanner(SecretScanner.parseAllowList(List.of(
                "# comment", "", "generic-secret src/test/resources/*.yml  # fixtures")));
        String line = "secret: " + base64(48);
        List<SecretScanner.Finding> findings = new ArrayList<>();
        allowing.scanContent("src/test/resources/application-test.yml", line.getBytes(StandardCharsets.UTF_8), findings);
        assertThat(findings).isEmpty();
        allowing.scanContent("src/main/resources/application.yml", line.getBytes(StandardCharsets.UTF_8), findings);
        allowing.scanContent("src/test/resources/application-test.yml",
                ("-----BEGIN " + "EC PRIVATE KEY-----").getBytes(StandardCharsets.UTF_8), findings);
        assertThat(findings).extracting(SecretScanner.Finding::rule).containsExactly("generic-secret", "private-key");

        assertThatThrownBy(() -> SecretScanner.parseAllowList(List.of("generic-secret src/**")))
                .hasMessageContaining("reason");
        assertThatThrownBy(() -> SecretScanner.parseAllowList(List.of("no-such-rule src/**  # why")))
                .hasMessageContaining("unknown rule");
    }

    @Test
    void theRepositoryHoldsNoUnallowedSecret() throws Exception {
        // The build runs from the repository root; .ci/run also scans the packaged jar.
        Path repo = Path.of(".");
        SecretScanner real = new SecretScanner(SecretScanner.readAllowList(repo.resolve("secret-scan-allow.txt")));
        List<String> files = SecretScanner.trackedFiles(repo);
        assertThat(files).contains("pom.xml", "secret-scan-allow.txt");
        assertThat(real.scanFiles(repo, files)).isEmpty();
    }

    private static byte[] zip(Map<String, String> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, String> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue().getBytes(StandardCharsets.ISO_8859_1));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
