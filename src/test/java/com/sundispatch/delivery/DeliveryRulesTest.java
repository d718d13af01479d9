package com.sundispatch.delivery;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/** Docker cannot run here, so the Dockerfile's and the Kubernetes manifests' rules are checked as files. */
class DeliveryRulesTest {

    private static List<String> dockerfile;
    private static final Map<String, Map<String, Object>> manifests = new HashMap<>();

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void read() throws IOException {
        dockerfile = Files.readAllLines(Path.of("Dockerfile")).stream().map(String::trim)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        try (var files = Files.list(Path.of("deploy/k8s"))) {
            for (Path p : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                for (Object doc : new Yaml().loadAll(Files.readString(p))) {
                    Map<String, Object> m = (Map<String, Object>) doc;
                    if (m != null && m.get("kind") != null) {
                        manifests.put((String) m.get("kind"), m);
                    }
                }
            }
        }
    }

    @Test
    void dockerfileRunsAsNonRootExposesOnePortAndPinsItsBases() throws IOException {
        List<String> froms = dockerfile.stream().filter(l -> l.startsWith("FROM ")).toList();
        assertThat(froms).hasSizeGreaterThanOrEqualTo(2).allSatisfy(f -> assertThat(f).containsPattern("@sha256:[0-9a-f]{64}"));
        String lastUser = dockerfile.stream().filter(l -> l.startsWith("USER ")).reduce((a, b) -> b).orElseThrow();
        assertThat(lastUser).doesNotContain("root").isNotEqualTo("USER 0").matches("USER \\d{4,}(:\\d+)?");
        assertThat(dockerfile.stream().filter(l -> l.startsWith("EXPOSE "))).containsExactly("EXPOSE 8080");
        assertThat(dockerfile).anyMatch(l -> l.startsWith("HEALTHCHECK"));
        assertThat(dockerfile).noneMatch(l -> l.matches("(?i)ADD\\s+https?://.*"));
        assertThat(String.join("\n", dockerfile)).doesNotContainPattern("(?i)(SECRET|PEPPER|DATA_KEY|PASSWORD)\\s*=")
                .doesNotContain(".env ");
        assertThat(Files.readString(Path.of(".dockerignore")).lines()).contains(".env", "data/", ".git/");
    }

    @Test
    @SuppressWarnings("unchecked")
    void deploymentIsHardened() {
        Map<String, Object> spec = map(manifests.get("Deployment"), "spec");
        assertThat((Integer) spec.get("replicas")).isGreaterThanOrEqualTo(2);
        Map<String, Object> pod = map(map(spec, "template"), "spec");
        Map<String, Object> podSecurity = map(pod, "securityContext");
        assertThat(podSecurity.get("runAsNonRoot")).isEqualTo(true);
        assertThat(map(podSecurity, "seccompProfile").get("type")).isEqualTo("RuntimeDefault");
        List<Map<String, Object>> containers = (List<Map<String, Object>>) pod.get("containers");
        assertThat(containers).hasSize(1);
        Map<String, Object> c = containers.get(0);
        Map<String, Object> sc = map(c, "securityContext");
        assertThat(sc.get("readOnlyRootFilesystem")).isEqualTo(true);
        assertThat(sc.get("allowPrivilegeEscalation")).isEqualTo(false);
        assertThat((List<String>) map(sc, "capabilities").get("drop")).containsExactly("ALL");
        assertThat(map(map(c, "resources"), "limits")).containsKeys("cpu", "memory");
        assertThat(map(map(c, "resources"), "requests")).containsKeys("cpu", "memory");
        assertThat(c).containsKeys("readinessProbe", "livenessProbe");
        assertThat((List<?>) c.get("ports")).hasSize(1);
        assertThat((List<Map<String, Object>>) pod.get("volumes")).anySatisfy(v -> assertThat(v).containsKey("emptyDir"));
        assertThat((List<Map<String, Object>>) c.get("volumeMounts"))
                .anySatisfy(m -> assertThat(m.get("mountPath")).isEqualTo("/tmp"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void everySecretComesFromASecretAndNoValueIsCommitted() {
        Map<String, Object> c = ((List<Map<String, Object>>) map(map(map(manifests.get("Deployment"), "spec"),
                "template"), "spec").get("containers")).get(0);
        List<String> secretVars = new ArrayList<>();
        for (Map<String, Object> e : (List<Map<String, Object>>) c.get("env")) {
            assertThat(e).as("no literal values in env: %s", e.get("name")).doesNotContainKey("value");
            if (map(e, "valueFrom").containsKey("secretKeyRef")) {
                secretVars.add((String) e.get("name"));
            }
        }
        assertThat(secretVars).contains("SUNDISPATCH_JWT_SECRET", "SUNDISPATCH_PASSWORD_PEPPER", "SUNDISPATCH_DATA_KEY",
                "SUNDISPATCH_PAYMENT_WEBHOOK_SECRET", "SPRING_DATASOURCE_PASSWORD");
        Map<String, Object> secret = manifests.get("Secret");
        ((Map<String, Object>) secret.get("stringData")).values().forEach(v -> assertThat(v).isEqualTo(""));
        assertThat(map(manifests.get("ConfigMap"), "data").keySet())
                .noneMatch(k -> k.matches(".*(SECRET|PEPPER|DATA_KEY|PASSWORD).*"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void networkPolicyAdmitsOnlyTheIngressAndLimitsEgress() {
        Map<String, Object> spec = map(manifests.get("NetworkPolicy"), "spec");
        assertThat((List<String>) spec.get("policyTypes")).containsExactlyInAnyOrder("Ingress", "Egress");
        List<Map<String, Object>> ingress = (List<Map<String, Object>>) spec.get("ingress");
        assertThat(ingress).hasSize(1);
        assertThat(String.valueOf(ingress.get(0).get("from"))).contains("ingress-nginx");
        assertThat(String.valueOf(ingress.get(0).get("ports"))).contains("8080");
        List<Integer> egressPorts = new ArrayList<>();
        for (Map<String, Object> rule : (List<Map<String, Object>>) spec.get("egress")) {
            for (Map<String, Object> p : (List<Map<String, Object>>) rule.get("ports")) {
                egressPorts.add((Integer) p.get("port"));
            }
        }
        assertThat(egressPorts).containsExactlyInAnyOrder(53, 53, 3306, 6379, 587, 443);
    }

    @Test
    void autoscalerAndDisruptionBudgetExistAndTheServiceHasOnePort() {
        assertThat(manifests).containsKeys("HorizontalPodAutoscaler", "PodDisruptionBudget", "Service");
        assertThat((Integer) map(manifests.get("HorizontalPodAutoscaler"), "spec").get("minReplicas"))
                .isGreaterThanOrEqualTo(2);
        assertThat((List<?>) map(manifests.get("Service"), "spec").get("ports")).hasSize(1);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> m, String key) {
        Object v = m.get(key);
        return v instanceof Map ? (Map<String, Object>) v : Map.of();
    }
}
