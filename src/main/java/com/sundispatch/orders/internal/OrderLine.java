package com.sundispatch.orders.internal;

import java.math.BigDecimal;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** One line of an order, with the unit price the server charged at the time. */
@Embeddable
class OrderLine {

    @Column(name = "panel_id", nullable = false, length = 36)
    private String panelId;

    @Column(name = "panel_name", nullable = false, length = 120)
    private String panelName;

    @Column(nullable = false)
    private int quantity;

    @Column(name = "unit_price", nullable = false, precision = 10, scale = 2)
    private BigDecimal unitPrice;

    protected OrderLine() {
    }

    OrderLine(String panelId, String panelName, int quantity, BigDecimal unitPrice) {
        this.panelId = panelId;
        this.panelName = panelName;
        this.quantity = quantity;
        this.unitPrice = unitPrice;
    }

    String panelId() {
        return panelId;
    }

    String panelName() {
        return panelName;
    }

    int quantity() {
        return quantity;
    }

    BigDecimal unitPrice() {
        return unitPrice;
    }
}
