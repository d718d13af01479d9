package com.sundispatch.notifications.internal;

/** Where a notification reaches a person. */
public enum NotificationChannel {
    EMAIL, IN_APP, PUSH
}
