package com.sundispatch.dispatch.internal;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.test.util.ReflectionTestUtils;

import com.sundispatch.dispatch.JobStatus;
import com.sundispatch.orders.OrderPaid;
import com.sundispatch.shared.Actor;
import com.sundispatch.shared.ApiException;
import com.sundispatch.shared.Money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The rules the job's intent methods apply on top of the machine: the appointment's day and the notice period. */
class JobRulesTest {

    /** 09:00 in Berlin (winter time). */
    private static final Instant APPOINTMENT = Instant.parse("2026-12-09T08:00:00Z");

    private static Job scheduled(String country) {
        OrderPaid paid = new OrderPaid("e", "o", "c", "p", Money.of(new BigDecimal("100.00"), "EUR"), APPOINTMENT, 52.5, 13.4,
                APPOINTMENT.minus(Duration.ofHours(2)), APPOINTMENT.plus(Duration.ofHours(8)), 6, "Hauptstr. 1",
                "Berlin", "10115", country, null);
        Job job = new Job("j", paid, APPOINTMENT.minus(Duration.ofDays(10)));
        ReflectionTestUtils.setField(job, "status", JobStatus.SCHEDULED);
        ReflectionTestUtils.setField(job, "scheduledStart", APPOINTMENT);
        ReflectionTestUtils.setField(job, "scheduledEnd", APPOINTMENT.plus(Duration.ofHours(6)));
        return job;
    }

    @Test
    void startIsAllowedFromMidnightToMidnightOfTheAppointmentDayInTheSitesZone() {
        Job job = scheduled("DE");
        Instant berlinMidnight = Instant.parse("2026-12-08T23:00:00Z");
        assertThat(job.start(berlinMidnight).to()).isEqualTo(JobStatus.IN_PROGRESS);
        assertThat(job.start(Instant.parse("2026-12-09T22:59:59Z")).to()).isEqualTo(JobStatus.IN_PROGRESS);
        assertThatThrownBy(() -> job.start(berlinMidnight.minusSeconds(1))).isInstanceOf(ApiException.class)
                .hasFieldOrPropertyWithValue("code", "not_appointment_day");
        assertThatThrownBy(() -> job.start(Instant.parse("2026-12-09T23:00:00Z")))
                .hasFieldOrPropertyWithValue("code", "not_appointment_day");
    }

    @Test
    void theNoticePeriodEndsRescheduleUntilTheAppointmentHasBeenMissed() {
        Job job = scheduled("AT");
        Duration notice = Duration.ofHours(48);
        assertThat(job.reschedule(Actor.CUSTOMER, APPOINTMENT.minus(notice), notice).to())
                .isEqualTo(JobStatus.ASSIGNED);
        assertThatThrownBy(() -> job.reschedule(Actor.CUSTOMER, APPOINTMENT.minus(notice).plusSeconds(1), notice))
                .hasFieldOrPropertyWithValue("code", "reschedule_too_late");
        assertThatThrownBy(() -> job.reschedule(Actor.INSTALLER, APPOINTMENT.plus(Duration.ofHours(12)), notice))
                .as("still the appointment's day in Vienna").hasFieldOrPropertyWithValue("code", "reschedule_too_late");
        assertThat(job.reschedule(Actor.INSTALLER, Instant.parse("2026-12-09T23:00:00Z"), notice).to())
                .as("the day after, in Vienna").isEqualTo(JobStatus.ASSIGNED);
        assertThatThrownBy(() -> job.reschedule(Actor.ADMIN, APPOINTMENT.minus(Duration.ofDays(5)), notice))
                .hasFieldOrPropertyWithValue("code", "invalid_state");
    }

    @Test
    void theInstallationsTimeZoneFollowsItsCountry() {
        assertThat(scheduled("CH").zone().getId()).isEqualTo("Europe/Zurich");
        assertThat(scheduled("AT").zone().getId()).isEqualTo("Europe/Vienna");
        assertThat(scheduled("XX").zone().getId()).isEqualTo("Europe/Berlin");
    }
}
