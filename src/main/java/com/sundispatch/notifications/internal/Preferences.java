package com.sundispatch.notifications.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.sundispatch.identity.Role;
import com.sundispatch.shared.ApiException;

/**
 * Who wants what on which channel. Everything is on by default; people turn off what they do not want, except
 * the locked combinations (security notices by mail and in the app, mails about money), which stay on.
 */
@Service
public class Preferences {

    public record Preference(NotificationCategory category, NotificationChannel channel, boolean enabled,
            boolean locked) {
    }

    public record Change(NotificationCategory category, NotificationChannel channel, boolean enabled) {
    }

    private final JdbcClient jdbc;

    Preferences(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean allows(String userId, NotificationCategory category, NotificationChannel channel) {
        if (category.locked(channel)) {
            return true;
        }
        return jdbc.sql("select enabled from notification_preferences where user_id = ? and category = ? "
                + "and channel = ?").params(userId, category.name(), channel.name()).query(Boolean.class)
                .optional().orElse(true);
    }

    @Transactional(readOnly = true)
    public List<Preference> list(String userId, Role role) {
        Map<String, Boolean> stored = new HashMap<>();
        jdbc.sql("select category, channel, enabled from notification_preferences where user_id = ?").param(userId)
                .query((rs, n) -> stored.put(rs.getString("category") + "/" + rs.getString("channel"),
                        rs.getBoolean("enabled")))
                .list();
        List<Preference> out = new ArrayList<>();
        for (NotificationCategory category : NotificationCategory.values()) {
            if (!category.relevantFor(role)) {
                continue;
            }
            for (NotificationChannel channel : NotificationChannel.values()) {
                boolean locked = category.locked(channel);
                boolean enabled = locked || stored.getOrDefault(category + "/" + channel, true);
                out.add(new Preference(category, channel, enabled, locked));
            }
        }
        return out;
    }

    /** Applies all changes or none: one locked one turned off refuses the whole request. */
    @Transactional
    public List<Preference> change(String userId, Role role, List<Change> changes) {
        for (Change c : changes) {
            if (c.category().locked(c.channel()) && !c.enabled()) {
                throw ApiException.badRequest("preference_locked", "Security notices and mails about money "
                        + "are always sent.");
            }
        }
        for (Change c : changes) {
            if (c.category().locked(c.channel())) {
                continue;
            }
            int updated = jdbc.sql("update notification_preferences set enabled = ? where user_id = ? "
                    + "and category = ? and channel = ?").params(c.enabled(), userId, c.category().name(),
                            c.channel().name()).update();
            if (updated == 0) {
                try {
                    jdbc.sql("insert into notification_preferences (user_id, category, channel, enabled) "
                            + "values (?, ?, ?, ?)").params(userId, c.category().name(), c.channel().name(),
                                    c.enabled()).update();
                } catch (DuplicateKeyException e) {
                    // A concurrent save inserted it first: the last word wins, as for an update.
                    jdbc.sql("update notification_preferences set enabled = ? where user_id = ? and category = ? "
                            + "and channel = ?").params(c.enabled(), userId, c.category().name(),
                                    c.channel().name()).update();
                }
            }
        }
        return list(userId, role);
    }
}
