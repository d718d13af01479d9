package com.sundispatch;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.boot.context.metrics.buffering.StartupTimeline.TimelineEvent;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.metrics.StartupStep;

/**
 * Not a test: where start-up goes. Starts the application once in this JVM with Spring's
 * {@link BufferingApplicationStartup} (the prod profile, an in-memory H2 database) and writes each start-up step's
 * own time (its duration minus that of the steps inside it) to target/benchmarks/startup-profile.md: the 25 most
 * expensive beans, the totals per kind of step and the number of classes loaded. Run with
 * {@code ./mvnw verify -Pbenchmark -Dit.test=StartupProfileBenchmark}.
 */
class StartupProfileBenchmark {

    @Test
    void whereStartUpGoes() throws Exception {
        SpringApplication application = new SpringApplication(SunDispatchApplication.class);
        BufferingApplicationStartup startup = new BufferingApplicationStartup(50_000);
        application.setApplicationStartup(startup);
        application.setAdditionalProfiles("prod");
        long began = System.nanoTime();
        int classesBefore = ManagementFactory.getClassLoadingMXBean().getLoadedClassCount();
        StringBuilder report = new StringBuilder();
        try (ConfigurableApplicationContext context = application.run("--server.port=0",
                "--SUNDISPATCH_JWT_SECRET=" + random(), "--SUNDISPATCH_PASSWORD_PEPPER=" + random(),
                "--SUNDISPATCH_DATA_KEY=" + random(), "--SUNDISPATCH_PAYMENT_WEBHOOK_SECRET=" + random(),
                "--SUNDISPATCH_ALLOWED_HOSTS=localhost", "--SUNDISPATCH_PUBLIC_BASE_URL=https://sundispatch.example",
                "--SUNDISPATCH_FILES_DIRECTORY=target/benchmarks/startup-profile-blobs",
                "--spring.datasource.url=jdbc:h2:mem:startup-profile;MODE=MySQL;DATABASE_TO_LOWER=TRUE;"
                        + "CASE_INSENSITIVE_IDENTIFIERS=TRUE;DEFAULT_NULL_ORDERING=HIGH",
                "--logging.threshold.console=WARN")) {
            double seconds = (System.nanoTime() - began) / 1e9;
            int classes = ManagementFactory.getClassLoadingMXBean().getLoadedClassCount() - classesBefore;
            List<TimelineEvent> events = startup.getBufferedTimeline().getEvents();
            Map<Long, Duration> children = new HashMap<>();
            for (TimelineEvent e : events) {
                Long parent = e.getStartupStep().getParentId();
                if (parent != null) {
                    children.merge(parent, e.getDuration(), Duration::plus);
                }
            }
            Map<String, Double> perKind = new HashMap<>();
            Map<String, Double> perBean = new HashMap<>();
            for (TimelineEvent e : events) {
                StartupStep step = e.getStartupStep();
                double own = e.getDuration().minus(children.getOrDefault(step.getId(), Duration.ZERO)).toNanos() / 1e6;
                perKind.merge(step.getName(), own, Double::sum);
                if (step.getName().equals("spring.beans.instantiate")) {
                    for (StartupStep.Tag tag : step.getTags()) {
                        if (tag.getKey().equals("beanName")) {
                            perBean.merge(tag.getValue(), own, Double::sum);
                        }
                    }
                }
            }
            report.append(String.format(Locale.ROOT, "Started in %.2f s in this JVM (prod profile, H2 in memory, "
                    + "Flyway migrating an empty database), %d classes loaded, %d start-up steps recorded, Java %s%n%n",
                    seconds, classes, events.size(), System.getProperty("java.version")));
            report.append("| step kind | own time ms |\n|---|---|\n");
            perKind.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed()).limit(15)
                    .forEach(e -> report.append(String.format(Locale.ROOT, "| %s | %.0f |%n", e.getKey(), e.getValue())));
            report.append("\n| bean (own instantiation time, without the beans it needed) | ms |\n|---|---|\n");
            report.append(perBean.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                    .limit(25).map(e -> String.format(Locale.ROOT, "| %s | %.0f |", e.getKey(), e.getValue()))
                    .collect(Collectors.joining("\n"))).append('\n');
        }
        System.out.println(report);
        Path out = Path.of("target/benchmarks/startup-profile.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report.toString());
    }

    private static String random() {
        byte[] b = new byte[48];
        new SecureRandom().nextBytes(b);
        return Base64.getEncoder().encodeToString(b);
    }
}
