package com.sundispatch.billing.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import com.sundispatch.shared.PersonalData;

/**
 * Invoices and credit notes issued to the person (their metadata; the PDFs stay downloadable from the order) and an
 * installer's payouts. Erasure changes nothing here: an issued invoice is a tax record that must be kept unaltered
 * for 10 years (§147 AO, §14b UStG), payouts are accounting records (§257 HGB). See docs/privacy.md.
 */
@Component
class BillingPersonalData implements PersonalData {

    private final JdbcTemplate jdbc;

    BillingPersonalData(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String section() {
        return "billing";
    }

    @Override
    public Object export(String userId) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("documents", PersonalData.rows(jdbc.queryForList("select id, doc_type, doc_number, order_id, "
                + "related_number, issued_on, currency, net_total, vat_total, gross_total, buyer_name, "
                + "buyer_address_line, buyer_postal_code, buyer_city, buyer_country from billing_documents "
                + "where customer_id = ? order by issued_at", userId)));
        out.put("payouts", PersonalData.rows(jdbc.queryForList("select id, order_id, base_amount, fee, amount, currency, "
                + "status, due_at, paid_at from payouts where installer_id = ? order by due_at", userId)));
        return out;
    }

    /** Kept unchanged by law (see the class comment); the account they point at is pseudonymised by identity. */
    @Override
    public void erase(String userId, String pseudonym) {
        // Nothing to remove: retention under §147 AO / §14b UStG outranks erasure (GDPR Art. 17(3)(b)).
    }
}
