package com.sundispatch.notifications.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import com.sundispatch.shared.PersonalData;

/**
 * The inbox, the notification preferences and the push subscriptions (which browser, since when; never the push
 * endpoint or its keys). Erasure deletes them all, with the record of which mails were sent.
 */
@Component
class NotificationsPersonalData implements PersonalData {

    private final JdbcTemplate jdbc;

    NotificationsPersonalData(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String section() {
        return "notifications";
    }

    @Override
    public Object export(String userId) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("inbox", PersonalData.rows(jdbc.queryForList("select kind, category, title, body, link, created_at, "
                + "read_at from notifications where recipient_id = ? order by created_at", userId)));
        out.put("preferences", PersonalData.rows(jdbc.queryForList("select category, channel, enabled "
                + "from notification_preferences where user_id = ?", userId)));
        out.put("pushSubscriptions", PersonalData.rows(jdbc.queryForList("select user_agent, created_at, "
                + "last_success_at from push_subscriptions where user_id = ? order by created_at", userId)));
        out.put("pushDevices", PersonalData.rows(jdbc.queryForList("select platform, created_at, last_success_at "
                + "from device_push_tokens where user_id = ? order by created_at", userId)));
        return out;
    }

    @Override
    public void erase(String userId, String pseudonym) {
        jdbc.update("delete from notifications where recipient_id = ?", userId);
        jdbc.update("delete from notification_preferences where user_id = ?", userId);
        jdbc.update("delete from push_subscriptions where user_id = ?", userId);
        jdbc.update("delete from device_push_tokens where user_id = ?", userId);
        jdbc.update("delete from sent_notification_mails where recipient_id = ?", userId);
    }
}
