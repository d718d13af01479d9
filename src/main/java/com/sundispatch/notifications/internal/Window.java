package com.sundispatch.notifications.internal;

import java.time.Instant;

/** A time window as a mail shows it: "3 Dec 2026, 08:00 CET – 3 Dec 2026, 16:00 CET". */
record Window(Instant start, Instant end) {
}
