package com.sundispatch.notifications.internal;

/** A plain-text mail to one recipient. The body may hold a secret link: never log it. */
record OutgoingMail(String to, String subject, String body, String purpose, String userId) {

    @Override
    public String toString() {
        return "OutgoingMail[purpose=" + purpose + ", userId=" + userId + "]";
    }
}
