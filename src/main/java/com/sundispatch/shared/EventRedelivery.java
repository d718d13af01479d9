package com.sundispatch.shared;

import java.time.Clock;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Tries failed deliveries of durable events again, with exponential backoff per publication (see
 * {@link EventsProperties}). A listener that throws (the mail server refused, the webhook receiver was down)
 * leaves its publication FAILED in the registry; this job resubmits it once its delay has passed. Publications
 * left behind by a stop or crash are resubmitted at start-up by Modulith itself
 * ({@code republish-outstanding-events-on-restart}), and ones stuck "processing" on a lost instance turn FAILED
 * after {@code spring.modulith.events.staleness.processing} and come back here.
 */
@Component
class EventRedelivery {

    private static final Logger log = LoggerFactory.getLogger(EventRedelivery.class);

    private final FailedEventPublications failed;
    private final EventsProperties properties;
    private final Clock clock;

    EventRedelivery(FailedEventPublications failed, EventsProperties properties, Clock clock) {
        this.failed = failed;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${sundispatch.events.retry-check-interval:PT10S}",
            initialDelayString = "${sundispatch.events.retry-check-interval:PT10S}")
    void resubmitDue() {
        try {
            failed.resubmit(ResubmissionOptions.defaults().withBatchSize(100).withMaxInFlight(20)
                    .withFilter(this::due));
        } catch (RuntimeException e) {
            // The next round tries again; a database hiccup here must not stop the scheduler thread.
            log.warn("Redelivery of failed event publications failed this round: {}", e.getClass().getSimpleName());
        }
    }

    boolean due(EventPublication publication) {
        int attempts = Math.max(1, publication.getCompletionAttempts());
        Instant resubmitted = publication.getLastResubmissionDate();
        Instant last = resubmitted != null ? resubmitted : publication.getPublicationDate();
        return !last.plus(properties.delayAfter(attempts)).isAfter(clock.instant());
    }
}
