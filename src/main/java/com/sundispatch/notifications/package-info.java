/**
 * Mail to users: composed from other modules' events, sent over SMTP when {@code SPRING_MAIL_HOST} is set,
 * otherwise written to an outbox folder for development.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notifications", allowedDependencies = { "identity",
        "monitoring", "security", "shared" })
package com.sundispatch.notifications;
