/**
 * Telling people what happened: every other module's public events become, in the recipient's language, an
 * entry in the in-app inbox, a mail (HTML and text, sent over SMTP when {@code SPRING_MAIL_HOST} is set,
 * otherwise written to an outbox folder for development) and a push message, as each person's preferences
 * allow. All of it runs in durable listeners on the event publication registry.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notifications", allowedDependencies = { "billing", "dispatch",
        "identity", "monitoring", "orders", "privacy", "security", "shared" })
package com.sundispatch.notifications;
