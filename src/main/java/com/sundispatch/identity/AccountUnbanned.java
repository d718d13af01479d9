package com.sundispatch.identity;

/** An admin lifted an account's ban. Published inside the unbanning transaction. */
public record AccountUnbanned(String eventId, String userId) {
}
