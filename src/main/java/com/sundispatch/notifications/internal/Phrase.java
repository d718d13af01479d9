package com.sundispatch.notifications.internal;

/**
 * A value that is itself words: the text under {@code key}, in the recipient's language (without placeholders
 * of its own). Lets one sentence of a notification vary (who confirmed an installation) without a text variant
 * for every combination with the others (whether a review is asked for).
 */
record Phrase(String key) {
}
