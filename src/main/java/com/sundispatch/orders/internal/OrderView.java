package com.sundispatch.orders.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.annotation.Nullable;

import com.sundispatch.billing.Invoicing;
import com.sundispatch.orders.OrderStatus;
import com.sundispatch.shared.Money;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * An order as its customer sees it: what was bought at which gross prices, the VAT in it, the installation, and
 * where the money stands (refunds, invoices and credit notes, and what a cancellation would cost now).
 */
public record OrderView(String id, OrderStatus status, List<Item> items, Money panelsTotal, Money installationFee,
        Money total, Tax tax, InstallationAddress installation, Instant createdAt, @Nullable Instant reservedUntil,
        @Nullable Instant paidAt, @Nullable Instant cancelledAt, boolean refundDue, Money refunded,
        @Nullable RefundStatus refundStatus, List<RefundView> refunds,
        List<DocumentView> documents, @Nullable Cancellation cancellation) {

    public record Item(String panelId, String panelName, int quantity, Money unitPrice, Money lineTotal) {
    }

    /** The VAT in the total: {@code rate} in percent as a decimal string ("19", "8.1"). */
    public record Tax(String rate, Money net, Money vat) {
    }

    public enum RefundStatus {
        NONE, PENDING, REFUNDED, PARTIALLY_REFUNDED, FAILED
    }

    public record RefundView(String id, Money amount,
            @Schema(implementation = Refund.Status.class)
            String status, @Nullable String reason, Instant createdAt,
            @Nullable Instant settledAt) {
    }

    public record DocumentView(String id,
            @Schema(implementation = Invoicing.Type.class)
            String type, String number, LocalDate issuedOn, Money gross) {
    }

    /** What cancelling now would keep and give back; null when the customer can no longer cancel. */
    public record Cancellation(Money fee, Money refund) {
    }
}
