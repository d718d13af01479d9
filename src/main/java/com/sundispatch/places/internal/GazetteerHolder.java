package com.sundispatch.places.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Loads the gazetteer on first use, not at start-up (reading and indexing it takes a few hundred ms). Once the
 * application is ready, a background thread warms it up so the first suggestion does not wait either.
 */
@Component
class GazetteerHolder {

    private static final Logger log = LoggerFactory.getLogger(GazetteerHolder.class);

    private volatile Gazetteer gazetteer;

    Gazetteer get() {
        Gazetteer g = gazetteer;
        if (g == null) {
            synchronized (this) {
                g = gazetteer;
                if (g == null) {
                    long start = System.nanoTime();
                    g = Gazetteer.load();
                    gazetteer = g;
                    log.info("Gazetteer loaded: {} postal codes, {} towns in {} ms", g.postalCodeCount(),
                            g.townCount(), (System.nanoTime() - start) / 1_000_000);
                }
            }
        }
        return g;
    }

    @EventListener(ApplicationReadyEvent.class)
    void warmUp() {
        Thread warm = new Thread(this::get, "gazetteer-warm-up");
        warm.setDaemon(true);
        warm.start();
    }
}
