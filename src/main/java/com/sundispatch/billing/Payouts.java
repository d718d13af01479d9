package com.sundispatch.billing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

import jakarta.annotation.Nullable;

import com.sundispatch.shared.Money;

/**
 * What installers earn. A payout becomes DUE when an order's installation is confirmed (one per order) and
 * PAID when an admin records the bank transfer.
 */
public interface Payouts {

    enum Status {
        DUE, PAID
    }

    record Payout(String id, String orderId, String installerId, Money base, Money fee, Money amount, Status status,
            Instant dueAt, @Nullable Instant paidAt, @Nullable String reference) {
    }

    /**
     * Records the payout of a confirmed order in the caller's transaction, with its ledger movements (VAT when the
     * basis is NET, the platform fee, the payout). {@code gross} and {@code vat} are the order's total and its VAT
     * part. Returns the payout already recorded when called again for the order.
     */
    Payout recordDue(String orderId, String installerId, BigDecimal gross, BigDecimal vat, String currency);

    Optional<Payout> ofOrder(String orderId);
}
