package com.sundispatch.delivery;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/** GitHub cannot run here, so the workflow's supply-chain and static-analysis rules are checked as a file. */
class WorkflowRulesTest {

    private static final Path WORKFLOW = Path.of(".github/workflows/ci.yml");

    @Test
    void everyActionIsPinnedByAFullCommitShaWithItsVersionNamed() throws IOException {
        Pattern uses = Pattern.compile("^\\s*(?:-\\s*)?uses:\\s*(\\S+)(.*)$");
        List<String> lines = Files.readAllLines(WORKFLOW);
        long count = 0;
        for (String line : lines) {
            Matcher m = uses.matcher(line);
            if (m.matches()) {
                count++;
                assertThat(m.group(1)).as(line).matches("[A-Za-z0-9_.-]+/[A-Za-z0-9_./-]+@[0-9a-f]{40}");
                assertThat(m.group(2)).as(line).matches("\\s+# v\\d+(\\.\\d+)*.*");
            }
        }
        assertThat(count).isGreaterThanOrEqualTo(8);
    }

    @Test
    @SuppressWarnings("unchecked")
    void permissionsAreReadOnlyExceptCodeScanningUploads() throws IOException {
        Map<String, Object> workflow = new Yaml().load(Files.readString(WORKFLOW));
        assertThat(workflow.get("permissions")).isEqualTo(Map.of("contents", "read"));
        Map<String, Map<String, Object>> jobs = (Map<String, Map<String, Object>>) workflow.get("jobs");
        jobs.forEach((name, job) -> {
            assertThat(job).as(name).containsKey("timeout-minutes");
            Map<String, String> permissions = (Map<String, String>) job.getOrDefault("permissions", Map.of());
            permissions.forEach((scope, level) -> assertThat(level.equals("read")
                    || (name.equals("codeql") && scope.equals("security-events") && level.equals("write")))
                    .as("%s: %s: %s", name, scope, level).isTrue());
        });
    }

    @Test
    @SuppressWarnings("unchecked")
    void staticAnalysisSecretAndImageScansAreInTheWorkflow() throws IOException {
        String text = Files.readString(WORKFLOW);
        Map<String, Object> workflow = new Yaml().load(text);
        Map<String, Map<String, Object>> jobs = (Map<String, Map<String, Object>>) workflow.get("jobs");
        assertThat(jobs).containsKeys("test", "codeql", "image-scan", "dependency-audit");
        assertThat(String.valueOf(jobs.get("test").get("steps"))).contains("./mvnw -B -ntp verify")
                .contains("com.sundispatch.delivery.SecretScanner");
        assertThat(String.valueOf(jobs.get("codeql").get("steps"))).contains("github/codeql-action/init@",
                "github/codeql-action/analyze@", "languages=java-kotlin");
        assertThat(String.valueOf(jobs.get("image-scan").get("steps"))).contains("docker build",
                "aquasecurity/trivy-action@", "exit-code=1");
        assertThat(Files.readString(Path.of(".ci/run"))).contains("com.sundispatch.delivery.SecretScanner");
        // spotbugs:check runs in ./mvnw verify, so no job may switch it off.
        assertThat(text).doesNotContain("spotbugs.skip");
    }
}
