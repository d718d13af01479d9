package com.sundispatch.delivery;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * A small secret scanner for the repository and the packaged jar (no gitleaks/trufflehog package exists for this
 * Debian release, and secretlint's current versions need a newer Node.js than the build machines have). It runs
 * in {@code .ci/run} after {@code ./mvnw verify}:
 * <pre>java -cp target/test-classes com.sundispatch.delivery.SecretScanner --repo . --jar target/sundispatch-*.jar</pre>
 * and exits 1 on any finding that {@code secret-scan-allow.txt} does not allow. Findings name the file, line and
 * rule and show only the first four characters of the value, so the CI log never repeats a secret.
 * {@link SecretScannerTest} proves every rule on planted values and runs the scan over the tracked files.
 */
public final class SecretScanner {

    /** One kind of secret. {@code group} is the regex group holding the secret value itself. */
    record Rule(String id, Pattern pattern, int group, boolean entropyCheck) {
    }

    /** What the scan found; {@code line} is 0 inside binary content, where lines mean nothing. */
    record Finding(String path, int line, String rule, String preview) {
        @Override
        public String toString() {
            return path + (line > 0 ? ":" + line : "") + " [" + rule + "] " + preview;
        }
    }

    /** An allow-list entry: this rule may match in files matching this glob, for the stated reason. */
    record Allowance(String rule, PathMatcher glob, String globText, String reason) {
        boolean allows(Finding f) {
            return (rule.equals("*") || rule.equals(f.rule())) && glob.matches(Path.of(f.path()));
        }
    }

    private static final String KEY_WORDS = "(?:secret|passw(?:or)?d|pwd|token|api[_-]?key|access[_-]?key|"
            + "private[_-]?key|client[_-]?secret|pepper|data[_-]?key|credentials?|auth)";

    static final List<Rule> RULES = List.of(
            new Rule("private-key", Pattern.compile("-----BEGIN[ A-Z0-9]{0,40}PRIVATE KEY(?: BLOCK)?-----"), 0, false),
            new Rule("aws-access-key-id", Pattern.compile("\\b((?:AKIA|ASIA|ABIA|ACCA|AGPA|AIDA|AROA)[0-9A-Z]{16})\\b"),
                    1, false),
            new Rule("aws-secret-access-key", Pattern.compile(
                    "(?i)aws.{0,24}(?:secret|private).{0,24}?[\"'=:\\s]{1,5}([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+])"), 1, true),
            new Rule("github-token", Pattern.compile(
                    "\\b((?:ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{36,255}|github_pat_[A-Za-z0-9_]{60,255})\\b"), 1, false),
            new Rule("slack-token", Pattern.compile("\\b(xox[abposre]-[A-Za-z0-9-]{10,250})\\b"), 1, false),
            new Rule("slack-webhook", Pattern.compile(
                    "(https://hooks\\.slack\\.com/(?:services|workflows)/[A-Za-z0-9+/_-]{20,})"), 1, false),
            new Rule("jwt", Pattern.compile(
                    "\\b(eyJ[A-Za-z0-9_-]{8,}\\.eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,})"), 1, false),
            new Rule("google-api-key", Pattern.compile("\\b(AIza[0-9A-Za-z_-]{35})(?![0-9A-Za-z_-])"), 1, false),
            new Rule("stripe-live-key", Pattern.compile("\\b((?:sk|rk)_live_[0-9A-Za-z]{20,})\\b"), 1, false),
            new Rule("npm-token", Pattern.compile("\\b(npm_[A-Za-z0-9]{36})\\b"), 1, false),
            // key = value, key: value, "key": "value", KEY=value, where the key names a secret and the value looks
            // random: at least 20 characters and at least 4 bits of Shannon entropy per character (a long
            // pass-phrase of words scores less; 48 random bytes in Base64 score about 5.5).
            new Rule("generic-secret", Pattern.compile("(?i)[A-Za-z0-9_.-]{0,40}" + KEY_WORDS + "[A-Za-z0-9_.-]{0,40}"
                    + "[\"']?\\s*(?:=|:|:=|=>)\\s*[\"'`]?([A-Za-z0-9+/=_\\-.~!@#$%^&*]{20,200})"), 1, true));

    static final double MIN_ENTROPY = 4.0;
    private static final long MAX_FILE_BYTES = 10L * 1024 * 1024;

    private final List<Allowance> allowances;

    SecretScanner(List<Allowance> allowances) {
        this.allowances = List.copyOf(allowances);
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        System.exit(run(args, System.out));
    }

    /** The command line: 0 when clean, 1 on a finding. */
    static int run(String[] args, PrintStream out) throws IOException, InterruptedException {
        Path repo = Path.of(".");
        List<Path> jars = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--repo" -> repo = Path.of(args[++i]);
                case "--jar" -> jars.add(Path.of(args[++i]));
                default -> throw new IllegalArgumentException("usage: SecretScanner [--repo DIR] [--jar FILE]...");
            }
        }
        SecretScanner scanner = new SecretScanner(readAllowList(repo.resolve("secret-scan-allow.txt")));
        List<String> files = trackedFiles(repo);
        List<Finding> findings = new ArrayList<>(scanner.scanFiles(repo, files));
        long entries = 0;
        for (Path jar : jars) {
            try (InputStream in = Files.newInputStream(jar)) {
                entries += scanner.scanJar(jar.getFileName().toString(), in, findings);
            }
        }
        findings.forEach(f -> out.println("SECRET? " + f));
        out.printf("Secret scan: %d tracked files, %d jar entries, %d finding(s)%n", files.size(), entries,
                findings.size());
        if (findings.isEmpty()) {
            return 0;
        }
        out.println("Remove the secret (and rotate it), or, for a public test fixture, allow it in "
                + "secret-scan-allow.txt with its reason.");
        return 1;
    }

    /** The files git tracks (what a push publishes); without git, every file outside build output. */
    static List<String> trackedFiles(Path repo) throws IOException, InterruptedException {
        try {
            Process git = new ProcessBuilder("git", "-C", repo.toString(), "ls-files", "-z").redirectErrorStream(false)
                    .start();
            byte[] out = git.getInputStream().readAllBytes();
            if (git.waitFor(60, TimeUnit.SECONDS) && git.exitValue() == 0) {
                List<String> files = new ArrayList<>();
                for (String name : new String(out, StandardCharsets.UTF_8).split("\0")) {
                    if (!name.isEmpty()) {
                        files.add(name);
                    }
                }
                return files;
            }
        } catch (IOException e) {
            // no git on this machine: fall through to walking the tree
        }
        try (Stream<Path> walk = Files.walk(repo)) {
            return walk.filter(Files::isRegularFile).map(p -> repo.relativize(p).toString().replace('\\', '/'))
                    .filter(p -> !p.startsWith(".git/") && !p.startsWith("target/") && !p.startsWith("data/")
                            && !p.contains("node_modules/"))
                    .sorted().toList();
        }
    }

    List<Finding> scanFiles(Path repo, List<String> files) throws IOException {
        List<Finding> findings = new ArrayList<>();
        for (String name : files) {
            Path p = repo.resolve(name);
            if (!Files.isRegularFile(p) || Files.size(p) > MAX_FILE_BYTES) {
                continue;
            }
            scanContent(name, Files.readAllBytes(p), findings);
        }
        return findings;
    }

    /**
     * Scans every entry of a jar, descending into nested jars of our own but not into third-party libraries
     * (BOOT-INF/lib/*.jar: not our code, covered by the dependency audit and the SBOM). Returns the entry count.
     */
    long scanJar(String jarName, InputStream in, List<Finding> findings) throws IOException {
        long count = 0;
        ZipInputStream zip = new ZipInputStream(in);
        ZipEntry entry;
        while ((entry = zip.getNextEntry()) != null) {
            if (entry.isDirectory()) {
                continue;
            }
            count++;
            String name = jarName + "!/" + entry.getName();
            if (entry.getName().startsWith("BOOT-INF/lib/")) {
                continue;
            }
            byte[] content = readCapped(zip);
            if (entry.getName().endsWith(".jar")) {
                count += scanJar(name, new ByteArrayInputStream(content), findings);
            } else {
                scanContent(name, content, findings);
            }
        }
        return count;
    }

    private static byte[] readCapped(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int n;
        while ((n = in.read(buffer)) > 0) {
            if (out.size() + n > MAX_FILE_BYTES) {
                throw new IOException("entry larger than " + MAX_FILE_BYTES + " bytes");
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    /** Text is scanned line by line; binary content (class files) as its printable runs, like strings(1). */
    void scanContent(String name, byte[] content, List<Finding> findings) {
        boolean binary = false;
        for (int i = 0; i < Math.min(content.length, 8000); i++) {
            if (content[i] == 0) {
                binary = true;
                break;
            }
        }
        String text;
        if (binary) {
            StringBuilder sb = new StringBuilder(content.length);
            for (byte b : content) {
                sb.append(b >= 0x20 && b < 0x7f ? (char) b : '\n');
            }
            text = sb.toString();
        } else {
            text = new String(content, StandardCharsets.UTF_8);
        }
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.length() < 16) {
                continue;
            }
            for (Rule rule : RULES) {
                Matcher m = rule.pattern().matcher(line);
                while (m.find()) {
                    String value = m.group(rule.group());
                    if (rule.entropyCheck() && !looksRandom(value)) {
                        continue;
                    }
                    Finding f = new Finding(name, binary ? 0 : i + 1, rule.id(), preview(value));
                    if (allowances.stream().noneMatch(a -> a.allows(f))) {
                        findings.add(f);
                    }
                }
            }
        }
    }

    /** Placeholders, references and readable pass-phrases are not secrets; random-looking strings are. */
    static boolean looksRandom(String value) {
        String v = value.replaceAll("[\"'`,;)]+$", "");
        if (v.length() < 20 || v.startsWith("${") || v.startsWith("$") || v.contains("<") || v.contains("{")) {
            return false;
        }
        String lower = v.toLowerCase(Locale.ROOT);
        if (lower.contains("example") || lower.contains("change") || lower.contains("replace")
                || lower.contains("placeholder") || lower.contains("xxxxx") || lower.contains("dummy")) {
            return false;
        }
        // Dotted identifiers (com.sundispatch.security.TokenService) are names, not secrets. Only dots: Base64
        // has no dot but has slashes, so slash-separated "paths" could be keys.
        if (v.matches("[A-Za-z_][A-Za-z0-9_]*(?:\\.[A-Za-z_][A-Za-z0-9_-]*)+")) {
            return false;
        }
        return entropy(v) >= MIN_ENTROPY;
    }

    /** Shannon entropy in bits per character. */
    static double entropy(String s) {
        int[] counts = new int[128];
        int other = 0;
        for (char c : s.toCharArray()) {
            if (c < 128) {
                counts[c]++;
            } else {
                other++;
            }
        }
        double h = 0;
        for (int n : counts) {
            if (n > 0) {
                double p = (double) n / s.length();
                h -= p * Math.log(p) / Math.log(2);
            }
        }
        if (other > 0) {
            double p = (double) other / s.length();
            h -= p * Math.log(p) / Math.log(2);
        }
        return h;
    }

    private static String preview(String value) {
        return value.substring(0, Math.min(4, value.length())) + "… (" + value.length() + " chars)";
    }

    /**
     * {@code secret-scan-allow.txt}: one entry a line, {@code <rule or *> <path glob>  # <reason>}; blank lines and
     * lines starting with # are ignored. An entry without a reason is refused, so every allowance says why.
     */
    static List<Allowance> readAllowList(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        return parseAllowList(Files.readAllLines(file, StandardCharsets.UTF_8));
    }

    static List<Allowance> parseAllowList(List<String> lines) {
        List<Allowance> result = new ArrayList<>();
        for (String raw : lines) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int hash = line.indexOf(" #");
            String reason = hash < 0 ? "" : line.substring(hash + 2).strip();
            String[] parts = (hash < 0 ? line : line.substring(0, hash)).strip().split("\\s+");
            if (parts.length != 2 || reason.isEmpty()) {
                throw new IllegalArgumentException("secret-scan-allow.txt: want '<rule> <glob>  # <reason>': " + raw);
            }
            if (!parts[0].equals("*") && RULES.stream().noneMatch(r -> r.id().equals(parts[0]))) {
                throw new IllegalArgumentException("secret-scan-allow.txt: unknown rule " + parts[0]);
            }
            result.add(new Allowance(parts[0], FileSystems.getDefault().getPathMatcher("glob:" + parts[1]), parts[1],
                    reason));
        }
        return result;
    }
}
