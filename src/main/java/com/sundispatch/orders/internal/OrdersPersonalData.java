package com.sundispatch.orders.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import com.sundispatch.security.PersonalDataSeal;
import com.sundispatch.shared.PersonalData;

/**
 * A customer's orders with their lines, payments and refunds. Orders are accounting records (§147 AO, §257 HGB:
 * kept 10 years), so erasure keeps them and removes only what points at the home: the street line is emptied and
 * the coordinates are cut to one decimal (about 10 km); city, postal code, country, items and amounts stay.
 */
@Component
class OrdersPersonalData implements PersonalData {

    /** The problem code of a deletion refused while an order is neither completed nor cancelled (409). */
    static final String ORDER_IN_PROGRESS = "deletion_blocked_order_in_progress";

    private final JdbcTemplate jdbc;
    private final PersonalDataSeal seal;

    OrdersPersonalData(JdbcTemplate jdbc, PersonalDataSeal seal) {
        this.jdbc = jdbc;
        this.seal = seal;
    }

    @Override
    public String section() {
        return "orders";
    }

    @Override
    public Object export(String userId) {
        List<Map<String, Object>> orders = PersonalData.rows(jdbc.queryForList("select id, status, panels_total, "
                + "installation_fee, total, currency, address_line, city, postal_code, country, exact_location, "
                + "preferred_start, preferred_end, created_at, paid_at, cancelled_at from orders where customer_id = ? "
                + "order by created_at", userId));
        // The street and the exact point are sealed at rest; the person gets them in the clear.
        seal.openRows(orders, "orders", row -> row.get("id"), "address_line", "exact_location");
        for (Map<String, Object> order : orders) {
            Object id = order.get("id");
            order.put("items", PersonalData.rows(jdbc.queryForList("select line_no, panel_id, panel_name, quantity, "
                    + "unit_price from order_items where order_id = ? order by line_no", id)));
            order.put("payments", PersonalData.rows(jdbc.queryForList("select id, provider, status, amount, "
                    + "currency, created_at, updated_at from payments where order_id = ? order by created_at", id)));
            order.put("refunds", PersonalData.rows(jdbc.queryForList("select id, amount, currency, reason, status, "
                    + "created_at, settled_at from refunds where order_id = ? order by created_at", id)));
        }
        return orders;
    }

    /**
     * Paid but not finished (or still awaiting payment): the installation and the money are in motion, so the
     * customer cancels the order first (or waits for its completion), then deletes the account.
     */
    @Override
    public Optional<String> erasureBlocker(String userId) {
        Integer open = jdbc.queryForObject("select count(*) from orders where customer_id = ? "
                + "and status not in ('COMPLETED', 'CANCELLED')", Integer.class, userId);
        return open != null && open > 0 ? Optional.of(ORDER_IN_PROGRESS) : Optional.empty();
    }

    @Override
    public void erase(String userId, String pseudonym) {
        jdbc.update("update orders set address_line = '', exact_location = null, "
                + "latitude = round(latitude, 1), longitude = round(longitude, 1) where customer_id = ?", userId);
        jdbc.update("delete from order_customer_locks where customer_id = ?", userId);
    }
}
