package com.sundispatch.shared;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Violations as H2 and MariaDB report them map to the owning module's code. */
class UniqueConstraintsTest {

    private static final List<UniqueConstraints> ALL = List.of(new UniqueConstraints(List.of(
            UniqueConstraints.primaryKey("reviews", "already_reviewed", "reviewed"),
            UniqueConstraints.named("uk_jobs_order", "jobs", "job_exists", "job"))),
            new UniqueConstraints(List.of(UniqueConstraints.primaryKey("processed_webhook_events",
                    "already_processed", "processed"))));

    private static String code(String constraint, String message, String sql) {
        return UniqueConstraints.match(ALL, constraint, message, sql).map(UniqueConstraints.Entry::code)
                .orElse(UniqueConstraints.DEFAULT_CODE);
    }

    @Test
    void namedConstraintAsMariaDbAndMySqlAndH2NameIt() {
        assertThat(code("uk_jobs_order", "Duplicate entry 'x' for key 'uk_jobs_order'", null)).isEqualTo("job_exists");
        assertThat(code("jobs.uk_jobs_order", "Duplicate entry 'x' for key 'jobs.uk_jobs_order'", null))
                .isEqualTo("job_exists");
        assertThat(code("public.uk_jobs_order_index_2", "Unique index or primary key violation: "
                + "\"public.uk_jobs_order_INDEX_2 ON public.jobs(order_id)\"", "insert into jobs (id) values (?)"))
                .isEqualTo("job_exists");
    }

    @Test
    void primaryKeyIsFoundThroughTheFailedStatementsTable() {
        assertThat(code("PRIMARY", "Duplicate entry 'j' for key 'PRIMARY'",
                "insert into reviews (comment,created_at,customer_id) values (?,?,?)")).isEqualTo("already_reviewed");
        assertThat(code(null, "Unique index or primary key violation: \"PRIMARY KEY ON public.reviews(job_id)\"",
                "insert into reviews (comment) values (?)")).isEqualTo("already_reviewed");
        assertThat(code("PRIMARY", "Duplicate entry 'e' for key 'PRIMARY'",
                "insert into processed_webhook_events (processed_at,event_id) values (?,?)"))
                .isEqualTo("already_processed");
    }

    @Test
    void unknownConstraintsFallBackToConflict() {
        assertThat(code("uk_users_email", "Duplicate entry 'a@b' for key 'uk_users_email'",
                "insert into users (email) values (?)")).isEqualTo("conflict");
        assertThat(code("PRIMARY", "Duplicate entry", "insert into users (id) values (?)")).isEqualTo("conflict");
        assertThat(code(null, null, null)).isEqualTo("conflict");
    }
}
