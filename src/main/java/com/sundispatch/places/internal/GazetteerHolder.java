package com.sundispatch.places.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Loads the gazetteer on first use, not at start-up (reading and indexing it takes about half a second). Once the
 * application is ready, a background thread warms it up so the first suggestion does not wait either. The data
 * is immutable and comes from the classpath, so one copy serves every application context in the JVM (the test
 * suite runs several).
 */
@Component
class GazetteerHolder {

    private static final Logger log = LoggerFactory.getLogger(GazetteerHolder.class);

    Gazetteer get() {
        return Shared.INSTANCE;
    }

    @EventListener(ApplicationReadyEvent.class)
    void warmUp() {
        Thread warm = new Thread(this::get, "gazetteer-warm-up");
        warm.setDaemon(true);
        warm.start();
    }

    /** Initialised by the JVM on first access, exactly once and thread-safely (holder idiom). */
    private static final class Shared {

        static final Gazetteer INSTANCE = load();

        private static Gazetteer load() {
            long start = System.nanoTime();
            Gazetteer g = Gazetteer.load();
            log.info("Gazetteer loaded: {} postal codes, {} towns in {} ms", g.postalCodeCount(), g.townCount(),
                    (System.nanoTime() - start) / 1_000_000);
            return g;
        }
    }
}
