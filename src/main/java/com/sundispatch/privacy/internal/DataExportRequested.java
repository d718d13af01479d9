package com.sundispatch.privacy.internal;

/** A data export was asked for: the durable listener builds the archive after the request's commit. */
public record DataExportRequested(String eventId, String userId, String exportId) {
}
