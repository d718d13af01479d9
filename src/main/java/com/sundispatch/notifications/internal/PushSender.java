package com.sundispatch.notifications.internal;

/**
 * The port through which notifications reach a person's installed web app or phone as a push message (Web
 * Push: RFC 8030 delivery, RFC 8291 payload encryption, RFC 8292 VAPID). One call sends to every push
 * subscription the user registered; subscriptions the push service reports gone (404/410) are removed.
 */
interface PushSender {

    /**
     * What a push shows: title and body already in the recipient's language, the app-relative link it opens
     * (never carrying a token), a tag so a newer push about the same thing replaces the older one, and the
     * event id so the app can de-duplicate.
     */
    record PushMessage(String eventId, String title, String body, String link, String tag, Discreet discreet) {

        /** A message whose payload every push service may read alike (tests, test pushes). */
        PushMessage(String eventId, String title, String body, String link, String tag) {
            this(eventId, title, body, link, tag, null);
        }

        /**
         * What a push service that can read the payload shows instead (Expo, and through it FCM and APNs, unlike Web
         * Push, which is encrypted end to end): a security notice says only that there is one.
         */
        Discreet discreetOrSame() {
            return discreet != null ? discreet : new Discreet(title, body);
        }
    }

    /** The title and body of a notice without its details, in the recipient's language. */
    record Discreet(String title, String body) {
    }

    /** Sends to all of the user's subscriptions; returns how many push services accepted it. */
    int send(String userId, PushMessage message);
}
