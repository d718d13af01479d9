package com.sundispatch.dispatch.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import com.sundispatch.security.PersonalDataSeal;
import com.sundispatch.shared.PersonalData;

/**
 * Installations as the customer had them (their installer only as the public profile shows them: id and company),
 * the reviews they wrote, and, for an installer, the profile, applications, availability, jobs (the customer's
 * home only to the postal code: the exact address is the customer's), reviews received (without the author) and
 * the webhook address (never its secret). Erasure removes an installer's profile, applications, availability,
 * bookings and webhook, and a customer's home from their jobs like from their orders; jobs, reports and reviews
 * stay (the order's accounting record and the installer's public rating rest on them).
 */
@Component
class DispatchPersonalData implements PersonalData {

    /** The problem code of an installer's deletion refused while a job is theirs and not yet finished (409). */
    static final String OPEN_JOBS = "deletion_blocked_open_jobs";

    private static final String OPEN_STATUSES = "('ASSIGNED', 'SCHEDULED', 'IN_PROGRESS', 'AWAITING_CONFIRMATION', "
            + "'DISPUTED')";

    private final JdbcTemplate jdbc;
    private final PersonalDataSeal seal;

    DispatchPersonalData(JdbcTemplate jdbc, PersonalDataSeal seal) {
        this.jdbc = jdbc;
        this.seal = seal;
    }

    @Override
    public String section() {
        return "installations";
    }

    @Override
    public Object export(String userId) {
        Map<String, Object> out = new LinkedHashMap<>();
        List<Map<String, Object>> asCustomer = PersonalData.rows(jdbc.queryForList("select j.id, j.order_id, j.status, "
                + "j.address_line, j.city, j.postal_code, j.country, j.window_start, j.window_end, j.scheduled_start, "
                + "j.scheduled_end, j.completed_at, j.installer_id, p.company_name as installer_company from jobs j "
                + "left join installer_profiles p on p.user_id = j.installer_id where j.customer_id = ? "
                + "order by j.created_at", userId));
        // Streets and phone numbers are sealed at rest, bound to their row: opened for the person they belong to.
        seal.openRows(asCustomer, "jobs", row -> row.get("id"), "address_line");
        out.put("asCustomer", asCustomer);
        out.put("reviewsWritten", PersonalData.rows(jdbc.queryForList("select job_id, installer_id, rating, comment, "
                + "created_at from reviews where customer_id = ? order by created_at", userId)));
        List<Map<String, Object>> profile = PersonalData.rows(jdbc.queryForList("select company_name, "
                + "license_number, phone, base_address_line, base_postal_code, base_city, base_country, base_latitude, "
                + "base_longitude, service_radius_km, approved_at from installer_profiles where user_id = ?", userId));
        seal.openRows(profile, "installer_profiles", row -> userId, "phone", "base_address_line");
        out.put("installerProfile", profile.stream().findFirst().orElse(null));
        List<Map<String, Object>> applications = PersonalData.rows(jdbc.queryForList("select id, status, "
                + "company_name, license_number, phone, base_address_line, base_postal_code, base_city, base_country, "
                + "service_radius_km, created_at, decided_at, reject_reason from installer_applications "
                + "where user_id = ? order by created_at", userId));
        seal.openRows(applications, "installer_applications", row -> row.get("id"), "phone", "base_address_line");
        out.put("installerApplications", applications);
        out.put("availability", PersonalData.rows(jdbc.queryForList("select start_at, end_at from availability_slots "
                + "where installer_id = ? order by start_at", userId)));
        out.put("jobsAsInstaller", PersonalData.rows(jdbc.queryForList("select id, status, city, postal_code, country, "
                + "window_start, window_end, scheduled_start, scheduled_end, assigned_at, started_at, completed_at "
                + "from jobs where installer_id = ? order by created_at", userId)));
        out.put("reviewsReceived", PersonalData.rows(jdbc.queryForList("select job_id, rating, comment, created_at "
                + "from reviews where installer_id = ? order by created_at", userId)));
        out.put("webhook", PersonalData.rows(jdbc.queryForList("select url, created_at from installer_webhooks "
                + "where installer_id = ?", userId)).stream().findFirst().orElse(null));
        return out;
    }

    /** Jobs an installer holds until they are completed or handed back (cancelled, or re-dispatched). */
    @Override
    public Optional<String> erasureBlocker(String userId) {
        Integer open = jdbc.queryForObject("select count(*) from jobs where installer_id = ? and status in "
                + OPEN_STATUSES, Integer.class, userId);
        return open != null && open > 0 ? Optional.of(OPEN_JOBS) : Optional.empty();
    }

    @Override
    public void erase(String userId, String pseudonym) {
        jdbc.update("update jobs set address_line = '', exact_location = null, latitude = round(latitude, 1), "
                + "longitude = round(longitude, 1) where customer_id = ?", userId);
        jdbc.update("delete from webhook_deliveries where installer_id = ?", userId);
        jdbc.update("delete from installer_webhooks where installer_id = ?", userId);
        jdbc.update("delete from availability_slots where installer_id = ?", userId);
        jdbc.update("delete from installer_bookings where installer_id = ?", userId);
        jdbc.update("delete from installer_applications where user_id = ?", userId);
        jdbc.update("delete from installer_profiles where user_id = ?", userId);
    }
}
