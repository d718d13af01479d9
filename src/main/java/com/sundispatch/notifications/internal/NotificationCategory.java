package com.sundispatch.notifications.internal;

import java.util.EnumSet;
import java.util.Set;

import com.sundispatch.identity.Role;

/**
 * What a notification is about, the unit in which people choose their channels. Security notices and mails
 * about money are always sent (locked): turning them off would hide a takeover or a charge.
 */
public enum NotificationCategory {
    SECURITY(EnumSet.of(NotificationChannel.EMAIL, NotificationChannel.IN_APP)),
    ORDERS(EnumSet.of(NotificationChannel.EMAIL)),
    INSTALLATION(EnumSet.noneOf(NotificationChannel.class)),
    REVIEWS(EnumSet.noneOf(NotificationChannel.class)),
    OFFERS(EnumSet.noneOf(NotificationChannel.class)),
    INSTALLER(EnumSet.noneOf(NotificationChannel.class)),
    ADMIN(EnumSet.noneOf(NotificationChannel.class));

    private final Set<NotificationChannel> locked;

    NotificationCategory(Set<NotificationChannel> locked) {
        this.locked = locked;
    }

    public boolean locked(NotificationChannel channel) {
        return locked.contains(channel);
    }

    /** Whether someone with this role can get notifications of this category (what the settings list). */
    public boolean relevantFor(Role role) {
        return switch (this) {
            case SECURITY, ORDERS, INSTALLATION, REVIEWS -> true;
            case OFFERS, INSTALLER -> role == Role.INSTALLER;
            case ADMIN -> role == Role.ADMIN;
        };
    }
}
