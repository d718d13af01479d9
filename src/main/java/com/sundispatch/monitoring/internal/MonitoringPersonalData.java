package com.sundispatch.monitoring.internal;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import com.sundispatch.shared.PersonalData;

/**
 * The security events recorded about the person (sign-ins, changes, refusals) with the address and browser they
 * came from. Erasure keeps what happened and when (the security record, GDPR Art. 6(1)(f)), under the account's
 * id only, and removes where it came from and the details.
 */
@Component
class MonitoringPersonalData implements PersonalData {

    private final JdbcTemplate jdbc;

    MonitoringPersonalData(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String section() {
        return "auditEvents";
    }

    @Override
    public Object export(String userId) {
        // Without the detail column: it holds the defences' reasons (why a sign-in was refused, what a throttle
        // counted) and ids of other accounts, none of which is the person's own data.
        return PersonalData.rows(jdbc.queryForList("select type, occurred_at, ip, user_agent, outcome "
                + "from audit_events where user_id = ? order by occurred_at", userId));
    }

    @Override
    public void erase(String userId, String pseudonym) {
        jdbc.update("update audit_events set ip = null, user_agent = null, detail = null where user_id = ?", userId);
    }
}
